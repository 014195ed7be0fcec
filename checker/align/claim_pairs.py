"""Claims of two articles paired by wording (`checker.align.claims` says how they are scored).

`claim_pairs` goes through the related pairs of articles of a folder. What it finds for one pair
depends on the two articles alone (word weights come from the two, not from the folder), so it is
kept in the facts cache (`checker.cache.pairs`) and read back on the next run instead of being
scored again; which pairs are related is decided afresh on every run, since that reads the whole
folder.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from checker.align.blocking import ArticlePairs
from checker.align.claims import (
    ANCHOR_BONUS,
    EQUAL_BONUS,
    HEADLINE_FACTOR,
    SMALL_EQUAL_BONUS,
    STRONG_SCORE,
    STRONG_SHARED,
    TIE,
    WEAK_SCORE,
    WEAK_SHARED,
    ClaimPair,
    _acts_differ,
    _closeness,
    _distinctive_equal,
    _exact_figure,
    _same_day_required,
    _Scorer,
    _unit_cue,
    _units,
    _weights,
    comparable,
    may_conflict,
    same_milestone,
)
from checker.cache.pairs import NO_MEMO, PairMemo
from checker.models.facts import ArticleFacts, ClaimFact

MEMO_KIND = "claims"
ClaimTest = Callable[[ClaimFact, ClaimFact], bool]
# One pair of claims found: index in the first article, in the second, score, shared words,
# evidence points, anchored. Plain data, so that the cache keeps it as JSON.
Row = tuple[int, int, float, list[str], int, bool]


def claim_pairs(
    facts: list[ArticleFacts],
    same_story: Callable[[str, str], bool],
    disjoint: ClaimTest,
    same_day: ClaimTest,
    pairs: ArticlePairs | None = None,
    memo: PairMemo = NO_MEMO,
) -> list[ClaimPair]:
    """Best-matching claims across articles of one story. `disjoint` and `same_day` must read
    the two claims and their articles only (what `memo` keeps depends on nothing else)."""
    # Sentences (article, start) that state a figure ('the DAX fell 3% on Monday').
    figures = {
        (c.evidence.article, c.evidence.start)
        for f in facts
        for c in f.claims
        if c.kind == "measure"
    }
    claimed = [f for f in facts if f.claims]
    related = (pairs or ArticlePairs()).related(claimed, same_story)
    kept = memo.lookup(MEMO_KIND, related, _decode)
    out: list[ClaimPair] = []
    words: dict[int, tuple[set[str], set[str]]] = {}  # id(claim) -> _words(claim)
    for fa, fb in related:
        rows = kept.get((fa.article, fb.article))
        if rows is None:
            # Word weights from the two articles alone: the same pair scores the same in any folder.
            scorer = _Scorer(_weights([fa, fb]), words)
            rows = _pair_rows(fa, fb, scorer, figures, disjoint, same_day)
            memo.store(MEMO_KIND, (fa.article, fb.article), rows)
        out.extend(
            ClaimPair(fa.claims[i], fb.claims[j], s, shared, evidence, anchor)
            for i, j, s, shared, evidence, anchor in rows
        )
    return out


def _decode(fa: ArticleFacts, fb: ArticleFacts, raw: Any) -> list[Row]:
    """The rows `_pair_rows` found, read back and checked against the two articles' claims."""
    rows: list[Row] = []
    for i, j, s, shared, evidence, anchor in raw:
        ok = (
            type(i) is int
            and type(j) is int
            and 0 <= i < len(fa.claims)
            and 0 <= j < len(fb.claims)
            and type(s) is float
            and isinstance(shared, list)
            and all(isinstance(w, str) for w in shared)
            and evidence in (1, 2)
            and type(anchor) is bool
        )
        if not ok:
            raise ValueError(f"not a claim pair of these articles: {[i, j, s, evidence]}")
        rows.append((i, j, s, shared, evidence, anchor))
    return rows


