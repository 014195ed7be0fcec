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
    Matching and figures (strict, relaxed, type accuracy, value F1, documents and words per
    second) are those of timex_scoring.py, shared with timex_tbaq.py.

Sub-corpora: airbus, apple, gm, stock. The whole corpus is development data (issue 15: stock, once
held out, may now be read and tuned on); held-out checking is done on TBAQ's AQUAINT part
(benchmarks/timex_tbaq.py) and outside the project.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timex_scoring import REPO, Counts, GoldTimex, report, score_doc, warm_up  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared/benchmarks/meantime/intra_cross-doc_annotation"
SCORED_SENTENCES = {0, 2, 3, 4, 5}
SUB_CORPORA = ("airbus", "apple", "gm", "stock")


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
            gold.append(GoldTimex(begin, end, tx.get("type", ""), value, text[begin:end]))
    corpus = path.parent.name.removeprefix("corpus_")
    return Doc(
        root.get("doc_id", path.stem), corpus, text, dct or fallback, starts, sentences, gold
    )


def score(doc: Doc, verbose: bool = False) -> Counts:
    return score_doc(
        doc.doc_id,
        doc.text,
        doc.dct,
        doc.gold,
        lambda t: doc.sentence_at(t.start) in SCORED_SENTENCES,
        verbose,
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
        choices=list(SUB_CORPORA),
        action="append",
        default=[],
        help="print misses/differences/false positives for this sub-corpus (repeatable)",
    )
    args = ap.parse_args()
    files = sorted(args.corpus.glob("corpus_*/*.xml"))
    if not files:
        sys.exit(f"error: no corpus_*/*.xml under {args.corpus}")
    warm_up()
    per_corpus: dict[str, Counts] = {}
    for path in files:
        doc = load_doc(path)
        per_corpus.setdefault(doc.corpus, Counts()).add(score(doc, doc.corpus in args.verbose))
    whole = Counts()
    for name, c in sorted(per_corpus.items()):
        report(f"  {name}", c)
        whole.add(c)
    report("whole corpus", whole)


if __name__ == "__main__":
    main()
