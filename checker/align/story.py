"""Story scope: which articles of a folder tell the same story.

A folder is normally one story. Articles are grouped by the similarity of what they name
(people, organisations, places) and the nouns they use, weighted by how rare each word is in
the folder (TF-IDF, cosine). Two articles whose similarity reaches `threshold` are one story,
and stories are the connected groups. Facts are compared within a story; the report lists the
stories. The threshold is fitted on ECB+ (`benchmarks/story_ecbplus.py`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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
    # The years an article speaks of tell two similar events apart (the 2008 stay, the 2013 one).
    for t in f.timexes:
        if t.type == "DATE" and t.value[:4].isdigit():
            bag["y:" + t.value[:4]] = YEAR_WEIGHT
    return bag


def similarity_matrix(facts: Sequence[ArticleFacts]) -> list[list[float]]:
    # No document frequency within the folder: in a folder about one story the story's own
    # words are in every article, and an IDF would erase exactly what ties them together.
    bags = [_bag(f) for f in facts]
    n = len(bags)
    vecs = []
    for b in bags:
        v = dict(b)
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    sims = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            a, b = vecs[i], vecs[j]
            if len(a) > len(b):
                a, b = b, a
            s = sum(x * b.get(w, 0.0) for w, x in a.items())
            sims[i][j] = sims[j][i] = s
    return sims


def group_stories(
    facts: Sequence[ArticleFacts], threshold: float = DEFAULT_THRESHOLD
) -> list[Story]:
    """Connected groups of articles whose pairwise similarity reaches `threshold`."""
    n = len(facts)
    if n <= 2 and n > 0:
        # Two articles in one folder are one story unless they share nothing at all.
        sims = similarity_matrix(facts) if n == 2 else [[1.0]]
        if n == 1 or sims[0][1] > 0:
            return [_story(0, facts, list(range(n)))]
    sims = similarity_matrix(facts)
    # Average link: two groups merge while the mean similarity of their articles reaches the
    # threshold, so one bridging article does not chain two events into one story.
    groups: list[list[int]] = [[i] for i in range(n)]
    while len(groups) > 1:
        best, pair = threshold, None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                total = sum(sims[i][j] for i in groups[x] for j in groups[y])
                mean = total / (len(groups[x]) * len(groups[y]))
                if mean >= best:
                    best, pair = mean, (x, y)
        if pair is None:
            break
        x, y = pair
        groups[x] = sorted(groups[x] + groups[y])
        del groups[y]
    ordered = sorted(groups, key=lambda g: (-len(g), g[0]))
    return [_story(k, facts, g) for k, g in enumerate(ordered)]


def _story(k: int, facts: Sequence[ArticleFacts], members: list[int]) -> Story:
    counts: Counter[str] = Counter()
    for i in members:
        counts.update(set(facts[i].names))
    shared = [w for w, c in counts.most_common(6) if c == len(members) or len(members) == 1]
    return Story(
        id=f"S{k + 1}",
        articles=tuple(facts[i].article for i in members),
        label=", ".join(shared[:4]),
    )
