"""Story grouping on ECB+: does each topic folder split into its two real events?

    python benchmarks/story_ecbplus.py [--data ../shared/benchmarks/ecbplus/ecbplus.tar.gz]

Each ECB+ topic holds two sub-topics: two different events of one kind (two rehab stays, two
earthquakes). Every topic is checked as one folder holding both; the stories that
`checker.align.story.group_stories` makes are scored against the sub-topics with B³ F1
(per article, averaged over the articles of all topics). Thresholds are tried on the customary
train topics (1–35) and the best one is reported on the test topics (36–45) as well.
ECB+ is internal data: it is read from the tarball and nothing of it is written.
"""

from __future__ import annotations

import argparse
import re
import sys
import tarfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from checker.align.story import DEFAULT_THRESHOLD, group_stories
from checker.extract.document import ArticleDoc
from checker.extract.pipeline import Context, build_pipeline
from checker.models.article import Article
from checker.models.facts import ArticleFacts

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "ecbplus" / "ecbplus.tar.gz"
_TOKEN = re.compile(r'<token[^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')
_NAME = re.compile(r"ECB\+/(\d+)/(\d+)_(\d+)(ecb|ecbplus)\.xml$")
TEST_TOPICS = set(range(36, 46))


def read_docs(path: Path) -> dict[int, list[tuple[str, str, str]]]:
    """topic -> [(doc name, sub-topic, text)]."""
    topics: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            m = _NAME.search(member.name)
            if not m or not member.isfile():
                continue
            raw = tar.extractfile(member).read().decode("utf-8", "replace")
            sents: dict[int, list[str]] = defaultdict(list)
            for s, tok in _TOKEN.findall(raw):
                sents[int(s)].append(_unescape(tok))
            text = "\n\n".join(" ".join(sents[k]) for k in sorted(sents))
            topics[int(m.group(1))].append(
                (f"{m.group(2)}_{m.group(3)}{m.group(4)}", m.group(4), text)
            )
    return topics


def _unescape(tok: str) -> str:
    return (
        tok.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    )


def facts_of(docs: list[tuple[str, str, str]], ctx: Context, pipeline) -> list[ArticleFacts]:
    out = []
    for name, _sub, text in docs:
        art = Article(
            id=name,
            path=Path(name),
            text=text,
            title=text.split("\n")[0][:80],
            published=date(2000, 1, 1),
        )
        adoc = ArticleDoc(article=art, doc=ctx.nlp(text))
        for spec in pipeline:
            spec.fn(adoc, ctx)
        out.append(
            ArticleFacts(
                article=name,
                names=adoc.names(ctx.vocab),
                keywords=adoc.keywords(),
                timexes=adoc.timexes,
            )
        )
    return out


def b_cubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """B³ precision and recall summed over items (divide by the count for the mean)."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for k, v in pred.items():
        by_pred[v].add(k)
    for k, v in gold.items():
        by_gold[v].add(k)
    p = r = 0.0
    for k in pred:
        same = by_pred[pred[k]] & by_gold[gold[k]]
        p += len(same) / len(by_pred[pred[k]])
        r += len(same) / len(by_gold[gold[k]])
    return p, r


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    t0 = time.time()
    topics = read_docs(args.data)
    ctx = Context()
    pipeline = build_pipeline(["timex", "people"])
    all_facts = {t: facts_of(docs, ctx, pipeline) for t, docs in sorted(topics.items())}
    gold = {t: {name: sub for name, sub, _ in docs} for t, docs in topics.items()}
    print(
        f"{sum(len(d) for d in topics.values())} documents in {len(topics)} topics, read in "
        f"{time.time() - t0:.0f} s"
    )
    thresholds = sorted({DEFAULT_THRESHOLD, *[round(0.06 + 0.01 * i, 2) for i in range(20)]})
    best = (0.0, DEFAULT_THRESHOLD)
    for th in thresholds:
        scores = {}
        for part, keep in (
            ("train", lambda t: t not in TEST_TOPICS),
            ("test", lambda t: t in TEST_TOPICS),
        ):
            p = r = n = 0.0
            for t, facts in all_facts.items():
                if not keep(t):
                    continue
                stories = group_stories(facts, th)
                pred = {a: s.id for s in stories for a in s.articles}
                bp, br = b_cubed(pred, gold[t])
                p, r, n = p + bp, r + br, n + len(pred)
            prec, rec = p / n, r / n
            scores[part] = (prec, rec, 2 * prec * rec / (prec + rec))
        mark = " (default)" if th == DEFAULT_THRESHOLD else ""
        print(
            f"threshold {th:.2f}{mark}: train B³ P {scores['train'][0]:.3f} "
            f"R {scores['train'][1]:.3f} F1 {scores['train'][2]:.3f} · "
            f"test F1 {scores['test'][2]:.3f}"
        )
        if scores["train"][2] > best[0]:
            best = (scores["train"][2], th)
    print(f"best threshold on train topics: {best[1]:.2f} (train F1 {best[0]:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