def _pair_rows(
    fa: ArticleFacts,
    fb: ArticleFacts,
    scorer: _Scorer,
    figures: set[tuple[str, int]],
    disjoint: ClaimTest,
    same_day: ClaimTest,
) -> list[Row]:
    """The claim pairs of two articles: each claim with its best partner, near-ties kept."""
    scored = _scored(fa, fb, scorer, disjoint, same_day)
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (i, j), (s, _, _) in scored.items():
        best_a[i] = max(best_a.get(i, 0.0), s)
        best_b[j] = max(best_b.get(j, 0.0), s)
    rows: list[Row] = []
    for (i, j), (s, shared, anchor) in sorted(scored.items()):
        # Each other's best partner, near-ties kept: 'due in May 2008' (old article) pairs
        # with both 'were to take delivery in May 2008' and 'will now receive it next month'.
        if s < TIE * best_a[i] or s < TIE * best_b[j]:
            continue
        x, y = fa.claims[i], fb.claims[j]
        shared, strong = _strength(x, y, s, shared, anchor, figures, same_day)
        rows.append((i, j, s, shared, 2 if strong else 1, anchor))
    return rows


def _scored(
    fa: ArticleFacts, fb: ArticleFacts, scorer: _Scorer, disjoint: ClaimTest, same_day: ClaimTest
) -> dict[tuple[int, int], tuple[float, list[str], bool]]:
    """(i, j) -> (score, shared words, anchored) of the claim pairs that may pair at all."""
    anchored = _anchored(fa, fb)
    values: dict[tuple[str, int], set[float]] = defaultdict(set)
    for c in (*fa.claims, *fb.claims):
        if c.value is not None and c.kind in ("count", "measure"):
            values[(c.evidence.article, c.evidence.start)].add(c.value)
    scored: dict[tuple[int, int], tuple[float, list[str], bool]] = {}
    # Only claims of one unit can pair: look them up instead of trying every pair.
    by_unit: dict[str, list[int]] = defaultdict(list)
    for j, y in enumerate(fb.claims):
        for u in _units(y):
            by_unit[u].append(j)
    for i, x in enumerate(fa.claims):
        candidates = sorted({j for u in _units(x) for j in by_unit.get(u, ())})
        for j in candidates:
            y = fb.claims[j]
            if not comparable(x, y) or disjoint(x, y):
                continue
            got = _score(x, y, scorer, anchored, values, same_day)
            if got is not None:
                scored[(i, j)] = got
    return scored


def _score(
    x: ClaimFact,
    y: ClaimFact,
    scorer: _Scorer,
    anchored: set[tuple[int, int]],
    values: dict[tuple[str, int], set[float]],
    same_day: ClaimTest,
) -> tuple[float, list[str], bool] | None:
    """The score of two comparable claims, their shared words and whether they are anchored;
    None when they are too far apart to pair."""
    s, shared = scorer(x, y)
    # Other figures of two sentences that state one precise figure are of one report.
    anchor = _leftover(x, y, anchored, values)
    if anchor:
        s += ANCHOR_BONUS
    if x.headline or y.headline:
        s *= HEADLINE_FACTOR
    s *= 1 + 0.1 * _closeness(x, y)
    # The same exact, specific value ('8,579.19', '24 June 2010') is itself a sign
    # that two sentences report one fact.
    if _distinctive_equal(x, y):
        s += EQUAL_BONUS
    elif x.kind != "time" and x.value is not None and x.value == y.value:
        s += SMALL_EQUAL_BONUS  # 'two' and 'two' in one sentence, before 'six'

    # The same way of bounding a figure ('up to', a range) is the same statement.
    if x.bound and x.bound == y.bound and x.bound not in ("about", "rounded"):
        s += 0.1
    # So is the baseline of a record on both sides ('worst … since 1998'), or one
    # milestone ('enters service').
    if (x.record and y.record) or same_milestone(x, y):
        s += 0.1
    # What both count is shared too, whether or not its noun is in the value's
    # own words ('210 and 330 passengers' / '210 and 250 … passengers').
    cues = len(set(shared) | _unit_cue(x))
    # Different acts ('closed at' / 'fell to'; 'a $6bn loan' / 'lost $6bn') need
    # wording that matches closely even to agree.
    # A daily figure of another day ('slipped 2.3%') too: it is another figure,
    # even when the numbers match, unless the sentences say the same thing.
    other_day = x.kind != "time" and _same_day_required(x, y) and not (anchor or same_day(x, y))
    floor = STRONG_SCORE if _acts_differ(x, y) or other_day else WEAK_SCORE
    if s >= floor and (cues >= WEAK_SHARED or _distinctive_equal(x, y)):
        return s, shared, anchor
    return None


