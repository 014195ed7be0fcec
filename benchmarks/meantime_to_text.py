"""Convert MEANTIME English (CAT XML) articles to plain-text articles that checker can read.

Data: ``../shared/benchmarks/meantime/intra_cross-doc_annotation/corpus_*/*.xml`` relative to the
repository (override with ``--corpus DIR``; see ``shared/benchmarks/meantime/SOURCE.md``).
MEANTIME annotations: CC BY 4.0 (c) 2015 FBK, VU Amsterdam, UPV/EHU. The texts are Wikinews
articles, CC BY 2.5. Keep that attribution with every converted file (front matter `license`).

Usage
    python benchmarks/meantime_to_text.py --out DIR DOC_ID [DOC_ID ...]   # convert some documents
    python benchmarks/meantime_to_text.py --out DIR --all                  # convert all 120
    python benchmarks/meantime_to_text.py --links [--min-shared 3]         # cross-document links

Output file: ``<doc_id>_<slug>.txt`` where slug is the XML file name after the id, shortened to 40
characters, with anything but letters, digits and ``_`` dropped. Content::

    ---
    title: "<title>"
    source: Wikinews
    url: <Document url attribute, if present>
    published: YYYY-MM-DD
    license: CC BY 2.5 (text, Wikinews); annotations MEANTIME CC BY 4.0
    meantime_doc_id: "<doc_id>"
    ---
    <title>

    <sentence 2>

    <sentence 3>
    ...

How the text is rebuilt from tokens (the original spacing is lost; MEANTIME has tokens only)
    * Sentence 0 is the title (first line of the body). Sentence 1 is the dateline (the publication
      date, e.g. "June 01 , 2009"); it is dropped, its date goes to ``published``. Every later
      sentence is written on its own line, sentences separated by one blank line.
    * Tokens of a sentence are joined with single spaces, then:
      - no space BEFORE a token that is one of  , . ; : ! ? % ) ] ' ” 's 're 've 'll 'd 'm n't
        (also capitalised forms such as 'S, N'T);
      - no space AFTER a token that is one of  ( [ $ US$ CA$ AU$ USD$ £ € ¥ “ ‘;
      - the PTB quote tokens are mapped to curly quotes: `` -> “ (opening, no space after),
        '' -> ” (closing, no space before), ` -> ‘ (opening, no space after);
      - a straight double quote token " (written &quot; in the XML) is taken as opening and closing
        alternately within a sentence: no space after an opening one, none before a closing one;
        the character stays a straight ".
      Nothing else is changed (hyphens, "--", "S&P", times such as "16:08" are kept as tokens).
    * ``published`` is the DCT: the TIMEX3 with functionInDocument="CREATION_TIME". Documents 78496
      and 8951 have none: the DATE TIMEX3 anchored in sentence 1 is used. A DD-MM-YYYY value (doc
      120578, "03-02-2009" for the dateline "February 03 , 2009") is read as day-month-year.

Cross-document links (``--links``)
    EVENT instances (in the XML markables) carry an ``instance_id`` shared across documents that
    report the same event (``list_instances.csv`` names them). ``--links`` prints, per sub-corpus,
    every pair of documents sharing at least ``--min-shared`` event instances, with the instance
    names; groups of documents reporting the same events are picked from these pairs (and by
    reading the articles).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared/benchmarks/meantime/intra_cross-doc_annotation"
LICENSE = "CC BY 2.5 (text, Wikinews); annotations MEANTIME CC BY 4.0"

NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "%",
    ")",
    "]",
    "'",
    "”",
    "'s",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "n't",
}
NO_SPACE_AFTER = {"(", "[", "$", "US$", "CA$", "AU$", "USD$", "£", "€", "¥", "“", "‘"}
QUOTE_MAP = {"``": "“", "''": "”", "`": "‘"}


@dataclass
class Article:
    doc_id: str
    name: str
    corpus: str
    url: str
    title: str
    published: str
    sentences: list[str]  # body sentences (2, 3, ...)
    path: Path


def detokenize(tokens: list[str]) -> str:
    """Join tokens of one sentence with spaces and apply the spacing rules above."""
    out = ""
    glue_next = True  # no space before the first token
    straight_open = False
    for raw in tokens:
        tok = QUOTE_MAP.get(raw, raw)
        low = tok.lower()
        no_before = low in NO_SPACE_BEFORE
        no_after = tok in NO_SPACE_AFTER
        if tok == '"':
            if straight_open:
                no_before, no_after = True, False
            else:
                no_before, no_after = False, True
            straight_open = not straight_open
        if out and not glue_next and not no_before:
            out += " "
        out += tok
        glue_next = no_after
    return out


def _dct_value(value: str) -> str:
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value)
    if m:  # DD-MM-YYYY (doc 120578)
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return value[:10]


def read_article(path: Path) -> Article:
    root = ET.parse(path).getroot()
    tokens: dict[str, tuple[int, str]] = {}
    by_sentence: dict[int, list[str]] = defaultdict(list)
    for t in root.iter("token"):
        s = int(t.get("sentence"))
        tokens[t.get("t_id")] = (s, t.text or "")
        by_sentence[s].append(t.text or "")
    dct = None
    fallback = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
        anchors = [a.get("t_id") for a in tx.findall("token_anchor")]
        if anchors and tx.get("type") == "DATE" and tokens[anchors[0]][0] == 1 and fallback is None:
            fallback = tx.get("value")
    published = _dct_value(dct or fallback or "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        raise ValueError(f"{path.name}: no usable publication date ({dct!r}, {fallback!r})")
    sentences = [detokenize(by_sentence[s]) for s in sorted(by_sentence)]
    doc_id = root.get("doc_id")
    return Article(
        doc_id=doc_id,
        name=root.get("doc_name") or path.stem,
        corpus=path.parent.name.removeprefix("corpus_"),
        url=root.get("url") or "",
        title=sentences[0],
        published=published,
        sentences=sentences[2:],
        path=path,
    )


def slug(article: Article) -> str:
    rest = article.path.stem.split("_", 1)[1] if "_" in article.path.stem else article.path.stem
    rest = re.sub(r"[^A-Za-z0-9_]", "", rest)[:40].rstrip("_")
    return f"{article.doc_id}_{rest}"


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_text(article: Article) -> str:
    lines = ["---", f"title: {_yaml_str(article.title)}", "source: Wikinews"]
    if article.url:
        lines.append(f"url: {article.url}")
    lines += [
        f"published: {article.published}",
        f"license: {LICENSE}",
        f"meantime_doc_id: {_yaml_str(article.doc_id)}",
        "---",
        article.title,
        "",
    ]
    body = "\n\n".join(article.sentences)
    return "\n".join(lines) + "\n" + body + "\n"


def all_paths(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("corpus_*/*.xml"))


def find_doc(corpus: Path, doc_id: str) -> Path:
    hits = [p for p in all_paths(corpus) if p.name.split("_", 1)[0] == doc_id]
    if not hits:
        raise SystemExit(f"no MEANTIME document {doc_id} under {corpus}")
    return hits[0]


def event_instances(path: Path) -> set[str]:
    root = ET.parse(path).getroot()
    return {e.get("instance_id") for e in root.iter("EVENT") if e.get("instance_id")}


def print_links(corpus: Path, min_shared: int) -> None:
    names: dict[str, str] = {}
    listing = corpus.parent / "list_instances.csv"
    if listing.exists():
        with listing.open(encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                if row and not row[0].startswith("#") and len(row) > 3:
                    names[row[0]] = row[3]
    by_corpus: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for p in all_paths(corpus):
        by_corpus[p.parent.name][p.stem] = event_instances(p)
    for c, docs in sorted(by_corpus.items()):
        print(f"== {c}")
        for (a, ea), (b, eb) in combinations(sorted(docs.items()), 2):
            shared = ea & eb
            if len(shared) >= min_shared:
                label = "; ".join(sorted(names.get(i, i) for i in shared))
                print(f"{len(shared):3d}  {a}  <->  {b}\n       {label}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("docs", nargs="*", help="MEANTIME doc ids to convert")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, help="output folder for the .txt files")
    ap.add_argument("--all", action="store_true", help="convert all documents")
    ap.add_argument("--links", action="store_true", help="print cross-document event links")
    ap.add_argument("--min-shared", type=int, default=3)
    args = ap.parse_args(argv)
    if args.links:
        print_links(args.corpus, args.min_shared)
        return 0
    if not args.out or not (args.docs or args.all):
        ap.error("give --out and doc ids (or --all), or --links")
    paths = all_paths(args.corpus) if args.all else [find_doc(args.corpus, d) for d in args.docs]
    args.out.mkdir(parents=True, exist_ok=True)
    for p in paths:
        art = read_article(p)
        dest = args.out / f"{slug(art)}.txt"
        dest.write_text(to_text(art), encoding="utf-8")
        print(f"{art.doc_id}\t{art.published}\t{dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
