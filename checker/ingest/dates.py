"""Publication dates: read the one given in metadata, or guess it from the article's own text.

A given date is text (the YAML reader keeps dates as text) in ISO form, `YYYY-MM-DD`, optionally
followed by a time; it must be a real calendar date between `EARLIEST` and a year from today.

A date the metadata does not give is inferred from the text by `checker.ingest.pubdate`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

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
