"""Sentences of two articles that state the same thing, over the related pairs of a folder
(`checker.align.statements` says how two sentences are scored).

Which sentences of two articles are scored at all (two words in common as written, neither too
short, compatible, on one day where the sentences point at their own day) and which of their
keys match, with the longest run of them in the same order, depend on the two articles alone:
they are kept in the facts cache (`checker.cache.pairs`) and read back on the next run. The
score itself weighs each word by its rarity in the whole folder, and another comparison may
already cover two sentences, so both are decided afresh on every run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from checker.align.blocking import ArticlePairs
from checker.align.statements import (
    DIRECTIONS,
    MIN_EXACT,
    Phrase,
    StatementPair,
    _phrase,
    _specific,
    _Weights,
    judge,
    matched_keys,
)
from checker.cache.pairs import NO_MEMO, PairMemo
from checker.models.facts import ArticleFacts, StatementFact

MEMO_KIND = "statements"
# Two sentences worth scoring: their places in the two articles' statements, the keys of the
# first matched in the second, and their longest run of matched keys in the same order.
Candidate = tuple[int, int, dict[str, str], Phrase | None]


def statement_pairs(
    facts: list[ArticleFacts],
    same_story: Callable[[str, str], bool],
    covered: Callable[[str, int, str, int], bool],
    same_day: Callable[[str, str], bool] = lambda a, b: True,
    pairs: ArticlePairs | None = None,
    memo: PairMemo = NO_MEMO,
) -> list[StatementPair]:
    """The sentence pairs of two articles that state the same thing, best match both ways.
    `same_day` must read the two articles only (what `memo` keeps depends on nothing else)."""
    weight = _Weights(facts)
    stated = [f for f in facts if f.statements]
    related = (pairs or ArticlePairs()).related(stated, same_story)
    known = memo.lookup(MEMO_KIND, related, _decode)
    out: list[StatementPair] = []
    # Each article's sentences by word, built once, not once per pair.
    indexes: dict[str, dict[str, list[int]]] = {}
    for fx, fy in related:
        found = known.get((fx.article, fy.article))
        if found is None:
            one_day = same_day(fx.article, fy.article)
            found = _candidates(fx, fy, one_day, weight, indexes)
            memo.store(MEMO_KIND, (fx.article, fy.article), found)
        scored: list[StatementPair] = []
        for i, j, matched, run in found:
            x, y = fx.statements[i], fy.statements[j]
            if covered(fx.article, x.index, fy.article, y.index):
                continue
            p = judge(x, y, matched, run, weight)
            if p is not None:
                scored.append(p)
        out.extend(_kept(scored, weight))
    return out


def _candidates(
    fx: ArticleFacts,
    fy: ArticleFacts,
    one_day: bool,
    weight: _Weights,
    indexes: dict[str, dict[str, list[int]]],
) -> list[Candidate]:
    """The sentence pairs of two articles worth scoring, in the order they are scored."""
    # Only sentences sharing two words as written can state the same thing: the sentences are
    # looked up by word instead of all scored.
    index = indexes.get(fy.article)
    if index is None:
        index = indexes[fy.article] = _word_index(fy.statements)
    out: list[Candidate] = []
    for i, x in enumerate(fx.statements):
        hits = Counter(j for k in set(x.keys) for j in index.get(k, ()))
        for j in (j for j, n in sorted(hits.items()) if n >= MIN_EXACT):
            y = fy.statements[j]
            # Articles of two days: 'the index rose' is each one's own day, and 'This is
            # due to…' points back at each one's own news.
            if not one_day and (
                x.anaphoric or y.anaphoric or DIRECTIONS & set(x.keys) & set(y.keys)
            ):
                continue
            matched = matched_keys(x, y, weight)
            if matched is not None:
                out.append((i, j, matched, _phrase(x, y, matched)))
    return out


def _kept(found: list[StatementPair], weight: _Weights) -> list[StatementPair]:
    """One match per sentence, the best first, unless a sentence says two things and the
    other match shares none of the words of the first ('fought cancer' / 'had a
    transplant' in one sentence of each article)."""
    kept: list[StatementPair] = []
    for p in sorted(found, key=lambda p: -p.score):
        if any(
            (q.a.index == p.a.index or q.b.index == p.b.index)
            and _specific(q, weight) & _specific(p, weight)
            for q in kept
        ):
            continue
        if any(q.a.index == p.a.index and q.b.index == p.b.index for q in kept):
            continue
        kept.append(p)
    return sorted(kept, key=lambda p: (p.a.index, p.b.index))


def _decode(fx: ArticleFacts, fy: ArticleFacts, raw: Any) -> list[Candidate]:
    """The candidates `_candidates` found, read back and checked against the two articles."""
    xs, ys = fx.statements, fy.statements
    out: list[Candidate] = []
    for i, j, matched, run in raw:
        if not (type(i) is int and type(j) is int and 0 <= i < len(xs) and 0 <= j < len(ys)):
            raise ValueError(f"no sentence pair {i}, {j} in these articles")
        words = matched.values() if isinstance(matched, dict) else [None]
        if not all(isinstance(v, str) for v in words):
            raise ValueError("matched keys are not words")
        out.append((i, j, matched, _run(run, xs[i], ys[j])))
    return out


def _run(raw: Any, x: StatementFact, y: StatementFact) -> Phrase | None:
    """A phrase as `_phrase` gives it, from JSON, its places checked against the sentences."""
    if raw is None:
        return None
    words, where = raw
    ok = (
        isinstance(words, list)
        and all(isinstance(w, str) for w in words)
        and isinstance(where, list)
        and len(where) == 4
        and all(type(n) is int for n in where)
        and 0 <= where[0] <= where[1] < len(x.keys)
        and 0 <= where[2] <= where[3] < len(y.keys)
    )
    if not ok:
        raise ValueError("the phrase is not one of these sentences")
    return words, (where[0], where[1], where[2], where[3])


def _word_index(statements: list[StatementFact]) -> dict[str, list[int]]:
    """Key -> the indices (in order) of the sentences that have it."""
    index: dict[str, list[int]] = defaultdict(list)
    for j, y in enumerate(statements):
        for k in set(y.keys):
            index[k].append(j)
    return index
