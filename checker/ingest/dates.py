"""Guess a publication date from an article's own text when none is given.

News reports what has already happened, so the latest fully explicit date (day, month and year) is a
good lower bound for the publication date. Without one, the end of the latest explicit month or year
is used and the note says how rough that is. The result is always flagged as inferred.
"""

from __future__ import annotations

from datetime import date

from checker.models.time import Granularity


def infer_published(body: str) -> tuple[date, str] | None:
    """Return (date, note) read from the text, or None when the text has no explicit date."""
    from checker.extract.timex import tag  # the tagger is heavy to import; only needed here

    explicit = [
        t
        for t in tag(body, None)
        if t.anchor == "explicit" and t.interval is not None and t.type in ("DATE", "TIME")
    ]
    days = [t for t in explicit if t.interval.granularity == Granularity.DAY]
    if days:
        latest = max(days, key=lambda t: t.interval.begin)
        return latest.interval.begin, f"inferred: latest full date in the text ('{latest.text}')"
    coarse = [
        t for t in explicit if t.interval.granularity in (Granularity.MONTH, Granularity.YEAR)
    ]
    if coarse:
        latest = max(coarse, key=lambda t: t.interval.end)
        return (
            latest.interval.end,
            f"inferred roughly: end of the latest explicit date in the text ('{latest.text}'); "
            "add 'published' to front matter or articles.yaml",
        )
    return None