def _strength(
    x: ClaimFact,
    y: ClaimFact,
    s: float,
    shared: list[str],
    anchor: bool,
    figures: set[tuple[str, int]],
    same_day: ClaimTest,
) -> tuple[list[str], bool]:
    """The words two paired claims share, and whether the wording matches closely enough for
    a conflict (evidence 2) rather than only an agreement."""
    near_shared = set(x.near) & set(y.near)
    # Short sentences have few words to share: ask for all they have, up to three.
    smaller = min(len(set(x.keys) | set(x.near)), len(set(y.keys) | set(y.near)))
    enough = max(WEAK_SHARED, min(STRONG_SHARED, smaller))
    if anchor:  # the shared figure is itself the strongest shared word
        enough = WEAK_SHARED
        shared = [*shared, "the same figure"]
    # Names count too ('ANA' for 'All Nippon Airways'), and so does the same way of
    # bounding a figure ('between … and …' on both sides).
    cues = set(shared) | (set(x.names) & set(y.names))
    if x.bound and x.bound == y.bound and x.bound in ("range", "up_to", "at_least"):
        cues.add(f"bound:{x.bound}")
    # Next to both values, a word of what they are, not only who: 'the Fed arranged
    # $180bn' and 'the Fed transferred $24bn' share the Fed alone.
    what = near_shared - set(x.names) - set(y.names)
    # Two dates of one milestone ('enters service') are of one thing, however
    # differently the rest of the sentences read.
    floor = WEAK_SCORE if same_milestone(x, y) else STRONG_SCORE
    strong = s >= floor and len(cues) >= enough and bool(what)
    # Dates beside figures ('the DAX fell 3% on Monday') are periodic reports: a date
    # differing there is another day's report, not a contradiction.
    if strong and _same_day_required(x, y) and not (anchor or same_day(x, y)):
        strong = False
    if strong and (_acts_differ(x, y) or not may_conflict(x, y)):
        strong = False
    if x.kind == "time" and (
        (x.evidence.article, x.evidence.start) in figures
        or (y.evidence.article, y.evidence.start) in figures
    ):
        strong = False
    return shared, strong


def _anchored(fa: ArticleFacts, fb: ArticleFacts) -> set[tuple[int, int]]:
    """Sentence pairs (starts in fa, fb) that state the same precise figure: one report of one
    day, whatever their other words ('The index fell … at 8,579.19' / 'the Dow … closing at
    8,579.19')."""
    sentences: dict[float, set[int]] = defaultdict(set)
    for c in fa.claims:
        v = _exact_figure(c)
        if v is not None:
            sentences[v].add(c.evidence.start)
    out: set[tuple[int, int]] = set()
    for c in fb.claims:
        v = _exact_figure(c)
        if v is not None:
            out.update((sa, c.evidence.start) for sa in sentences.get(v, ()))
    return out


def _leftover(
    x: ClaimFact,
    y: ClaimFact,
    anchored: set[tuple[int, int]],
    values: dict[tuple[str, int], set[float]],
) -> bool:
    """Two figures of anchored sentences that the other sentence does not state as such: the
    ones left to compare ('fell 678 points' / 'falling 679 points'). A figure the other
    sentence also states pairs with it ('from £190,329 to £189,733' in both)."""
    if (x.evidence.start, y.evidence.start) not in anchored or x.value == y.value:
        return False
    in_y = values.get((y.evidence.article, y.evidence.start), set())
    in_x = values.get((x.evidence.article, x.evidence.start), set())
    return x.value not in in_y and y.value not in in_x
