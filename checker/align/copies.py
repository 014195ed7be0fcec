"""Near-duplicate articles: one wire story republished by many outlets.

Each article's body (without its headline line) becomes a set of word shingles, with every figure
written as '#', so that a copy whose figure was changed is still a copy: that figure is then
reported as a conflict with the original. MinHash/LSH (`datasketch`) proposes candidates without
comparing every pair; each candidate's exact Jaccard similarity with the original decides.

An original is the earliest published article (then the first by id) that is not yet a copy; its
copies are the articles at `THRESHOLD` or more. Alignment then compares a copy with its original
only (`checker.align.blocking`), and the report says which articles are copies of which.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from checker.models.article import Article
from checker.models.copies import CopyGroup

THRESHOLD = 0.8  # a few edited words (an outlet's credit line) in a short article still pass
SHINGLE = 3
NUM_PERM = 128
MIN_SHINGLES = 5  # shorter texts share wording by coincidence (a one-line brief)
SEED = 1
METHOD = f"word {SHINGLE}-shingles of the body without its headline, figures aside"

_WORD = re.compile(r"\w+(?:[.,']\w+)*")


def shingles(article: Article) -> set[str]:
    """The body's word shingles, lowercased, each figure as '#'."""
    lines = article.body.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    # A republished story often carries its own headline: leave it out, unless it is all there
    # is (a one-line article's title is that line).
    rest = lines[first + 1 :] if first is not None else []
    if any(line.strip() for line in rest) and lines[first].strip() == article.title.strip():
        lines = rest
    words = [
        "#" if any(ch.isdigit() for ch in w) else w for w in _WORD.findall("\n".join(lines).lower())
    ]
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def find_copies(articles: Sequence[Article], threshold: float = THRESHOLD) -> list[CopyGroup]:
    """Groups of copies, each around the original it was taken from."""
    # Imported here: datasketch imports SciPy (a third of a second), and a run whose copy
    # groups come from the cache never needs it.
    from datasketch import MinHash, MinHashLSH

    order = sorted(articles, key=lambda a: (a.published or date.max, a.id))
    sets = {a.id: shingles(a) for a in order}
    ids = [a.id for a in order if len(sets[a.id]) >= MIN_SHINGLES]
    if len(ids) < 2:
        return []
    hashes = MinHash.bulk(
        [[s.encode("utf-8") for s in sets[i]] for i in ids], num_perm=NUM_PERM, seed=SEED
    )
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for i, h in zip(ids, hashes, strict=True):
        lsh.insert(i, h)
    rank = {i: k for k, i in enumerate(ids)}
    taken: set[str] = set()
    groups: list[CopyGroup] = []
    for i, h in zip(ids, hashes, strict=True):
        if i in taken:
            continue
        found = []
        for j in sorted((j for j in lsh.query(h) if j != i and j not in taken), key=rank.get):
            sim = jaccard(sets[i], sets[j])
            if sim >= threshold:
                found.append((j, round(sim, 3)))
        if not found:
            continue
        taken.add(i)
        taken.update(j for j, _ in found)
        groups.append(
            CopyGroup(
                original=i,
                copies=tuple(j for j, _ in found),
                similarity=tuple(s for _, s in found),
                threshold=threshold,
                method=METHOD,
            )
        )
    return groups
