"""Gates: rules that stop two frames from being compared, each with a reason a user can read.

Weights decide how alike two statements are; gates say when a comparison makes no sense at all.
They are few, named, and listed by `checker why` and in the README.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from checker.models.facts import Modality
from checker.models.frames import GENERIC_NOUNS, Frame


@dataclass(frozen=True)
class GateSpec:
    code: str
    name: str
    explanation: str
    fn: Callable[[Frame, Frame], str | None]
    # the two values are of different things (another year, person, place or part), not merely
    # hedged or unnamed: the older claim path must not compare them either
    apart: bool = False


GATES: list[GateSpec] = []


def _gate(code: str, name: str, explanation: str, apart: bool = False):
    def register(fn: Callable[[Frame, Frame], str | None]):
        GATES.append(GateSpec(code, name, explanation, fn, apart))
        return fn

    return register


def kept_apart(reason: str) -> bool:
    """Whether a gate decision ('<code> <name>: …') says the values are of different things."""
    return any(reason.startswith(f"{spec.code} ") for spec in GATES if spec.apart)


def gate(a: Frame, b: Frame) -> str | None:
    """The first gate that stops the pair, as '<code> <name>: <reason>', or None."""
    for spec in GATES:
        reason = spec.fn(a, b)
        if reason is not None:
            return f"{spec.code} {spec.name}: {reason}"
    return None


@_gate(
    "A01",
    "background-vs-story",
    "A value the sentence ties to an earlier year ('a 1921 flood killed 3,000') is background: it "
    "is compared only with background told of the same year, never with the story's own facts.",
    apart=True,
)
def _background(a: Frame, b: Frame) -> str | None:
    if bool(a.background) != bool(b.background):
        bg = a if a.background else b
        return f"{bg.text} is background ({bg.background})"
    if a.background and b.background and a.year != b.year:
        return f"background of different years ({a.year} / {b.year})"
    return None


@_gate(
    "A02",
    "different-currency",
    "Amounts in different currencies are not compared: exchange rates move, and articles convert "
    "at different rates.",
    apart=True,
)
def _currency(a: Frame, b: Frame) -> str | None:
    if a.measure == "money" and a.unit != b.unit:
        return f"currencies differ ({a.unit} / {b.unit})"
    return None


@_gate(
    "A03",
    "different-time-zone",
    "Clock times given in different time zones ('11:56 local time' / '06:11 GMT') are not "
    "compared: the offset between them is not known.",
    apart=True,
)
def _timezone(a: Frame, b: Frame) -> str | None:
    if a.measure == "clock" and (a.timezone or b.timezone) and a.timezone != b.timezone:
        if a.timezone and b.timezone or "UTC" in (a.timezone, b.timezone):
            return f"time zones differ ({a.timezone or 'unstated'} / {b.timezone or 'unstated'})"
    return None


@_gate(
    "A04",
    "denied-hedged-or-planned",
    "A value told as a possibility ('could rise to 1,000') or denied states no fact to compare; a "
    "planned value ('will be cut to $149') is compared only with another plan.",
)
def _hedged(a: Frame, b: Frame) -> str | None:
    for fr in (a, b):
        if fr.modality in (Modality.HEDGED, Modality.NEGATED):
            return f"{fr.text} is {fr.modality.value}"
    if (a.modality == Modality.PLANNED) != (b.modality == Modality.PLANNED):
        plan = a if a.modality == Modality.PLANNED else b
        return f"{plan.text} is a plan, the other value a report"
    return None


@_gate(
    "A06",
    "unnamed-attribute",
    "Two values that no cue word ties to what they measure ('15.5%', '$4 million' with no verb "
    "or noun of the vocabulary near them) are not compared: their units alone say too little. "
    "Counts of the same thing named by its noun or a synonym ('14 schools' / '15 schools', "
    "'seven carriages' / 'seven cars') are compared.",
)
def _unnamed(a: Frame, b: Frame) -> str | None:
    counted = a.what and b.what and not {a.what, b.what} & GENERIC_NOUNS
    if counted and (a.what == b.what or a.attribute == b.attribute):
        # both count the same thing, named by its noun or a synonym ('14 schools' / '15 schools',
        # 'seven carriages' / 'seven cars')
        return None
    if a.cue is None and b.cue is None:
        return f"no cue word names what {a.text} and {b.text} measure"
    return None


def _named(what: str | None) -> bool:
    return bool(what) and what[:1].isupper()


@_gate(
    "A07",
    "different-people",
    "Ages of people whose names share no word ('Kim, 23' / 'Park, 56') are ages of different "
    "people: they are never compared.",
    apart=True,
)
def _people(a: Frame, b: Frame) -> str | None:
    # only names tell people apart: 'the captain' and 'Lee' may be one man
    if a.measure == "age" and _named(a.what) and _named(b.what):
        wa = {w.lower() for w in a.what.replace("-", " ").split()}
        wb = {w.lower() for w in b.what.replace("-", " ").split()}
        if not wa & wb:
            return f"ages of different people ({a.what} / {b.what})"
    return None


@_gate(
    "A08",
    "plans-made-apart",
    "Two planned values ('will be cut to $149') from articles published half a year or more "
    "apart are different plans: a plan may change, so they are not compared.",
)
def _plans_apart(a: Frame, b: Frame) -> str | None:
    if a.modality == Modality.PLANNED and b.modality == Modality.PLANNED:
        if a.reported and b.reported and abs((a.reported - b.reported).days) >= 180:
            return f"plans published {abs((a.reported - b.reported).days)} days apart"
    return None


@_gate(
    "A09",
    "total-vs-part",
    "A total added up from the parts one sentence gives ('120 passengers and six crew': 126 "
    "aboard) is not compared with a count of one of those parts ('nearly 200 passengers'): "
    "that count is set against the part itself.",
    apart=True,
)
def _total_vs_part(a: Frame, b: Frame) -> str | None:
    for total, other in ((a, b), (b, a)):
        if total.summed and other.what and other.what == total.what:
            return f"{total.text} is a total of parts; {other.text} counts {other.what}s only"
    return None


@_gate(
    "A10",
    "whole-vs-part",
    "A figure the words give for a whole country ('across France', 'nationwide') and one they "
    "give for a city or region in it ('119,000 in Paris', 'in the capital') count different "
    "crowds, votes or tolls: a part is not compared with its whole.",
    apart=True,
)
def _whole_vs_part(a: Frame, b: Frame) -> str | None:
    for whole, part in ((a, b), (b, a)):
        if whole.scope_level == "whole" and part.scope_level == "part":
            return f"{whole.text} is given {whole.scope}; {part.text} {part.scope} only"
    return None


@_gate(
    "A11",
    "different-actors",
    "Two figures of acts by different named organisations or people ('Skyjet bought 60 jets', "
    "'Aerova bought 12') are figures of two acts, however alike the sentences: they are not "
    "compared. Sums of money are left out: a price has two sides, and 'Velmar will pay $40 a "
    "share' and 'the board accepted $40 a share' are one figure.",
    apart=True,
)
def _actors(a: Frame, b: Frame) -> str | None:
    if a.measure == "money":
        return None
    if a.agent and b.agent and not _words(a.agent) & _words(b.agent):
        return f"{a.text} is of {a.agent}; {b.text} of {b.agent}"
    return None


def _words(name: str) -> set[str]:
    return {w for w in name.split() if len(w) > 2}


@_gate(
    "A12",
    "different-moments",
    "Two readings of something that changes ('the index currently stands at 10,769'), each "
    "given as of the moment its article was written, in articles published two or more days "
    "apart, are readings at different moments: they are not compared. A running tally (a toll) "
    "is compared: a later figure revises the earlier.",
    apart=True,
)
def _moments(a: Frame, b: Frame) -> str | None:
    if not (a.now and b.now) or a.cumulative or a.reported is None or b.reported is None:
        return None
    days = abs((a.reported - b.reported).days)
    if days >= 2:
        return f"{a.text} and {b.text} are each given as of writing, {days} days apart"
    return None


@_gate(
    "A13",
    "age-over-time",
    "A person's age grows: two ages given in articles published apart, which differ by no more "
    "than the years between them (a birthday may fall in between), can both be true. They are "
    "not compared.",
)
def _age_over_time(a: Frame, b: Frame) -> str | None:
    if a.measure != "age" or a.reported is None or b.reported is None or a.value == b.value:
        return None
    days = abs((a.reported - b.reported).days)
    if days and abs(a.value - b.value) <= math.ceil(days / 365.25):
        return f"{a.text} and {b.text} are given {days} days apart: a birthday may fall between"
    return None
