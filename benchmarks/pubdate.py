"""How well publication dates are inferred: articles whose date is given, read without it.

For every article under the given folders whose front matter states `published`, the date is
inferred from its body alone and compared with the stated one. Prints one line per article
(with --list) and the totals: exact day, within 7 and 31 days, stated date inside the inferred
range, no guess.

    python benchmarks/pubdate.py benchmarks/realnews/clusters tests/data --list
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.ingest.pubdate import guess_published
from checker.ingest.reader import load_article


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--list", action="store_true", help="one line per article")
    args = ap.parse_args(argv)
    rows = []
    for folder in args.folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".txt", ".md") or path.name == "README.md":
                continue
            try:
                art = load_article(path)
            except Exception:  # unreadable articles are not this benchmark's business
                continue
            if art.published is None or art.published_inferred:
                continue
            guess = guess_published(art.body)
            rows.append((path, art.published, guess))
    n = len(rows)
    none = sum(g is None or g.day is None for _, _, g in rows)
    dated = [(p, t, g) for p, t, g in rows if g is not None and g.day is not None]
    exact = sum(g.day == t for _, t, g in dated)
    week = sum(abs((g.day - t).days) <= 7 for _, t, g in dated)
    month = sum(abs((g.day - t).days) <= 31 for _, t, g in dated)
    inside = sum(
        g is not None
        and (g.earliest is None or g.earliest <= t)
        and (g.latest is None or t <= g.latest)
        for _, t, g in rows
    )
    if args.list:
        for p, t, g in rows:
            got = "-" if g is None or g.day is None else g.day.isoformat()
            rng = "" if g is None else f"[{g.earliest} – {g.latest or '…'}]"
            off = "" if g is None or g.day is None else f"{(g.day - t).days:+d}d"
            print(f"{t}  {got:10}  {off:>7}  {rng:28}  {p}")
    print(
        f"articles {n}: exact {exact}, within 7 days {week}, within 31 days {month}, "
        f"no day {none}; stated date inside the inferred range {inside}/{n}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
