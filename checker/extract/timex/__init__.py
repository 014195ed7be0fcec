"""Time-expression tagger and TIMEX3 normalizer.

    from checker.extract.timex import tag
    tag("The deal was signed in May 2019.", dct=date(2020, 7, 9))

Rules are data (data/rules.yaml); rules.py compiles them, normalize.py (and the modules it
loads: words, dates, periods, relative, clock, durations) interprets matches,
resolve.py anchors relative expressions, tagger.py runs the pass. See tagger.tag.
"""

from checker.extract.timex.tagger import tag

__all__ = ["tag"]
