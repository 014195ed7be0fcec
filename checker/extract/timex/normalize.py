"""Normalization functions: turn one regex match into a Spec (what the expression means).

A Spec is either final (explicit dates, durations, sets, PRESENT_REF...) or a recipe that
resolve.py completes against the document creation time (DCT) or the previous time mentioned.
Functions are registered by name; the rule table refers to them by that name.
A function returns None to reject a match (for example "may" that is not capitalised).
"""

from __future__ import annotations

import calendar
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
    start: int | None = None  # span override (rules that produce two expressions)
    end: int | None = None


Normalizer = Callable[[re.Match[str], Rule, Lexicon, date | None], "Spec | list[Spec] | None"]
REGISTRY: dict[str, Normalizer] = {}


def register(name: str) -> Callable[[Normalizer], Normalizer]:
    def deco(fn: Normalizer) -> Normalizer:
        REGISTRY[name] = fn
        return fn

    return deco


# ---- small helpers -----------------------------------------------------------------------------


def _g(m: re.Match[str], name: str) -> str | None:
    """Group text, or None when the group is absent from the pattern or did not take part."""
    try:
        return m.group(name)
    except IndexError:
        return None


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def month_number(token: str | None, lex: Lexicon) -> int | None:
    """Month of a month name; None unless capitalised ("may" is a verb, "May" a month)."""
    if token and token.isdigit():
        return int(token) if 1 <= int(token) <= 12 else None
    if not token or not token[0].isupper():
        return None
    return lex.months.get(token[:3].lower())


def weekday_number(token: str | None, lex: Lexicon) -> int | None:
    if not token or not token[0].isupper():
        return None
    return lex.weekdays.get(token[:3].lower())


def parse_number(text: str, lex: Lexicon) -> float | None:
    """'two', 'twenty-five', '2.5', 'two and a half', 'a', 'half a'; None for vague amounts."""
    t = _norm(text)
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", t):
        return float(t)
    if re.fullmatch(r"[0-9]+ 1/2", t):  # "2 1/2 years"
        return float(t[:-4]) + 0.5
    if t in ("single", "a single"):
        return 1.0
    if t in ("a half", "half a", "half an"):
        return 0.5
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    total = 0
    for word in re.split(r"[- ]", t):
        if word not in lex.numbers:
            return None
        n = lex.numbers[word]
        total = total * n if n == 100 and total else total + n
    return total + half


