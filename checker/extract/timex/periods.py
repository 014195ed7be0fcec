"""Normalizers of calendar periods that may need a year from context: month-days, months,
weeks, seasons, quarters, halves, holidays, and comparison periods ("the same quarter").
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from checker.extract.timex.rules import Lexicon, Rule
from checker.extract.timex.spec import Spec, group, norm, register, with_span
from checker.extract.timex.words import (
    month_and_day,
    month_number,
    rel_anchor,
    rel_direction,
    valid_date,
    year_of,
)


@register("month_day")
def month_day(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    if (got := month_and_day(m, lex, dct)) is None:
        return None
    return Spec(rule.type, kind="fill", anchor="near", gran="day", month=got[0], day=got[1])


@register("month_bare")
def month_bare(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    mo = month_number(m.group("month"), lex)
    if mo is None:
        return None
    return Spec(rule.type, kind="fill", anchor="near", gran="month", month=mo)


@register("month_rel_year")
def month_rel_year(
    m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None
) -> list[Spec] | None:
    mo = month_number(m.group("month"), lex)
    if mo is None:
        return None
    anchor, n = rel_anchor(m.group("rel"), lex)
    month = Spec(rule.type, kind="fill", anchor=anchor, n=n, gran="month", month=mo)
    if " of " not in norm(m.group(0)):
        return [month]  # "June last year": one expression, as TimeBank annotates it
    # two expressions, as MEANTIME annotates them: "[October] of [next year]"
    return [
        with_span(month, m.start("month"), m.end("month")),
        Spec(
            rule.type,
            kind="shift",
            anchor=anchor,
            unit="year",
            n=n,
            gran="year",
            start=m.start("rel"),
            end=m.end(),
        ),
    ]


@register("week_of_month")
def week_of_month(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "the last week of March": the ISO week holding that stretch of the month."""
    mo = month_number(m.group("month"), lex)
    if mo is None:
        return None
    word = m.group("q").lower()
    pos = -1 if word in ("last", "final") else lex.ordinals[word]
    y = year_of(m, dct)
    if y is not None:
        return Spec(rule.type, value=week_in_month(y, mo, pos))
    return Spec(rule.type, kind="fill", anchor="near", gran="week", month=mo, week_of_month=pos)


def week_in_month(year: int, month: int, pos: int) -> str:
    """ISO week of the n-th (1-4) or last (-1) seven days of a month."""
    last_day = calendar.monthrange(year, month)[1]
    day = last_day - 6 if pos < 0 else min(1 + 7 * (pos - 1), last_day)
    y, w, _ = date(year, month, day).isocalendar()
    return f"{y}-W{w:02d}"


