"""TIMEX3 value algebra: format calendar values, shift dates, and map values to intervals.

Decades are written ``199X`` and centuries ``19XX``, the forms checker's JSONL promises; the bare
TimeML forms ``199``/``19`` (as in MEANTIME) are also read by ``interval_of``. Fiscal years
are ``FY2007`` with no calendar interval (a fiscal calendar depends on the organisation).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import MAXYEAR, MINYEAR, date, timedelta

from checker.models.time import Granularity, Interval

SEASON_MONTHS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each season


class DateOutOfRange(ValueError):
    """Date arithmetic left the calendar (years 1 to 9999): "99999 years later"."""


def add_months(d: date, months: int) -> date:
    """Shift by whole months, clamping the day (Jan 31 + 1 month = Feb 28/29)."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    if not MINYEAR <= year <= MAXYEAR:
        raise DateOutOfRange(f"year {year} is out of range")
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """Move a date by n calendar units (day, week, month, quarter, half, year, decade, century).

    Raises DateOutOfRange when the result is not a date of years 1 to 9999.
    """
    try:
        if unit == "day":
            return d + timedelta(days=n)
        if unit in ("week", "weekend"):
            return d + timedelta(days=7 * n)
    except OverflowError:
        raise DateOutOfRange(f"{n} {unit}s from {d}") from None
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120}
    if unit in months:
        return add_months(d, months[unit] * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    raise ValueError(f"unknown unit {unit!r}")


def season_of(d: date) -> tuple[int, str]:
    """(season year, code) of the season containing d; Jan/Feb belong to the previous WI."""
    if d.month in (12, 1, 2):
        return (d.year if d.month == 12 else d.year - 1), "WI"
    return d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def fmt(d: date, gran: str) -> str:
    """Format the unit of granularity `gran` that contains d."""
    if gran == "day":
        return d.isoformat()
    if gran == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if gran == "weekend":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}-WE"
    if gran == "month":
        return f"{d.year}-{d.month:02d}"
    if gran == "season":
        y, code = season_of(d)
        return f"{y}-{code}"
    if gran == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if gran == "year":
        return f"{d.year}"
    if gran == "decade":
        return f"{d.year // 10}X"
    if gran == "century":
        return f"{d.year // 100:02d}XX"
    raise ValueError(f"unknown granularity {gran!r}")


def unknown(gran: str) -> str:
    """Placeholder value when no anchor is known (no DCT, no previous time)."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "season": "XXXX-XX",
        "quarter": "XXXX-QX",
        "half": "XXXX-HX",
        "decade": "XXX",
        "century": "XX",
    }.get(gran, "XXXX")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_YEAR = re.compile(r"\d{4}")
# checker writes a decade "199X" and a century "19XX" (its public JSONL format); the bare TimeML
# forms "199" and "19" that MEANTIME uses are read too
_DECADE = re.compile(r"(\d{3})X?")
_CENTURY = re.compile(r"(\d\d)(?:XX)?")


def interval_of(value: str) -> Interval | None:
    """Calendar span [begin, end] (inclusive) of a DATE/TIME value, or None if not calendrical."""
    try:
        if m := _DAY.fullmatch(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return Interval(begin=d, end=d, granularity=Granularity.DAY)
        if m := _WEEK.fullmatch(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            begin = monday + timedelta(days=5) if m[3] else monday
            return Interval(begin=begin, end=monday + timedelta(days=6), granularity="week")
        if m := _MONTH.fullmatch(value):
            y, mo = int(m[1]), int(m[2])
            return Interval(begin=date(y, mo, 1), end=_month_end(y, mo), granularity="month")
        if m := _SEASON.fullmatch(value):
            y, first = int(m[1]), SEASON_MONTHS[m[2]]
            last = add_months(date(y, first, 1), 2)
            return Interval(
                begin=date(y, first, 1), end=_month_end(last.year, last.month), granularity="season"
            )
        if m := _QUARTER.fullmatch(value):
            y, q = int(m[1]), int(m[2])
            return Interval(
                begin=date(y, 3 * q - 2, 1), end=_month_end(y, 3 * q), granularity="quarter"
            )
        if m := _HALF.fullmatch(value):
            y, h = int(m[1]), int(m[2])
            return Interval(
                begin=date(y, 6 * h - 5, 1), end=_month_end(y, 6 * h), granularity="half"
            )
        if _YEAR.fullmatch(value):
            y = int(value)
            return Interval(begin=date(y, 1, 1), end=date(y, 12, 31), granularity="year")
        if m := _DECADE.fullmatch(value):
            y = int(m[1]) * 10
            return Interval(begin=date(y, 1, 1), end=date(y + 9, 12, 31), granularity="decade")
        if m := _CENTURY.fullmatch(value):
            y = int(m[1]) * 100
            return Interval(begin=date(y, 1, 1), end=date(y + 99, 12, 31), granularity="century")
    except ValueError:  # impossible calendar date such as 2019-02-30
        return None
    return None


def occurrences(kind: str, code: int | str, around: date) -> Iterator[tuple[str, Interval]]:
    """Occurrences of a cyclic name (weekday 1-7, month 1-12, season code) near `around`,
    in chronological order, as (value, interval)."""
    if kind == "weekday":
        monday = around - timedelta(days=around.weekday())
        for k in range(-2, 3):
            d = monday + timedelta(days=7 * k + int(code) - 1)
            yield d.isoformat(), Interval(begin=d, end=d, granularity="day")
    elif kind in ("month", "season"):
        suffix = f"{int(code):02d}" if kind == "month" else str(code)
        for y in range(around.year - 2, around.year + 3):
            v = f"{y}-{suffix}"
            iv = interval_of(v)
            assert iv is not None
            yield v, iv
    else:
        raise ValueError(kind)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ISO weekday (1 Monday .. 7 Sunday) of a month (n = -1: the last one)."""
    if n < 0:
        last = _month_end(year, month)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def _nth_sunday(year: int, month: int, n: int) -> date:
    return nth_weekday(year, month, 7, n)


