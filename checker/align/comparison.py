"""What the rule engine sees: two claims about one subject, with their relation.

A `Comparison` has the kind of fact, a subject in words, the two sides (each with its evidence and
value) and `features`, the named relations that rule conditions test (`time_relation: disjoint`,
`modality: planned+reported`, …). The helpers here are shared by every way of pairing facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.models.facts import Evidence, Modality
from checker.models.time import Timex

MODALITIES = ("negated", "planned", "reported")


@dataclass
class Side:
    article: str
    evidence: Evidence
    value: str
    highlight: tuple[int, int] | None = None  # file offsets of the compared words
    detail: dict[str, object] = field(default_factory=dict)


@dataclass
class Comparison:
    kind: str
    subject: str
    a: Side
    b: Side
    features: dict[str, str]
    detail: str = ""
    confidence: float = 0.8
    evidence: int = 2  # independent signs that both sides speak of the same thing
    # Further statements of the same values in the same articles (a headline and the body).
    extra: list[Side] = field(default_factory=list)


def modality_pair(a: Modality, b: Modality) -> str:
    return "+".join(sorted((a.value, b.value)))


# Words with which an article says itself that a date moved ('two weeks later than planned').
_PLAN_CHANGE = re.compile(
    r"\b(than (planned|scheduled|expected|originally|intended|announced)|originally "
    r"(planned|scheduled|due|set|expected|intended)|postponed|rescheduled|pushed back|"
    r"brought forward|moved (up|back)|ahead of schedule|behind schedule|delayed)\b",
    re.IGNORECASE,
)


def plan_change(*quotes: str) -> str:
    """'stated' when one of the quotes says the date changed, else 'not_stated'."""
    return "stated" if any(_PLAN_CHANGE.search(q) for q in quotes) else "not_stated"


def open_ended(t: Timex | None) -> bool:
    """'since February', 'before 2019': a statement about a stretch of time, not one moment.
    "The index has not closed above 8,000 since February" denies no single day's close."""
    return t is not None and (t.mod or "").upper() in {
        "ON_OR_AFTER",
        "AFTER",
        "BEFORE",
        "ON_OR_BEFORE",
    }
