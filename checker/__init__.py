"""checker: find where articles about one story agree and where they conflict."""

__version__ = "0.1.0"
