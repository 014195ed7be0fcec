"""Publication dates: read the one given in metadata, or guess it from the article's own text.

A given date is text (the YAML reader keeps dates as text) in ISO form, `YYYY-MM-DD`, optionally
followed by a time; it must be a real calendar date between `EARLIEST` and a year from today.

News reports what has already happened, so the latest fully explicit date (day, month and year) is a
good lower bound for the publication date. Without one, the end of the latest explicit month or year
is used and the note says how rough that is. The result is always flagged as inferred.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from checker.models.time import Granularity

EARLIEST = date(1800, 1, 1)
FUTURE_SLACK = timedelta(days=366)  # a date up to a year ahead (an embargoed or scheduled piece)


def latest_plausible() -> date:
    return date.today() + FUTURE_SLACK


def plausible(day: date) -> bool:
    """True for a publication date between `EARLIEST` and a year from today."""
    return EARLIEST <= day <= latest_plausible()


def parse_published(value: Any) -> date:
    """The publication date `value` stands for. Raises ValueError saying what is wrong."""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str) and len(value.strip()) >= 10:
        text = value.strip()
        try:
            day = (date.fromisoformat if len(text) == 10 else datetime.fromisoformat)(text)
        except ValueError as exc:
            raise ValueError(f"{exc} (expected YYYY-MM-DD)") from None
        if isinstance(day, datetime):
            day = day.date()
    else:
        raise ValueError("expected YYYY-MM-DD")
    if not plausible(day):
        raise ValueError(
            f"expected a date between {EARLIEST.isoformat()} and {latest_plausible().isoformat()}"
        )
    return day


def infer_published(body: str) -> tuple[date, str] | None:
    """Return (date, note) read from the text, or None when the text has no explicit date."""
    from checker.extract.timex import tag  # the tagger is heavy to import; only needed here

    explicit = [
        t
        for t in tag(body, None)
        if t.anchor == "explicit" and t.interval is not None and t.type in ("DATE", "TIME")
    ]
    explicit = [t for t in explicit if plausible(t.interval.begin) and plausible(t.interval.end)]
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
