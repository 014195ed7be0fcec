"""Measure the time tagger's speed in words per second on one core.

Corpus: the BBC News full-text archive ``../shared/benchmarks/bbc_news/bbc-fulltext.tar.gz``
relative to the repository (override with ``--archive``). It is read in memory with tarfile
(UTF-8, Latin-1 fallback); no text is written anywhere. Every article is tagged with a fixed
assumed DCT (2005-01-01, the corpus is from 2004-05). Words = whitespace-separated tokens.
Target: >= 50,000 words/second.
"""

from __future__ import annotations

import argparse
import sys
import tarfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.extract.timex import tag  # noqa: E402

DEFAULT_ARCHIVE = REPO.parent / "shared/benchmarks/bbc_news/bbc-fulltext.tar.gz"
DCT = date(2005, 1, 1)


def read_texts(archive: Path) -> list[str]:
    texts: list[str] = []
    with tarfile.open(archive) as tf:
        for member in tf.getmembers():
            if not (member.isfile() and member.name.endswith(".txt")):
                continue
            f = tf.extractfile(member)
            if f is None:
                continue
            raw = f.read()
            try:
                texts.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                texts.append(raw.decode("latin-1"))
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    args = ap.parse_args()
    if not args.archive.is_file():
        sys.exit(f"error: no archive at {args.archive}")
    texts = read_texts(args.archive)
    words = sum(len(t.split()) for t in texts)
    tag("warm-up: compile the rule table on 1 May 2005.", DCT)
    found = 0
    t0 = time.perf_counter()
    for text in texts:
        found += len(tag(text, DCT))
    seconds = time.perf_counter() - t0
    print(f"documents  {len(texts)}")
    print(f"words      {words}")
    print(f"timexes    {found}")
    print(f"seconds    {seconds:.2f}")
    print(f"words/s    {words / seconds:,.0f} (one core)")


if __name__ == "__main__":
    main()
