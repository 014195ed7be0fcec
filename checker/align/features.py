"""Alignment features: each one looks at two fact frames and returns a value and a reason.

Features are registered by name (`@feature`), so the scorer, `checker why` and the tests see one
table. A feature never decides alone: the scorer (`checker.align.score`) weighs them with the
weights in `rules/weights.yaml`. Decisions that are rules, not weights (different stories,
background against story, time zones) live in `checker.align.gates`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.models.frames import GENERIC_NOUNS, Bound, Frame


@dataclass(frozen=True)
class FeatureValue:
    name: str
    value: float
    reason: str


@dataclass(frozen=True)
class PairContext:
    """What the two articles say besides the two values: how many different figures each one
    gives for the attribute (a headline and a body stating one figure count once)."""

    figures_a: int = 0
    figures_b: int = 0


Fn = Callable[[Frame, Frame, PairContext], tuple[float, str]]


@dataclass(frozen=True)
class FeatureSpec:
    name: str
    description: str
    fn: Fn


FEATURES: dict[str, FeatureSpec] = {}


def _register(name: str, description: str, fn: Fn) -> None:
    if name in FEATURES:
        raise ValueError(f"feature '{name}' is registered twice")
    FEATURES[name] = FeatureSpec(name, description, fn)


def feature(name: str, description: str):
    """Register a feature of the two values alone under `name`, with a one-line description."""

    def register(fn: Callable[[Frame, Frame], tuple[float, str]]):
        _register(name, description, lambda a, b, _ctx: fn(a, b))
        return fn

    return register


def context_feature(name: str, description: str):
    """Register a feature that also reads the articles' other figures (`PairContext`)."""

    def register(fn: Fn):
        _register(name, description, fn)
        return fn

    return register


def compute(a: Frame, b: Frame, ctx: PairContext | None = None) -> list[FeatureValue]:
    ctx = ctx or PairContext()
    out = []
    for spec in FEATURES.values():
        value, reason = spec.fn(a, b, ctx)
        out.append(FeatureValue(spec.name, float(value), reason))
    return out


@feature("named_attribute", "both values are tied to their attribute by a cue word")
def _named(a: Frame, b: Frame) -> tuple[float, str]:
    n = (a.cue is not None) + (b.cue is not None)
    return n / 2, f"cue words: {a.cue or '—'} / {b.cue or '—'}"


@feature("wording", "how alike the two sentences are (token-set similarity, 0–1)")
def _wording(a: Frame, b: Frame) -> tuple[float, str]:
    score = fuzz.token_set_ratio(a.evidence.quote.lower(), b.evidence.quote.lower()) / 100
    return score, f"sentence similarity {score:.2f}"


@feature("headline", "one of the values is read from a headline")
def _headline(a: Frame, b: Frame) -> tuple[float, str]:
    h = a.headline or b.headline
    return float(h), "a headline figure" if h else "no headline"


@feature("place_clash", "both sentences name places and share none (perhaps one place's part)")
def _place_clash(a: Frame, b: Frame) -> tuple[float, str]:
    if a.places and b.places and not set(a.places) & set(b.places):
        return 1.0, f"places differ: {', '.join(a.places)} / {', '.join(b.places)}"
    return 0.0, "no clash of places"


@feature("qualifier_clash", "words that narrow the value differ ('children', 'including')")
def _qualifier_clash(a: Frame, b: Frame) -> tuple[float, str]:
    diff = set(a.qualifiers) ^ set(b.qualifiers)
    if diff:
        return 1.0, f"narrowing words on one side only: {', '.join(sorted(diff))}"
    return 0.0, "same narrowing words"


@feature("what_clash", "the counted nouns differ and neither is a general word like 'people'")
def _what_clash(a: Frame, b: Frame) -> tuple[float, str]:
    if a.measure != "count" or a.what == b.what:
        return 0.0, "same counted noun"
    if a.what is None or b.what is None or a.what in GENERIC_NOUNS or b.what in GENERIC_NOUNS:
        return 0.0, "a general noun on one side"
    return 1.0, f"counts of different things: {a.what} / {b.what}"


def _source_words(source: str) -> frozenset[str]:
    return frozenset(w for w in source.lower().split() if w not in ("the", "a", "an", "of"))


def same_source(a: Frame, b: Frame) -> bool | None:
    """Whether two values come from one source: None when either article names none. One name
    holding the other's words is the same source ('the French interior ministry' / 'the
    interior ministry'; 'Sumwalt' / 'NTSB board member Robert Sumwalt')."""
    if not a.source or not b.source:
        return None
    wa, wb = _source_words(a.source), _source_words(b.source)
    return wa <= wb or wb <= wa


