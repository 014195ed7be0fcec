"""Story scope: which articles of a folder tell the same story.

A folder is normally one story. Articles are compared by what they name (people,
organisations, places), the nouns they use and the years and months they state
(`story_features`). Groups are merged by average link (scipy's hierarchical clustering) while
the mean similarity between them reaches `threshold`, so one bridging article does not chain
two events into one story. Then three checks keep a one-story folder whole:

- a group of fewer than `MIN_STORY` articles is thin evidence of a story of its own: it joins
  the story it is closest to unless it shares next to nothing with it (`APART`);
- two groups whose articles were published within `SAME_DAYS` of each other merge unless they
  share less than `SAME_WEEKS`: articles of the same weeks that share names tell one story;
- two articles are one story unless they share nothing at all.

Every story of a split folder says why it was kept apart (`Story.why`): its similarity to the
closest other story and the names and dates its articles share that the others lack. Facts are
compared within a story. `benchmarks/story_ecbplus.py` measures the grouping on ECB+; the
threshold was chosen on its train topics, among those that keep every real-news cluster whole
even with its publication dates withheld.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage

from checker.align.story_features import FEATURES, condensed_distances, describe, feature_matrix
from checker.models.copies import CopyGroup
from checker.models.facts import ArticleFacts

DEFAULT_THRESHOLD = 0.15
MIN_STORY = 3
APART = 0.07  # a group too small to be a story of its own stays apart below this similarity
SAME_WEEKS = 0.10  # groups published within SAME_DAYS stay apart below this similarity
SAME_DAYS = 31
_SHOWN = ("year", "name")  # the features an explanation names, in this order among equals


@dataclass(frozen=True)
class Story:
    id: str
    articles: tuple[str, ...]
    label: str  # the words that most tie the story together
    why: str = ""  # for a folder split in several stories: why this one was kept apart


def group_stories(
    facts: Sequence[ArticleFacts],
    threshold: float = DEFAULT_THRESHOLD,
    published: Mapping[str, date] | None = None,
) -> list[Story]:
    """Stories by average link, then the checks that keep one story whole (module docstring).
    `published`: the stated publication date of each article that has one."""
    n = len(facts)
    if n == 0:
        return []
    matrix, features = feature_matrix(facts)
    distances = condensed_distances(matrix)
    if n == 1 or (n == 2 and distances[0] < 1.0):
        return [_story(0, facts, list(range(n)))]
    labels = fcluster(linkage(distances, method="average"), t=1.0 - threshold, criterion="distance")
    del distances  # n(n-1)/2 floats: freed before the checks below build their own sums
    found: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        found.setdefault(int(label), []).append(i)
    groups = sorted(found.values(), key=lambda g: (-len(g), g[0]))
    days = [published.get(f.article) for f in facts] if published else [None] * n
    groups = _same_weeks(_small_groups(groups, matrix), matrix, days)
    ordered = sorted(groups, key=lambda g: (-len(g), min(g)))
    stories = [_story(k, facts, sorted(g)) for k, g in enumerate(ordered)]
    if len(stories) == 1:
        return stories
    whys = _Why(ordered, matrix, features, days, threshold)
    return [
        Story(id=s.id, articles=s.articles, label=s.label, why=whys.of(k))
        for k, s in enumerate(stories)
    ]


def _totals(groups: Sequence[Sequence[int]], matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each group's sum of unit rows: the dot product of two sums over the product of the
    groups' sizes is their mean similarity (average link)."""
    rows = [k for k, g in enumerate(groups) for _ in g]
    cols = [i for g in groups for i in g]
    member = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), (len(groups), matrix.shape[0]))
    return sparse.csr_matrix(member @ matrix)


def _mean_similarity(
    a: Sequence[Sequence[int]], b: Sequence[Sequence[int]], matrix: sparse.csr_matrix
) -> np.ndarray:
    sizes = np.outer([len(g) for g in a], [len(g) for g in b])
    return (_totals(a, matrix) @ _totals(b, matrix).T).toarray() / sizes


