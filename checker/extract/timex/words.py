"""Reading the words of a match: numbers, month and weekday names, years, relative words, units."""

from __future__ import annotations

import re
from datetime import date

from checker.extract.timex.rules import Lexicon
from checker.extract.timex.spec import group, norm


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
    t = norm(text)
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
    total = group_ = 0  # "two thousand five hundred": the thousands, then the rest
    for word in re.split(r"[- ]", t):
        if word not in lex.numbers:
            return None
        n = lex.numbers[word]
        if n == 1000:
            total, group_ = total + (group_ or 1) * 1000, 0
        elif n == 100:
            group_ = (group_ or 1) * 100
        else:
            group_ += n
    return total + group_ + half


def expand_two_digit_year(yy: int, dct: date | None) -> int:
    """Two-digit year: the century that puts it within (DCT - 80 years, DCT + 20 years]."""
    pivot = dct.year if dct else 2030
    year = (pivot // 100) * 100 + yy
    if year > pivot + 20:
        year -= 100
    return year


def year_of(m: re.Match[str], dct: date | None) -> int | None:
    if y := group(m, "year"):
        if y.startswith("'"):
            return expand_two_digit_year(int(y[1:]), dct)
        return int(y)
    if yy := group(m, "yy"):
        return int(yy) if len(yy) == 4 else expand_two_digit_year(int(yy), dct)
    return None


def valid_date(y: int, mo: int, d: int) -> bool:
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def day_of_month(m: re.Match[str], month: int, dct: date | None) -> tuple[int, date | None] | None:
    """(day, full date) of a match's `day` group in `month`; the date only when the match also
    gives a year. None when no such day exists (February 30; February 29 of a common year)."""
    d = int(m.group("day"))
    y = year_of(m, dct)
    if y is None:
        return (
            (d, None) if valid_date(2000, month, d) else None
        )  # 2000 is a leap year: Feb 29 is fine
    return (d, date(y, month, d)) if valid_date(y, month, d) else None


def month_and_day(
    m: re.Match[str], lex: Lexicon, dct: date | None
) -> tuple[int, int, date | None] | None:
    """(month, day, full date or None) of a match's `month` and `day` groups (see day_of_month)."""
    mo = month_number(m.group("month"), lex)
    got = day_of_month(m, mo, dct) if mo is not None else None
    return None if mo is None or got is None else (mo, got[0], got[1])


def rel_anchor(rel: str | None, lex: Lexicon) -> tuple[str, int]:
    """(anchor, shift) for a relative word: 'last' -> (dct, -1), 'that' -> (ref, 0).
    No word -> 'near' (the year in focus in this sentence, else the DCT's)."""
    if rel is None:
        return "near", 0
    return lex.relatives.get(norm(rel), ("near", 0))


def rel_direction(m: re.Match[str]) -> str | None:
    rel = group(m, "rel")
    if rel is None:
        return None
    r = norm(rel)
    if r in ("last", "past", "this past", "the previous", "the preceding"):
        return "last"
    if r in ("next", "coming", "this coming", "the following", "the next"):
        return "next"
    return "this"


def unit_name(token: str) -> str:
    t = token.lower().removesuffix("-long")
    if t.startswith("centur"):
        return "century"
    return t[:-1] if t.endswith("s") else t


# a fraction of a unit written in the next smaller one (TimeBank, the TimeML reference corpus,
# writes "two and a half years" P2Y6M, not P2.5Y): unit letter, time part? -> (how many of the
# smaller unit make one, its letter, time part?)
_SMALLER = {
    ("Y", False): (12, "M", False),
    ("D", False): (24, "H", True),
    ("H", True): (60, "M", True),
    ("M", True): (60, "S", True),
}


def _split_fraction(total: float, letter: str, is_time: bool) -> str | None:
    """ "P2Y6M" for 2.5 years, "PT1M30S" for 1.5 minutes; None when no smaller unit holds the
    fraction exactly (1.5 weeks stays P1.5W)."""
    if (letter, is_time) not in _SMALLER:
        return None
    factor, small, small_time = _SMALLER[(letter, is_time)]
    whole = int(total)
    rest = round((total - whole) * factor, 6)
    if rest != int(rest):
        return None
    big = f"{whole}{letter}" if whole else ""
    if small_time and not is_time:  # "a day and a half": P1DT12H
        return f"P{big}T{int(rest)}{small}"
    return f"P{'T' if is_time else ''}{big}{int(rest)}{small}"


def duration_value(num: float | None, unit: str, lex: Lexicon) -> str:
    letter, mult, is_time = lex.units[unit]
    if num is None:
        if unit == "century":
            return "PXC"  # "for centuries": TimeML's century unit (TimeBank), not so many years
        amount = "X"
    else:
        total = num * mult
        if total != int(total) and (split := _split_fraction(total, letter, is_time)):
            return split
        if letter == "Y" and total >= 1000 and total % 1000 == 0:
            return f"P{int(total) // 1000}L"  # millennia: TimeML's unit L ("two thousand years")
        amount = str(int(total)) if total == int(total) else f"{total:g}"
    return f"P{'T' if is_time else ''}{amount}{letter}"
