"""The facts cache: per-article extraction results on disk, reused while nothing they depend on
has changed (see `key.py` for what that is)."""
