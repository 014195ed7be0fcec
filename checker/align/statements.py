"""Sentences of two articles that state the same thing, numbers or not.

'This was the largest bankruptcy filing for a U.S. manufacturing company' and '… the largest
bankruptcy of a U.S. manufacturing company' say the same; so do 'he had undergone a liver
transplant' and 'the CEO underwent liver transplant surgery'. Two sentences (one per article, the
articles telling the same story) state the same thing when they share content words that are
rare in the folder: each word weighs its inverse sentence frequency, so the story's ever-present
names count little and the specific words much. Either

- the sentences share several specific words (not names) and a good share of their weight, or
- they share a phrase: a run of content words in the same order on both sides (a word or two
  may be inserted), most of them specific.

Precision comes first, so a pair is dropped when only one side is negated, when the two change
in opposite directions ('rose' / 'fell'), when both give figures and none is the same (the claims
compare those), when another comparison already covers the two sentences, and when either
sentence has a better match in the other article. This matcher only ever tells an agreement.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from checker.align.blocking import ArticlePairs
from checker.align.comparison import Comparison, Side
from checker.cache.pairs import NO_MEMO, PairMemo
from checker.models.article import Article
from checker.models.facts import ArticleFacts, StatementFact

# A word is specific when it is in at most this power of the folder's sentence count
# (0.5: the square root; 668 sentences -> 25, 60 sentences -> 7).
SPECIFIC_POWER = 0.5
# Route 1: several specific words and a good share of the lighter sentence's weight.
MIN_SPECIFIC = 3
MIN_SHARE = 0.5
# …and of both sentences' weight together (a short sentence inside a long one is not it).
MIN_DICE = 0.35
# Route 2: a phrase in the same order on both sides: this many specific words (not names)…
PHRASE_MIN_SPECIFIC = 3
# …or a longer phrase, mostly not names, with at least one specific word.
PHRASE_LONG_WORDS = 5
PHRASE_LONG_CONTENT = 4
# A phrase is a set expression ('global auto industry') unless it is also a good share of the
# lighter sentence's weight; a longer phrase needs less.
PHRASE_MIN_SHARE = 0.3
PHRASE_LONG_MIN_SHARE = 0.2
PHRASE_GAP = 1  # words either side may insert between two shared ones
# Two spellings of one word ('fibre'/'fiber', 'filing'/'file') count when this close.
FUZZY_RATIO = 80
FUZZY_PREFIX = 5  # …or when they begin alike ('manufacture', 'manufacturing')
FUZZY_CREDIT = 0.8
# Words of one direction of change: a rise and a fall are different statements.
DIRECTIONS = frozenset({"rise", "decrease"})
# Sentences shorter than this (in content words) say too little to be matched alone.
MIN_KEYS = 4


@dataclass
class StatementPair:
    a: StatementFact
    b: StatementFact
    score: float
    shared: list[str]  # shared keys, heaviest first
    phrase: tuple[int, int, int, int] | None  # key positions of the shared run: a from-to, b


class _Weights:
    def __init__(self, facts: list[ArticleFacts]) -> None:
        self.df: Counter[str] = Counter()
        n = 0
        for f in facts:
            for s in f.statements:
                n += 1
                self.df.update(set(s.keys))
        self.n = max(n, 1)
        self.specific_df = max(2.0, self.n**SPECIFIC_POWER)
        self._memo: dict[str, float] = {}
        self._totals: dict[int, float] = {}  # id(statement) -> weight of its keys
        self._spellings: dict[int, dict[str, list[str]]] = {}  # id(statement) -> _spellings

    def __call__(self, key: str) -> float:
        w = self._memo.get(key)
        if w is None:
            w = self._memo[key] = math.log(1 + self.n / (self.df.get(key, 0) + 1))
        return w

    def total(self, s: StatementFact) -> float:
        """The weight of a sentence's keys, read once per sentence, not once per pair."""
        w = self._totals.get(id(s))
        if w is None:
            w = self._totals[id(s)] = sum(self(k) for k in set(s.keys))
        return w

    def spellings(self, s: StatementFact) -> dict[str, list[str]]:
        """`_spellings(s)`, built once per sentence."""
        found = self._spellings.get(id(s))
        if found is None:
            found = self._spellings[id(s)] = _spellings(s)
        return found

    def specific(self, key: str) -> bool:
        return self.df.get(key, 0) <= self.specific_df


# Words two sentences must share as written before they are scored.
MIN_EXACT = 2