@register("month_cycle")
def month_cycle(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    mo = month_number(m.group("month"), lex)
    if mo is None:
        return None
    return Spec(rule.type, kind="cycle", gran="month", month=mo, direction=rel_direction(m))


@register("season")
def season(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    code = lex.seasons[m.group("season").lower()]
    y = year_of(m, dct)
    if y is not None:
        return Spec(rule.type, value=f"{y}-{code}")
    rel = group(m, "rel")
    if rule.name == "season_cycle":
        return Spec(rule.type, kind="cycle", gran="season", season=code, direction=rel_direction(m))
    anchor, n = rel_anchor(rel, lex)
    return Spec(rule.type, kind="fill", anchor=anchor, n=n, gran="season", season=code)


@register("quarter")
def quarter(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    word = group(m, "q")
    if word is not None:
        w = word.lower()
        q = 4 if w in ("final", "last") else lex.ordinals.get(w, 0)
    else:
        q = int(m.group("qn"))
    if not 1 <= q <= 4:
        return None
    y = year_of(m, dct) or (int(y0) if (y0 := group(m, "year0")) else None)
    fiscal = bool(group(m, "fiscal") or group(m, "fiscal2"))
    if y is not None:
        return Spec(rule.type, value=f"FY{y}-Q{q}" if fiscal else f"{y}-Q{q}")
    if group(m, "ago"):
        # "the year-ago third quarter": that quarter (as the tense picks it), one year back
        return Spec(rule.type, kind="fill", anchor="near", n=-1, gran="quarter", quarter=q)
    rel = group(m, "rel")
    if rel is None and word is not None and word.lower() == "last":
        # "the last quarter": the quarter before the DCT's
        return Spec(rule.type, kind="shift", unit="quarter", n=-1, gran="quarter")
    anchor, n = rel_anchor(rel, lex)
    return Spec(rule.type, kind="fill", anchor=anchor, n=n, gran="quarter", quarter=q)


def _quarter_ending(month: int, day: int) -> int:
    """The calendar quarter that most of a quarter ending on month/day falls in: the one of its
    middle month ("the quarter ended July 31" runs May to July: the second quarter)."""
    last_full = month if day >= 15 else month - 1
    middle = (last_full - 2) % 12 + 1
    if middle > month:  # the middle month lies in the year before: keep the date's quarter
        return (month - 1) // 3 + 1
    return (middle - 1) // 3 + 1


@register("quarter_ending")
def quarter_ending(
    m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None
) -> list[Spec] | None:
    """ "the quarter ended Sept. 30": the quarter (the one named, else the calendar quarter
    holding the date) and the date, as two expressions."""
    mo = month_number(group(m, "month") or group(m, "month2"), lex)
    d = int(group(m, "day") or group(m, "day2") or 0)
    if mo is None or not valid_date(2000, mo, d):
        return None
    qspan = {"start": m.start("qpart"), "end": m.end("qpart")}
    dspan = {"start": m.start("dpart"), "end": m.end("dpart")}
    if group(m, "yr"):
        y = year_of(m, dct)
        if y is not None and valid_date(y, mo, d):
            day = Spec(rule.type, value=f"{y}-{mo:02d}-{d:02d}", **dspan)
        else:
            day = Spec(rule.type, kind="fill", anchor="near", gran="day", month=mo, day=d, **dspan)
        return [Spec("DURATION", value="P1Y", **qspan), day]
    word = group(m, "q")
    q = (4 if word.lower() in ("final", "last") else lex.ordinals[word.lower()]) if word else 0
    q = q or _quarter_ending(mo, d)
    y = year_of(m, dct)
    if y is not None and valid_date(y, mo, d):
        # a fiscal quarter named by its number ends in the year of its last day
        return [
            Spec(rule.type, value=f"{y}-Q{q}", **qspan),
            Spec(rule.type, value=f"{y}-{mo:02d}-{d:02d}", bounds_period=True, **dspan),
        ]
    return [
        Spec(rule.type, kind="fill", anchor="near", gran="quarter", quarter=q, **qspan),
        Spec(
            rule.type,
            kind="fill",
            anchor="near",
            gran="day",
            month=mo,
            day=d,
            bounds_period=True,
            **dspan,
        ),
    ]


@register("half")
def half(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    word = group(m, "h") or group(m, "h2")
    h = int(m.group("hn")) if word is None else (1 if word.lower() in ("first", "1st") else 2)
    y = year_of(m, dct) or (int(y0) if (y0 := group(m, "year0")) else None)
    if y is not None:
        return Spec(rule.type, value=f"{y}-H{h}")
    anchor, n = rel_anchor(group(m, "rel"), lex)
    return Spec(rule.type, kind="fill", anchor=anchor, n=n, gran="half", half=h)


@register("week_ending")
def week_ending(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "the week ending March 7": the (ISO) week holding that date."""
    if (got := month_and_day(m, lex, dct)) is None:
        return None
    mo, d, full = got
    if full is not None:
        iy, w, _ = full.isocalendar()
        return Spec(rule.type, value=f"{iy}-W{w:02d}")
    return Spec(rule.type, kind="fill", anchor="near", gran="week", month=mo, day=d, as_week=True)


@register("same_period")
def same_period(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    # the period in focus, one year earlier, at the granularity of that period; a named
    # calendar unit ("the same quarter last year") fixes the granularity itself
    unit = (group(m, "unit") or group(m, "unit2") or group(m, "unit3") or "period").lower()
    gran = unit if unit in ("quarter", "month", "week", "day") else "ref"
    return Spec(
        rule.type,
        kind="shift",
        anchor="ref",
        unit="year",
        n=-1,
        gran=gran,
        comparison=True,
        of_current=rule.name == "year_ago_period",
    )


@register("year_end")
def year_end(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "year-end": the end of the year in focus (this sentence's year, else the DCT's)."""
    rel = group(m, "rel")
    if rel is not None:
        n = {"last": -1, "next": 1}.get(rel.lower(), 0)
        return Spec(rule.type, kind="shift", unit="year", n=n, gran="year", mod="END")
    return Spec(rule.type, kind="fill", anchor="near", gran="year", unit="year", mod="END")


@register("holiday")
def holiday(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    name = re.sub(r"\s*['’]\s*", "'", norm(m.group("holiday"))).replace(".", "").replace(",", "")
    if not m.group("holiday")[0].isupper():
        return None
    if name in lex.holidays:
        mo, d = lex.holidays[name]
        return Spec(rule.type, kind="fill", anchor="near", gran="day", month=mo, day=d)
    name = " ".join(name.replace("'", " ").split())  # "Presidents' Day" = "Presidents Day"
    if name in lex.floating_holidays:
        rule_ = lex.floating_holidays[name]
        # the month (April for Easter) lets the tense pick the year, as for a month-day
        mo = rule_[0] or 4
        return Spec(rule.type, kind="fill", anchor="near", gran="day", month=mo, floating=rule_)
    return None


@register("period_of_year")
def period_of_year(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "the 1988 quarter", "the 1989 period": the period in focus (a quarter, half or month),
    in the year named; the year itself when no such period is in focus."""
    unit = m.group("unit").lower()
    gran = "quarter" if unit == "quarter" else "ref"
    # a period of another year is a comparison's: it leaves the focus alone
    return Spec(
        rule.type, kind="in_year", anchor="ref", gran=gran, n=int(m.group("year")), comparison=True
    )
