"""Alignment scaling: time, peak memory and candidate pairs against the number of articles.

Generates folders in a temporary directory and runs `python -m checker run --format json` on each
as a child process under `/usr/bin/time`, printing seconds, peak resident memory, the pairs the
alignment compared (`summary.article_pairs`, `summary.frame_pairs`) and the copies found.

    python benchmarks/scaling.py template [--n 10000]   # one template, varied figures
    python benchmarks/scaling.py copies     # 200 stories × 10 copies, 20 with a figure changed
    python benchmarks/scaling.py bbc [--sizes 250 500 1000 2000]

`copies` and `bbc` read the BBC News corpus (internal: used by path, never committed). Timings
depend on the machine's load: run it on a quiet machine, and say when it was not.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "benchmarks" / "bbc_news" / "bbc-fulltext.tar.gz"
OUTLETS = [
    "Coastal Wire",
    "Daily Ledger",
    "Metro Herald",
    "Valley Times",
    "North Star",
    "Evening Post",
    "City Bulletin",
    "River Gazette",
    "Harbour News",
    "Plains Courier",
]
CHANGED_COPY = 3  # the copy whose figure is changed, in the stories that have one
YEAR = re.compile(r"^(1[89]|20)\d\d$")


def run_checker(folder: Path, root: Path = ROOT) -> tuple[float, float, dict]:
    """(seconds, peak RSS in MB, JSON report) of one `checker run` on `folder`, with the
    checker of the checkout at `root`."""
    out = folder.parent / f"{folder.name}.json"
    cmd = ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "checker", "run", str(folder)]
    # cold every time: a cache left by an earlier run of the benchmark would hide extraction
    cmd += ["--format", "json", "--output", str(out), "--no-cache"]
    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False)
    last = done.stderr.strip().splitlines()[-1]
    if done.returncode != 0 or not out.is_file():
        raise SystemExit(f"checker failed on {folder}: {done.stderr[-2000:]}")
    seconds, kb = last.split()
    return float(seconds), int(kb) / 1024, json.loads(out.read_text(encoding="utf-8"))


def show(label: str, seconds: float, mb: float, report: dict) -> None:
    s = report["summary"]
    print(
        f"{label}: {s['articles']} articles · {seconds:.1f} s · peak {mb:.0f} MB · "
        f"article pairs {s.get('article_pairs')} · frame pairs {s.get('frame_pairs')} · "
        f"copies {s.get('copies')} in {len(report.get('copies', []))} groups · "
        f"findings {len(report['findings'])} ({s['conflict']} conflicts)",
        flush=True,
    )


# --- folders -----------------------------------------------------------------------------------


def template_folder(folder: Path, n: int, rng: random.Random) -> None:
    """n one-sentence articles cut from one template, each with its own objection count."""
    folder.mkdir()
    for i in range(1, n + 1):
        text = (
            f"The council of district {i} approved plan {i} on Monday. "
            f"It received {rng.randint(2, 60)} objections.\n"
        )
        (folder / f"d{i:05d}.txt").write_text(text, encoding="utf-8")


def bbc_articles(tmp: Path) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every BBC article, in a fixed order."""
    with tarfile.open(BBC) as tar:
        tar.extractall(tmp / "bbc", filter="data")
    out = []
    for path in sorted((tmp / "bbc").rglob("*.txt")):
        if path.name.upper() == "README.TXT":
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        if len(parts) >= 3:
            out.append((parts[0], parts[1:]))
    return out


def bbc_folder(folder: Path, articles: list[tuple[str, list[str]]], n: int) -> None:
    """n one-paragraph BBC articles: the headline and the first paragraph."""
    folder.mkdir()
    for k, (title, paras) in enumerate(articles[:n]):
        (folder / f"b{k:04d}.txt").write_text(f"{title}\n\n{paras[0]}\n", encoding="utf-8")


def _read_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the values checker reads in `text` (its fact frames): the figures whose change
    the copies mechanism can be asked to find. A figure checker does not read at all ("jumped
    155%") measures extraction, not copies, and is left alone."""
    from checker.extract.pipeline import Extractor
    from checker.models.article import Article

    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    art = Article(id="probe", path=Path("probe.txt"), text=text, title="probe")
    return [(fr.start, fr.end) for fr in _EXTRACTOR(art).frames]


_EXTRACTOR = None


def _changed(paragraph: str) -> tuple[str, str] | None:
    """The paragraph with its first figure (not a year) that checker reads as a value changed,
    and the new figure."""
    spans = _read_spans(paragraph)
    for m in re.finditer(r"(?<![\w.,])\d{1,3}(?![\w.,]*\d)(?!\w)", paragraph):
        if YEAR.match(m.group(0)) or not any(a <= m.start() < b for a, b in spans):
            continue
        new = str(int(m.group(0)) * 2 + 3)
        return paragraph[: m.start()] + new + paragraph[m.end() :], new
    return None


def copies_folder(
    folder: Path, articles: list[tuple[str, list[str]]], stories: int, copies: int, changed: int
) -> dict[str, str]:
    """`stories` short BBC stories (headline and two paragraphs), each published `copies` times
    with its outlet's headline and credit line; in the first `changed` stories that state a
    figure checker reads as a value, copy CHANGED_COPY changes it. Returns {changed copy's id:
    its new figure}."""
    folder.mkdir()
    expected: dict[str, str] = {}
    for s, (title, paras) in enumerate(articles[:stories]):
        body = paras[:2]
        edit = _changed(body[0]) if len(expected) < changed else None
        for c in range(copies):
            outlet = OUTLETS[c % len(OUTLETS)]
            text = body
            if edit is not None and c == CHANGED_COPY:
                text = [edit[0], *body[1:]]
                expected[f"s{s:03d}_c{c:02d}"] = edit[1]
            head = f"{title} | {outlet}"
            content = "\n\n".join([head, *text, f"Reported by {outlet}."])
            (folder / f"s{s:03d}_c{c:02d}.txt").write_text(content + "\n", encoding="utf-8")
    return expected


def found_changes(report: dict, expected: dict[str, str]) -> int:
    """How many changed figures a conflict reports: a conflict quoting the changed copy's
    sentence with its new figure."""
    hits = set()
    for f in report["findings"]:
        if f["verdict"] != "conflict":
            continue
        for claim in f["claims"]:
            new = expected.get(claim["article"])
            if new is not None and re.search(rf"(?<!\d){new}(?!\d)", claim["quote"]):
                hits.add(claim["article"])
    return len(hits)


# --- main --------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["template", "copies", "bbc"])
    parser.add_argument("--n", type=int, default=10_000, help="template articles")
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--stories", type=int, default=200, help="stories of the copies folder")
    parser.add_argument(
        "--checker", type=Path, default=ROOT, help="checkout to run (another one: before figures)"
    )
    args = parser.parse_args(argv)
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if args.what == "template":
            folder = tmp / "template"
            template_folder(folder, args.n, rng)
            show("template", *run_checker(folder, args.checker))
        elif args.what == "copies":
            folder = tmp / "copies"
            expected = copies_folder(folder, bbc_articles(tmp), args.stories, 10, 20)
            seconds, mb, report = run_checker(folder, args.checker)
            show("copies", seconds, mb, report)
            found = found_changes(report, expected)
            print(f"changed figures reported as conflicts: {found}/{len(expected)}")
        else:
            articles = bbc_articles(tmp)
            for n in args.sizes:
                folder = tmp / f"bbc{n}"
                bbc_folder(folder, articles, n)
                show(f"bbc {n}", *run_checker(folder, args.checker))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
