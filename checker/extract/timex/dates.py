"""Normalizers of explicit dates: calendar dates, years, decades, centuries, weeks, fiscal years."""

from __future__ import annotations

import re
from datetime import date

from checker.extract.timex.rules import Lexicon, Rule
from checker.extract.timex.spec import Spec, group, norm, register, with_span
from checker.extract.timex.words import (
    expand_two_digit_year,
    month_number,
    parse_number,
    valid_date,
    weekday_number,
    year_of,
)
from checker.models.time import MONTH_NAMES


@register("calendar_date")
def calendar_date(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    mo = month_number(group(m, "month"), lex)
    y = year_of(m, dct)
    if mo is None or y is None:
        return None
    day = group(m, "day")
    if day is None:
        return Spec(rule.type, value=f"{y}-{mo:02d}")
    d = int(day)
    if not valid_date(y, mo, d):
        return None
    spec = Spec(rule.type, value=f"{y}-{mo:02d}-{d:02d}")
    wd = weekday_number(group(m, "wd") or "", lex)
    if wd is not None and date(y, mo, d).isoweekday() != wd:
        # the weekday before it is not the date's own: it is an expression of its own
        start = min(m.start("month"), m.start("day"))
        return with_span(spec, start, m.end())
    return spec


@register("month_range")
def month_range(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> list[Spec] | None:
    m1, m2 = month_number(m.group("m1"), lex), month_number(m.group("m2"), lex)
    y = year_of(m, dct)
    if m1 is None or m2 is None or y is None:
        return None
    return [
        Spec(rule.type, value=f"{y}-{m1:02d}", start=m.start("m1"), end=m.end("m1")),
        Spec(rule.type, value=f"{y}-{m2:02d}", start=m.start("m2"), end=m.end()),
    ]


@register("numeric_date")
def numeric_date(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    a, b = int(m.group("a")), int(m.group("b"))
    y = year_of(m, dct)
    if y is None:
        return None
    # "/" is read month/day (US news), "." day.month (European); a first number > 12 is a day
    mo, d = (a, b) if m.group("sep") == "/" and a <= 12 else (b, a)
    if not valid_date(y, mo, d):
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
    if group(m, "thousand"):
        year = 2000 + int(parse_number(group(m, "rest2") or "", lex) or 0)
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


_MONTH_NAMES = frozenset(MONTH_NAMES)


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
    if d := group(m, "decade"):
        return Spec(rule.type, value=d[:3] + "X")
    if d := group(m, "decade2"):
        y = expand_two_digit_year(int(d), dct)
        return Spec(rule.type, value=f"{y // 10}X")
    word = group(m, "decadeword")
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
    y = year_of(m, dct) or int(m.group("year2"))
    return Spec(rule.type, value=f"FY{y}")


@register("fiscal_rel")
def fiscal_rel(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "this fiscal year" -> FY of the DCT's year (shifted for last/next)."""
    rel = norm(group(m, "rel") or "the")
    n = -1 if rel in ("last", "the previous", "the last") else 1 if "next" in rel else 0
    if dct is None:
        return Spec(rule.type, value="FYXXXX")
    return Spec(rule.type, value=f"FY{dct.year + n}")
