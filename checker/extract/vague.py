"""Amounts written in words that a number parser reads wrong: orders of magnitude ('hundreds of
thousands', 'dozens', 'several thousand') and halves ('one and a half million', 'half a million').

Such a phrase states a range: 'hundreds of thousands' is at least two hundred thousand and less
than a million, so it disagrees with 'over 1 million' and agrees with 'hundreds of thousands'.
Each range starts at two of its units (a plural means more than one). A plural of a plural
('hundreds of thousands') or a 'several' ends below the next order of magnitude; a plain plural
('thousands of jobs') is used loosely for any larger figure too, so it has no upper end.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from checker.extract.numbers import parse_number

_UNITS = {
    "dozen": 12.0,
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
}
# 'tens of thousands', 'hundreds of millions': a plural of a plural.
_PLURAL = (
    r"(?:(?P<outer>tens|hundreds)\s+of\s+)?"
    r"(?P<unit>dozens|hundreds|thousands|millions|billions)"
)
# 'several hundred', 'a few thousand', 'several hundred thousand'.
_SEVERAL = (
    r"(?:several|a\s+few)\s+(?P<unit2>hundred|thousand|million|billion)"
    r"(?:\s+(?P<times>thousand|million))?"
)
_VAGUE = re.compile(rf"\b(?:{_PLURAL}|{_SEVERAL})\b(?!-)", re.IGNORECASE)


@dataclass(frozen=True)
class VagueAmount:
    """A magnitude phrase over tokens first..last with the range it states."""

    first: Token
    last: Token
    low: float
    high: float

    @property
    def value(self) -> float:
        """The middle of the order of magnitude on a log scale, for distances between values."""
        return self.low * math.sqrt(5)


def vague_amounts(sent: Span) -> list[VagueAmount]:
    """Every magnitude phrase of the sentence, in order."""
    out: list[VagueAmount] = []
    for m in _VAGUE.finditer(sent.text):
        span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        low = _low(m)
        if low is None:
            continue
        # the next order of magnitude: 'dozens' end at a hundred, 'tens of thousands' at a
        # hundred thousand
        high = 99.0 if low < 100 else low * 5 - 1
        if m.group("unit") and not m.group("outer") and low >= 100:
            high = math.inf
        out.append(VagueAmount(span[0], span[-1], low, high))
    return out


def _low(m: re.Match[str]) -> float | None:
    if m.group("unit"):
        unit = _UNITS[m.group("unit").lower().rstrip("s")]
        outer = (m.group("outer") or "").lower()
        scale = {"tens": 10.0, "hundreds": 100.0}.get(outer, 1.0)
        return 2 * unit * scale
    unit = _UNITS[m.group("unit2").lower()]
    times = _UNITS[m.group("times").lower()] if m.group("times") else 1.0
    return 2 * unit * times


_HALVES = re.compile(
    r"\b(?:(?P<whole>\d+|one|two|three|four|five|six|seven|eight)\s+and\s+a\s+half|half\s+an?)"
    r"\s+(?P<unit>hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)


def halves(sent: Span) -> list[tuple[Token, Token, float]]:
    """'one and a half million' (1,500,000) and 'half a million' (500,000), with their tokens."""
    out: list[tuple[Token, Token, float]] = []
    for m in _HALVES.finditer(sent.text):
        span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        whole = m.group("whole")
        count = 0.0 if whole is None else parse_number(whole) or 0.0
        out.append((span[0], span[-1], (count + 0.5) * _UNITS[m.group("unit").lower()]))
    return out