@feature("source_differs", "the articles name different sources for the values")
def _source_differs(a: Frame, b: Frame) -> tuple[float, str]:
    if same_source(a, b) is False:
        return 1.0, f"sources differ: {a.source} / {b.source}"
    return 0.0, "no differing sources"


def _log_ratio(a: Frame, b: Frame) -> float:
    x, y = abs(a.value), abs(b.value)
    return min(3.0, abs(math.log(x / y))) if x and y else (0.0 if x == y else 3.0)


@feature(
    "value_distance",
    "how far apart the values are (|log ratio|, capped at 3), for values that do not grow",
)
def _value_distance(a: Frame, b: Frame) -> tuple[float, str]:
    if a.cumulative:
        return 0.0, "a running tally: see tally_distance"
    d = _log_ratio(a, b)
    return d, f"log ratio {d:.2f}"


@feature(
    "tally_distance",
    "how far apart two figures of a running tally are (|log ratio|, capped at 3): a toll may "
    "grow tenfold in a week, so distance says less here than for a fixed value",
)
def _tally_distance(a: Frame, b: Frame) -> tuple[float, str]:
    if not a.cumulative:
        return 0.0, "not a running tally"
    d = _log_ratio(a, b)
    return d, f"log ratio {d:.2f} of a running tally"


@feature("year_differs", "the sentences tie the values to different years")
def _year_differs(a: Frame, b: Frame) -> tuple[float, str]:
    return _both_differ("years", a.year, b.year)


@feature("modality_clash", "one value is reported, the other hedged or planned")
def _modality_clash(a: Frame, b: Frame) -> tuple[float, str]:
    if a.modality != b.modality:
        return 1.0, f"told as {a.modality.value} / {b.modality.value}"
    return 0.0, f"both {a.modality.value}"


@feature("upper_bound", "one value is only an upper limit ('up to 800')")
def _upper(a: Frame, b: Frame) -> tuple[float, str]:
    u = Bound.UPPER in (a.bound, b.bound)
    return float(u), "an upper limit" if u else "no upper limit"


@feature("fallback_attribute", "the attribute is a default for the unit, not named by a cue")
def _fallback(a: Frame, b: Frame) -> tuple[float, str]:
    f = a.cue is None and b.cue is None
    return float(f), "no cue on either side" if f else "a cue on at least one side"


@feature("days_apart", "how many days apart the two articles were published (log, capped at 3)")
def _days_apart(a: Frame, b: Frame) -> tuple[float, str]:
    if a.reported is None or b.reported is None:
        return 0.0, "a publication date is unknown"
    days = abs((a.reported - b.reported).days)
    return min(3.0, math.log1p(days)), f"published {days} days apart"


@feature("day_differs", "the sentences tie the values to different days")
def _day_differs(a: Frame, b: Frame) -> tuple[float, str]:
    return _both_differ("days", a.day, b.day)


def _both_differ(what: str, x: object, y: object) -> tuple[float, str]:
    """1 when both sides state a value and the values differ."""
    if x and y and x != y:
        return 1.0, f"{what} differ: {x} / {y}"
    return 0.0, f"no differing {what}"


@feature("subject_clash", "both sentences name organisations, people or things and share none")
def _subject_clash(a: Frame, b: Frame) -> tuple[float, str]:
    if a.subjects and b.subjects and not _overlap(a.subjects, b.subjects):
        return 1.0, f"named subjects differ: {', '.join(a.subjects)} / {', '.join(b.subjects)}"
    return 0.0, "no clash of named subjects"


def _overlap(xs: tuple[str, ...], ys: tuple[str, ...]) -> bool:
    """Shared names, a name inside another ('FTSE' / 'FTSE 100'), or shared words of a name."""
    wx = {w for x in xs for w in x.split() if len(w) > 2}
    wy = {w for y in ys for w in y.split() if len(w) > 2}
    return bool(set(xs) & set(ys)) or bool(wx & wy)


@context_feature(
    "sole_figures",
    "each article gives one figure for the attribute: in a folder about one story, the two "
    "figures are then most likely statements of one fact (1 when both do, 0.5 when one does)",
)
def _sole_figures(a: Frame, b: Frame, ctx: PairContext) -> tuple[float, str]:
    if a.measure != "count":
        return 0.0, "not a count: a measure is told apart by its anchor, not by being alone"
    if a.cue is None or b.cue is None:
        return 0.0, "a count no cue word names: its noun alone does not make it a fact of the story"
    sole = (ctx.figures_a == 1) + (ctx.figures_b == 1)
    if not sole:
        return 0.0, "both articles give other figures for it"
    if sole == 2:
        return 1.0, f"the only figure for {a.attribute_label} in both articles"
    return 0.5, f"the only figure for {a.attribute_label} in one article"
