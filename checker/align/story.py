"""Story scope: which articles of a folder tell the same story.

A folder is normally one story. Articles are compared by what they name (people,
organisations, places, counted double), the nouns they use and the years they speak of: cosine
of those sets. Groups are merged by average link (scipy's hierarchical clustering) while the
mean similarity between them reaches `threshold`, so one bridging article does not chain two
events into one story. Facts are compared within a story. `benchmarks/story_ecbplus.py`
measures the grouping on ECB+; the threshold is set so that every real-news dev cluster, one
story each, stays whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage

from checker.models.copies import CopyGroup
from checker.models.facts import ArticleFacts

DEFAULT_THRESHOLD = 0.12
NAME_WEIGHT = 2.0  # a shared name says more about the story than a shared noun
YEAR_WEIGHT = 1.0


@dataclass(frozen=True)
class Story:
    id: str
    articles: tuple[str, ...]
    label: str  # the words that most tie the story together


def _bag(f: ArticleFacts) -> Counter[str]:
    bag: Counter[str] = Counter()
    for n in f.names:
        bag["n:" + n] = NAME_WEIGHT
    for k in f.keywords:
        bag["k:" + k] = 1.0
    # The years an article speaks of tell two similar events apart (a 2011 storm, a 2019 one).
    for t in f.timexes:
        if t.type == "DATE" and t.value[:4].isdigit():
            bag["y:" + t.value[:4]] = YEAR_WEIGHT
    return bag


def _normalized(facts: Sequence[ArticleFacts]) -> sparse.csr_matrix:
    """Each article's weighted bag of words as a unit-length sparse row."""
    # No document frequency within the folder: in a folder about one story the story's own
    # words are in every article, and an IDF would erase exactly what ties them together.
    bags = [_bag(f) for f in facts]
    index: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, bag in enumerate(bags):
        for word, weight in bag.items():
            rows.append(r)
            cols.append(index.setdefault(word, len(index)))
            vals.append(weight)
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(bags), max(len(index), 1)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def condensed_distances(facts: Sequence[ArticleFacts], block: int = 512) -> np.ndarray:
    """1 - cosine similarity of every pair of articles, in scipy's condensed order (the upper
    triangle, row by row). Computed a block of rows at a time, so that no n × n matrix is held:
    10,000 articles need 400 MB here, not three dense 800 MB matrices."""
    m = _normalized(facts)
    n = m.shape[0]
    out = np.empty(n * (n - 1) // 2, dtype=np.float64)
    pos = 0
    mt = m.T.tocsc()
    for start in range(0, n, block):
        sims = (m[start : start + block] @ mt).toarray()
        for k, row in enumerate(sims):
            i = start + k
            tail = row[i + 1 :]
            out[pos : pos + len(tail)] = np.clip(1.0 - tail, 0.0, None)
            pos += len(tail)
    return out


def group_stories(
    facts: Sequence[ArticleFacts], threshold: float = DEFAULT_THRESHOLD
) -> list[Story]:
    """Stories by average link: groups merge while their mean similarity reaches `threshold`."""
    n = len(facts)
    if n == 0:
        return []
    distances = condensed_distances(facts)
    # Two articles in one folder are one story unless they share nothing at all.
    if n == 1 or (n == 2 and distances[0] < 1.0):
        return [_story(0, facts, list(range(n)))]
    labels = fcluster(linkage(distances, method="average"), t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    return [_story(k, facts, g) for k, g in enumerate(ordered)]


def _story(k: int, facts: Sequence[ArticleFacts], members: list[int]) -> Story:
    counts: Counter[str] = Counter()
    for i in members:
        # Sorted, not a set: ties in `most_common` keep insertion order, and a set's order
        # changes from one process to the next (string hashing), and the label with it.
        counts.update(sorted(set(facts[i].names)))
    shared = [w for w, c in counts.most_common(6) if c == len(members) or len(members) == 1]
    return Story(
        id=f"S{k + 1}",
        articles=tuple(facts[i].article for i in members),
        label=", ".join(shared[:4]),
    )


def with_copies(stories: Sequence[Story], groups: Sequence[CopyGroup]) -> list[Story]:
    """The stories with each copy (`checker.align.copies`) after the articles of its original's
    story."""
    copies_of = {g.original: g.copies for g in groups}
    return [
        Story(
            id=s.id,
            articles=s.articles
            + tuple(sorted(c for a in s.articles for c in copies_of.get(a, ()))),
            label=s.label,
        )
        for s in stories
    ]
