"""Why train items fail: a count of the stage that lost each failed gold item (train only).

    python benchmarks/realnews/diagnose.py            # totals by cause, train clusters
    python benchmarks/realnews/diagnose.py --list     # also each failed item with its cause

For each failed conflict or agreement item it looks at the frames read inside the two gold
quotes and names the first stage that lost the pair: a quote where no value was read, values
with different attributes, different stories, a gate, a score under the threshold, the one-to-one
matching, or a comparison whose relation disagrees with the gold verdict. Held-out clusters are
refused; `--heldout-totals` prints, for the held-out clusters, only the count of failed items
per cause (no item, sentence or cluster is named), to tell which stage loses most on unseen text.
The second held-out set (`heldout2` in SPLIT.yaml) is never diagnosed, not even as totals.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from bench import CLUSTERS, held_out, load_split, present_gold  # type: ignore[import-not-found]

from checker.eval.match import overlaps
from checker.eval.score import evaluate, report_source
from checker.models.frames import Frame
from checker.models.report import Verdict
from checker.run import check


def _in_quote(frames: list[Frame], spans: list[tuple[int, int]]) -> list[Frame]:
    return [f for f in frames if any(overlaps((f.start, f.end), s) for s in spans)]


# Which frames can carry an item of each gold kind: a count is never a clock time, and a time
# item is read by frames only when it is a clock time or a duration (dates go the claim path).
_KIND_MEASURES = {"time": {"clock", "duration"}}


def _of_kind(frames: list[Frame], kind: str) -> list[Frame]:
    if kind in _KIND_MEASURES:
        return [f for f in frames if f.measure in _KIND_MEASURES[kind]]
    if kind == "count":
        return [f for f in frames if f.measure != "clock"]
    return frames


def _cause(item, result, frames_by_article) -> str:
    a, b = item.a, item.b
    kind = item.item.kind.value
    frames_a = _of_kind(frames_by_article.get(a.article, []), kind)
    frames_b = _of_kind(frames_by_article.get(b.article, []), kind)
    fa = _in_quote(frames_a, a.quote_spans) or _in_quote(frames_a, a.sentences)
    fb = _in_quote(frames_b, b.quote_spans) or _in_quote(frames_b, b.sentences)
    if not fa or not fb:
        return "no value read in " + ("both quotes" if not fa and not fb else "one quote")
    story = {x: s.id for s in result.stories for x in s.articles}
    if story.get(a.article) != story.get(b.article):
        return "different stories"
    # Any decision on a pair of the two quotes' frames counts, also one between frames of
    # different attributes that a wider candidate search (counts of people) brought together.
    ids = {(x.id, y.id) for x in fa for y in fb} | {(y.id, x.id) for x in fa for y in fb}
    stages = [d for d in result.decisions if (d.a.id, d.b.id) in ids]
    if not stages:
        same = [
            (x, y) for x in fa for y in fb if (x.attribute, x.measure) == (y.attribute, y.measure)
        ]
        if same:
            return "same attribute, never a candidate"
        pairs = sorted({f"{x.attribute}|{y.attribute}" for x in fa for y in fb})
        return "attributes differ: " + ", ".join(pairs[:3])
    order = ["compared", "matching", "score", "gate"]
    best = min(stages, key=lambda d: order.index(d.stage))
    if best.stage == "gate":
        return "gate " + best.reason.split(":")[0][:40]
    if best.stage == "compared":
        return f"compared: relation {best.relation} (gold {item.verdict.value})"
    return best.stage


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--heldout-totals", action="store_true", help="held-out cause counts only")
    args = ap.parse_args(argv)
    split = load_split()
    if args.only and set(args.only) & held_out(split):
        print("refusing: held-out clusters are never diagnosed")
        return 2
    causes: dict[str, Counter] = {"conflict": Counter(), "agreement": Counter()}
    names = split["heldout"] if args.heldout_totals else split["train"]
    if args.heldout_totals and (args.list or args.only):
        print("refusing: held-out clusters are diagnosed only as totals")
        return 2
    for name in names:
        if args.only and name not in args.only:
            continue
        folder = CLUSTERS / name
        gold, _ = present_gold(folder)
        result = check([folder])
        scored = evaluate(gold, result.report, [folder / "gold.yaml"], report_source(result.report))
        frames_by_article = {f.article: f.frames for f in result.facts}
        by_id = {e.item.id: e for e in gold.entries}
        for it in scored.items:
            if it.status != "fail" or it.verdict is Verdict.NO_CONFLICT:
                continue
            entry = by_id[it.id]
            entry.a.article, entry.b.article = it.a.article, it.b.article
            entry.verdict = it.verdict
            cause = _cause(entry, result, frames_by_article)
            key = cause.split(":")[0] if not cause.startswith("compared") else cause
            if key.startswith("attributes differ"):
                key = "attributes differ"
            kind = entry.item.kind.value
            causes[it.verdict.value][f"{kind:<11} {key}"] += 1
            if args.list:
                print(f"{it.id} [{it.verdict.value} {kind}] {cause}")
    for verdict, counter in causes.items():
        print(f"{verdict}: {sum(counter.values())} failed")
        for cause, n in counter.most_common():
            print(f"  {n:4d}  {cause}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main(sys.argv[1:]))
