"""Normalizers of durations ("three years", "the third straight day") and sets ("every
Tuesday", "paid quarterly").
"""

from __future__ import annotations

import re
from datetime import date

from checker.extract.timex.rules import Lexicon, Rule
from checker.extract.timex.spec import Spec, group, norm, register
from checker.extract.timex.words import (
    duration_value,
    month_number,
    parse_number,
    unit_name,
    weekday_number,
)

_ORDINAL_WORDS = re.compile(r"([0-9]+)(?:st|nd|rd|th)", re.IGNORECASE)


@register("duration_streak")
def duration_streak(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "the third straight day": the market has moved for n units in a row (P3D)."""
    word = m.group("ord").lower()
    digits = _ORDINAL_WORDS.fullmatch(word)
    n = int(digits.group(1)) if digits else lex.ordinals.get(word)
    unit = group(m, "unit") or group(m, "unit2")
    if not n or n < 2 or unit is None:
        return None
    return Spec(rule.type, value=duration_value(n, unit.lower(), lex))


@register("per_period")
def per_period(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    """ "year-on-year": a change measured over one period (like "annual growth")."""
    return Spec(rule.type, value=duration_value(1, m.group("unit").lower(), lex))


_FRACTION_OF = re.compile(r"(?:one|two|three|a|[0-9])[\s-]+quarters?", re.IGNORECASE)


@register("duration")
def duration(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    unit_text = group(m, "unit") or group(m, "unit2")
    if unit_text is None:
        return None
    unit = unit_name(unit_text)
    num_text = group(m, "num") or group(m, "num2")
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
    elif norm(num_text) in ("a couple of", "couple of"):
        num = 2.0  # "a couple of years": two (TimeBank writes P2Y)
    else:
        num = parse_number(num_text, lex)
        if num is None and not re.fullmatch(
            r"several|a\s+few|few|many|some|numerous|a\s+couple\s+of|couple\s+of|a\s+number\s+of",
            norm(num_text),
        ):
            return None
        if unit in ("second", "quarter") and norm(num_text) in ("a", "an", "one"):
            return None  # "a second" is usually the ordinal, "a quarter" a fraction
        if (
            unit == "quarter"
            and re.match(r"\s+of\b", m.string[m.end() :])
            and _FRACTION_OF.fullmatch(m.group(0))
        ):
            return None  # "three-quarters of its food" is a fraction ("the first three
            # quarters of the year", "two consecutive quarters of growth" are not)
        if num is not None and group(m, "half"):
            num += 0.5
    return Spec(rule.type, value=duration_value(num, unit, lex))


@register("set_every")
def set_every(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    token = group(m, "weekday") or group(m, "weekday2") or group(m, "unit") or ""
    if (wd := weekday_number(token, lex)) is not None:
        pods = group(m, "pods") or group(m, "pods2")
        # "Tuesday nights": the night of every Tuesday
        suffix = f"T{lex.parts_of_day[pods.lower()[:-1]]}" if pods else ""
        return Spec("SET", value=f"XXXX-WXX-{wd}{suffix}")
    if token[:1].isupper() and (mo := month_number(token, lex)) is not None:
        return Spec("SET", value=f"XXXX-{mo:02d}")  # "each July"
    low = token.lower()
    if low in lex.parts_of_day:
        return Spec("SET", value=f"XXXX-XX-XXT{lex.parts_of_day[low]}")
    num = parse_number(group(m, "num") or "1", lex)
    return Spec("SET", value=duration_value(num, unit_name(low), lex))


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
        return Spec("DURATION", value=_ADVERBS[norm(word)])
    return Spec("SET", value=_ADVERBS[norm(word)])
