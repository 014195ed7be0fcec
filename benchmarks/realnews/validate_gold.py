"""Check a real-news cluster's gold file without running the checker.

Loads every `gold.yaml` given (or every cluster's) with checker's own gold reader, so each quote
must be found verbatim in its article, and prints per cluster: articles, items by verdict, and
articles marked redistributable or not. It never runs the checker: gold is written by reading.

    python benchmarks/realnews/validate_gold.py [benchmarks/realnews/clusters/NAME/gold.yaml ...]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from checker.errors import CheckerError
from checker.eval.gold import load_gold

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((HERE / "clusters").glob("*/gold.yaml"))
    bad = 0
    for path in paths:
        try:
            gold = load_gold([path], None)
        except CheckerError as err:
            print(f"FAIL {path}: {err}")
            bad += 1
            continue
        verdicts = Counter(entry.item.verdict.value for entry in gold.entries)
        articles = sorted(p for p in path.parent.iterdir() if p.suffix == ".txt")
        free = sum(1 for p in articles if _redistributable(p))
        print(
            f"ok   {path.parent.name}: {len(articles)} articles ({free} redistributable), "
            f"{sum(verdicts.values())} items {dict(verdicts)}"
        )
    return 1 if bad else 0


def front_matter(path: Path) -> dict:
    """The YAML front matter of an article file ({} without one)."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def _redistributable(path: Path) -> bool:
    return bool(front_matter(path).get("redistributable"))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
