"""Align counts that stand outside any recognised event: '40 container berths', '300 jobs'.

Two counts in two articles of the same story are about the same quantity when they count the
same thing (the same noun) in the same way: under the same verb ('create 300 jobs' / 'is expected
to create 300 jobs'), or with the same multi-word phrase ('emergency calls'). Counts stated for
different explicit dates are values of different days ('the Dow fell 678 points on Thursday'),
not competing reports of one figure.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.align.blocking import ArticlePairs
from checker.models.facts import ArticleFacts, CountFact
from checker.models.time import Timex

TimeOf = Callable[[str, CountFact], Timex | None]
# "There are two models" and "has two models" say nothing about which models.
LIGHT_VERBS = {"be", "have", "include", "make", "get", "take", "give", "see"}


def same_quantity(x: CountFact, y: CountFact) -> bool:
    if x.noun != y.noun:
        return False
    if x.verb and x.verb == y.verb and x.verb not in LIGHT_VERBS:
        return True
    return len(x.phrase.split()) >= 2 and x.phrase == y.phrase


def count_pairs(
    facts: list[ArticleFacts],
    same_story: Callable[[str, str], bool],
    stated_time: TimeOf,
    disjoint: Callable[[Timex, Timex], bool],
    pairs: ArticlePairs | None = None,
) -> list[tuple[CountFact, CountFact]]:
    """Pairs of counts (one per article) that report the same quantity."""
    out: list[tuple[CountFact, CountFact]] = []
    counted = [f for f in facts if f.counts]
    for fa, fb in (pairs or ArticlePairs()).pairs(counted):
        if not same_story(fa.article, fb.article):
            continue
        for x in fa.counts:
            for y in fb.counts:
                if not same_quantity(x, y):
                    continue
                tx, ty = stated_time(fa.article, x), stated_time(fb.article, y)
                if tx is not None and ty is not None and disjoint(tx, ty):
                    continue
                out.append((x, y))
    return out
