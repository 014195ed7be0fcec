"""Align claims by their wording: the same kind of value, said in sentences that say the same.

Two claims (one per article, same story) are about the same thing when they measure the same
unit ('people', '%', 'usd', a date) and their sentences share content words — weighted by how
rare each word is in the two articles, so the story's ever-present names ('Zephyr', 'Z9') count
little and the specific ones ('economy', 'schedule') much. Words right next to the value weigh
double. Each claim is paired with its best match only, both ways, so one sentence is not
compared with every other sentence that mentions a number.

Strength is reported as evidence points: 2 for wording that matches closely (a conflict may be
reported), 1 for wording that matches loosely (only an agreement may be reported).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from checker.align.events import agents_differ
from checker.models.facts import ArticleFacts, ClaimFact
from checker.textutil import fold

# Score thresholds (shared weight / the smaller side's weight, near words counted twice).
WEAK_SCORE = 0.3
STRONG_SCORE = 0.4
# Content words both sentences must share (near words or not) for any pairing, and for a strong one.
WEAK_SHARED = 2
STRONG_SHARED = 3


@dataclass
class ClaimPair:
    a: ClaimFact
    b: ClaimFact
    score: float
    shared: list[str]
    evidence: int
    # The two sentences state one precise figure in common: one report of one day.
    anchored: bool = False


def _weights(facts: list[ArticleFacts]) -> Callable[[str], float]:
    """Inverse sentence frequency of each key over the given articles."""
    df: Counter[str] = Counter()
    sentences = 0
    for f in facts:
        seen: set[tuple[int, int]] = set()
        for c in f.claims:
            span = (c.evidence.start, c.evidence.end)
            if span in seen:
                continue
            seen.add(span)
            sentences += 1
            df.update(set(c.keys) | set(c.near))
    total = max(sentences, 1)
    memo: dict[str, float] = {}  # a pair's claims ask for the same words again and again

    def weight(key: str) -> float:
        w = memo.get(key)
        if w is None:
            w = memo[key] = math.log(1 + total / (df.get(key, 0) + 1))
        return w

    return weight


# Ways of stating a limit rather than an amount.
_LIMIT_BOUNDS = {"up_to", "range"}
# Figures that move from one day to the next: two days' values are two facts.
VOLATILE_UNITS = {"percent", "point", "percentage_point", "figure"}
# Directions of change: a rise and a fall are different facts, whatever their size.
DIRECTIONS = {"rise", "decrease"}
# Records: a high and a low are different facts.
EXTREMES = {"highest", "lowest"}
# Dates told relative to the day of writing: each article's 'today' is its own day.
_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
# Added to the score of two claims with the same specific value, or the same small number.
EQUAL_BONUS = 0.3
SMALL_EQUAL_BONUS = 0.1
# Added to the score of two figures in sentences that state one precise figure in common.
ANCHOR_BONUS = 0.4
# A pair within this share of a claim's best score is a near-tie, kept too.
TIE = 0.93
# A title repeats a sentence of the article; matching the sentence itself quotes more.
HEADLINE_FACTOR = 0.9


def _acts_differ(x: ClaimFact, y: ClaimFact) -> bool:
    """'seeks $4.2 billion' and 'has lost $3 billion': different acts, different figures."""
    if x.kind in ("time", "place") or not (x.action and y.action) or x.action == y.action:
        return False
    return x.action not in y.near and y.action not in x.near


def comparable(x: ClaimFact, y: ClaimFact) -> bool:
    """Same kind of value, same unit, same aspect and direction where both are told."""
    # 'a nine-year high' and 'its lowest level in three months': two records, two facts.
    if _opposite(x, y, EXTREMES):
        return False
    if x.kind in ("time", "place") or y.kind in ("time", "place"):
        return x.kind == y.kind
    if x.kind == "duration" or y.kind == "duration":
        return x.kind == y.kind
    # '149 orders' and '144 planes ordered' count the same thing: a noun on one side is the
    # verb on the other.
    if x.unit != y.unit and x.unit not in y.also and y.unit not in x.also:
        return False
    # 'one of the few indexes', 'two of the engines': parts of sets, not their sizes.
    if "part" in (x.bound, y.bound):
        return False
    if x.aspect and y.aspect and x.aspect != y.aspect:
        return False
    # A limit ('up to 840', '200 to 300') and an amount ('about 500 on board') are different
    # statements, whatever their numbers.
    if (x.bound in _LIMIT_BOUNDS) != (y.bound in _LIMIT_BOUNDS):
        return False
    # Two ranges with no value in common describe different things ('200-300' vs '305-550').
    if x.bound == "range" and y.bound == "range":
        assert x.low is not None and x.high is not None and y.low is not None and y.high is not None
        if not (x.low <= y.high and y.low <= x.high):
            return False
    # 'fell 2,000 points in nine days' and 'fell 679 points in one day' measure two stretches.
    if x.period and y.period and x.period != y.period:
        return False
    return not _opposite(x, y, DIRECTIONS)


def same_milestone(x: ClaimFact, y: ClaimFact) -> bool:
    """Both dates are of one once-only step ('enters service')."""
    return bool(x.milestone) and x.milestone == y.milestone


def _opposite(x: ClaimFact, y: ClaimFact, pair: set[str]) -> bool:
    """Each value is next to one word of `pair`, and not the same one (a rise and a fall)."""
    dx, dy = set(x.near) & pair, set(y.near) & pair
    return len(dx) == 1 and len(dy) == 1 and dx != dy


def may_conflict(x: ClaimFact, y: ClaimFact) -> bool:
    """Checks that apply to conflicts only: the two claims must be rivals, not parts."""
    # A title sums up ('$11bn of deals'); a part of a set ('two of the engines') is not its size.
    if x.headline or y.headline or "part" in (x.bound, y.bound):
        return False
    # 'dozens' and 'thousands', 'several' and 'two': vague words size a crowd, they state no
    # figure to contradict.
    if x.vague or y.vague:
        return False
    # Named participants on both sides must meet ('Virgin bought six' vs 'ANA bought 55').
    if x.names and y.names and not set(x.names) & set(y.names):
        return False
    # 'The first jets will be delivered in 2014' is about whoever the sentence before named.
    # Unless both sentences name the same country: 'from Singapore's airport' / 'Singapore
    # Airlines will launch it'.
    if bool(x.names) != bool(y.names) and not set(x.countries) & set(y.countries):
        nx, ny = x.names or x.context_names, y.names or y.context_names
        if nx and ny and not set(nx) & set(ny):
            return False
    # 'two large orders' are some of the orders, not all of them.
    if set(x.qualifiers) != set(y.qualifiers) and not (x.qualifiers and y.qualifiers):
        return False
    if agents_differ(x.agent, y.agent):
        return False
    # 'introduced iOS 4' and 'introduced the iMac': the same verb about different things.
    tx, ty = x.theme, y.theme
    if tx and ty and tx != ty and tx not in y.keys and ty not in x.keys:
        return False
    # 'the US Air Force' and 'the UK's Royal Air Force': different countries, different deals.
    if x.countries and y.countries and not set(x.countries) & set(y.countries):
        return False
    if x.kind == "time":
        assert x.time is not None and y.time is not None
        # The same words read against two publication dates ('on 19 May'): the difference is
        # the writers' dates, not the facts. A recurring event has a date every time.
        if fold(x.time.text) == fold(y.time.text) or x.recurring or y.recurring:
            return False
        # Two records' baselines ('worst since 1998' / 'worst since 1989') compare as such.
        if x.record and y.record:
            ax, ay = x.anchor, y.anchor
            return bool(ax and ay) and (ax == ay or ax in y.near or ay in x.near)
        # 'enters service in July' and 'to launch into passenger service in November': a
        # milestone happens once, whichever verb its date hangs on.
        if same_milestone(x, y):
            return True
        # The same act on the same thing: 'launched a 3G iPhone' is not 'was started in 1976'.
        if not (x.theme and y.theme and (x.theme == y.theme)):
            return False
        # The dates must be of the same thing: '1998 crisis' is not 'met on Sunday'.
        ax, ay = x.anchor, y.anchor
        return bool(ax and ay) and (ax == ay or ax in y.near or ay in x.near)
    return True


def _units(x: ClaimFact) -> set[str]:
    """Blocking keys: the kind for dates, durations and places; the unit and its other names
    for counts and amounts."""
    if x.kind in ("time", "duration", "place"):
        return {x.kind}
    return {x.unit, *x.also}


def _unit_cue(x: ClaimFact) -> set[str]:
    """The unit of a count or amount, as a shared word (pairs are of one unit already)."""
    return {x.unit} if x.kind in ("count", "measure") and x.unit != "figure" else set()


def _distinctive_equal(x: ClaimFact, y: ClaimFact) -> bool:
    """Equal values specific enough not to be a coincidence: a day's date, a figure above ten
    or with decimals, an amount of money."""
    if x.kind == "place":
        return False
    if x.kind == "time":
        assert x.time is not None and y.time is not None
        iv = x.time.interval
        # 'on Friday' in two articles of one week is the same day, not the same fact.
        if _deictic(x.time) or _deictic(y.time):
            return False
        return x.time.value == y.time.value and iv is not None and iv.granularity == "day"
    # 'approximately 4,300' and '4,300' state the same number.
    if x.value is None or x.value != y.value:
        return False
    return abs(x.value) > 10 or x.value != int(x.value)


def _closeness(x: ClaimFact, y: ClaimFact) -> float:
    """1 for equal values, towards 0 for far-apart ones: breaks ties between equal wordings."""
    if x.kind == "time":
        assert x.time is not None and y.time is not None
        return 1.0 if x.time.value == y.time.value else 0.0
    if x.kind == "place":
        assert x.place is not None and y.place is not None
        same = x.place.place and y.place.place and x.place.place.name == y.place.place.name
        return 1.0 if same else 0.0
    if x.value is None or y.value is None:
        return 0.0
    if x.bound == "range" and y.bound == "range":
        assert x.low is not None and x.high is not None and y.low is not None and y.high is not None
        inter = min(x.high, y.high) - max(x.low, y.low)
        union = max(x.high, y.high) - min(x.low, y.low)
        return max(inter, 0.0) / union if union else 1.0
    a, b = abs(x.value), abs(y.value)
    return min(a, b) / max(a, b) if max(a, b) else 1.0


def _deictic(t) -> bool:
    """'today', 'this week', 'on Monday': a date told from the day of writing."""
    return (
        t.anchor == "dct" and not any(ch.isdigit() for ch in t.text) and not _MONTH.search(t.text)
    )


def volatile(unit: str) -> bool:
    """Figures that move from day to day: percentages, index points, bare figures, and prices
    per unit ('$49.74 a barrel', '$12 per share')."""
    return unit in VOLATILE_UNITS or "/" in unit


def _same_day_required(x: ClaimFact, y: ClaimFact) -> bool:
    """True when the two claims may only be rivals if they hold for the same day."""
    if x.kind == "time":
        assert x.time is not None and y.time is not None
        return _deictic(x.time) and _deictic(y.time)
    return volatile(x.unit)


def _exact_figure(x: ClaimFact) -> float | None:
    """A figure precise enough to identify a report ('closing at 8,579.19'): at least four
    significant digits. Round numbers and small counts recur by chance."""
    if x.kind not in ("count", "measure") or x.value is None or x.bound:
        return None
    digits = re.sub(r"\D", "", f"{abs(x.value):.2f}").strip("0")
    return x.value if len(digits) >= 4 else None


def _words(x: ClaimFact) -> tuple[set[str], set[str]]:
    """A claim's words (keys and near words) and its near words, as `score` compares them."""
    return set(x.keys) | set(x.near), set(x.near)


