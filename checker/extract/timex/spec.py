"""What a matched expression means (Spec) and the registry of normalization functions.

A Spec is either final (explicit dates, durations, sets, PRESENT_REF...) or a recipe that
resolve.py completes against the document creation time (DCT) or the previous time mentioned.
Functions are registered by name; the rule table refers to them by that name.
A function returns None to reject a match (for example "may" that is not capitalised).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from checker.extract.timex.rules import Lexicon, Rule


@dataclass(slots=True)
class Spec:
    """What a matched expression means, before resolution.

    kind:
      explicit  value is final (may still be a DATE that updates the reference time)
      shift     anchor date moved by n units, formatted at `gran`
      fill      year taken from the anchor (+ n), then month/day/season/... filled in
      cycle     the last/next/this occurrence of a weekday, month or season around the DCT
      weekday   a bare weekday: before or after the DCT depending on the clause's tense
    anchor: dct | ref (previous time mentioned) | near (previous time in the same sentence,
      else the DCT, with tense)
    """

    type: str
    kind: str = "explicit"
    value: str | None = None
    gran: str = "day"
    anchor: str = "dct"
    unit: str = "day"
    n: int = 0
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    weekday: int | None = None
    direction: str | None = None  # cycle: last | next | this
    suffix: str = ""  # time part appended to a day value: "TNI", "T14:30"
    week_of_month: int | None = None  # fill: the n-th (1-4) or last (-1) week of `month`
    as_week: bool = False  # fill: the ISO week holding month/day ("the week ending March 7")
    floating: tuple[int, int, int, int] | None = None  # fill: a movable holiday (floating_day)
    mod: str | None = None
    utc_offset: int | None = None  # clock time in a zone: minutes east of UTC (value made UTC)
    dst: str | None = None  # daylight-saving rule of that zone ("us", "eu")
    trading: bool = False  # shift: count trading days (skip Saturday and Sunday)
    news_day: bool = False  # shift: "the day" of a report, the news day rather than any day named
    # shift: "a year ago", "a year earlier", "year-ago": the comparison period of a figure, the
    # period in focus (a quarter, month or half) one year back; it leaves the focus alone
    comparison: bool = False
    # shift: "year-ago", "the year-earlier period": the year before the current period, never
    # the year before a past year in focus ("last year ... the year-ago results" is last year)
    of_current: bool = False
    # shift from the DCT in a past clause: the last whole unit before it ("the latest quarter")
    completed: bool = False
    # a date that only bounds the period named before it ("the quarter ended Sept. 30"): that
    # period stays the time in focus, which "a year ago" then compares with
    bounds_period: bool = False
    start: int | None = None  # span override (rules that produce two expressions)
    end: int | None = None


Normalizer = Callable[[re.Match[str], Rule, Lexicon, date | None], "Spec | list[Spec] | None"]


REGISTRY: dict[str, Normalizer] = {}


def register(name: str) -> Callable[[Normalizer], Normalizer]:
    def deco(fn: Normalizer) -> Normalizer:
        REGISTRY[name] = fn
        return fn

    return deco


def group(m: re.Match[str], name: str) -> str | None:
    """Group text, or None when the group is absent from the pattern or did not take part."""
    try:
        return m.group(name)
    except IndexError:
        return None


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


@register("fixed")
def fixed(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    return Spec(rule.type, value=str(rule.params["value"]))


def with_span(spec: Spec, start: int, end: int) -> Spec:
    return replace(spec, start=start, end=end)
