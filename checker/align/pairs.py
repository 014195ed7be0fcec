"""Turn aligned facts into comparisons (`checker.align.comparison`) for the rule engine.

`PairBuilder.build` gathers them all: events aligned across articles (their times, places, venues,
counts and denials), counts outside events, claims matched by wording
(`checker.align.claim_comparisons`), statements (`checker.align.statements`) and roles.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache
from itertools import combinations

from checker.align.blocking import ArticlePairs
from checker.align.claim_comparisons import claim_comparisons, title_words
from checker.align.claims import may_conflict
from checker.align.compare import (
    count_relation,
    format_time,
    place_relation,
    time_gap_days,
    time_relation,
)
from checker.align.comparison import (
    MODALITIES,
    Comparison,
    Side,
    modality_pair,
    open_ended,
    plan_change,
)
from checker.align.counts import count_pairs
from checker.align.events import (
    EventCluster,
    EventPair,
    agents_differ,
    align_events,
    cluster_events,
)
from checker.align.firsts import first_comparisons
from checker.align.role_names import (
    _GENERIC_ORGS,
    _broader,
    _changed_hands,
    _closeness,
    _full_name_match,
    _neighbours,
    _org_key,
    _person_pair,
    _related_orgs,
    _role_orgs,
    _specific,
    same_person,
)
from checker.cache.pairs import NO_MEMO, PairMemo
from checker.models.article import Article
from checker.models.facts import (
    ArticleFacts,
    ClaimFact,
    CountFact,
    EventFact,
    Evidence,
    Modality,
    RoleFact,
)
from checker.models.time import Timex
from checker.textutil import fold

# A role is held for a while: two different holders named within this many days of each other
# are named for the same time ("director X said on Saturday", "director Y said on Sunday").
ROLE_OVERLAP_DAYS = 90
# Two articles tell the same story when they share enough names (people, organisations, places).
STORY_MIN_SHARED = 2
STORY_MIN_OVERLAP = 0.3  # of the smaller article's names…
STORY_ENOUGH_SHARED = 5  # …unless this many are shared anyway (long articles name many things)
STORY_TITLE_NAMES = 3  # …or this many, with this many title words of one meaning in common
STORY_TITLE_WORDS = 2
# For claims, a name in more than this share of a big folder's articles relates none of them.
COMMON_NAME_SHARE = 0.05
COMMON_NAME_MIN = 10
# Or enough nouns in common, for short articles that name few things.
KEYWORDS_MIN_SHARED = 4
KEYWORDS_ENOUGH_SHARED = 12
KEYWORDS_ALONE_OVERLAP = 0.4
# "number of people killed": how a count's event reads after the counted noun.
_PARTICIPLES = {
    "kill": "killed",
    "injure": "injured",
    "die": "dead",
    "arrest": "arrested",
    "evacuate": "evacuated",
    "charge": "charged",
    "release": "released",
    "elect": "elected",
    "deliver": "delivered",
    "sell": "sold",
    "acquire": "bought",
}


def _subject(a: EventCluster, b: EventCluster, labels: Callable[[str, str], str | None]) -> str:
    """What both clusters are about, in words, the same whichever article comes first."""
    themes = sorted(
        (c.first.theme or c.first.trigger for c in (a, b)), key=lambda t: (len(t.split()), t)
    )
    other = set(themes[1].split())
    shared = [w for w in themes[0].split() if w in other]
    theme = " ".join(shared) if shared else themes[0]
    if a.predicate == "occur":
        return theme
    verb = labels("predicate", a.predicate) or a.predicate
    return f"{theme}: {verb}"


def _time_side(c: EventCluster) -> Side:
    m = c.time_mention
    assert m is not None and m.time is not None
    t = m.time
    evidence = m.evidence
    if not (evidence.start <= t.start < evidence.end):
        # The time was stated in the clause that governs this one (another sentence): quote both.
        evidence = _widen(evidence, t.start, t.end)
    return Side(
        article=c.article,
        evidence=evidence,
        value=t.value + (f" ({t.mod})" if t.mod else ""),
        highlight=(t.start, t.end),
        detail={"text": t.text, "display": format_time(t), "modality": m.modality.value},
    )


def _widen(ev: Evidence, start: int, end: int) -> Evidence:
    # Evidence quotes are rebuilt by the caller that knows the article text (see `finish`).
    return ev.model_copy(update={"start": min(ev.start, start), "end": max(ev.end, end)})


class PairBuilder:
    """Builds every comparison for a set of articles."""

    def __init__(
        self,
        articles: dict[str, Article],
        vocab,
        gazetteer,
        pairs: ArticlePairs | None = None,
        memo: PairMemo = NO_MEMO,
    ) -> None:
        self.articles = articles
        self.pairs = pairs or ArticlePairs()
        self.memo = memo  # what matchers found for pairs of articles in earlier runs
        self.vocab = vocab
        self.gazetteer = gazetteer
        self._claim_at: dict[tuple[str, int], ClaimFact] = {}
        self._people: dict[tuple[str, int], set[str]] = {}
        self._sentence_of: dict[str, Callable[[int], int]] = {}

    def label(self, kind: str, entry_id: str) -> str | None:
        if kind == "predicate":
            labels = {
                "begin": "start",
                "end": "end",
                "sign": "signing",
                "kill": "killing",
                "die": "deaths",
            }
            return labels.get(entry_id, entry_id)
        entry = self.vocab.get(kind, entry_id)
        return entry.label if entry is not None else None

    def _meaning(self, word: str) -> str | None:
        """The meaning class of a word ('airliner' -> aircraft), if the vocabulary has one."""
        entry = self.vocab.lookup("synonyms", word)
        return entry.id if entry is not None else None

    def recurring(self, event_type: str | None) -> bool:
        entry = self.vocab.get("event_types", event_type) if event_type else None
        return bool(getattr(entry, "recurring", False))

    def type_of(self, word: str) -> str | None:
        entry = self.vocab.lookup("event_types", word)
        return entry.id if entry is not None else None

    def build(self, facts: list[ArticleFacts], sentence_of: dict[str, Callable[[int], int]]):
        clusters: list[EventCluster] = []
        for f in facts:
            art = self.articles[f.article]
            clusters.extend(
                cluster_events(
                    f.article, art.published, f.events, self.gazetteer, sentence_of[f.article]
                )
            )
        names = {f.article: set(f.names) for f in facts}
        keywords = {f.article: set(f.keywords) for f in facts}
        # The claim read at each count, for its subject checks ('Franz Ferdinand picked up five
        # nominations' / 'Stone … out of three nominations').
        self._claim_at = {
            (f.article, c.start): c for f in facts for c in f.claims if c.kind == "count"
        }
        self._people = {(f.article, st.index): set(st.people) for f in facts for st in f.statements}
        self._sentence_of = sentence_of

        def same_names_story(x: str, y: str) -> bool:
            # Counts are everywhere in news; only shared names, not shared topic words, make
            # two articles one story for them.
            return _shares(names[x], names[y], STORY_MIN_SHARED, STORY_ENOUGH_SHARED)

        titles = {a: title_words(art.title, self._meaning) for a, art in self.articles.items()}

        @cache  # every matcher asks it of the same article pairs again
        def same_story(x: str, y: str) -> bool:
            # Shared names tell a story; shared nouns mostly tell a topic (sport, awards), so they
            # count with a shared name, or alone only when they are most of a short article.
            if _shares(names[x], names[y], STORY_MIN_SHARED, STORY_ENOUGH_SHARED):
                return True
            # Long articles name many things: a few names in common and titles about the same
            # thing ('Airbus launches … airliner' / '… delay Airbus superjumbo') will do.
            if (
                len(names[x] & names[y]) >= STORY_TITLE_NAMES
                and len(titles[x] & titles[y]) >= STORY_TITLE_WORDS
            ):
                return True
            if names[x] & names[y]:
                return _shares(
                    keywords[x], keywords[y], KEYWORDS_MIN_SHARED, KEYWORDS_ENOUGH_SHARED
                )
            return _shares(
                keywords[x],
                keywords[y],
                KEYWORDS_MIN_SHARED,
                enough=len(keywords[x]) + len(keywords[y]) + 1,  # only the overlap decides
                overlap=KEYWORDS_ALONE_OVERLAP,
            )

        out: list[Comparison] = []
        for pair in align_events(
            clusters, self.type_of, self.gazetteer, same_story, self.recurring, self.pairs
        ):
            out.extend(self.event_comparisons(pair))
        out.extend(self.standalone_counts(facts, same_names_story, out))

        # Names found in many articles of a big folder ('UK', 'London') tie no two together.
        name_df = Counter(n for f in facts for n in set(f.names))
        common = max(COMMON_NAME_MIN, COMMON_NAME_SHARE * len(facts))

        def related(x: str, y: str) -> bool:
            # Claims need less: two shared names make their wording worth comparing.
            shared = [n for n in names[x] & names[y] if name_df[n] <= common]
            return len(shared) >= STORY_MIN_SHARED or same_story(x, y)

        out.extend(
            claim_comparisons(
                facts,
                self.articles,
                self.gazetteer,
                self.label,
                related,
                same_story,
                out,
                titles,
                self.pairs,
                self.memo,
            )
        )
        out.extend(self.role_comparisons(facts))
        from checker.align.statements import statement_comparisons  # imports this module

        out.extend(
            statement_comparisons(
                facts, same_story, sentence_of, out, self.articles, self.pairs, self.memo
            )
        )
        out.extend(
            first_comparisons(
                facts, same_story, lambda k: self.label("synonyms", k) or k, self.pairs
            )
        )
        return [self.finish(c) for c in out]

    def finish(self, c: Comparison) -> Comparison:
        """Make sure each quote is the verbatim text at its offsets."""
        for side in (c.a, c.b):
            text = self.articles[side.article].text
            ev = side.evidence
            side.evidence = ev.model_copy(
                update={
                    "quote": text[ev.start : ev.end],
                    "line": self.articles[side.article].line_of(ev.start),
                }
            )
        return c

    # --- events -----------------------------------------------------------------------
    def event_comparisons(self, pair: EventPair) -> list[Comparison]:
        a, b = sorted((pair.a, pair.b), key=lambda c: (c.article, c.first.evidence.start))
        subject = _subject(a, b, self.label)
        conf = 0.55 + 0.4 * pair.theme_score
        out: list[Comparison] = []
        modality = modality_pair(a.modality, b.modality)
        if (
            a.time is not None
            and b.time is not None
            and a.time_stated
            and b.time_stated
            # "since 2019" contains every later date: agreeing with it says nothing.
            and not open_ended(a.time)
            and not open_ended(b.time)
        ):
            if pair.comparable("time"):
                rel = time_relation(a.time, b.time)
                if rel != "unknown":
                    sa, sb = _time_side(a), _time_side(b)
                    detail = self._time_detail(sa, sb, rel, a, b)
                    out.append(
                        Comparison(
                            "time",
                            subject,
                            sa,
                            sb,
                            {
                                "time_relation": rel,
                                "modality": modality,
                                "plan_change": plan_change(sa.evidence.quote, sb.evidence.quote),
                            },
                            detail,
                            conf,
                        )
                    )
        pa, pb = a.place_mention, b.place_mention
        if pa is not None and pb is not None and pair.comparable("place"):
            rel = place_relation(self.gazetteer, pa[1], pb[1])
            if rel.kind != "unknown":
                sides = []
                for m, ref in (pa, pb):
                    sides.append(
                        Side(
                            article=m.evidence.article,
                            evidence=_widen(m.evidence, ref.mention.start, ref.mention.end),
                            value=ref.place.name if ref.place else ref.mention.text,
                            highlight=(ref.mention.start, ref.mention.end),
                            detail={"text": ref.mention.text, "relation": ref.relation},
                        )
                    )
                out.append(
                    Comparison(
                        "place",
                        subject,
                        sides[0],
                        sides[1],
                        {"place_relation": rel.kind, "modality": modality},
                        rel.detail,
                        conf,
                    )
                )
        va, vb = a.venue_mention, b.venue_mention
        if va is not None and vb is not None and pair.comparable("venue"):
            same = va.venue == vb.venue
            sides = [self._venue_side(m) for m in (va, vb)]
            label = self.label("venues", va.venue) or va.venue
            detail = (
                f"both describe the site as a {label.lower()}"
                if same
                else f"{sides[0].value} vs {sides[1].value}"
            )
            owners = (va.venue_owner, vb.venue_owner)
            if all(owners) and owners[0] != owners[1]:
                detail += f"; the owner is given as {owners[0]} and as {owners[1]} (not compared)"
            out.append(
                Comparison(
                    "venue",
                    subject,
                    sides[0],
                    sides[1],
                    {"venue_relation": "same" if same else "different", "modality": modality},
                    detail,
                    conf,
                )
            )
        if (
            {a.modality, b.modality}
            == {
                Modality.NEGATED,
                Modality.REPORTED,
            }
            and pair.same_story
            and pair.evidence_for("event") >= 2
            # "did not sign on Tuesday" and "signed on Friday" tell a story, not a contradiction.
            and pair.compat["time"] is not False
            and not open_ended(a.time)
            and not open_ended(b.time)
        ):
            sa = Side(a.article, a.first.evidence, a.modality.value)
            sb = Side(b.article, b.first.evidence, b.modality.value)
            out.append(
                Comparison(
                    "event",
                    subject,
                    sa,
                    sb,
                    {"modality": modality},
                    "one article says it happened, the other that it did not",
                    conf,
                )
            )
        for comp in out:
            comp.evidence = pair.evidence_for(comp.kind)
            # One type of event, told of different people: 'Jones did not win any medals' and
            # 'Kenteris won the 200m title' are two events, however alike.
            if self._people_differ(comp):
                comp.evidence = min(comp.evidence, 1)
        if pair.comparable("count"):
            for comp in self.count_comparisons(pair, subject, conf):
                # The counts' own subject checks can only lower the pair's evidence.
                comp.evidence = min(comp.evidence, pair.evidence_for("count"))
                out.append(comp)
        return out

    def _rival_counts(self, x: CountFact, y: CountFact) -> bool:
        """The claims read at two counts pass the subject checks of a conflict: no different
        named people, teams or products, no part of a set, no vague word ('thousands')."""
        cx = self._claim_at.get((x.evidence.article, x.start))
        cy = self._claim_at.get((y.evidence.article, y.start))
        return cx is None or cy is None or may_conflict(cx, cy)

    def _people_differ(self, comp: Comparison) -> bool:
        """Both sentences name people, and none in common."""
        found = []
        for side in (comp.a, comp.b):
            index = self._sentence_of[side.article](side.evidence.start)
            found.append(self._people.get((side.article, index), set()))
        return bool(found[0] and found[1]) and not found[0] & found[1]

    def _venue_side(self, m: EventFact) -> Side:
        label = self.label("venues", m.venue or "") or m.venue or ""
        owner = f" ({m.venue_owner}-owned)" if m.venue_owner else ""
        return Side(m.evidence.article, m.evidence, f"{label}{owner}", detail={"venue": m.venue})

    def _time_detail(self, sa: Side, sb: Side, rel: str, a: EventCluster, b: EventCluster) -> str:
        da, db = sa.detail["display"], sb.detail["display"]
        words = {
            "equal": f"both give {da}",
            "a_in_b": f"{da} lies within {db}",
            "b_in_a": f"{db} lies within {da}",
            "overlap": f"{da} and {db} overlap",
            "disjoint": "the periods do not overlap, even at the coarser precision",
        }
        text = words.get(rel, rel)
        for c, side in ((a, sa), (b, sb)):
            if c.modality == Modality.PLANNED:
                text += (
                    f"; {c.article} gives a planned date ('{side.detail['text']}'), "
                    "which may simply have changed"
                )
        return text

    def count_comparisons(self, pair: EventPair, subject: str, conf: float) -> list[Comparison]:
        out: list[Comparison] = []
        ca = [c for m in pair.a.mentions for c in m.counts]
        cb = [c for m in pair.b.mentions for c in m.counts]
        verb = _PARTICIPLES.get(pair.a.predicate, "")
        for x in ca:
            for y in cb:
                if x.noun != y.noun:
                    continue
                rel = count_relation(x, y)
                sx = Side(x.evidence.article, x.evidence, x.text, highlight=(x.start, x.end))
                sy = Side(y.evidence.article, y.evidence, y.text, highlight=(y.start, y.end))
                what = f"{plural(x.noun)} {verb}".strip()
                # Two events of one type may still be of different subjects.
                rivals = self._rival_counts(x, y)
                out.append(
                    Comparison(
                        "count",
                        f"number of {what}" if verb else f"{subject}: number of {plural(x.noun)}",
                        sx,
                        sy,
                        {
                            "count_relation": rel,
                            "modality": modality_pair(pair.a.modality, pair.b.modality),
                        },
                        f"{x.text} vs {y.text} ({x.noun})",
                        conf,
                        evidence=2 if rivals else 1,
                    )
                )
        return out

    def standalone_counts(
        self, facts: list[ArticleFacts], same_story, done: list[Comparison]
    ) -> list[Comparison]:
        """Counts outside recognised events, paired by what they count (see align.counts)."""
        timexes = {f.article: f.timexes for f in facts}
        # Who did what a count belongs to: "Ryanair bought 60" is not "Aer Lingus bought 12".
        agent_of = {
            (f.article, c.start): e.agent for f in facts for e in f.events for c in e.counts
        }
        seen = {
            (c.a.article, c.a.highlight, c.b.article, c.b.highlight)
            for c in done
            if c.kind == "count"
        }

        def stated_time(article: str, c: CountFact) -> Timex | None:
            ev = c.evidence
            return next(
                (
                    t
                    for t in timexes[article]
                    if ev.start <= t.start < ev.end and t.interval is not None
                ),
                None,
            )

        out: list[Comparison] = []
        pairs = count_pairs(
            facts,
            same_story,
            stated_time,
            lambda s, t: time_relation(s, t) == "disjoint",
            self.pairs,
        )
        for x, y in pairs:
            sx = Side(x.evidence.article, x.evidence, x.text, highlight=(x.start, x.end))
            sy = Side(y.evidence.article, y.evidence, y.text, highlight=(y.start, y.end))
            if (sx.article, sx.highlight, sy.article, sy.highlight) in seen:
                continue
            if agents_differ(
                agent_of.get((sx.article, x.start)), agent_of.get((sy.article, y.start))
            ):
                continue
            how = f"under '{x.verb}'" if x.verb and x.verb == y.verb else f"as '{x.phrase}'"
            rivals = self._rival_counts(x, y)
            out.append(
                Comparison(
                    "count",
                    f"number of {plural_phrase(x.phrase or x.noun)}",
                    sx,
                    sy,
                    # Counts outside events carry no modality of their own: told as fact.
                    {"count_relation": count_relation(x, y), "modality": "reported+reported"},
                    f"{x.text} vs {y.text}, both counting {plural(x.noun)} {how}",
                    0.7,
                    # A conflict needs the same multi-word phrase under the same verb: "4,300
                    # jobs" cut in France and "10,000 jobs" cut in all are parts, not rivals.
                    evidence=2 if rivals and _strong_count_match(x, y) else 1,
                )
            )
        return out

    # --- roles ------------------------------------------------------------------------
    def role_comparisons(self, facts: list[ArticleFacts]) -> list[Comparison]:
        orgs = _role_orgs(facts, self.vocab)
        # Roles whose organisation was implied ('company CEO'): each agreement with an article
        # that names the organisation is what shows which one it is, so all of them are kept.
        implied = {
            id(r)
            for f in facts
            for r in f.roles
            if orgs.get(id(r)) and (r.org is None or _org_key(r.org, self.vocab) in _GENERIC_ORGS)
        }
        by_role: dict[tuple[str, str], list[RoleFact]] = defaultdict(list)
        for f in facts:
            for r in f.roles:
                if orgs.get(id(r)):
                    by_role[(r.role, orgs[id(r)])].append(r)
        out: list[Comparison] = []
        compared: set[tuple[str, str, str, str]] = set()
        for (role, org), roles in sorted(by_role.items()):
            entry = self.vocab.get("roles", role)
            unique = entry is not None and getattr(entry, "unique_per", None) is not None
            subject = self._role_subject(role, org)
            best: dict[tuple[str, str, str, str], Comparison] = {}
            for x, y in combinations(roles, 2):
                if not self._compared(x, y):
                    continue
                x, y = sorted((x, y), key=lambda r: r.evidence.article)
                same = same_person(x.person_key, y.person_key)
                if same:
                    compared.add(_person_pair(x, y))
                if not same and not unique:
                    continue
                one_implied = (id(x) in implied) != (id(y) in implied)
                if (
                    same
                    and not one_implied
                    and not _neighbours(x.evidence.article, y.evidence.article, roles)
                ):
                    continue
                if same:
                    rel = "same_person"
                elif _changed_hands(x, y) or _changed_hands(y, x):
                    rel = "different_person_disjoint"
                elif x.former or y.former or x.time is None or y.time is None:
                    rel = "different_person_unknown_time"
                else:
                    gap = time_gap_days(x.time, y.time)
                    rel = (
                        "different_person_disjoint"
                        if gap is None or gap > ROLE_OVERLAP_DAYS
                        else "different_person_overlapping"
                    )
                sides = [self._role_side(r) for r in (x, y)]
                detail = self._role_detail(x, y, rel)
                comp = Comparison(
                    "person_role", subject, sides[0], sides[1], {"role_relation": rel}, detail, 0.8
                )
                key = (x.evidence.article, x.person_key, y.evidence.article, y.person_key)
                # One comparison per pair of people: keep the one whose times are closest.
                if key not in best or _closeness(comp) < _closeness(best[key]):
                    best[key] = comp
            out.extend(best.values())
        out.extend(self._same_person_roles(facts, orgs, compared))
        return out

    def _compared(self, x: RoleFact, y: RoleFact) -> bool:
        ax, ay = x.evidence.article, y.evidence.article
        return ax != ay and self.pairs.compared(ax, ay)

    def _role_subject(self, role: str, org: str | None) -> str:
        entry = self.vocab.get("roles", role)
        label = entry.label if entry is not None else role
        if not org:
            return label
        # A two-letter code is a country; anything else is an organisation's folded name.
        country = self.gazetteer.country_name(org) if len(org) == 2 else org.title()
        return f"{label} of {country}"

    def _same_person_roles(
        self, facts: list[ArticleFacts], orgs: dict[int, str | None], compared: set
    ) -> list[Comparison]:
        """One person named in two articles with titles that the grouping by title and
        organisation does not put together: a vaguer title ('Boeing executive' for its chief
        financial officer) or the same title at another organisation ('Airbus CEO' vs 'EADS
        North America CEO')."""
        names = {f.article: {_org_key(n, self.vocab) for n in f.names} for f in facts}
        # One person has one surname: only roles of one surname can match (`_full_name_match`).
        by_surname: dict[str, list[RoleFact]] = defaultdict(list)
        for f in facts:
            for r in f.roles:
                words = fold(r.person_key).split()
                if words:
                    by_surname[words[-1]].append(r)
        pairs = (p for rs in by_surname.values() for p in combinations(rs, 2))
        best: dict[tuple[str, str, str, str], tuple[int, Comparison]] = {}
        for x, y in pairs:
            if not self._compared(x, y):
                continue
            x, y = sorted((x, y), key=lambda r: r.evidence.article)
            key = _person_pair(x, y)
            if key in compared or not _full_name_match(x.person_key, y.person_key):
                continue
            found = self._same_person_relation(x, y, orgs.get(id(x)), orgs.get(id(y)), names)
            if found is None:
                continue
            rank, rel, role, org, detail = found
            if rel == "same_person_broader_title":
                # One agreement per vague title: with the precise title named closest in time.
                wide = x if _broader(x, y, self.vocab) else y
                key = (wide.evidence.article, wide.person_key, "", "")
                gap = time_gap_days(x.time, y.time) if x.time and y.time else None
                rank = gap if gap is not None else 10**6
            sides = [self._role_side(r) for r in (x, y)]
            subject = self._role_subject(role, org)
            comp = Comparison(
                "person_role",
                subject if org else f"{subject}: {x.person}",
                sides[0],
                sides[1],
                {"role_relation": rel},
                detail,
                0.75,
            )
            if key not in best or rank < best[key][0]:
                best[key] = (rank, comp)
        return [comp for _, comp in best.values()]

    def _same_person_relation(
        self,
        x: RoleFact,
        y: RoleFact,
        ox: str | None,
        oy: str | None,
        names: dict[str, set[str]],
    ) -> tuple[int, str, str, str | None, str] | None:
        """(rank, relation, role, organisation, detail) for one person's two titles, or None."""
        if x.role == y.role:
            entry = self.vocab.get("roles", x.role)
            if (
                entry is None
                or getattr(entry, "unique_per", None) != "organization"
                or not _specific(ox, names[x.evidence.article])
                or not _specific(oy, names[y.evidence.article])
                or _related_orgs(ox, oy)
                or x.former
                or y.former
                or x.time is None
                or y.time is None
            ):
                return None
            gap = time_gap_days(x.time, y.time)
            if gap is None or gap > ROLE_OVERLAP_DAYS:
                return None  # at different times: the person may have moved
            return (
                0,
                "same_person_other_org",
                x.role,
                None,
                f"{x.person} is named {x.title} of {ox.title()} in one article and "
                f"{y.title} of {oy.title()} in the other, for overlapping times",
            )
        if _broader(x, y, self.vocab):
            wide, narrow, ow, on = x, y, ox, oy
        elif _broader(y, x, self.vocab):
            wide, narrow, ow, on = y, x, oy, ox
        else:
            return None
        if ow and on and ow != on:
            return None  # an executive of one company, an officer of another
        return (
            0,
            "same_person_broader_title",
            narrow.role,
            ow or on,
            f"{narrow.person} is {wide.title} in one and {narrow.title} in the other, "
            f"a more precise title of the same kind",
        )

    def _role_side(self, r: RoleFact) -> Side:
        when = format_time(r.time) if r.time is not None else "undated"
        return Side(
            r.evidence.article,
            r.evidence,
            f"{r.person} ({r.title}, {when})",
            detail={"person": r.person, "title": r.title, "time": r.time.value if r.time else None},
        )

    def _role_detail(self, x: RoleFact, y: RoleFact, rel: str) -> str:
        tx = format_time(x.time) if x.time else "an unknown time"
        ty = format_time(y.time) if y.time else "an unknown time"
        if rel == "same_person":
            return f"both name {x.person} as {x.title}"
        if rel == "different_person_disjoint" and (_changed_hands(x, y) or _changed_hands(y, x)):
            new = y if _changed_hands(y, x) else x
            return (
                f"{new.person} is named as a new holder or a successor ({tx} and {ty}): "
                "the role changed hands"
            )
        if rel == "different_person_disjoint":
            return (
                f"{x.person} is named for {tx} and {y.person} for {ty}: different times, "
                "so one may have succeeded the other"
            )
        if rel == "different_person_overlapping":
            return f"{x.person} ({tx}) and {y.person} ({ty}) are named for the same time"
        return f"{x.person} and {y.person}: the times cannot be compared"


_SAME_PLURAL = {"people", "police", "staff", "aircraft", "personnel", "sheep", "fish", "cattle"}


def _strong_count_match(x: CountFact, y: CountFact) -> bool:
    return bool(x.verb) and x.verb == y.verb and len(x.phrase.split()) >= 2 and x.phrase == y.phrase


def plural_phrase(phrase: str) -> str:
    """'container berth' -> 'container berths'."""
    words = phrase.split()
    return " ".join([*words[:-1], plural(words[-1])]) if words else phrase


def plural(noun: str) -> str:
    """Rough English plural for subjects ('number of passengers evacuated')."""
    if noun in _SAME_PLURAL or noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _shares(a: set[str], b: set[str], min_shared: int, enough: int, overlap: float = 0.3) -> bool:
    """Enough in common: at least `min_shared` items and `overlap` of the smaller set, or
    `enough` items whatever the sizes."""
    shared = len(a & b)
    if shared < min_shared:
        return False
    return shared >= enough or shared / (min(len(a), len(b)) or 1) >= overlap


__all__ = ["Comparison", "MODALITIES", "PairBuilder", "Side", "modality_pair"]
