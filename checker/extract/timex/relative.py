"""Normalizers of DCT-relative and anaphoric expressions: "yesterday", "next week", "the
previous day", "two years ago", "three days later", weekdays, "a later date".
"""

from __future__ import annotations

import re
from datetime import date

from checker.extract.timex.rules import Lexicon, Rule
from checker.extract.timex.spec import Spec, group, norm, register
from checker.extract.timex.words import (
    parse_number,
    rel_direction,
    unit_name,
    weekday_number,
)

# a capitalised "Today" inside a sentence is a name ("Radio 4's Today programme", "told Today",
# "USA Today"); at the start of a sentence or in a title-cased headline it is the day
_TODAY_NAME_AFTER = re.compile(r"\s+(?:programme|program|show)\b", re.IGNORECASE)


_TODAY_NAME_BEFORE = re.compile(r"(?:\b[a-z][\w-]*|['’]s|\bUSA)\s+$")


def _is_today_name(m: re.Match[str]) -> bool:
    word = m.group("word")
    if word != "Today":
        return False
    if _TODAY_NAME_AFTER.match(m.string, m.end()):
        return True
    return _TODAY_NAME_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()]) is not None


@register("deictic_day")
def deictic_day(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    if group(m, "word") and _is_today_name(m):
        return None
    word = (group(m, "word") or "").lower()
    direction = norm(group(m, "dir") or "")
    rel = (group(m, "rel") or "").lower()
    n = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if direction:
        n = -2 if direction.startswith("before") else 2
    if rel == "last":  # "last night": the night before the DCT
        n = -1
    pod = group(m, "pod") or ("tonight" if word == "tonight" else None)
    suffix = f"T{lex.parts_of_day[pod.lower()]}" if pod else ""
    return Spec("TIME" if suffix else "DATE", kind="shift", unit="day", n=n, suffix=suffix)


@register("rel_unit")
def rel_unit(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    unit = m.group("unit").lower()
    direction = rel_direction(m)
    n = {"last": -1, "next": 1}.get(direction or "this", 0)
    gran = unit
    shift_unit = "week" if unit == "weekend" else unit
    return Spec(rule.type, kind="shift", unit=shift_unit, n=n, gran=gran)


@register("ref_unit")
def ref_unit(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    unit = m.group("unit").lower()
    trading = unit == "session" or bool(group(m, "trading"))
    if unit == "session":
        unit = "day"
    if rule.params.get("lowercase_unit") and m.group("unit")[0].isupper():
        return None  # "Car of the Year" is a title, not a time
    rel = norm(group(m, "rel") or "the same")
    n = {
        "the previous": -1,
        "the preceding": -1,
        "the prior": -1,
        "before": -1,
        "previous": -1,
        "earlier": -1,
        "the following": 1,
        "the next": 1,
        "after": 1,
        "later": 1,
    }.get(rel, 0)
    whole = re.search(r"\b(?:entire|whole|full)\s", m.group(0), re.IGNORECASE) is not None
    if rule.name == "the_year_with_mod" or (whole and unit == "year"):
        # "the end of the year", "for the full year": the year in focus (same sentence) or the
        # DCT's, not a year named in passing sentences before ("aims for a 50% share by 1992")
        return Spec(rule.type, kind="fill", anchor="near", gran=unit, unit=unit)
    # a bare "the day" ("ended the day", "for the day") rather than "that day", "the same day"
    news_day = unit == "day" and n == 0 and group(m, "rel") is None
    return Spec(
        rule.type,
        kind="shift",
        anchor="ref",
        unit=unit,
        n=n,
        gran=unit,
        trading=trading,
        news_day=news_day,
        completed=unit == "quarter" and n == 0 and group(m, "rel") is None,
    )


@register("latest_period")
def latest_period(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "the latest quarter", "the most recent period": the period in focus, else the last
    quarter (or the unit named) completed before the DCT."""
    unit = (group(m, "unit") or "period").lower()
    gran = "ref" if unit == "period" else unit  # a bare "period" is the one in focus
    unit = "quarter" if unit == "period" else unit
    return Spec(rule.type, kind="shift", anchor="ref", unit=unit, gran=gran, completed=True)


def _calendar_amount(m: re.Match[str], lex: Lexicon, back: str) -> tuple[int, str, str] | None:
    """(signed whole number, unit, granularity) of "two years ago", "a week earlier": negative
    when the `dir` group is the word `back`; None for fractions and units finer than a day."""
    num = parse_number(m.group("num"), lex)
    unit = unit_name(m.group("unit"))
    if num is None or num != int(num) or unit not in ("day", "week", "month", "year", "decade"):
        return None
    sign = -1 if m.group("dir").lower() == back else 1
    return sign * int(num), unit, "year" if unit == "decade" else unit


@register("ago")
def ago(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    if (amount := _calendar_amount(m, lex, "ago")) is None:
        return None
    n, unit, gran = amount
    if unit == "week":
        gran = "day"  # "a week ago" is the day seven days back (MEANTIME and TimeBank alike)
    spec = Spec(rule.type, kind="shift", unit=unit, n=n, gran=gran, comparison=_year_back(n, unit))
    if re.search(r"\bor\s+so\b", m.group(0), re.IGNORECASE):
        spec.mod = "APPROX"  # "a week or so ago"
    return spec


def _year_back(n: int, unit: str) -> bool:
    """Is the amount one year back ("a year ago", "a year earlier")?"""
    return n == -1 and unit == "year"


@register("earlier_later")
def earlier_later(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "two days later", "a week earlier": the time in focus shifted by an amount (a DATE at
    that unit's granularity; the DCT when nothing is in focus)."""
    if (amount := _calendar_amount(m, lex, "earlier")) is None:
        return None
    n, unit, gran = amount
    if group(m, "than"):
        # "arrives on November 11, three days later than planned": the delay is measured from
        # the plan, the date meant is the one in focus
        n = 0
    return Spec(
        rule.type,
        kind="shift",
        anchor="ref",
        unit=unit,
        n=n,
        gran=gran,
        comparison=_year_back(n, unit),
    )


# words before "Black Monday" that give the name to a new day of the current crash ("another
# Black Monday", "what traders dubbed Black Monday"); without them the name is the historical day
_NEW_MARKET_DAY = re.compile(
    r"\b(?:another|a|new|second|dubbed|called|named|branded|labell?ed|this|today['’]s)\W*$",
    re.IGNORECASE,
)


@register("market_day")
def market_day(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "Black Monday": the 1987 crash day (a named day, like a holiday), or, when the text gives
    the name to a new crash day ("another Black Monday"), the latest such weekday."""
    name = norm(m.group("name"))
    if name not in lex.market_days or not m.group("name")[0].isupper():
        return None
    before = m.string[max(0, m.start() - 30) : m.start()]
    if dct is not None and _NEW_MARKET_DAY.search(before):
        return Spec(rule.type, kind="weekday", weekday=lex.weekdays[name.split()[1][:3]])
    y, mo, d = lex.market_days[name]
    return Spec(rule.type, value=f"{y}-{mo:02d}-{d:02d}")


# a weekday in a newspaper's name: "The Sunday Times", "the Mail on Sunday"
_NEWSPAPER_AFTER = re.compile(
    r"\s+(?-i:Telegraph|Times|Mirror|Express|Herald|Post|Tribune|Mail|Independent|Observer"
    r"|Sport|People|Star|Business\s+Post|Morning\s+Herald)\b"
)


_NEWSPAPER_BEFORE = re.compile(r"\b(?-i:Mail|Post|Star|Independent)\s+on\s+$")


@register("weekday")
def weekday(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    wd = weekday_number(m.group("weekday"), lex)
    if wd is None:
        return None
    before = m.string[max(0, m.start() - 12) : m.start()].split()
    if before and before[-1][0].isupper() and before[-1].lower() in lex.weekday_name_prefixes:
        return None  # "Black Monday", "Good Friday"
    if _NEWSPAPER_AFTER.match(m.string, m.end()) or _NEWSPAPER_BEFORE.search(
        m.string, max(0, m.start() - 10), m.start()
    ):
        return None  # "the Sunday Telegraph", "the Mail on Sunday"
    pod = group(m, "pod")
    suffix = f"T{lex.parts_of_day[pod.lower()]}" if pod else ""
    direction = rel_direction(m)
    kind = "cycle" if direction else "weekday"
    # "the previous Friday", "the following Monday": counted from the day in focus
    anchor = "ref" if norm(group(m, "rel") or "").startswith("the ") else "dct"
    return Spec(
        "TIME" if suffix else "DATE",
        kind=kind,
        weekday=wd,
        direction=direction,
        suffix=suffix,
        anchor=anchor,
    )


@register("that_time")
def that_time(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "by that time": the time mentioned last, at its own granularity."""
    return Spec(rule.type, kind="shift", anchor="ref", unit="century", n=0, gran="ref")


@register("the_weekend")
def the_weekend(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    return Spec(rule.type, kind="weekend", gran="weekend")


_AFTER_AMOUNT = re.compile(
    r"(?:(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|moments?|time|times"
    r"|much|even|no|not|or|sooner|later)\s*)$",
    re.IGNORECASE,
)


@register("later_bare")
def later_bare(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "A later date", "later in the day": some time after the one in focus, FUTURE_REF.
    Rejected after an amount ("three days later" is one expression of its own) or in
    "sooner or later", "no later than"."""
    core = m.group("core")
    article = core[0].lower() in "as" and " " in core
    if article and not group(m, "noun"):
        return None  # "a later" without date/time/stage
    if _AFTER_AMOUNT.search(m.string, max(0, m.start() - 20), m.start()):
        return None
    within_day = _WITHIN_DAY.match(m.string, m.end()) is not None
    if not article and not within_day and rule.name == "later_bare":
        # a bare adverb ("the Dow later recovered") orders events, it names no time: TimeBank
        # never tags it (MEANTIME does; TimeML 1.2 and TimeBank decide, see the README)
        return None
    value = "PAST_REF" if core.lower() == "earlier" else "FUTURE_REF"
    # "later in the day", "earlier in the session": a time within a day (MEANTIME types it TIME)
    type_ = "TIME" if within_day else rule.type
    return Spec(type_, value=value)


_WITHIN_DAY = re.compile(
    r"\s+in\s+the\s+(?:trading\s+)?(?:day|session|morning|afternoon|evening)\b", re.IGNORECASE
)
