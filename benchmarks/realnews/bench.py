"""The real-news benchmark: checker on clusters of real multi-outlet coverage, scored on gold.

    python benchmarks/realnews/bench.py              # train per cluster, held-out totals only
                                                     # (HELD-OUT, HELDOUT2, HELDOUT3 lines)
    python benchmarks/realnews/bench.py --details    # also every failed train item and every
                                                     # train conflict finding no gold item matches

The split is fixed in `SPLIT.yaml` (made once, before any tuning, by `--make-split`: clusters
ordered by the sha256 of their name, the first half train). Held-out clusters are scored as
totals only: their items and findings are never printed. Later held-out sets (`heldout2`,
`heldout3`, built later and never tuned on) are scored the same way, each on its own line. A
cluster whose non-redistributable articles are missing (they are kept out of git) is run on the
articles present, and the items that need a missing article are counted as skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from checker.eval.gold import GoldSet, load_gold
from checker.eval.score import evaluate, report_source
from checker.models.report import Verdict
from checker.run import check

HERE = Path(__file__).resolve().parent
CLUSTERS = HERE / "clusters"
SPLIT = HERE / "SPLIT.yaml"


@dataclass
class Tally:
    clusters: int = 0
    items: dict[str, list[int]] = field(default_factory=lambda: {v.value: [0, 0] for v in Verdict})
    conflict_findings: int = 0
    unmatched: int = 0
    skipped: int = 0
    articles: int = 0

    def add(self, other: Tally) -> None:
        self.clusters += other.clusters
        for k, (p, t) in other.items.items():
            self.items[k][0] += p
            self.items[k][1] += t
        self.conflict_findings += other.conflict_findings
        self.unmatched += other.unmatched
        self.skipped += other.skipped
        self.articles += other.articles

    def line(self) -> str:
        def r(k: str) -> str:
            p, t = self.items[k]
            return f"{p}/{t} = {p / t:.2f}" if t else "—"

        matched = self.conflict_findings - self.unmatched
        prec = f"{matched}/{self.conflict_findings}" + (
            f" = {matched / self.conflict_findings:.2f}" if self.conflict_findings else ""
        )
        return (
            f"conflict recall {r('conflict')} · agreement recall {r('agreement')} · "
            f"no_conflict passed {r('no_conflict')} · conflict findings matching gold {prec}"
            f" · {self.articles} articles, {self.skipped} items skipped"
        )


SIDES = ("train", "heldout", "heldout2", "heldout3")
HELD_SIDES = {"heldout": "HELD-OUT", "heldout2": "HELDOUT2", "heldout3": "HELDOUT3"}


def load_split() -> dict[str, list[str]]:
    """`SPLIT.yaml` with every side present (later held-out sets may be absent); a cluster on two
    sides is an error, so a held-out cluster can never also be read as train."""
    data = yaml.safe_load(SPLIT.read_text(encoding="utf-8")) or {}
    split = {side: list(data.get(side) or []) for side in SIDES}
    seen: dict[str, str] = {}
    for side in SIDES:
        for name in split[side]:
            if name in seen:
                raise SystemExit(f"SPLIT.yaml lists {name} under both {seen[name]} and {side}")
            seen[name] = side
    return split


def held_out(split: dict[str, list[str]]) -> set[str]:
    """Every cluster that is never read per item: all held-out sets."""
    return {name for side in HELD_SIDES for name in split[side]}


def make_split(names: list[str]) -> dict[str, list[str]]:
    ordered = sorted(names, key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    half = (len(ordered) + 1) // 2
    return {"train": sorted(ordered[:half]), "heldout": sorted(ordered[half:])}


def present_gold(folder: Path) -> tuple[GoldSet, int]:
    """The cluster's gold items whose two articles are present, and how many were left out
    (articles that are not redistributable are kept out of git and may be missing)."""
    data = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    items = data.get("items") or []
    present = [
        it
        for it in items
        if (folder / it["a"]["file"]).is_file() and (folder / it["b"]["file"]).is_file()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        kept = Path(tmp) / "gold.yaml"
        kept.write_text(yaml.safe_dump({"items": present}, allow_unicode=True), encoding="utf-8")
        return load_gold([kept], folder), len(items) - len(present)


def run_cluster(folder: Path, details: bool) -> Tally:
    gold, skipped = present_gold(folder)
    tally = Tally(clusters=1, skipped=skipped)
    report = check([folder]).report
    scored = evaluate(gold, report, [folder / "gold.yaml"], report_source(report))
    tally.articles = len(report.articles)
    for item in scored.items:
        tally.items[item.verdict.value][1] += 1
        tally.items[item.verdict.value][0] += item.status == "pass"
    tally.conflict_findings = scored.unmatched_conflicts.conflict_findings
    tally.unmatched = scored.unmatched_conflicts.count
    if details:
        for item in scored.items:
            if item.status == "fail":
                print(f"    FAIL {item.id} ({item.verdict.value}): {item.reason}")
                print(f"         a: {item.a.sentence[:160]}")
                print(f"         b: {item.b.sentence[:160]}")
        by_id = {f.id: f for f in report.findings}
        for u in scored.unmatched_conflicts.findings:
            f = by_id[u.id]
            quotes = " | ".join(f"{c.article[:12]}: {c.quote[:90]}" for c in f.claims[:2])
            extra = f" (contradicts {', '.join(u.contradicts)})" if u.contradicts else ""
            print(f"    UNMATCHED {u.rule} {u.subject}{extra}: {f.explanation[:120]}")
            print(f"         {quotes}")
    return tally


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="list failed train items")
    ap.add_argument("--make-split", action="store_true", help="write SPLIT.yaml (once)")
    ap.add_argument("--only", nargs="*", help="train clusters to run (default: all)")
    ap.add_argument("--train", action="store_true", help="score the train clusters only")
    args = ap.parse_args(argv)
    names = sorted(p.parent.name for p in CLUSTERS.glob("*/gold.yaml"))
    if args.make_split:
        if SPLIT.exists():
            print(f"{SPLIT} exists: the split is fixed; add new clusters to it by hand")
            return 2
        SPLIT.write_text(yaml.safe_dump(make_split(names)), encoding="utf-8")
        print(f"wrote {SPLIT}")
        return 0
    split = load_split()
    unassigned = sorted(set(names) - {n for side in SIDES for n in split[side]})
    if unassigned:
        print(f"not in SPLIT.yaml (not scored): {', '.join(unassigned)}")
    if args.only and set(args.only) & held_out(split):
        print("refusing: held-out clusters are scored only as a total")
        return 2
    train = Tally()
    held = {side: Tally() for side in HELD_SIDES}
    print("train")
    for name in split["train"]:
        if args.only and name not in args.only:
            continue
        if not (CLUSTERS / name / "gold.yaml").is_file():
            continue
        t = run_cluster(CLUSTERS / name, args.details)
        print(f"  {name}: {t.line()}")
        train.add(t)
    if not args.only and not args.train:
        for side, tally in held.items():
            for name in split[side]:
                if (CLUSTERS / name / "gold.yaml").is_file():
                    tally.add(run_cluster(CLUSTERS / name, details=False))
    print(f"TRAIN    ({train.clusters} clusters): {train.line()}")
    if not args.only and not args.train:
        for side, label in HELD_SIDES.items():
            print(f"{label:<8} ({held[side].clusters} clusters): {held[side].line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
