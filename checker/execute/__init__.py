"""Running extraction: in this process, on the cores of this machine, or on a Dask cluster.

Every executor turns chunks of articles into the same `Outcome`s; `extract_all` adds the facts
cache around them. The findings never depend on which executor ran or how many workers it had.
"""
