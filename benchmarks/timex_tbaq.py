"""Score checker's time-expression tagger on TBAQ-cleaned (TimeBank 1.2 + AQUAINT, TempEval-3).

Data: ``../shared/benchmarks/tbaq/tbaq-cleaned.tar.gz`` relative to the repository (see the
``SOURCE.md`` beside it). ``--data`` takes that folder, the archive itself, or an unpacked
``TBAQ-cleaned`` folder. The archive is read in memory; nothing of it is written anywhere. It is
internal data: never commit any of its text into the project. Without it the script says so and
exits (status 0).

Documents
    DCT: the TIMEX3 with functionInDocument="CREATION_TIME" (inside <DCT>; a DATE or a TIME value,
    whose day is used). Text: the content of <TEXT> with the tags removed (XML entities decoded).
    Gold: the text-consuming TIMEX3 inside <TEXT>, with their offsets into that text. Every
    sentence is annotated, so every system expression is scored.

Split (fixed before any tuning)
    TimeBank (183 documents) is the tuning set: its errors may be listed (``--errors TimeBank``).
    AQUAINT (73 documents) is held out: only its totals are printed, and the script refuses to
    list its errors.

Figures (timex_scoring.py, shared with timex_meantime.py): strict F1, relaxed F1, type accuracy,
value F1, documents and words per second.
"""

from __future__ import annotations

import argparse
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timex_scoring import REPO, Counts, GoldTimex, report, score_doc, warm_up  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared/benchmarks/tbaq"
ARCHIVE = "tbaq-cleaned.tar.gz"
TUNING = "TimeBank"
HELD_OUT = "AQUAINT"


@dataclass
class Doc:
    doc_id: str
    corpus: str  # TimeBank | AQUAINT
    text: str
    dct: date | None
    gold: list[GoldTimex]


def _walk(el: ET.Element, parts: list[str], gold: list[GoldTimex], offset: int) -> int:
    """Append the text under `el` (tags removed) to `parts`, collecting TIMEX3 spans."""
    start = offset
    if el.text:
        parts.append(el.text)
        offset += len(el.text)
    for child in el:
        offset = _walk(child, parts, gold, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if el.tag == "TIMEX3" and offset > start:
        text = "".join(parts)[start:offset]
        gold.append(GoldTimex(start, offset, el.get("type", ""), el.get("value", ""), text))
    return offset


def _dct(root: ET.Element) -> date | None:
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            value = tx.get("value", "")
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                return None
    return None


def parse_doc(name: str, corpus: str, data: bytes) -> Doc:
    root = ET.fromstring(data)
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    if text_el is not None:
        _walk(text_el, parts, gold, 0)
    gold.sort(key=lambda g: g.start)
    doc_id = root.findtext("DOCID") or name
    return Doc(doc_id.strip(), corpus, "".join(parts), _dct(root), gold)


def _corpus_of(path: str) -> str | None:
    parts = path.replace("\\", "/").split("/")
    for corpus in (TUNING, HELD_OUT):
        if corpus in parts[:-1]:
            return corpus
    return None


def read_docs(data: Path) -> Iterator[Doc]:
    """Documents of TBAQ-cleaned from the archive (or an unpacked folder), in name order."""
    archive = data / ARCHIVE if data.is_dir() else data
    if archive.is_file():
        with tarfile.open(archive) as tf:
            members = sorted(
                (m for m in tf.getmembers() if m.isfile() and m.name.endswith(".tml")),
                key=lambda m: m.name,
            )
            for m in members:
                corpus = _corpus_of(m.name)
                f = tf.extractfile(m)
                if corpus is not None and f is not None:
                    yield parse_doc(Path(m.name).stem, corpus, f.read())
        return
    for path in sorted(data.rglob("*.tml")):
        corpus = _corpus_of(str(path.relative_to(data)))
        if corpus is not None:
            yield parse_doc(path.stem, corpus, path.read_bytes())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help=f"folder holding {ARCHIVE}, the archive, or an unpacked TBAQ-cleaned folder",
    )
    ap.add_argument(
        "--verbose",
        "--errors",
        dest="verbose",
        choices=[TUNING],
        action="append",
        default=[],
        help=f"print misses/differences/false positives of the {TUNING} tuning set (the held-out"
        f" {HELD_OUT} part is deliberately not allowed: only its totals are ever printed)",
    )
    args = ap.parse_args()
    if not args.data.exists():
        print(f"TBAQ-cleaned not found at {args.data}: nothing to score (see --data).")
        return
    warm_up()
    totals = {TUNING: Counts(), HELD_OUT: Counts()}
    for doc in read_docs(args.data):
        verbose = doc.corpus == TUNING and TUNING in args.verbose
        totals[doc.corpus].add(score_doc(doc.doc_id, doc.text, doc.dct, doc.gold, verbose=verbose))
    if not any(c.docs for c in totals.values()):
        print(f"TBAQ-cleaned: no TimeBank/AQUAINT .tml documents under {args.data}.")
        return
    whole = Counts()
    for c in totals.values():
        whole.add(c)
    report(f"{TUNING} (tuning)", totals[TUNING])
    report(f"{HELD_OUT} (held out)", totals[HELD_OUT])
    report("TBAQ whole", whole)


if __name__ == "__main__":
    main()
