"""Time expressions (TIMEX3) and the calendar intervals they denote."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field


class Granularity(StrEnum):
    """How precise a time value is, coarsest last."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


GRANULARITY_ORDER: list[Granularity] = list(Granularity)

# English month names, January first: how dates are written back to a reader and read in text.
MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Interval(BaseModel):
    """Closed calendar interval [begin, end] that a DATE value covers."""

    begin: date
    end: date
    granularity: Granularity

    def overlaps(self, other: Interval) -> bool:
        return self.begin <= other.end and other.begin <= self.end

    def contains(self, other: Interval) -> bool:
        return self.begin <= other.begin and other.end <= self.end


class Timex(BaseModel):
    """One time expression found in a text, normalized as TIMEX3."""

    start: int = Field(description="character offset of the first character in the input text")
    end: int = Field(description="character offset one past the last character")
    text: str
    type: str = Field(description="DATE, TIME, DURATION or SET")
    value: str = Field(description="TIMEX3 value: 2019-09-18, 2019-09, 2019-FA, 2019, 201X, P2Y…")
    mod: str | None = Field(default=None, description="START, MID, END, APPROX, BEFORE, AFTER…")
    interval: Interval | None = Field(
        default=None, description="the calendar span a DATE/TIME value covers, when resolvable"
    )
    anchor: str = Field(
        default="explicit",
        description="how the value was resolved: explicit, dct (publication date), "
        "previous (the last time mentioned) or unresolved",
    )
