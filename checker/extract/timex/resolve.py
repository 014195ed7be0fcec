"""Resolve a Spec against the document creation time (DCT) and the reference time.

The reference time is the last DATE/TIME resolved so far in the text, except the baseline of a
comparison ("its lowest level since 2003", see tagger.py); anaphoric expressions ("the same
year", "April of that year", "the following day") take their anchor from it.
Without a DCT (and no reference), relative expressions get X placeholders ("XXXX-09-11") and
the anchor "unresolved"; nothing raises.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from checker.extract.timex.normalize import Spec, week_in_month
from checker.extract.timex.values import (
    DateOutOfRange,
    floating_day,
    fmt,
    interval_of,
    occurrences,
    shift,
    to_utc,
    unknown,
)
from checker.models.time import Interval

GRAN_RANK = {
    "day": 0,
    "week": 1,
    "weekend": 1,
    "month": 2,
    "season": 3,
    "quarter": 3,
    "half": 4,
    "year": 5,
    "decade": 6,
    "century": 7,
}
# a date this far after the DCT is still read as upcoming in a past-tense clause ("in December"
# written on November 24 is this December, not last year's)
FUTURE_SLACK = timedelta(days=31)
# companies report a quarter or half within weeks of its end, so a future clause may still
# speak of the one just ended
REPORTING_LAG = timedelta(days=60)


@dataclass(frozen=True)
class Reference:
    """The time in focus: the last resolved DATE/TIME and where its mention ends."""

    value: str
    interval: Interval
    end: int


NEWS_DAY_SPAN = 7  # days either side of the DCT that a report's "the day" may be


def near_dct(day: Reference, dct: date) -> bool:
    """Is a day mentioned close enough to the DCT to be the day the news is about?"""
    return abs((day.interval.begin - dct).days) <= NEWS_DAY_SPAN


NEAR_TERM = timedelta(days=183)
# the periods of company results, which "a year ago" then compares with ("a year earlier" than
# March 2008 stays the year 2007)
COMPARED_PERIODS = ("quarter", "half")


def near_term(ref: Reference, dct: date) -> bool:
    """Does a time mentioned begin within half a year of the DCT?"""
    return abs(ref.interval.begin - dct) <= NEAR_TERM


@dataclass(frozen=True)
class Context:
    dct: date | None
    ref: Reference | None
    same_sentence: bool  # the reference was mentioned earlier in the current sentence
    future: bool  # the clause speaks about the future ("will", "is set to", ...)
    day_ref: Reference | None = None  # the last day (or finer) mentioned: "later in the day"
    # the last quarter and the last month mentioned: "the same quarter" after "earlier in the
    # week" is the quarter talked about before, not the week's
    unit_refs: dict[str, Reference] | None = None
    # the last day mentioned that lies within a week of the DCT: the day the news is about
    news_day: Reference | None = None
    range_end: bool = False  # the end of a range whose start is the reference ("from X to Y")
    # a stretch of months reported on after the reference ("for the nine months"): the period
    # that "the year-earlier period" then compares with, a DURATION ("P9M") as TimeBank writes it
    stretch: str | None = None
    names_period: bool = False  # the expression names a period ("the year-earlier period")


@dataclass(frozen=True)
class Resolved:
    value: str
    anchor: str  # explicit | dct | previous | unresolved
    interval: Interval | None
    type: str | None = None  # a TIMEX3 type other than the spec's ("the year-earlier period")


def _finish(value: str, anchor: str, type_: str) -> Resolved:
    iv = interval_of(value) if type_ in ("DATE", "TIME") else None
    return Resolved(value, anchor, iv)


def _named_period(spec: Spec, year: str) -> str | None:
    """The month, season, quarter or half the spec names, in `year` ("XXXX" when unknown)."""
    if spec.month:
        return f"{year}-{spec.month:02d}"
    if spec.season:
        return f"{year}-{spec.season}"
    if spec.quarter:
        return f"{year}-Q{spec.quarter}"
    if spec.half:
        return f"{year}-H{spec.half}"
    return None


def _unresolved_fill(spec: Spec) -> str:
    if spec.floating:
        return unknown("day")  # a movable holiday's day depends on the year
    if spec.month and spec.day:
        return f"XXXX-{spec.month:02d}-{spec.day:02d}"
    return _named_period(spec, "XXXX") or unknown(spec.gran)


def _unresolved(spec: Spec) -> Resolved:
    if spec.weekday:
        value = f"XXXX-WXX-{spec.weekday}"
    elif spec.kind in ("fill", "cycle"):
        value = _unresolved_fill(spec)
    else:
        value = unknown(spec.gran)
    return Resolved(value + spec.suffix, "unresolved", None)


def resolve(spec: Spec, ctx: Context) -> Resolved:
    try:
        r = _resolve(spec, ctx)
    except DateOutOfRange:  # "99999 years later": no calendar date, so no value
        return _unresolved(spec)
    if spec.utc_offset is None:
        return r
    # a clock time in a named zone: written in UTC once its date is known
    value = to_utc(r.value, spec.utc_offset, spec.dst)
    return Resolved(value, r.anchor, interval_of(value) if r.interval is not None else None)


def _resolve(spec: Spec, ctx: Context) -> Resolved:
    if spec.kind == "explicit":
        assert spec.value is not None
        return _finish(spec.value, "explicit", spec.type)
    if spec.kind == "shift":
        return _resolve_shift(spec, ctx)
    if spec.kind == "fill":
        return _resolve_fill(spec, ctx)
    if spec.kind in ("cycle", "weekday"):
        return _resolve_cycle(spec, ctx)
    if spec.kind == "weekend":
        return _resolve_weekend(spec, ctx)
    if spec.kind == "in_year":
        return _resolve_in_year(spec, ctx)
    raise ValueError(f"unknown spec kind {spec.kind!r}")


# what "the latest period" may be: a period companies report on, not a day that bounds one
REPORTED_PERIODS = ("month", "quarter", "half")


def _shift_focus(spec: Spec, ctx: Context) -> tuple[Reference | None, str]:
    """The time in focus a shift counts from, and the granularity of its value."""
    ref = ctx.ref
    dct = ctx.dct
    if spec.of_current and ref is not None and dct is not None:
        if ref.interval.end < date(dct.year, 1, 1):
            ref = None  # a past year in focus is already the comparison year: count from the DCT
        elif ref.interval.begin > dct and ref.interval.granularity in COMPARED_PERIODS:
            # "the third quarter of 1990 ... In the year-ago period": a period still ahead is an
            # outlook; the year-ago figures compare with the last such period already reported
            last = shift(dct, str(ref.interval.granularity), -1)
            value = fmt(last, str(ref.interval.granularity))
            iv = interval_of(value)
            ref = Reference(value, iv, ref.end) if iv is not None else None
    if spec.gran != "ref":
        return ref, spec.gran
    if spec.completed and (ref is None or ref.interval.granularity not in REPORTED_PERIODS):
        # "the latest period" after "the six months ended Oct. 1": the day only bounds the
        # period, which is the last quarter completed (as when nothing is in focus)
        return None, spec.unit
    if ref is None:
        return None, "year"  # "the same period last year", nothing in focus: the DCT's year
    if ref.value.endswith("-WE"):
        return ref, "weekend"
    return ref, str(ref.interval.granularity)  # the reference's own granularity


def _resolve_shift(spec: Spec, ctx: Context) -> Resolved:
    base: date | None = None
    anchor = "dct"
    ref, gran = _shift_focus(spec, ctx)
    if spec.comparison and ctx.stretch is not None:
        if spec.gran == "ref" and ctx.names_period:
            return Resolved(ctx.stretch, "previous", None, "DURATION")
        if ctx.dct is not None:
            # "compared with 40% a year earlier" after the nine months: no value names nine
            # calendar months, so the year they fall in, one year back
            return _finish(str(ctx.dct.year - 1), "dct", spec.type)
    if spec.comparison and ref is not None and ref.interval.granularity in COMPARED_PERIODS:
        # "sales fell in the third quarter from a year ago": that quarter, one year back
        gran = str(ref.interval.granularity)
        d = shift(ref.interval.begin, spec.unit, spec.n)
        return _finish(fmt(d, gran), "previous", spec.type)
    need = min(GRAN_RANK[spec.unit], GRAN_RANK[gran])
    if (
        spec.anchor == "ref"
        and (spec.n == 0 or spec.unit == gran != "day")
        and ref is not None
        and ctx.unit_refs
        and gran in ctx.unit_refs
        and GRAN_RANK[ref.interval.granularity] < GRAN_RANK[gran]
    ):
        ref = ctx.unit_refs[gran]
    if (
        spec.comparison
        and ref is not None
        and ctx.unit_refs
        and gran in ctx.unit_refs
        and GRAN_RANK[ref.interval.granularity] > GRAN_RANK[gran]
    ):
        # "the year-earlier quarter" after "next year": a year cannot give the quarter; the
        # quarter talked about last can
        ref = ctx.unit_refs[gran]
    if spec.news_day and ctx.news_day is not None and ctx.dct is not None:
        # "ended the day", "for the day": a market report's day is the news day, not a day
        # recalled in passing ("below where it was before its rally 10 days ago")
        day = ref if ref is not None and ref.interval.granularity == "day" else ctx.day_ref
        if day is None or not near_dct(day, ctx.dct):
            ref = ctx.news_day
    if (
        spec.completed
        and spec.gran != "ref"
        and ref is not None
        and ctx.dct is not None
        and ref.interval.end > ctx.dct
        and not ctx.future
    ):
        # "the latest quarter" after a charge "in the fourth quarter" to come: the latest
        # quarter is one already over, so not the one in focus (a bare "the latest period"
        # is the one just reported, a fiscal fourth quarter numbered ahead of the calendar too)
        ref = None
    if spec.anchor == "ref" and ref and GRAN_RANK[ref.interval.granularity] <= need:
        base, anchor = ref.interval.begin, "previous"
    elif spec.anchor == "ref" and gran == "day" and ctx.day_ref is not None:
        # "the following day", "the day": the last day mentioned, even in an earlier sentence
        base, anchor = ctx.day_ref.interval.begin, "previous"
    elif ctx.dct is not None:
        base = ctx.dct
        if spec.completed and not ctx.future:
            # "results for the quarter", "the latest quarter" with no quarter in focus: the
            # last one completed before the DCT (the one companies report on)
            base = shift(base, spec.unit, -1)
    if base is None:
        return _unresolved(spec)
    d = shift(base, spec.unit, spec.n)
    if spec.trading and spec.unit == "day" and spec.n:
        step = timedelta(days=1 if spec.n > 0 else -1)
        while d.weekday() >= 5:  # "the previous session" before a Monday is the Friday
            d += step
    value = fmt(d, gran) + (spec.suffix if gran == "day" else "")
    return _finish(value, anchor, spec.type)


def _fill_value(spec: Spec, year: int, base: date) -> str | None:
    if spec.floating:
        return floating_day(year, spec.floating).isoformat() + spec.suffix
    if spec.month and spec.day:
        try:
            d = date(year, spec.month, spec.day)
        except ValueError:  # February 29 in a common year
            return None
        return fmt(d, "week") if spec.as_week else d.isoformat() + spec.suffix
    if spec.month and spec.week_of_month:
        return week_in_month(year, spec.month, spec.week_of_month)
    if named := _named_period(spec, str(year)):
        return named
    if spec.gran == "day":
        return base.isoformat() + spec.suffix
    return fmt(
        date(year, base.month, base.day) if spec.gran != "year" else date(year, 1, 1), spec.gran
    )


def _with_year(value: str, n: int) -> str:
    """A value whose four-digit year is moved by n ("1989-Q3", -1 -> "1988-Q3")."""
    if len(value) >= 4 and value[:4].isdigit():
        return f"{int(value[:4]) + n:04d}{value[4:]}"
    return value


def _resolve_in_year(spec: Spec, ctx: Context) -> Resolved:
    """The period in focus (a quarter for gran "quarter"; a quarter, half or month for "ref")
    moved to the year `spec.n`; that year alone when no such period is in focus."""
    ref = (ctx.unit_refs or {}).get("quarter") if spec.gran == "quarter" else ctx.ref
    fits = ("quarter", "half", "month") if spec.gran == "ref" else ("quarter",)
    if ref is None or ref.interval.granularity not in fits:
        return _finish(str(spec.n), "explicit", spec.type)
    value = _with_year(ref.value, spec.n - ref.interval.begin.year)
    return _finish(value, "previous", spec.type)


def _resolve_fill(spec: Spec, ctx: Context) -> Resolved:
    if spec.n and spec.anchor == "near":
        # "the year-ago third quarter": the quarter the tense picks, n years on
        r = _resolve_fill(replace(spec, n=0), ctx)
        value = _with_year(r.value, spec.n)
        return _finish(value, r.anchor, spec.type) if r.interval else r
    ref = ctx.ref
    need = "day" if spec.gran == "day" and not spec.month else "year"
    ref_ok = ref is not None and GRAN_RANK[ref.interval.granularity] <= GRAN_RANK[need]
    use_ref = False
    if spec.anchor == "ref":
        use_ref = ref_ok or ctx.dct is None and ref is not None
    elif spec.anchor == "near":
        use_ref = (ref_ok and ctx.same_sentence) or (ctx.dct is None and ref_ok)
    if not use_ref and need == "day" and spec.anchor == "near" and ctx.day_ref is not None:
        # a bare time of day ("in morning trading", "at 10:00") belongs to the last day mentioned
        ref, use_ref = ctx.day_ref, True
    if use_ref:
        assert ref is not None
        base, anchor = ref.interval.begin, "previous"
    elif ctx.dct is not None:
        base, anchor = ctx.dct, "dct"
    else:
        return _unresolved(spec)
    year = base.year + spec.n
    value = _fill_value(spec, year, base)
    if value is None:
        return _unresolved(spec)
    if anchor == "dct" and spec.anchor == "near" and ctx.dct is not None:
        value = _by_tense(spec, value, year, base, ctx.future, ctx.dct, ctx.dct)
    elif use_ref and spec.anchor == "near" and spec.month:
        assert ref is not None
        # a month in a future clause comes after the time mentioned before it ("begun in March
        # 2009, will continue in January": the January after that March); one in a past-tense
        # clause after a day mentioned earlier is not one that starts after that day ("On
        # Friday, output for December was released": the December before that Friday)
        if ctx.range_end:
            # a range runs forward: its end is the first such date on or after its start
            value = _by_tense(spec, value, year, base, True, ref.interval.begin, ref.interval.end)
        elif ctx.future and ctx.dct is not None and near_term(ref, ctx.dct):
            # around a time close to the DCT, a future clause means the next such date after the
            # DCT: "payable Jan. 2 to stock of record Dec. 15" (written in November) is this
            # December, not the one after that January
            value = _fill_value(spec, ctx.dct.year, ctx.dct) or value
            value = _by_tense(spec, value, ctx.dct.year, ctx.dct, True, ctx.dct, ctx.dct)
        elif ctx.future or ref.interval.granularity == "day":
            value = _by_tense(
                spec, value, year, base, ctx.future, ref.interval.begin, ref.interval.end
            )
        elif ctx.dct is not None and ref.interval.begin <= ctx.dct:
            # nor does a past-tense clause report a month that has not come yet: "down to 3.8%
            # last month from 4.1% in December" (written in February) is the December before
            value = _by_tense(spec, value, year, base, False, ctx.dct, ctx.dct)
    return _finish(value, anchor, spec.type)


def _by_tense(
    spec: Spec, value: str, year: int, base: date, future: bool, begin: date, end: date
) -> str:
    """Pick the year for a month, month-day, season, quarter or half relative to a time in
    focus [begin, end] (the DCT, or a shorter period mentioned earlier in the sentence)."""
    iv = interval_of(value)
    if iv is None or not (spec.month or spec.season or spec.quarter or spec.half):
        return value
    dct = begin
    if spec.quarter or spec.half or spec.season:
        # business-news quarters and seasons: the occurrence nearest to the DCT that fits the
        # tense (a past-tense clause does not report a quarter that has not begun)
        best, best_gap = None, None
        for y in (year, year - 1, year + 1):
            cand = _fill_value(spec, y, base)
            civ = interval_of(cand) if cand else None
            if not cand or not civ:
                continue
            # a quarter just ended is still ahead of its report ("expects to report
            # third-quarter results", written in October)
            slack = REPORTING_LAG if spec.quarter or spec.half else timedelta(0)
            if (future and civ.end < dct - slack) or (not future and civ.begin > end):
                continue
            if best_gap is None or _gap(civ, dct) < best_gap:
                best, best_gap = cand, _gap(civ, dct)
        return best or value
    if future and iv.end < dct:
        return _fill_value(spec, year + 1, base) or value
    if not future and iv.begin > end + FUTURE_SLACK:
        return _fill_value(spec, year - 1, base) or value
    return value


def _gap(iv: Interval, d: date) -> int:
    if iv.begin <= d <= iv.end:
        return 0
    return min(abs((iv.begin - d).days), abs((iv.end - d).days))


def _resolve_cycle(spec: Spec, ctx: Context) -> Resolved:
    dct, anchor = ctx.dct, "dct"
    if spec.weekday and spec.anchor == "ref" and ctx.day_ref is not None:
        dct, anchor = ctx.day_ref.interval.begin, "previous"
    if dct is None:
        return _unresolved(spec)
    if spec.weekday:
        kind, code = "weekday", spec.weekday
    elif spec.month:
        kind, code = "month", spec.month
    else:
        assert spec.season
        kind, code = "season", spec.season
    found = list(occurrences(kind, code, dct))
    direction = spec.direction
    chosen: str | None = None
    if direction == "last":
        chosen = next((v for v, iv in reversed(found) if iv.end < dct), None)
    elif direction == "next":
        chosen = next((v for v, iv in found if iv.begin > dct), None)
    elif direction == "this":
        if kind == "weekday":
            monday = dct - timedelta(days=dct.weekday())
            chosen = (monday + timedelta(days=int(code) - 1)).isoformat()
        else:
            inside = [v for v, iv in found if iv.begin <= dct <= iv.end]
            same_year = [v for v, iv in found if v.startswith(f"{dct.year}-")]
            chosen = (inside or same_year or [None])[0]
    elif ctx.future:  # bare weekday in a future clause: the first one on or after the DCT
        chosen = next((v for v, iv in found if iv.begin >= dct), None)
    else:  # bare weekday in news: the last one on or before the DCT
        chosen = next((v for v, iv in reversed(found) if iv.end <= dct), None)
    if chosen is None:
        return _unresolved(spec)
    return _finish(chosen + spec.suffix, anchor, spec.type)


def _resolve_weekend(spec: Spec, ctx: Context) -> Resolved:
    """ "over the weekend": the weekend before the day in focus (this sentence's day, else the
    DCT), or the next one in a future clause; a weekend day itself is in its own weekend."""
    day_ref = ctx.day_ref if ctx.same_sentence and ctx.day_ref is ctx.ref else None
    if day_ref is not None:
        base, anchor = day_ref.interval.begin, "previous"
    elif ctx.dct is not None:
        base, anchor = ctx.dct, "dct"
    else:
        return _unresolved(spec)
    wd = base.weekday()  # Monday 0 .. Sunday 6
    if wd >= 5:
        saturday = base - timedelta(days=wd - 5)
    elif ctx.future:
        saturday = base + timedelta(days=5 - wd)
    else:
        saturday = base - timedelta(days=wd + 2)
    return _finish(fmt(saturday, "weekend"), anchor, spec.type)