def score(x: ClaimFact, y: ClaimFact, weight: Callable[[str], float]) -> tuple[float, list[str]]:
    return _Scorer(weight, {})(x, y)


class _Scorer:
    """`score` within one pair of articles (one `weight`): each claim's word sets and their
    weights are read once, not once per claim it is scored against."""

    def __init__(
        self, weight: Callable[[str], float], words: dict[int, tuple[set[str], set[str]]]
    ) -> None:
        self.weight = weight
        self.words = words  # id(claim) -> _words(claim), shared by every pair of a run
        self.masses: dict[int, tuple[float, float]] = {}

    def _prepared(self, c: ClaimFact) -> tuple[set[str], set[str], float, float]:
        words = self.words.get(id(c))
        if words is None:
            words = self.words[id(c)] = _words(c)
        masses = self.masses.get(id(c))
        if masses is None:
            masses = self.masses[id(c)] = (self.mass(words[0]), self.mass(words[1]))
        return *words, *masses

    def mass(self, keys: set[str]) -> float:
        return sum(self.weight(k) for k in keys)

    def __call__(self, x: ClaimFact, y: ClaimFact) -> tuple[float, list[str]]:
        kx, nx, mkx, mnx = self._prepared(x)
        ky, ny, mky, mny = self._prepared(y)
        shared = kx & ky
        if not shared:
            return 0.0, []
        top = self.mass(shared) + self.mass(nx & ny)
        bottom = min(mkx, mky) + min(mnx, mny)
        return (top / bottom if bottom else 0.0), sorted(shared)
