"""Fit the frame alignment weights (`rules/align/weights.yaml`) on the train clusters only.

    python benchmarks/realnews/fit_weights.py            # print the fitted weights
    python benchmarks/realnews/fit_weights.py --write    # and write them to rules/align/

Examples are the frame pairs that pass the gates in the train clusters of `SPLIT.yaml` (never a
held-out cluster of either held-out set):
- same fact (1): the two sentences are those of a gold conflict or agreement item;
- not the same fact (0): the sentences are those of a gold no_conflict item, or the values
  differ and no gold conflict covers them (the gold is complete on conflicts);
- unknown (left out): the values fit and no gold item covers them (gold lists only the clear
  agreements).
A logistic regression (scikit-learn, L2) gives one weight per feature; the threshold is the
probability that maximises F1 of "same fact" on the train examples.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

from checker.align.features import FEATURES
from checker.align.frames import relation
from checker.eval.match import overlaps
from checker.extract.pipeline import Context
from checker.run import check, cumulative

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench import held_out, load_split, present_gold  # noqa: E402  (a script beside this one)

ROOT = HERE.parents[1]

WEIGHTS = ROOT / "rules" / "align" / "weights.yaml"


def examples(folder: Path, cum: set[str]) -> tuple[list[list[float]], list[int]]:
    gold, _skipped = present_gold(folder)
    result = check([folder])
    by_path = {a.path.resolve(): a.id for a in result.articles}
    arts = {a.id: a for a in result.articles}
    sides = []
    for e in gold.entries:
        ia, ib = by_path.get(e.a.path.resolve()), by_path.get(e.b.path.resolve())
        sides.append((e.item.verdict.value, ia, e.a.sentences, ib, e.b.sentences))
    # A value stated twice in one article (headline and body) is one statement: the gold quotes
    # one of them, and the other is the same fact.
    twins: dict[str, list] = {}
    for f in result.facts:
        for fr in f.frames:
            twins.setdefault(_group_key(fr), []).append(fr)
    xs: list[list[float]] = []
    ys: list[int] = []
    for d in result.decisions:
        if not d.features:
            continue  # stopped by a gate
        label = _label(d, sides, arts, cum, twins)
        if label is None:
            continue
        values = {fv.name: fv.value for fv in d.features}
        xs.append([values[name] for name in FEATURES])
        ys.append(label)
    return xs, ys


def _group_key(fr) -> tuple:
    return (fr.article, fr.attribute, round(fr.value, 6), fr.unit)


def _covers(a, b, side) -> bool:
    verdict, ia, sa, ib, sb = side
    span_a, span_b = (a.evidence.start, a.evidence.end), (b.evidence.start, b.evidence.end)

    def hit(span, sentences) -> bool:
        return any(overlaps(span, s) for s in sentences)

    forward = a.article == ia and hit(span_a, sa) and b.article == ib and hit(span_b, sb)
    backward = a.article == ib and hit(span_a, sb) and b.article == ia and hit(span_b, sa)
    return forward or backward


def _label(d, sides, arts, cum, twins) -> int | None:
    pairs = [
        (x, y) for x in twins.get(_group_key(d.a), [d.a]) for y in twins.get(_group_key(d.b), [d.b])
    ]
    covering = [s[0] for s in sides if any(_covers(x, y, s) for x, y in pairs)]
    if "conflict" in covering or "agreement" in covering:
        return 1
    if "no_conflict" in covering:
        return 0
    rel = relation(d.a, d.b, arts, cum)
    if rel in ("equal", "compatible"):
        return None
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--C", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--drop", nargs="*", default=[], help="features left out of the fit (weight 0)")
    args = ap.parse_args(argv)
    split = load_split()
    train = [name for name in split["train"] if name not in held_out(split)]
    cum = cumulative(Context())
    X: list[list[float]] = []
    y: list[int] = []
    for name in train:
        folder = HERE / "clusters" / name
        if (folder / "gold.yaml").is_file():
            xs, ys = examples(folder, cum)
            X.extend(xs)
            y.extend(ys)
            print(f"{name}: {len(ys)} examples, {sum(ys)} same-fact", file=sys.stderr)
    keep = [k for k, name in enumerate(FEATURES) if name not in set(args.drop)]
    Xa, ya = np.array(X)[:, keep], np.array(y)
    model = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced")
    model.fit(Xa, ya)
    probs = model.predict_proba(Xa)[:, 1]
    best_t, best_f = 0.5, -1.0
    for t in np.arange(0.2, 0.9, 0.02):
        pred = probs >= t
        tp = int((pred & (ya == 1)).sum())
        fp = int((pred & (ya == 0)).sum())
        fn = int((~pred & (ya == 1)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f:
            best_t, best_f = float(t), f1
    weights = {
        "bias": round(float(model.intercept_[0]), 3),
        "threshold": round(best_t, 2),
        "weights": {
            name: round(float(model.coef_[0][keep.index(k)]), 3) if k in keep else 0.0
            for k, name in enumerate(FEATURES)
        },
        "fitted_on": f"train half of benchmarks/realnews ({len(y)} frame pairs, "
        f"{int(ya.sum())} same-fact; train F1 {best_f:.2f})",
    }
    print(yaml.safe_dump(weights, sort_keys=False))
    if args.write:
        header = WEIGHTS.read_text(encoding="utf-8").split("\nbias:")[0]
        WEIGHTS.write_text(header + "\n" + yaml.safe_dump(weights, sort_keys=False), "utf-8")
        print(f"wrote {WEIGHTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