@lru_cache(maxsize=1 << 18)  # the folder's words meet each other again in every sentence pair
def _fuzzy(x: str, y: str) -> bool:
    if len(x) < 4 or len(y) < 4 or x[:3] != y[:3] or x.isdigit() or y.isdigit():
        return False
    return x[:FUZZY_PREFIX] == y[:FUZZY_PREFIX] or fuzz.ratio(x, y) >= FUZZY_RATIO


def _specific(p: StatementPair, weight: _Weights) -> set[str]:
    names = set(p.a.names) | set(p.b.names)
    return {k for k in p.shared if k not in names and weight.specific(k)}


def _spellings(y: StatementFact) -> dict[str, list[str]]:
    """The keys of y that `_fuzzy` can match, by their first three letters, in the order of
    `set(y.keys)` (the first close one is taken, so the order is kept)."""
    out: dict[str, list[str]] = defaultdict(list)
    for o in set(y.keys):
        if len(o) >= 4 and not o.isdigit():
            out[o[:3]].append(o)
    return out


def _match(
    x: StatementFact, y: StatementFact, spellings: dict[str, list[str]] | None = None
) -> dict[str, str]:
    """Key of x -> the key of y it matches: the same key, else a close spelling (not names).
    `spellings` is `_spellings(y)` when the caller has it."""
    ky = set(y.keys)
    kx = set(x.keys)
    near = spellings if spellings is not None else _spellings(y)
    names = set(x.names) | set(y.names)
    out: dict[str, str] = {}
    for k in dict.fromkeys(x.keys):
        if k in ky:
            out[k] = k
        elif k not in names:
            # Only keys that begin alike can be close (`_fuzzy`): the others are not tried.
            same_start = near.get(k[:3], ())
            close = next(
                (o for o in same_start if o not in names and o not in kx and _fuzzy(k, o)), None
            )
            if close is not None:
                out[k] = close
    return out


def _phrase(
    x: StatementFact, y: StatementFact, matched: dict[str, str]
) -> tuple[list[str], tuple[int, int, int, int]] | None:
    """The longest run of keys in the same order on both sides, a word inserted at most."""
    best: tuple[list[str], tuple[int, int, int, int]] | None = None
    at: dict[str, list[int]] = defaultdict(list)  # key of y -> its positions, in order
    for j, o in enumerate(y.keys):
        at[o].append(j)
    for i, k in enumerate(x.keys):
        if k not in matched:
            continue
        for j in at.get(matched[k], ()):
            run, pi, pj = [k], i, j
            while True:
                step = next(
                    (
                        (di, dj)
                        for di in range(1, PHRASE_GAP + 2)
                        for dj in range(1, PHRASE_GAP + 2)
                        if pi + di < len(x.keys)
                        and pj + dj < len(y.keys)
                        and matched.get(x.keys[pi + di]) == y.keys[pj + dj]
                    ),
                    None,
                )
                if step is None:
                    break
                pi, pj = pi + step[0], pj + step[1]
                run.append(x.keys[pi])
            if best is None or len(run) > len(best[0]):
                best = (run, (i, pi, j, pj))
    return best


def _compatible(x: StatementFact, y: StatementFact) -> bool:
    if x.negated != y.negated:
        return False
    dx, dy = set(x.keys) & DIRECTIONS, set(y.keys) & DIRECTIONS
    if len(dx) == 1 and len(dy) == 1 and dx != dy:
        return False
    # Two different figures are two statements; the claims compare them.
    return not (x.numbers and y.numbers and not set(x.numbers) & set(y.numbers))


def matched_keys(x: StatementFact, y: StatementFact, weight: _Weights) -> dict[str, str] | None:
    """The keys of x matched in y (`_match`) when the two sentences may be scored at all: what
    decides it does not depend on the folder's word weights."""
    if len(set(x.keys)) < MIN_KEYS or len(set(y.keys)) < MIN_KEYS or not _compatible(x, y):
        return None
    return _match(x, y, weight.spellings(y)) or None


Phrase = tuple[list[str], tuple[int, int, int, int]]  # `_phrase`: the run and where it is


