"""Print the cluster table of benchmarks/realnews/README.md from the clusters' files."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from validate_gold import front_matter  # noqa: E402  (a script beside this one)


def main() -> None:
    split = yaml.safe_load((HERE / "SPLIT.yaml").read_text(encoding="utf-8"))
    side = (
        {n: "train" for n in split["train"]}
        | {n: "held-out" for n in split["heldout"]}
        | {n: "held-out 2" for n in split.get("heldout2") or []}
        | {n: "held-out 3" for n in split.get("heldout3") or []}
    )
    print("| cluster | split | articles (in git / kept out) | gold items | sources |")
    print("|---|---|---|---|---|")
    for gold in sorted(HERE.glob("clusters/*/gold.yaml")):
        folder = gold.parent
        items = (yaml.safe_load(gold.read_text(encoding="utf-8")) or {}).get("items") or []
        files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
        free = [p for p in files if not p.name.endswith(".nonfree.txt")]
        sources = []
        for p in free:
            meta = front_matter(p)
            sources.append(f"{meta.get('source', '?')} ({meta.get('license', '?')})")
        names = sorted({p.name.split("_", 1)[1].split(".")[0] for p in files})
        print(
            f"| {folder.name} | {side.get(folder.name, 'unassigned')} | {len(free)} / "
            f"{len(files) - len(free)} | {len(items)} | in git: {'; '.join(sources) or '—'}; "
            f"outlets: {', '.join(names)} |"
        )


if __name__ == "__main__":
    main()