def easter(year: int) -> date:
    """Easter Sunday (Western churches), by the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * lw) // 433
    month = (h + lw - 7 * m + 90) // 25
    return date(year, month, (h + lw - 7 * m + 33 * month + 19) % 32)


def floating_day(year: int, rule: tuple[int, int, int, int]) -> date:
    """The day of a movable holiday in `year`. rule = (month, ISO weekday, n, days after): the
    n-th (-1: last) weekday of the month, moved by some days ("Black Friday" follows the 4th
    Thursday of November); month 0 counts the days from Easter Sunday instead."""
    month, weekday, n, after = rule
    base = easter(year) if month == 0 else nth_weekday(year, month, weekday, n)
    return base + timedelta(days=after)


def daylight_saving(d: date, rule: str | None) -> bool:
    """Is daylight-saving time in force on day d under `rule` ("us", "eu"; None: never)?
    Day-level: the switch-over day itself counts as summer time."""
    if rule == "us":
        if d.year >= 2007:
            return _nth_sunday(d.year, 3, 2) <= d < _nth_sunday(d.year, 11, 1)
        return _nth_sunday(d.year, 4, 1) <= d < _nth_sunday(d.year, 10, -1)
    if rule == "eu":
        return _nth_sunday(d.year, 3, -1) <= d < _nth_sunday(d.year, 10, -1)
    return False


_CLOCK_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)")


def to_utc(value: str, offset_minutes: int, dst_rule: str | None = None) -> str:
    """A local clock value ("2008-10-10T16:00") at a zone offset, as UTC ("2008-10-10T20:00Z").
    The date moves when the conversion crosses midnight. A value without a full date cannot be
    converted and is returned as it is (with "Z" only when it is already UTC)."""
    m = _CLOCK_VALUE.fullmatch(value)
    if m is None:
        return value + "Z" if offset_minutes == 0 and not dst_rule and "T" in value else value
    day = date(int(m[1]), int(m[2]), int(m[3]))
    hour, minute = int(m[4]), int(m[5])
    offset = offset_minutes + (60 if daylight_saving(day, dst_rule) else 0)
    total = hour * 60 + minute - offset
    shifted = day + timedelta(days=total // (24 * 60))
    total %= 24 * 60
    return f"{shifted.isoformat()}T{total // 60:02d}:{total % 60:02d}Z"