def expand_two_digit_year(yy: int, dct: date | None) -> int:
    """Two-digit year: the century that puts it within (DCT - 80 years, DCT + 20 years]."""
    pivot = dct.year if dct else 2030
    year = (pivot // 100) * 100 + yy
    if year > pivot + 20:
        year -= 100
    return year


def _year(m: re.Match[str], dct: date | None) -> int | None:
    if y := _g(m, "year"):
        if y.startswith("'"):
            return expand_two_digit_year(int(y[1:]), dct)
        return int(y)
    if yy := _g(m, "yy"):
        return int(yy) if len(yy) == 4 else expand_two_digit_year(int(yy), dct)
    return None


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def _day_of_month(m: re.Match[str], month: int, dct: date | None) -> tuple[int, date | None] | None:
    """(day, full date) of a match's `day` group in `month`; the date only when the match also
    gives a year. None when no such day exists (February 30; February 29 of a common year)."""
    d = int(m.group("day"))
    y = _year(m, dct)
    if y is None:
        return (d, None) if _valid(2000, month, d) else None  # 2000 is a leap year: Feb 29 is fine
    return (d, date(y, month, d)) if _valid(y, month, d) else None


def _month_and_day(
    m: re.Match[str], lex: Lexicon, dct: date | None
) -> tuple[int, int, date | None] | None:
    """(month, day, full date or None) of a match's `month` and `day` groups (see _day_of_month)."""
    mo = month_number(m.group("month"), lex)
    got = _day_of_month(m, mo, dct) if mo is not None else None
    return None if mo is None or got is None else (mo, got[0], got[1])


def rel_anchor(rel: str | None, lex: Lexicon) -> tuple[str, int]:
    """(anchor, shift) for a relative word: 'last' -> (dct, -1), 'that' -> (ref, 0).
    No word -> 'near' (the year in focus in this sentence, else the DCT's)."""
    if rel is None:
        return "near", 0
    return lex.relatives.get(_norm(rel), ("near", 0))


# ---- explicit dates ----------------------------------------------------------------------------


@register("calendar_date")
def calendar_date(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    mo = month_number(_g(m, "month"), lex)
    y = _year(m, dct)
    if mo is None or y is None:
        return None
    day = _g(m, "day")
    if day is None:
        return Spec(rule.type, value=f"{y}-{mo:02d}")
    d = int(day)
    if not _valid(y, mo, d):
        return None
    return Spec(rule.type, value=f"{y}-{mo:02d}-{d:02d}")


@register("month_range")
def month_range(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> list[Spec] | None:
    m1, m2 = month_number(m.group("m1"), lex), month_number(m.group("m2"), lex)
    y = _year(m, dct)
    if m1 is None or m2 is None or y is None:
        return None
    return [
        Spec(rule.type, value=f"{y}-{m1:02d}", start=m.start("m1"), end=m.end("m1")),
        Spec(rule.type, value=f"{y}-{m2:02d}", start=m.start("m2"), end=m.end()),
    ]


@register("numeric_date")
def numeric_date(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    a, b = int(m.group("a")), int(m.group("b"))
    y = _year(m, dct)
    if y is None:
        return None
    # "/" is read month/day (US news), "." day.month (European); a first number > 12 is a day
    mo, d = (a, b) if m.group("sep") == "/" and a <= 12 else (b, a)
    if not _valid(y, mo, d):
        return None
    return Spec(rule.type, value=f"{y}-{mo:02d}-{d:02d}")


@register("year")
def year(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    return Spec(rule.type, value=m.group("year"))


@register("year_two_digits")
def year_two_digits(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "since '82": the year within 80 years before (20 after) the DCT, after a preposition
    (a quote opening before two digits is no year otherwise)."""
    if not _YEAR_PREPOSITION.search(m.string, max(0, m.start() - 8), m.start()):
        return None
    return Spec(rule.type, value=str(expand_two_digit_year(int(m.group("yy")), dct)))


_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|of|to|until|from|by)\s+$", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b(?P<month>[A-Z][a-z]+)\s+$")
_SEASON_OF_BEFORE = re.compile(
    r"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+of\s+$", re.IGNORECASE
)


@register("year_spoken")
def year_spoken(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """A year said in words: "nineteen ninety-six" (1996), "the year two thousand" (2000)."""
    if _g(m, "thousand"):
        year = 2000 + int(parse_number(_g(m, "rest2") or "", lex) or 0)
    else:
        century = lex.numbers[m.group("century").lower()]
        rest = parse_number(m.group("rest"), lex)
        if rest is None:
            return None
        year = century * 100 + int(rest)
    before = max(0, m.start() - 24)
    if s := _SEASON_OF_BEFORE.search(m.string, before, m.start()):
        value = f"{year}-{lex.seasons[s.group('season').lower()]}"  # "the winter of ..."
        return Spec(rule.type, value=value, start=s.start(), end=m.end())
    mo_m = _MONTH_BEFORE.search(m.string, before, m.start())
    mo = month_number(mo_m.group("month"), lex) if mo_m else None
    if mo_m is not None and mo is not None and mo_m.group("month") in _MONTH_NAMES:
        return Spec(rule.type, value=f"{year}-{mo:02d}", start=mo_m.start(), end=m.end())
    return Spec(rule.type, value=str(year))


_MONTH_NAMES = frozenset(
    [
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
    ]
)


@register("year_range")
def year_range(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> list[Spec] | None:
    y1, raw2 = int(m.group("y1")), m.group("y2")
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if not y1 < y2 <= y1 + 100:
        return None  # "2009-05" is not a range of years
    return [
        Spec(rule.type, value=str(y1), start=m.start("y1"), end=m.end("y1")),
        Spec(rule.type, value=str(y2), start=m.start("y2"), end=m.end("y2")),
    ]


@register("decade")
def decade(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    if d := _g(m, "decade"):
        return Spec(rule.type, value=d[:3] + "X")
    if d := _g(m, "decade2"):
        y = expand_two_digit_year(int(d), dct)
        return Spec(rule.type, value=f"{y // 10}X")
    word = _g(m, "decadeword")
    if word is None:
        return None
    y = 1900 + 10 * lex.decade_words[word.lower()]
    return Spec(rule.type, value=f"{y // 10}X")


@register("century")
def century(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    token = m.group("cent").lower()
    n = int(token[:-2]) if token[:-2].isdigit() else lex.ordinals.get(token)
    if not n:
        return None
    return Spec(rule.type, value=f"{n - 1:02d}XX")


@register("iso_week")
def iso_week(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    week = int(m.group("week"))
    if not 1 <= week <= 53:
        return None
    return Spec(rule.type, value=f"{m.group('year')}-W{week:02d}")


@register("fiscal_year")
def fiscal_year(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    y = _year(m, dct) or int(m.group("year2"))
    return Spec(rule.type, value=f"FY{y}")


# ---- dates needing a year from context ---------------------------------------------------------


@register("month_day")
def month_day(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    if (got := _month_and_day(m, lex, dct)) is None:
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
    if " of " not in _norm(m.group(0)):
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
    y = _year(m, dct)
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
    return Spec(rule.type, kind="cycle", gran="month", month=mo, direction=_direction(m))


def _direction(m: re.Match[str]) -> str | None:
    rel = _g(m, "rel")
    if rel is None:
        return None
    r = _norm(rel)
    if r in ("last", "past", "this past", "the previous", "the preceding"):
        return "last"
    if r in ("next", "coming", "this coming", "the following", "the next"):
        return "next"
    return "this"


@register("season")
def season(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    code = lex.seasons[m.group("season").lower()]
    y = _year(m, dct)
    if y is not None:
        return Spec(rule.type, value=f"{y}-{code}")
    rel = _g(m, "rel")
    if rule.name == "season_cycle":
        return Spec(rule.type, kind="cycle", gran="season", season=code, direction=_direction(m))
    anchor, n = rel_anchor(rel, lex)
    return Spec(rule.type, kind="fill", anchor=anchor, n=n, gran="season", season=code)


@register("quarter")
def quarter(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    word = _g(m, "q")
    if word is not None:
        w = word.lower()
        q = 4 if w in ("final", "last") else lex.ordinals.get(w, 0)
    else:
        q = int(m.group("qn"))
    if not 1 <= q <= 4:
        return None
    y = _year(m, dct) or (int(y0) if (y0 := _g(m, "year0")) else None)
    fiscal = bool(_g(m, "fiscal") or _g(m, "fiscal2"))
    if y is not None:
        return Spec(rule.type, value=f"FY{y}-Q{q}" if fiscal else f"{y}-Q{q}")
    rel = _g(m, "rel")
    if rel is None and word is not None and word.lower() == "last":
        # "the last quarter": the quarter before the DCT's
        return Spec(rule.type, kind="shift", unit="quarter", n=-1, gran="quarter")
    anchor, n = rel_anchor(rel, lex)
    return Spec(rule.type, kind="fill", anchor=anchor, n=n, gran="quarter", quarter=q)


@register("quarter_ending")
def quarter_ending(
    m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None
) -> list[Spec] | None:
    """ "the quarter ended Sept. 30": the quarter (the one named, else the calendar quarter
    holding the date) and the date, as two expressions."""
    mo = month_number(_g(m, "month") or _g(m, "month2"), lex)
    d = int(_g(m, "day") or _g(m, "day2") or 0)
    if mo is None or not _valid(2000, mo, d):
        return None
    qspan = {"start": m.start("qpart"), "end": m.end("qpart")}
    dspan = {"start": m.start("dpart"), "end": m.end("dpart")}
    if _g(m, "yr"):
        y = _year(m, dct)
        if y is not None and _valid(y, mo, d):
            day = Spec(rule.type, value=f"{y}-{mo:02d}-{d:02d}", **dspan)
        else:
            day = Spec(rule.type, kind="fill", anchor="near", gran="day", month=mo, day=d, **dspan)
        return [Spec("DURATION", value="P1Y", **qspan), day]
    word = _g(m, "q")
    q = (4 if word.lower() in ("final", "last") else lex.ordinals[word.lower()]) if word else 0
    q = q or (mo - 1) // 3 + 1
    y = _year(m, dct)
    if y is not None and _valid(y, mo, d):
        # a fiscal quarter named by its number ends in the year of its last day
        return [
            Spec(rule.type, value=f"{y}-Q{q}", **qspan),
            Spec(rule.type, value=f"{y}-{mo:02d}-{d:02d}", **dspan),
        ]
    return [
        Spec(rule.type, kind="fill", anchor="near", gran="quarter", quarter=q, **qspan),
        Spec(rule.type, kind="fill", anchor="near", gran="day", month=mo, day=d, **dspan),
    ]


@register("half")
def half(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    word = _g(m, "h") or _g(m, "h2")
    h = int(m.group("hn")) if word is None else (1 if word.lower() in ("first", "1st") else 2)
    y = _year(m, dct) or (int(y0) if (y0 := _g(m, "year0")) else None)
    if y is not None:
        return Spec(rule.type, value=f"{y}-H{h}")
    anchor, n = rel_anchor(_g(m, "rel"), lex)
    return Spec(rule.type, kind="fill", anchor=anchor, n=n, gran="half", half=h)


# ---- DCT-relative and anaphoric ----------------------------------------------------------------


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
    if _g(m, "word") and _is_today_name(m):
        return None
    word = (_g(m, "word") or "").lower()
    direction = _norm(_g(m, "dir") or "")
    rel = (_g(m, "rel") or "").lower()
    n = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if direction:
        n = -2 if direction.startswith("before") else 2
    if rel == "last":  # "last night": the night before the DCT
        n = -1
    pod = _g(m, "pod") or ("tonight" if word == "tonight" else None)
    suffix = f"T{lex.parts_of_day[pod.lower()]}" if pod else ""
    return Spec("TIME" if suffix else "DATE", kind="shift", unit="day", n=n, suffix=suffix)


@register("rel_unit")
def rel_unit(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    unit = m.group("unit").lower()
    direction = _direction(m)
    n = {"last": -1, "next": 1}.get(direction or "this", 0)
    gran = unit
    shift_unit = "week" if unit == "weekend" else unit
    return Spec(rule.type, kind="shift", unit=shift_unit, n=n, gran=gran)


@register("ref_unit")
def ref_unit(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    unit = m.group("unit").lower()
    trading = unit == "session" or bool(_g(m, "trading"))
    if unit == "session":
        unit = "day"
    if rule.params.get("lowercase_unit") and m.group("unit")[0].isupper():
        return None  # "Car of the Year" is a title, not a time
    rel = _norm(_g(m, "rel") or "the same")
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
    news_day = unit == "day" and n == 0 and _g(m, "rel") is None
    return Spec(
        rule.type,
        kind="shift",
        anchor="ref",
        unit=unit,
        n=n,
        gran=unit,
        trading=trading,
        news_day=news_day,
        completed=unit == "quarter" and n == 0 and _g(m, "rel") is None,
    )


@register("latest_period")
def latest_period(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "the latest quarter", "the most recent period": the period in focus, else the last
    quarter (or the unit named) completed before the DCT."""
    unit = (_g(m, "unit") or "period").lower()
    if unit == "period":
        return Spec(rule.type, kind="shift", anchor="ref", unit="quarter", gran="ref")
    return Spec(rule.type, kind="shift", anchor="ref", unit=unit, gran=unit, completed=True)


def _calendar_amount(m: re.Match[str], lex: Lexicon, back: str) -> tuple[int, str, str] | None:
    """(signed whole number, unit, granularity) of "two years ago", "a week earlier": negative
    when the `dir` group is the word `back`; None for fractions and units finer than a day."""
    num = parse_number(m.group("num"), lex)
    unit = _unit_name(m.group("unit"))
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
    return Spec(rule.type, kind="shift", unit=unit, n=n, gran=gran, comparison=_year_back(n, unit))


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
    if _g(m, "than"):
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


@register("week_ending")
def week_ending(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "the week ending March 7": the (ISO) week holding that date."""
    if (got := _month_and_day(m, lex, dct)) is None:
        return None
    mo, d, full = got
    if full is not None:
        iy, w, _ = full.isocalendar()
        return Spec(rule.type, value=f"{iy}-W{w:02d}")
    return Spec(rule.type, kind="fill", anchor="near", gran="week", month=mo, day=d, as_week=True)


_ORDINAL_WORDS = re.compile(r"([0-9]+)(?:st|nd|rd|th)", re.IGNORECASE)


@register("duration_streak")
def duration_streak(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "the third straight day": the market has moved for n units in a row (P3D)."""
    word = m.group("ord").lower()
    digits = _ORDINAL_WORDS.fullmatch(word)
    n = int(digits.group(1)) if digits else lex.ordinals.get(word)
    unit = _g(m, "unit") or _g(m, "unit2")
    if not n or n < 2 or unit is None:
        return None
    return Spec(rule.type, value=duration_value(n, unit.lower(), lex))


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
    name = _norm(m.group("name"))
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
    pod = _g(m, "pod")
    suffix = f"T{lex.parts_of_day[pod.lower()]}" if pod else ""
    direction = _direction(m)
    kind = "cycle" if direction else "weekday"
    # "the previous Friday", "the following Monday": counted from the day in focus
    anchor = "ref" if _norm(_g(m, "rel") or "").startswith("the ") else "dct"
    return Spec(
        "TIME" if suffix else "DATE",
        kind=kind,
        weekday=wd,
        direction=direction,
        suffix=suffix,
        anchor=anchor,
    )


_ZONE_OFFSET = re.compile(r"(?:utc|gmt)\s*([+-])\s*([0-9]{1,2})(?::?([0-5][0-9]))?")


def zone_offset(tz: str, lex: Lexicon) -> tuple[int, str | None] | None:
    """(minutes east of UTC, daylight-saving rule) of a zone after a clock time; None when the
    zone says nothing about UTC ("local time")."""
    t = _norm(tz)
    if m := _ZONE_OFFSET.fullmatch(t):
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return (-minutes if m.group(1) == "-" else minutes), None
    return lex.time_zones.get(t)


@register("clock")
def clock(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    named = _g(m, "named")
    if named:
        h, mi = (24, 0) if named.lower() == "midnight" else (12, 0)
    else:
        h, mi = int(m.group("h")), int(_g(m, "mi") or 0)
        ampm = (_g(m, "ampm") or "").lower()
        if ampm.startswith("p") and h < 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
        if h > 24 or (h == 24 and mi):
            return None
        if _g(m, "mi") is not None and not ampm and not _g(m, "tz") and "." in m.group(0):
            return None  # "3.45" without am/pm or zone is a number, not a time
    # a zoned time is written in UTC ("4 p.m. EDT" -> T20:00Z), as MEANTIME writes zoned times;
    # resolve.py converts once the date is known (the conversion may move it)
    zone = zone_offset(tz, lex) if (tz := _g(m, "tz")) else None
    offset, dst = zone if zone else (None, None)
    suffix = f"T{h:02d}:{mi:02d}"
    start = end = None
    if "core" in m.re.groupindex and m.group("core") is not None:
        core = m.group("core")
        if core.endswith(")") and "(" not in core:
            # "(0600 UTC)": the bracket closes text before the time, it is not part of it
            start, end = m.start("core"), m.start("core") + len(core[:-1].rstrip())
    spec_args = {"utc_offset": offset, "dst": dst, "start": start, "end": end}
    if (mo := month_number(_g(m, "month"), lex)) is not None:
        # "16:15 UTC, June 1st": the clock time on the date that follows it
        if (got := _day_of_month(m, mo, dct)) is None:
            return None
        d, full = got
        if full is not None:
            return Spec("TIME", value=f"{full.isoformat()}{suffix}", **spec_args)
        return Spec(
            "TIME",
            kind="fill",
            anchor="near",
            gran="day",
            month=mo,
            day=d,
            suffix=suffix,
            **spec_args,
        )
    word = (_g(m, "word") or "").lower()
    # "9 p.m. Monday", "at noon on Friday": the clock time on that weekday
    wd = weekday_number(_g(m, "weekday") or _g(m, "cweekday") or _g(m, "pweekday"), lex)
    if wd is not None:
        return Spec("TIME", kind="weekday", weekday=wd, suffix=suffix, **spec_args)
    if word:
        n = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return Spec("TIME", kind="shift", unit="day", n=n, suffix=suffix, **spec_args)
    # a bare clock time belongs to the day in focus: the last day mentioned in the sentence
    return Spec("TIME", kind="fill", anchor="near", gran="day", suffix=suffix, **spec_args)


@register("same_period")
def same_period(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    # the period in focus, one year earlier, at the granularity of that period; a named
    # calendar unit ("the same quarter last year") fixes the granularity itself
    unit = (_g(m, "unit") or "period").lower()
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
    rel = _g(m, "rel")
    if rel is not None:
        n = {"last": -1, "next": 1}.get(rel.lower(), 0)
        return Spec(rule.type, kind="shift", unit="year", n=n, gran="year", mod="END")
    return Spec(rule.type, kind="fill", anchor="near", gran="year", unit="year", mod="END")


@register("that_time")
def that_time(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "by that time": the time mentioned last, at its own granularity."""
    return Spec(rule.type, kind="shift", anchor="ref", unit="century", n=0, gran="ref")


@register("the_weekend")
def the_weekend(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    return Spec(rule.type, kind="weekend", gran="weekend")


@register("fiscal_rel")
def fiscal_rel(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "this fiscal year" -> FY of the DCT's year (shifted for last/next)."""
    rel = _norm(_g(m, "rel") or "the")
    n = -1 if rel in ("last", "the previous", "the last") else 1 if "next" in rel else 0
    if dct is None:
        return Spec(rule.type, value="FYXXXX")
    return Spec(rule.type, value=f"FY{dct.year + n}")


@register("per_period")
def per_period(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "year-on-year": a change measured over one period (like "annual growth")."""
    return Spec(rule.type, value=duration_value(1, m.group("unit").lower(), lex))


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
    if article and not _g(m, "noun"):
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


@register("holiday")
def holiday(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    name = re.sub(r"\s*['’]\s*", "'", _norm(m.group("holiday"))).replace(".", "").replace(",", "")
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


@register("pod")
def pod(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    code = lex.parts_of_day[(_g(m, "pod") or m.group("pod2")).lower()]
    return Spec("TIME", kind="fill", anchor="near", gran="day", suffix=f"T{code}")


# ---- durations and sets ------------------------------------------------------------------------


def _unit_name(token: str) -> str:
    t = token.lower().removesuffix("-long")
    if t.startswith("centur"):
        return "century"
    return t[:-1] if t.endswith("s") else t


def duration_value(num: float | None, unit: str, lex: Lexicon) -> str:
    letter, mult, is_time = lex.units[unit]
    if num is None:
        amount = "X"
    else:
        total = num * mult
        amount = str(int(total)) if total == int(total) else f"{total:g}"
    return f"P{'T' if is_time else ''}{amount}{letter}"


_FRACTION_OF = re.compile(r"(?:one|two|three|a|[0-9])[\s-]+quarters?", re.IGNORECASE)


@register("duration")
def duration(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    unit_text = _g(m, "unit") or _g(m, "unit2")
    if unit_text is None:
        return None
    unit = _unit_name(unit_text)
    num_text = _g(m, "num") or _g(m, "num2")
    if num_text is None and "num" in rule.params:
        return Spec(rule.type, value=duration_value(float(rule.params["num"]), unit, lex))
    if num_text is None:
        # singular: one unit ("the past decade", "another month"); plural: vague ("for years")
        num = None if unit_text.lower().endswith("s") else 1.0
    elif (
        re.fullmatch(r"1[6-9][0-9]{2}|20[0-9]{2}", num_text)
        and not unit_text.lower().endswith("s")
        and "-" not in m.group(0)
    ):
        return None  # "the 1988 quarter" is that year's quarter, not 1988 quarters
    elif _norm(num_text) in ("a couple of", "couple of"):
        num = 2.0  # "a couple of years": two (TimeBank writes P2Y)
    else:
        num = parse_number(num_text, lex)
        if num is None and not re.fullmatch(
            r"several|a\s+few|few|many|some|numerous|a\s+couple\s+of|couple\s+of|a\s+number\s+of",
            _norm(num_text),
        ):
            return None
        if unit in ("second", "quarter") and _norm(num_text) in ("a", "an", "one"):
            return None  # "a second" is usually the ordinal, "a quarter" a fraction
        if (
            unit == "quarter"
            and re.match(r"\s+of\b", m.string[m.end() :])
            and _FRACTION_OF.fullmatch(m.group(0))
        ):
            return None  # "three-quarters of its food" is a fraction ("the first three
            # quarters of the year", "two consecutive quarters of growth" are not)
        if num is not None and _g(m, "half"):
            num += 0.5
    return Spec(rule.type, value=duration_value(num, unit, lex))


@register("set_every")
def set_every(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    token = _g(m, "weekday") or _g(m, "weekday2") or _g(m, "unit") or ""
    if (wd := weekday_number(token, lex)) is not None:
        pods = _g(m, "pods") or _g(m, "pods2")
        # "Tuesday nights": the night of every Tuesday
        suffix = f"T{lex.parts_of_day[pods.lower()[:-1]]}" if pods else ""
        return Spec("SET", value=f"XXXX-WXX-{wd}{suffix}")
    if token[:1].isupper() and (mo := month_number(token, lex)) is not None:
        return Spec("SET", value=f"XXXX-{mo:02d}")  # "each July"
    low = token.lower()
    if low in lex.parts_of_day:
        return Spec("SET", value=f"XXXX-XX-XXT{lex.parts_of_day[low]}")
    num = parse_number(_g(m, "num") or "1", lex)
    return Spec("SET", value=duration_value(num, _unit_name(low), lex))


_ADVERBS = {
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
    "monthly": "P1M",
    "weekly": "P1W",
    "daily": "P1D",
    "hourly": "PT1H",
    "quarterly": "P3M",
    "biannual": "P6M",
    "bi-annual": "P6M",
    "semiannual": "P6M",
    "semi-annual": "P6M",
    "biannually": "P6M",
    "bi-annually": "P6M",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "biennially": "P2Y",
    "biennial": "P2Y",
    "full-year": "P1Y",
    "full year": "P1Y",
    "half-year": "P6M",
    "half year": "P6M",
}


_BEFORE_NOUN = re.compile(
    r"[ \t]+(?!(?:and|or|but|to|in|on|at|for|by|from|with|since|until|than|as|basis|rate)\b)"
    r"(?-i:[a-z])[\w-]*",
    re.IGNORECASE,
)


@register("set_adverb")
def set_adverb(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    word = m.group("adverb")
    if word[0].isupper():
        # A capitalised "Daily"/"Weekly" inside a sentence is a name ("China Daily"); at the
        # start of a sentence it is just capitalised.
        before = m.string[max(0, m.start() - 3) : m.start()].strip()
        if before and before[-1] not in ".!?\"“'‘":
            return None
    if not rule.params.get("as_duration") and _BEFORE_NOUN.match(m.string, m.end()):
        # an adjective before a noun classifies it ("a quarterly dividend", "the annual
        # meeting"); only the adverb ("paid quarterly") or "on a daily basis" is a SET
        return None
    if rule.params.get("as_duration"):
        # "annual profit": the amount accumulated over one year (MEANTIME types it DURATION)
        return Spec("DURATION", value=_ADVERBS[_norm(word)])
    return Spec("SET", value=_ADVERBS[_norm(word)])


@register("fixed")
def fixed(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    return Spec(rule.type, value=str(rule.params["value"]))


def with_span(spec: Spec, start: int, end: int) -> Spec:
    return replace(spec, start=start, end=end)
