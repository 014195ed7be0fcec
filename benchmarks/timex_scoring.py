"""Scoring shared by the time-expression benchmarks (timex_meantime.py, timex_tbaq.py).

TempEval-3 style figures over one-to-one matches between gold and system expressions:
strict F1 (exact span), relaxed F1 (overlapping span), type accuracy (over relaxed matches),
value F1 (relaxed match whose value equals the gold value; a decade or century counts as equal
in either notation, "199X" or TimeML's "199"), documents per second and words per second
(whitespace-separated words of the tagged text; CPU time spent tagging, so one core's speed
even on a busy machine).

Matching: exact spans first, then the largest overlap, each system expression used once.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from checker.extract.timex import tag  # noqa: E402
from checker.models.time import Timex  # noqa: E402


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    docs: int = 0
    words: int = 0
    seconds: float = 0.0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


_DECADE_OR_CENTURY = re.compile(r"(\d{2}|\d{3})X*")


def _notation(value: str) -> str:
    m = _DECADE_OR_CENTURY.fullmatch(value)
    return m.group(1) if m else value


def same_value(system: str, gold: str) -> bool:
    """Equal TIMEX3 values, reading the decade/century notations alike.

    checker writes a decade "199X" and a century "19XX"; TimeML corpora write "199" and "19".
    Both name the same span, so the notation alone must not count as a wrong value.
    """
    return _notation(system) == _notation(gold)


def _f1(tp: int, n_sys: int, n_gold: int) -> float:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(gold: list[GoldTimex], system: list[Timex]) -> dict[int, int]:
    """Gold index -> system index: exact spans first, then the largest overlap (a range
    annotated both as a whole and as its endpoints must not steal the endpoint's exact match)."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        for i, s in enumerate(system):
            if i not in used and (s.start, s.end) == (g.start, g.end):
                pairs[gi] = i
                used.add(i)
                break
    for gi, g in enumerate(gold):
        if gi in pairs:
            continue
        best = None
        for i, s in enumerate(system):
            if i in used or s.end <= g.start or g.end <= s.start:
                continue
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is not None:
            pairs[gi] = best[1]
            used.add(best[1])
    return pairs


def score_doc(
    doc_id: str,
    text: str,
    dct: date | None,
    gold: list[GoldTimex],
    scored: Callable[[Timex], bool] = lambda t: True,
    verbose: bool = False,
) -> Counts:
    """Tag `text` and count its matches against `gold`; system expressions outside the scored
    part of the text (`scored` false) are neither right nor wrong. With `verbose`, print every
    miss, difference and false positive (callers must never pass it for held-out data)."""
    t0 = time.process_time()  # CPU time of this process: one core, whatever else runs
    found = tag(text, dct)
    seconds = time.process_time() - t0
    system = [t for t in found if scored(t)]
    c = Counts(gold=len(gold), system=len(system), docs=1, words=len(text.split()), seconds=seconds)
    pairs = _pairs(gold, system)
    for gi, g in enumerate(gold):
        if gi not in pairs:
            if verbose:
                print(f"  MISS {doc_id} [{g.text}] {g.type} {g.value}")
            continue
        s = system[pairs[gi]]
        c.relaxed += 1
        c.strict += (s.start, s.end) == (g.start, g.end)
        c.type_ok += s.type == g.type
        c.value_ok += same_value(s.value, g.value)
        if verbose and (
            (s.start, s.end) != (g.start, g.end)
            or not same_value(s.value, g.value)
            or s.type != g.type
        ):
            print(
                f"  DIFF {doc_id} gold [{g.text}] {g.type} {g.value}"
                f" | sys [{s.text}] {s.type} {s.value} {s.mod or ''}"
            )
    if verbose:
        matched = set(pairs.values())
        for i, s in enumerate(system):
            if i not in matched:
                print(f"  FP   {doc_id} [{s.text}] {s.type} {s.value} (dct {dct})")
    return c


def report(name: str, c: Counts) -> None:
    strict = _f1(c.strict, c.system, c.gold)
    relaxed = _f1(c.relaxed, c.system, c.gold)
    type_acc = c.type_ok / c.relaxed if c.relaxed else 0.0
    value = _f1(c.value_ok, c.system, c.gold)
    dps = c.docs / c.seconds if c.seconds else float("inf")
    wps = c.words / c.seconds if c.seconds else float("inf")
    print(
        f"{name:<28} docs={c.docs:<4} gold={c.gold:<4} sys={c.system:<4} "
        f"strict={strict:.3f} relaxed={relaxed:.3f} type={type_acc:.3f} value={value:.3f} "
        f"docs/s={dps:,.0f} words/s={wps:,.0f}"
    )


def warm_up() -> None:
    """Compile the rule table before anything is timed."""
    tag("warm-up on 1 May 2005.", date(2005, 5, 1))
