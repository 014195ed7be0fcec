"""What story grouping compares: each article as a weighted bag of features, and the cosine
similarity of every pair of articles.

The features are registered in `FEATURES` (kind -> weight). An article's names (people,
organisations, places) say more about its story than its nouns; the years and months it states
outright tell two similar events apart (a 2008 rehab stay and a 2013 one; two earthquakes in
different years). Dates resolved against the publication date are left out: they move with
the publication date, which is compared on its own (`story.group_stories`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from checker.models.facts import ArticleFacts


@dataclass(frozen=True)
class FeatureKind:
    prefix: str
    weight: float
    label: str  # how an explanation names it


FEATURES: dict[str, FeatureKind] = {
    "name": FeatureKind("n:", 2.0, "name"),
    "noun": FeatureKind("k:", 1.0, "noun"),
    "year": FeatureKind("y:", 3.0, "year"),
    "month": FeatureKind("m:", 2.0, "month"),
}
# Within a folder a feature few articles have weighs up to (1 + CONTRAST · ln n) times one all
# have: mild, so that the words that tie a one-story folder together keep most of their weight,
# while the names one event has and the other lacks pull a two-event folder apart.
CONTRAST = 0.2
# Bits of a web address a text may begin with: not words of its story.
_URL_WORDS = frozenset({"http", "https", "www", "com", "html", "htm", "php", "aspx", "org", "net"})


def bag(f: ArticleFacts) -> Counter[str]:
    """The article's features, each with its kind's weight."""
    out: Counter[str] = Counter()
    for n in f.names:
        out[FEATURES["name"].prefix + n] = FEATURES["name"].weight
    for k in f.keywords:
        if k not in _URL_WORDS:
            out[FEATURES["noun"].prefix + k] = FEATURES["noun"].weight
    for t in f.timexes:
        if t.type != "DATE" or t.anchor != "explicit" or not t.value[:4].isdigit():
            continue
        out[FEATURES["year"].prefix + t.value[:4]] = FEATURES["year"].weight
        if len(t.value) >= 7 and t.value[5:7].isdigit():
            out[FEATURES["month"].prefix + t.value[:7]] = FEATURES["month"].weight
    return out


def feature_matrix(facts: Sequence[ArticleFacts]) -> tuple[sparse.csr_matrix, list[str]]:
    """Each article's weighted bag as a unit-length sparse row, and the feature of each column."""
    bags = [bag(f) for f in facts]
    index: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, b in enumerate(bags):
        for word, weight in b.items():
            rows.append(r)
            cols.append(index.setdefault(word, len(index)))
            vals.append(weight)
    n = len(bags)
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(index), 1)))
    df = np.maximum(np.bincount(cols, minlength=m.shape[1]), 1)
    m = m @ sparse.diags(1.0 + CONTRAST * np.log(max(n, 1) / df))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m), list(index)


def condensed_distances(m: sparse.csr_matrix, block: int = 512) -> np.ndarray:
    """1 - cosine similarity of every pair of rows of `feature_matrix`, in scipy's condensed
    order (the upper triangle, row by row). Computed a block of rows at a time, so that no n × n
    matrix is held: 10,000 articles need 400 MB here, not three dense 800 MB matrices."""
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


def describe(feature: str) -> str:
    """'n:tara reid' -> 'tara reid'; 'y:2013' -> '2013'."""
    return feature.split(":", 1)[1]
