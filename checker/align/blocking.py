"""Which pairs of articles alignment compares, generated without holding all pairs.

Every pair of articles is compared, except that a copy (`checker.align.copies`) is compared with
its original only: its wording is the original's, so comparing it with every other article would
repeat each finding once per copy. A group of copies thus costs one pair per copy, not one per
pair of copies. The pairs are yielded one at a time; `count` says how many were yielded, for the
report's summary and `benchmarks/scaling.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import combinations
from operator import attrgetter
from typing import Any, TypeVar

from checker.models.copies import CopyGroup
from checker.models.report import Finding, Verdict

T = TypeVar("T")


class ArticlePairs:
    """The article pairs alignment compares, given the copy groups of a folder."""

    def __init__(self, groups: Sequence[CopyGroup] = ()) -> None:
        self.original_of = {c: g.original for g in groups for c in g.copies}
        # The copy whose agreements with the original stand for the whole group's.
        self.first_copies = {g.copies[0] for g in groups}
        self.count = 0

    def compared(self, x: str, y: str) -> bool:
        """Are articles x and y compared? Not when one is a copy, unless the other is its
        original."""
        ox, oy = self.original_of.get(x), self.original_of.get(y)
        if ox is None and oy is None:
            return True
        return ox == y or oy == x

    def pairs(
        self, items: Iterable[T], article: Callable[[T], str] = attrgetter("article")
    ) -> Iterator[tuple[T, T]]:
        """The compared pairs of `items` (one per article, `article` gives its id), each ordered
        by article id: every pair of non-copies in sorted order, then each copy with its
        original."""
        by_id = {article(it): it for it in items}
        ids = sorted(by_id)
        heads = [i for i in ids if i not in self.original_of]
        for x, y in combinations(heads, 2):
            self.count += 1
            yield by_id[x], by_id[y]
        for c in ids:
            o = self.original_of.get(c)
            if o is not None and o in by_id:
                self.count += 1
                yield (by_id[o], by_id[c]) if o < c else (by_id[c], by_id[o])

    def related(
        self, items: Iterable[T], same_story: Callable[[str, str], bool]
    ) -> list[tuple[T, T]]:
        """The compared pairs of `items` (with an `article`) that `same_story` relates."""
        return [(x, y) for x, y in self.pairs(items) if same_story(x.article, y.article)]

    def within_stories(
        self, ids: Iterable[str], stories: Iterable[Any]
    ) -> Iterator[tuple[str, str]]:
        """The compared pairs of articles `ids` that belong to one of `stories` (each with an
        `id` and its `articles`): facts of different stories are not compared."""
        story_of = {a: s.id for s in stories for a in s.articles}
        for x, y in self.pairs(sorted(ids), str):
            if story_of.get(x) == story_of.get(y):
                yield x, y

    def total(self, ids: Iterable[str]) -> int:
        """How many pairs `pairs` yields for these articles, without yielding them."""
        ids = set(ids)
        heads = sum(i not in self.original_of for i in ids)
        return heads * (heads - 1) // 2 + sum(
            self.original_of.get(i) in ids for i in ids if i in self.original_of
        )


def fold_copy_agreements(findings: list[Finding], pairs: ArticlePairs) -> tuple[list[Finding], int]:
    """The findings less the agreements of the second and later copies of a group with their
    original, and how many those were: an identical fact is one agreement (the original's with
    its first copy), not one per copy, and the report's copies line says which articles are
    copies. Conflicts and explained differences between copies all stay."""

    def later_copy(f: Finding) -> bool:
        arts = {c.article for c in f.claims}
        return len(arts) == 2 and any(
            pairs.original_of.get(a) in arts and a not in pairs.first_copies for a in arts
        )

    kept = [f for f in findings if not (f.verdict == Verdict.AGREEMENT and later_copy(f))]
    if len(kept) == len(findings):
        return findings, 0
    renumbered = [f.model_copy(update={"id": f"F{i:03d}"}) for i, f in enumerate(kept, 1)]
    return renumbered, len(findings) - len(kept)