def judge(
    x: StatementFact,
    y: StatementFact,
    matched: dict[str, str],
    run: Phrase | None,
    weight: _Weights,
) -> StatementPair | None:
    """The pair when the two sentences state the same thing, else None, given their matched
    keys and their longest run of them in the same order (`_phrase`)."""
    names = set(x.names) | set(y.names)
    shared_w = sum(weight(k) * (1.0 if k == o else FUZZY_CREDIT) for k, o in matched.items())
    wx, wy = weight.total(x), weight.total(y)
    share = shared_w / min(wx, wy)
    dice = 2 * shared_w / (wx + wy)
    specific = [k for k in matched if k not in names and weight.specific(k)]
    shared = sorted(matched, key=lambda k: -weight(k))
    if len(specific) >= MIN_SPECIFIC and share >= MIN_SHARE and dice >= MIN_DICE:
        return StatementPair(x, y, round(share, 3), shared, None)
    if run is not None:
        words, where = run
        content = [k for k in words if k not in names]
        run_specific = [k for k in content if weight.specific(k)]
        short = len(run_specific) >= PHRASE_MIN_SPECIFIC and share >= PHRASE_MIN_SHARE
        long = (
            len(words) >= PHRASE_LONG_WORDS
            and len(content) >= PHRASE_LONG_CONTENT
            and run_specific
            and share >= PHRASE_LONG_MIN_SHARE
        )
        if short or long:
            return StatementPair(x, y, round(share, 3), shared, where)
    return None


def _words(s: StatementFact, keys: list[str], text: str) -> list[str]:
    """The words of the sentence behind `keys`, in the sentence's order."""
    want = set(keys)
    seen: set[str] = set()
    out: list[str] = []
    for k, (start, end) in zip(s.keys, s.spans, strict=True):
        if k in want and k not in seen:
            seen.add(k)
            out.append(text[start:end])
    return out


def statement_comparisons(
    facts: list[ArticleFacts],
    same_story: Callable[[str, str], bool],
    sentence_of: dict[str, Callable[[int], int]],
    done: list[Comparison],
    articles: dict[str, Article],
    pairs: ArticlePairs | None = None,
    memo: PairMemo = NO_MEMO,
) -> list[Comparison]:
    """One `statement` comparison per pair of sentences that say the same thing."""
    texts = {a: art.text for a, art in articles.items()}

    def same_day(a: str, b: str) -> bool:
        da, db = articles[a].published, articles[b].published
        return da is not None and da == db

    taken: set[tuple[str, int, str, int]] = set()
    for c in done:
        sa = {sentence_of[c.a.article](o) for o in (c.a.evidence.start, c.a.evidence.end - 1)}
        sb = {sentence_of[c.b.article](o) for o in (c.b.evidence.start, c.b.evidence.end - 1)}
        for i in range(min(sa), max(sa) + 1):
            for j in range(min(sb), max(sb) + 1):
                taken.add((c.a.article, i, c.b.article, j))
                taken.add((c.b.article, j, c.a.article, i))

    def covered(a: str, i: int, b: str, j: int) -> bool:
        return (a, i, b, j) in taken

    from checker.align.statement_pairs import statement_pairs  # imports this module

    out: list[Comparison] = []
    for p in statement_pairs(facts, same_story, covered, same_day, pairs, memo):
        art_a, art_b = p.a.evidence.article, p.b.evidence.article
        names = set(p.a.names) | set(p.b.names)
        about = [k for k in p.shared if k not in names][:4] or p.shared[:4]
        words = _words(p.a, about, texts[art_a])
        sides = []
        for s, art in ((p.a, art_a), (p.b, art_b)):
            highlight = None
            if p.phrase is not None:
                lo, hi = (p.phrase[0], p.phrase[1]) if s is p.a else (p.phrase[2], p.phrase[3])
                highlight = (s.spans[lo][0], s.spans[hi][1])
            shared = _words(s, p.shared, texts[art])
            sides.append(
                Side(
                    art,
                    s.evidence,
                    texts[art][highlight[0] : highlight[1]] if highlight else " ".join(shared),
                    highlight=highlight,
                    detail={"shared": shared},
                )
            )
        how = "the same phrase" if p.phrase is not None else "the same specific words"
        said = ", ".join(_words(p.a, p.shared, texts[art_a])[:6])
        out.append(
            Comparison(
                "statement",
                f"statement: {' '.join(words)}",
                sides[0],
                sides[1],
                {
                    "statement_relation": "same",
                    "modality": "negated+negated" if p.a.negated else "reported+reported",
                },
                f"both sentences say it with {how}: {said}",
                round(min(0.9, 0.5 + p.score / 2), 2),
                evidence=2,
            )
        )
    return out