def _small_groups(groups: list[list[int]], matrix: sparse.csr_matrix) -> list[list[int]]:
    """Each group smaller than MIN_STORY joins the story it is closest to (the largest group
    when none is that large), unless it shares next to nothing with it (APART)."""
    stories = [g for g in groups if len(g) >= MIN_STORY] or groups[:1]
    small = [g for g in groups if not any(g is s for s in stories)]
    if not small:
        return groups
    sims = _mean_similarity(small, stories, matrix)
    joined = [list(g) for g in stories]
    apart = []
    for k, g in enumerate(small):
        best = int(np.argmax(sims[k]))
        if sims[k, best] >= APART:
            joined[best] += g
        else:
            apart.append(g)
    return joined + apart


def _same_weeks(
    groups: list[list[int]], matrix: sparse.csr_matrix, days: Sequence[date | None]
) -> list[list[int]]:
    """Merge, closest pair first, two groups whose articles were published within SAME_DAYS
    while they share at least SAME_WEEKS: articles of the same weeks sharing names tell one
    story. Average link: a merged group's similarity to another is the size-weighted mean."""
    groups = [list(g) for g in groups]
    when = np.array([_ordinal(_median(g, days)) for g in groups])
    if np.isfinite(when).sum() < 2:
        return groups
    sims = _mean_similarity(groups, groups, matrix)
    np.fill_diagonal(sims, -1.0)
    while True:
        close = (np.abs(when[:, None] - when[None, :]) <= SAME_DAYS) & (sims >= SAME_WEEKS)
        if not close.any():
            return [g for g in groups if g]
        x, y = np.unravel_index(np.argmax(np.where(close, sims, -1.0)), sims.shape)
        nx, ny = len(groups[x]), len(groups[y])
        sims[x] = sims[:, x] = (nx * sims[x] + ny * sims[y]) / (nx + ny)
        sims[x, x] = -1.0
        sims[y] = sims[:, y] = -1.0
        groups[x] += groups[y]
        groups[y] = []
        when[x], when[y] = _ordinal(_median(groups[x], days)), np.nan


def _ordinal(d: date | None) -> float:
    return float(d.toordinal()) if d is not None else np.nan


def _within(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= SAME_DAYS


def _median(group: Sequence[int], days: Sequence[date | None]) -> date | None:
    known = sorted(d for i in group if (d := days[i]) is not None)
    return known[len(known) // 2] if known else None


class _Why:
    """Why each story of a split folder was kept apart: its similarity to the closest other
    story, under which bound, and what most of its articles state that few of the others do."""

    def __init__(
        self,
        groups: Sequence[Sequence[int]],
        matrix: sparse.csr_matrix,
        features: Sequence[str],
        days: Sequence[date | None],
        threshold: float,
    ) -> None:
        self.groups, self.features, self.days, self.threshold = groups, features, days, threshold
        self.sims = _mean_similarity(groups, groups, matrix)
        np.fill_diagonal(self.sims, -1.0)
        # How many articles of each group have each feature, and of the whole folder.
        self.counts = _totals(groups, sparse.csr_matrix((matrix > 0).astype(np.float64)))
        self.all = np.asarray(self.counts.sum(axis=0)).ravel()
        self.n = sum(len(g) for g in groups)
        order = {FEATURES[kind].prefix: r for r, kind in enumerate(_SHOWN)}
        self.rank = np.array([order.get(f[:2], -1) for f in features])

    def of(self, k: int) -> str:
        own = self.groups[k]
        closest = int(np.argmax(self.sims[k]))
        other = self.groups[closest]
        in_own = self.counts[k].toarray().ravel()
        share_own = in_own / len(own)
        share_rest = (self.all - in_own) / (self.n - len(own))
        shown = np.flatnonzero((self.rank >= 0) & (share_own >= 0.5) & (share_rest <= 0.2))
        marks = sorted(
            (share_rest[c] - share_own[c], self.rank[c], self.features[c]) for c in shown
        )
        words = ", ".join(describe(f) for *_, f in marks[:5])
        sim = f"similarity {self.sims[k, closest]:.2f} to S{closest + 1}"
        if min(len(own), len(other)) < MIN_STORY:
            text = f"{sim}, under {APART:.2f}: next to nothing shared"
        elif _within(_median(own, self.days), _median(other, self.days)):
            text = f"{sim}, under {SAME_WEEKS:.2f} for articles of the same weeks"
        else:
            text = f"{sim}, under the threshold {self.threshold:.2f}"
        return text + (
            f"; most of its articles state {words}, few of the others do" if words else ""
        )


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
            why=s.why,
        )
        for s in stories
    ]
