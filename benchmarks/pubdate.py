"""How well publication dates are inferred: articles whose date is given, read without it.

For every article under the given folders whose front matter states `published`, the date is
inferred as a run would if the date were missing: from its body alone, and failing a day there,
from the dates the other articles of its folder state (`checker.ingest.siblings`). Prints one
line per article (with --list) and the totals for both: exact day, within 2, 7 and 31 days, no
day, and whether the stated date lies inside the range the text allows.

    python benchmarks/pubdate.py benchmarks/realnews/clusters/NAME … --list
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from checker.ingest.pubdate import DateGuess, guess_published
from checker.ingest.reader import load_article
from checker.ingest.siblings import date_from_siblings
from checker.models.article import Article


@dataclass
class Row:
    path: Path
    truth: date
    guess: DateGuess | None
    with_folder: date | None  # the date a run would use: the text's day, else the folder's


def _hidden(art: Article, guess: DateGuess | None) -> Article:
    """The article as if its metadata gave no date."""
    return art.model_copy(
        update={
            "published": guess.day if guess else None,
            "published_inferred": True,
            "published_earliest": guess.earliest if guess else None,
            "published_latest": guess.latest if guess else None,
            "published_precision": guess.precision.value if guess and guess.precision else None,
        }
    )


def rows_of(folder: Path) -> list[Row]:
    articles = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        try:
            articles.append(load_article(path))
        except Exception:  # unreadable articles are not this benchmark's business
            continue
    rows = []
    for art in articles:
        if art.published is None or art.published_inferred:
            continue
        guess = guess_published(art.body)
        others = [a for a in articles if a is not art]
        redated = date_from_siblings([_hidden(art, guess), *others])[0]
        rows.append(Row(art.path, art.published, guess, redated.published))
    return rows


def _totals(label: str, days: list[int | None], inside: int) -> str:
    n = len(days)
    known = [abs(d) for d in days if d is not None]
    within = ", ".join(f"within {k} days {sum(d <= k for d in known)}" for k in (2, 7, 31))
    exact = sum(d == 0 for d in known)
    return (
        f"{label}: articles {n}: exact {exact}, {within}, no day {n - len(known)}; "
        f"stated date inside the text's range {inside}/{n}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--list", action="store_true", help="one line per article")
    args = ap.parse_args(argv)
    rows = [r for folder in args.folders for r in rows_of(folder)]
    inside = sum(
        r.guess is not None
        and (r.guess.earliest is None or r.guess.earliest <= r.truth)
        and (r.guess.latest is None or r.truth <= r.guess.latest)
        for r in rows
    )
    own = [(r.guess.day - r.truth).days if r.guess and r.guess.day else None for r in rows]
    run = [(r.with_folder - r.truth).days if r.with_folder else None for r in rows]
    if args.list:
        for r, o, w in zip(rows, own, run, strict=True):
            text = r.guess.day.isoformat() if r.guess and r.guess.day else "-"
            low = r.guess.earliest if r.guess else None
            rng = f"[{low or '…'} – {r.guess.latest or '…'}]" if r.guess else ""
            off = f"{o:+d}d" if o is not None else ""
            folder = f"{r.with_folder} ({w:+d}d)" if w is not None else "-"
            print(f"{r.truth}  text {text:10} {off:>7} {rng:26} run {folder:20} {r.path}")
    print(_totals("text alone", own, inside))
    print(_totals("with its folder", run, inside))
    return 0


if __name__ == "__main__":
    sys.exit(main())
