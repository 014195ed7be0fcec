"""How fast `checker run` is, against the floor of its design, in one run.

Corpus: the BBC News full-text archive ``../shared/benchmarks/bbc_news/bbc-fulltext.tar.gz``
relative to the repository (override with ``--archive``), unpacked into a temporary folder that is
deleted at the end. Folders:

- 300 articles: the first 150 files (by name) of business/ and of politics/;
- 600 articles: the first 300 of each;
- +1: the 600 with tech/001.txt added;
- full (``--full``): every article (sport/199.txt is Latin-1, so checker skips it as E002).

Every figure is the wall time of a fresh process, as a user sees it:

- floor: ``spacy.load`` of the model and ``nlp.pipe`` of its full pipeline over the 300 texts,
  in one process (nothing of checker);
- cold: ``checker run`` with an empty facts cache; warm: the same run again (all cached);
- +1: one article added to the cached folder of 600.

Peak memory is the largest sum of the proportional set sizes (PSS: a page shared by n processes
counts 1/n in each, so forked workers are not counted twice) of the run and its worker processes,
sampled every 50 ms. Candidate pairs are the frame pairs alignment considered (`checker why`
reads the same list). Usage: ``python benchmarks/speed.py [--jobs N] [--full]``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import psutil  # comes with the dask extra (distributed needs it)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ARCHIVE = REPO.parent / "shared/benchmarks/bbc_news/bbc-fulltext.tar.gz"
EXTRA_ARTICLE = "tech/001.txt"

FLOOR = """
import sys, time
from pathlib import Path
import spacy
from checker.extract.nlp import model_name
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(model_name())
for _ in nlp.pipe(texts):
    pass
"""

PAIRS = """
import sys
from pathlib import Path
from checker.execute.extract import ExecOptions
from checker.run import check
result = check([Path(sys.argv[1])], options=ExecOptions(cache_dir=Path(sys.argv[2])))
print(len(result.decisions))
"""


def measure(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak memory (PSS, MB) of the process tree, and stdout of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_full_info().pss for p in tree))
        except psutil.Error:  # a process ended while being read
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    out = proc.stdout.read().decode() if proc.stdout else ""
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(args)}")
    return seconds, peak / 1e6, out


def checker_run(folder: Path, cache: Path, jobs: int | None) -> tuple[float, float]:
    args = [sys.executable, "-m", "checker", "run", str(folder), "--cache", str(cache)]
    args += ["-f", "json", "-o", str(cache.parent / "report.json")]
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    seconds, peak, _ = measure(args)
    return seconds, peak


def make_folder(bbc: Path, out: Path, per_category: int) -> Path:
    out.mkdir()
    for category in ("business", "politics"):
        for path in sorted((bbc / category).glob("*.txt"))[:per_category]:
            shutil.copy(path, out / f"{category}_{path.name}")
    return out


def row(name: str, seconds: float, peak: float | None = None, note: str = "") -> None:
    memory = f"{peak:7.0f} MB" if peak is not None else " " * 10
    print(f"{name:<34} {seconds:8.1f} s  {memory}  {note}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--jobs", type=int, default=None, help="checker run --jobs (default: its)")
    parser.add_argument("--full", action="store_true", help="also the whole corpus, cold")
    opts = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="checker-speed-") as tmp_name:
        tmp = Path(tmp_name)
        with tarfile.open(opts.archive) as tf:
            tf.extractall(tmp / "unpacked", filter="data")
        bbc = tmp / "unpacked" / "bbc"
        f300 = make_folder(bbc, tmp / "a300", 150)
        f600 = make_folder(bbc, tmp / "a600", 300)
        (tmp / "c300").mkdir()
        (tmp / "c600").mkdir()
        print(f"checker run --jobs {opts.jobs or 'default'}; {psutil.cpu_count()} cores")

        floor, floor_mb, _ = measure([sys.executable, "-c", FLOOR, str(f300)])
        row("floor: spaCy pipe, 300, 1 process", floor, floor_mb)
        cold, cold_mb = checker_run(f300, tmp / "c300" / "cache", opts.jobs)
        row("cold, 300", cold, cold_mb, f"{cold / floor:.2f} x floor (goal <= 0.8)")
        warm, warm_mb = checker_run(f300, tmp / "c300" / "cache", opts.jobs)
        row("warm (all cached), 300", warm, warm_mb, f"{warm / cold:.2f} x cold (goal <= 0.15)")
        cold6, cold6_mb = checker_run(f600, tmp / "c600" / "cache", opts.jobs)
        row("cold, 600", cold6, cold6_mb, f"{cold6 / cold:.2f} x the 300 (goal <= 2.2)")
        shutil.copy(bbc / EXTRA_ARTICLE, f600 / "tech_001.txt")
        plus, plus_mb = checker_run(f600, tmp / "c600" / "cache", opts.jobs)
        row("+1 article, cached 600", plus, plus_mb, f"{plus / cold6:.2f} x cold 600 (goal <= 0.1)")
        _, _, pairs = measure([sys.executable, "-c", PAIRS, str(f300), str(tmp / "c300" / "cache")])
        print(f"candidate pairs (frame pairs considered), 300: {int(pairs):,}")
        if opts.full:
            (tmp / "call").mkdir()
            full, full_mb = checker_run(bbc, tmp / "call" / "cache", opts.jobs)
            row("cold, full corpus", full, full_mb, "goal < 240 s, < 1,500 MB")


if __name__ == "__main__":
    main()
