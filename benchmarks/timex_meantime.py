"""Score checker's time-expression tagger on the MEANTIME English corpus (TempEval-3 style).

Data: ``../shared/benchmarks/meantime/intra_cross-doc_annotation/corpus_*/*.xml`` relative to the
repository (override with ``--corpus DIR``; see ``shared/benchmarks/meantime/SOURCE.md``).

How the text is rebuilt
    MEANTIME gives the text only as tokens. We join the tokens of a document with single spaces
    ("July 24 , 2003") and keep a map from every token to its character offsets, so gold TIMEX3
    token anchors become character spans in the rebuilt text and every system span maps back to
    the token (and sentence) it starts in.

DCT
    The TIMEX3 with functionInDocument="CREATION_TIME"; documents without one (78496, 8951) use the
    DATE timex anchored in sentence 1 (the dateline). A malformed DD-MM-YYYY value (doc 120578,
    "03-02-2009" for "February 03 , 2009") is read as day-month-year.

What is scored
    Gold: text-consuming TIMEX3 (with token anchors) that start in sentences 0-5 (the only annotated
    sentences), excluding the DCT and anything in sentence 1 (the dateline). System: expressions
    starting in sentences 0, 2, 3, 4, 5 (output elsewhere is neither right nor wrong).
    Matching is one-to-one, greedy by overlap. Figures:
    strict F1 (exact span), relaxed F1 (overlapping span), type accuracy (over relaxed matches),
    value F1 (relaxed match whose value equals the gold value; a decade or century counts as equal
    in either notation, "199X" or TimeML's "199"), and documents per second.

Sub-corpora: tuning = airbus + apple + gm; held-out = stock (never tuned on); whole = all four.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.extract.timex import tag  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared/benchmarks/meantime/intra_cross-doc_annotation"
SCORED_SENTENCES = {0, 2, 3, 4, 5}
TUNING = ("airbus", "apple", "gm")
HELD_OUT = ("stock",)


@dataclass
class GoldTimex:
    start: int
    end: int
    sentence: int
    type: str
    value: str
    text: str


@dataclass
class Doc:
    doc_id: str
    corpus: str
    text: str
    dct: date | None
    token_starts: list[int]
    token_sentences: list[int]
    gold: list[GoldTimex] = field(default_factory=list)

    def sentence_at(self, offset: int) -> int:
        """Sentence of the token an offset falls in (or the nearest token before it)."""
        i = bisect_right(self.token_starts, offset) - 1
        return self.token_sentences[max(i, 0)]


_DECADE_OR_CENTURY = re.compile(r"(\d{2}|\d{3})X*")


def _notation(value: str) -> str:
    m = _DECADE_OR_CENTURY.fullmatch(value)
    return m.group(1) if m else value


def same_value(system: str, gold: str) -> bool:
    """Equal TIMEX3 values, reading the decade/century notations alike.

    checker writes a decade "199X" and a century "19XX"; MEANTIME writes TimeML's "199" and "19".
    Both name the same span, so the notation alone must not count as a wrong value.
    """
    return _notation(system) == _notation(gold)


def _parse_dct(value: str) -> date | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value):  # malformed DD-MM-YYYY (doc 120578)
        return date(int(m[3]), int(m[2]), int(m[1]))
    return None


def load_doc(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    tokens = sorted(root.iter("token"), key=lambda t: int(t.get("number", "0")))
    parts: list[str] = []
    starts: list[int] = []
    sentences: list[int] = []
    span_of: dict[str, tuple[int, int, int]] = {}
    offset = 0
    for tok in tokens:
        word = tok.text or ""
        starts.append(offset)
        sentences.append(int(tok.get("sentence", "0")))
        span_of[tok.get("t_id", "")] = (offset, offset + len(word), sentences[-1])
        parts.append(word)
        offset += len(word) + 1
    text = " ".join(parts)

    dct: date | None = None
    fallback: date | None = None
    gold: list[GoldTimex] = []
    for tx in root.iter("TIMEX3"):
        anchors = [span_of[a.get("t_id", "")] for a in tx.iter("token_anchor")]
        if not anchors:
            continue  # empty, non-text-consuming timex
        begin = min(a[0] for a in anchors)
        end = max(a[1] for a in anchors)
        sentence = min(anchors)[2]
        value = tx.get("value", "")
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(value)
            continue
        if sentence == 1:
            if tx.get("type") == "DATE" and fallback is None:
                fallback = _parse_dct(value)
            continue
        if sentence in SCORED_SENTENCES:
            gold.append(GoldTimex(begin, end, sentence, tx.get("type", ""), value, text[begin:end]))
    corpus = path.parent.name.removeprefix("corpus_")
    return Doc(
        root.get("doc_id", path.stem), corpus, text, dct or fallback, starts, sentences, gold
    )


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    docs: int = 0
    seconds: float = 0.0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _f1(tp: int, n_sys: int, n_gold: int) -> float:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score_doc(doc: Doc, verbose: bool = False) -> Counts:
    t0 = time.perf_counter()
    found = tag(doc.text, doc.dct)
    seconds = time.perf_counter() - t0
    system = [t for t in found if doc.sentence_at(t.start) in SCORED_SENTENCES]
    c = Counts(gold=len(doc.gold), system=len(system), docs=1, seconds=seconds)
    used: set[int] = set()
    pairs: dict[int, int] = {}  # gold index -> system index
    # exact spans first, then the largest overlap: a range annotated both as a whole and as its
    # endpoints must not steal the endpoint's exact match
    for gi, g in enumerate(doc.gold):
        for i, s in enumerate(system):
            if i not in used and (s.start, s.end) == (g.start, g.end):
                pairs[gi] = i
                used.add(i)
                break
    for gi, g in enumerate(doc.gold):
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
    for gi, g in enumerate(doc.gold):
        if gi not in pairs:
            if verbose:
                print(f"  MISS {doc.doc_id} [{g.text}] {g.type} {g.value}")
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
                f"  DIFF {doc.doc_id} gold [{g.text}] {g.type} {g.value}"
                f" | sys [{s.text}] {s.type} {s.value} {s.mod or ''}"
            )
    if verbose:
        for i, s in enumerate(system):
            if i not in used:
                print(f"  FP   {doc.doc_id} [{s.text}] {s.type} {s.value} (dct {doc.dct})")
    return c


def report(name: str, c: Counts) -> None:
    strict = _f1(c.strict, c.system, c.gold)
    relaxed = _f1(c.relaxed, c.system, c.gold)
    type_acc = c.type_ok / c.relaxed if c.relaxed else 0.0
    value = _f1(c.value_ok, c.system, c.gold)
    dps = c.docs / c.seconds if c.seconds else float("inf")
    print(
        f"{name:<28} docs={c.docs:<4} gold={c.gold:<4} sys={c.system:<4} "
        f"strict={strict:.3f} relaxed={relaxed:.3f} type={type_acc:.3f} value={value:.3f} "
        f"docs/s={dps:,.0f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="intra_cross-doc_annotation dir"
    )
    ap.add_argument(
        "--verbose",
        "--errors",
        dest="verbose",
        choices=list(TUNING),
        action="append",
        default=[],
        help="print misses/differences/false positives for this tuning sub-corpus (repeatable;"
        " the held-out stock sub-corpus is deliberately not allowed)",
    )
    args = ap.parse_args()
    files = sorted(args.corpus.glob("corpus_*/*.xml"))
    if not files:
        sys.exit(f"error: no corpus_*/*.xml under {args.corpus}")
    per_corpus: dict[str, Counts] = {}
    for path in files:
        doc = load_doc(path)
        per_corpus.setdefault(doc.corpus, Counts()).add(score_doc(doc, doc.corpus in args.verbose))
    tuning, held, whole = Counts(), Counts(), Counts()
    for name, c in sorted(per_corpus.items()):
        report(f"  {name}", c)
        (held if name in HELD_OUT else tuning).add(c)
        whole.add(c)
    report("tuning (airbus+apple+gm)", tuning)
    report("held-out (stock)", held)
    report("whole corpus", whole)


if __name__ == "__main__":
    main()
