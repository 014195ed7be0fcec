"""Align events: which mentions, in one article and across articles, are about the same event.

Within an article, mentions of one event are merged into a cluster (a later sentence often adds the
venue of an exercise whose date was given before). Across articles, clusters are blocked on the
predicate and the event type or head noun, so only plausible pairs are compared, and a pair must be
tied by evidence that does not depend on the attribute being compared: a time conflict needs the
same theme and a compatible place (or a strongly shared theme), not just the same verb.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from checker.align.blocking import ArticlePairs
from checker.align.compare import place_relation, time_relation
from checker.models.facts import EventFact, Modality, PlaceRef
from checker.models.time import Timex

COMPATIBLE_TIME = {"equal", "a_in_b", "b_in_a", "overlap"}
COMPATIBLE_PLACE = {"same", "contained", "near"}
# Casualty and arrest reports: in one story, "people killed" means the same toll whatever else
# the sentences say. Other verbs ("won", "attacked") recur across unrelated events too often.
TOLL_PREDICATES = {"kill", "die", "injure", "evacuate", "arrest"}

MAX_INHERIT_GAP = 2  # sentences across which a mention without its own time may join a cluster


@dataclass
class EventCluster:
    """Mentions of one event in one article, with the mention that states each attribute."""

    article: str
    published: date | None
    mentions: list[EventFact] = field(default_factory=list)
    sentence_of: Callable[[int], int] | None = None

    @property
    def first(self) -> EventFact:
        return self.mentions[0]

    @property
    def predicate(self) -> str:
        return self.first.predicate

    @property
    def modality(self) -> Modality:
        return self.first.modality

    @property
    def agent(self) -> str | None:
        return next((m.agent for m in self.mentions if m.agent), None)

    @property
    def head(self) -> str:
        words = self.first.theme.split()
        return words[-1] if words else ""

    @property
    def event_type(self) -> str | None:
        return next((m.event_type for m in self.mentions if m.event_type), None)

    def theme_words(self, type_of: Callable[[str], str | None]) -> set[str]:
        words: set[str] = set()
        for m in self.mentions:
            for w in m.theme.split():
                words.add(type_of(w) or w)
        return words

    @property
    def time_mention(self) -> EventFact | None:
        stated = [m for m in self.mentions if m.time is not None and not m.time_inherited]
        if stated:
            return stated[0]
        return next((m for m in self.mentions if m.time is not None), None)

    @property
    def time(self) -> Timex | None:
        m = self.time_mention
        return m.time if m is not None else None

    @property
    def time_stated(self) -> bool:
        m = self.time_mention
        return m is not None and not m.time_inherited

    @property
    def place_mention(self) -> tuple[EventFact, PlaceRef] | None:
        """The most specific place stated for the event."""
        best: tuple[int, EventFact, PlaceRef] | None = None
        rank = {"city": 0, "region": 1, "country": 2, "continent": 3}
        for m in self.mentions:
            for ref in m.places:
                if ref.place is None:
                    continue
                r = rank.get(str(ref.place.kind), 4)
                if best is None or r < best[0]:
                    best = (r, m, ref)
        return (best[1], best[2]) if best else None

    @property
    def venue_mention(self) -> EventFact | None:
        return next((m for m in self.mentions if m.venue), None)

    @property
    def last_sentence(self) -> int:
        return self.sentence_of(self.mentions[-1].evidence.start) if self.sentence_of else 0


def _compatible(a: EventFact, c: EventCluster, gazetteer) -> bool:
    """May mention `a` join cluster `c` (same article)?"""
    if a.predicate != c.predicate or a.modality != c.modality:
        return False
    a_head = a.theme.split()[-1] if a.theme else ""
    if not (a.event_type and a.event_type == c.event_type) and a_head != c.head:
        return False
    if a.time is not None and c.time is not None:
        rel = time_relation(a.time, c.time)
        if rel not in COMPATIBLE_TIME:
            return False
    if a.time_inherited or a.time is None:
        gap = (c.sentence_of(a.evidence.start) if c.sentence_of else 0) - c.last_sentence
        if gap > MAX_INHERIT_GAP:
            return False
    cp = c.place_mention
    ap = next((ref for ref in a.places if ref.place is not None), None)
    if cp is not None and ap is not None:
        if place_relation(gazetteer, ap, cp[1]).kind not in COMPATIBLE_PLACE:
            return False
    return True


def cluster_events(
    article: str,
    published: date | None,
    events: list[EventFact],
    gazetteer,
    sentence_of: Callable[[int], int],
) -> list[EventCluster]:
    clusters: list[EventCluster] = []
    for ev in events:
        target = None
        for c in reversed(clusters):
            if _compatible(ev, c, gazetteer):
                target = c
                break
        if target is None:
            target = EventCluster(article=article, published=published, sentence_of=sentence_of)
            clusters.append(target)
        target.mentions.append(ev)
    return clusters


@dataclass
class EventPair:
    """Two clusters from different articles judged to be about the same event."""

    a: EventCluster
    b: EventCluster
    theme_shared: int
    theme_score: float
    compat: dict[str, bool | None]  # time/place/venue: True, False, or None (not known)
    same_story: bool = False  # the two articles name many of the same people and places
    words_shared: int = 0  # theme words shared as written, before mapping to event types
    recurring: bool = False  # the event type recurs (festivals, matches, press conferences)

    def evidence_for(self, kind: str) -> int:
        """Independent signs, other than attribute `kind` itself, that this is one event."""
        points = int(self.theme_shared >= 2)
        points += int(any(v is True for k, v in self.compat.items() if k != kind))
        points += int(self.same_story)
        points += int(self.a.predicate in TOLL_PREDICATES)
        if kind != "time" and self.compat["time"] is False:
            points -= 1  # told of different times: more likely two events than one
        if kind == "place" and self.compat["time"] is not True and self.recurring:
            return 0  # which edition of a festival or championship? Only the date can tell
        return points

    def comparable(self, kind: str) -> bool:
        """May attribute `kind` be compared at all? Rules then ask for more evidence
        (`min_evidence`) before they call a difference a conflict."""
        if self.theme_shared < 1:
            return False
        # Themes that meet only through the event-type table ("agreement" and "arms deal") need
        # more than one sign; themes sharing a word of their own need one.
        needed = 1 if self.words_shared >= 1 else 2
        return self.evidence_for(kind) >= needed


def _after_publication(c: EventCluster, other: EventCluster) -> bool:
    """An article cannot report as done an event dated after its own publication."""
    if other.published is None or c.time is None or c.time.interval is None:
        return False
    return other.modality == Modality.REPORTED and c.time.interval.begin > other.published


def align_events(
    clusters: list[EventCluster],
    type_of: Callable[[str], str | None],
    gazetteer,
    same_story: Callable[[str, str], bool] = lambda a, b: False,
    recurring: Callable[[str | None], bool] = lambda t: False,
    article_pairs: ArticlePairs | None = None,
) -> list[EventPair]:
    blocks: dict[tuple[str, str], list[EventCluster]] = defaultdict(list)
    for c in clusters:
        # "X occurred": the kind of event is what identifies it. "X began", "X were evacuated":
        # the thing it happened to does (an evacuation noun and the verb share "passengers").
        kind = (c.event_type or c.head) if c.predicate == "occur" else c.head
        blocks[(c.predicate, kind)].append(c)
    # Each cluster's theme words (as event types, and as written), read once, not once per pair.
    themes = {id(c): (c.theme_words(type_of), c.theme_words(lambda w: None)) for c in clusters}
    pairs: list[EventPair] = []
    for block in blocks.values():
        # Per pair of articles, so that a copy meets its original only (`ArticlePairs`).
        by_article: dict[str, list[EventCluster]] = defaultdict(list)
        for c in block:
            by_article[c.article].append(c)
        for x, y in (article_pairs or ArticlePairs()).pairs(by_article, str):
            for a in by_article[x]:
                for b in by_article[y]:
                    pair = _pair(a, b, themes, gazetteer, recurring)
                    if pair is not None:
                        pair.same_story = same_story(a.article, b.article)
                        pairs.append(pair)
    return pairs


def _modifiers(c: EventCluster) -> set[str]:
    """Words that say which thing the theme is: all theme words but the head noun."""
    return {w for m in c.mentions for w in m.theme.split()[:-1]}


def agents_differ(a: str | None, b: str | None) -> bool:
    """Both name who did it, and not the same doer ('Ryanair bought' vs 'Aer Lingus bought')."""
    if not a or not b:
        return False
    return fuzz.token_set_ratio(a, b) < 60


def _pair(
    a: EventCluster,
    b: EventCluster,
    themes: dict[int, tuple[set[str], set[str]]],
    gazetteer,
    recurring: Callable[[str | None], bool],
) -> EventPair | None:
    """`themes`: id(cluster) -> its theme words as event types and as written."""
    if _after_publication(a, b) or _after_publication(b, a) or agents_differ(a.agent, b.agent):
        return None
    (wa, plain_a), (wb, plain_b) = themes[id(a)], themes[id(b)]
    shared = len(wa & wb)
    if shared == 0:
        return None
    # "press conference" and "developers conference": both say which one, and not the same one.
    mods_a, mods_b = _modifiers(a), _modifiers(b)
    if mods_a and mods_b and not mods_a & mods_b:
        return None
    score = fuzz.token_set_ratio(" ".join(sorted(wa)), " ".join(sorted(wb))) / 100
    compat: dict[str, bool | None] = {"time": None, "place": None, "venue": None}
    if a.time is not None and b.time is not None:
        compat["time"] = time_relation(a.time, b.time) in COMPATIBLE_TIME
    pa, pb = a.place_mention, b.place_mention
    if pa is not None and pb is not None:
        rel = place_relation(gazetteer, pa[1], pb[1]).kind
        compat["place"] = rel in COMPATIBLE_PLACE if rel != "unknown" else None
    va, vb = a.venue_mention, b.venue_mention
    if va is not None and vb is not None:
        compat["venue"] = va.venue == vb.venue
    if compat["time"] is False and compat["place"] is False:
        return None  # different date and different place: two events, not a discrepancy
    if compat["time"] is False and recurring(a.event_type):
        return None  # another edition of a festival, election or match
    words_shared = len(plain_a & plain_b)
    return EventPair(
        a=a,
        b=b,
        theme_shared=shared,
        theme_score=score,
        compat=compat,
        words_shared=words_shared,
        recurring=recurring(a.event_type),
    )
