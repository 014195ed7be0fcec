"""Comparisons of claims matched by wording: the facts no event holds.

`checker.align.claims` pairs the claims of two articles; this module turns each pair into a
`Comparison` for the rules — a count, a time or a place, with its relation, the two modalities
and, for dates, whether an article says itself that the date moved. Pairs of values an event
already compared are skipped: the event says it better.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.align.blocking import ArticlePairs
from checker.align.claim_pairs import claim_pairs
from checker.align.claims import same_milestone, volatile
from checker.align.compare import (
    claim_count_relation,
    format_time,
    place_relation,
    time_relation,
)
from checker.align.comparison import Comparison, Side, modality_pair, open_ended, plan_change
from checker.cache.pairs import NO_MEMO, PairMemo
from checker.models.article import Article
from checker.models.facts import ArticleFacts, ClaimFact
from checker.textutil import fold

# Bounds open on one side ('more than 20,000', 'below 9,000').
_ONE_SIDED = {"at_least", "more_than", "fewer_than"}
_TITLE_STOP = {"the", "and", "for", "with", "from", "after", "over", "into", "amid", "says", "said"}


def title_words(title: str, meaning: Callable[[str], str | None]) -> set[str]:
    """Content words of a title, folded, a plural 's' dropped, as their meaning class when
    they have one ('airliner' and 'superjumbo' are both aircraft): what two titles can share."""
    words = re.findall(r"[a-z0-9]+", fold(title))
    stems = {w.rstrip("s") for w in words if len(w) > 2 and w not in _TITLE_STOP}
    return {meaning(w) or w for w in stems}


def claim_comparisons(
    facts: list[ArticleFacts],
    articles: dict[str, Article],
    gazetteer,
    label: Callable[[str, str], str | None],
    related: Callable[[str, str], bool],
    same_story: Callable[[str, str], bool],
    done: list[Comparison],
    titles: dict[str, set[str]],
    pairs: ArticlePairs | None = None,
    memo: PairMemo = NO_MEMO,
) -> list[Comparison]:
    """Numbers and dates outside recognised events, paired by the words around them."""
    # Values already compared through an event say it better (their highlights).
    covered = {
        (c.kind, frozenset({(c.a.article, c.a.highlight), (c.b.article, c.b.highlight)}))
        for c in done
    }
    # Sentence pairs an event already compared: a place named in both adds nothing.
    event_sentences = {
        frozenset({(c.a.article, c.a.evidence.start), (c.b.article, c.b.evidence.start)})
        for c in done
    }
    # The same two values already compared for the same two articles (a town and the city it
    # lies near, for one event): a second sentence pair would repeat the finding.
    covered_values = {
        (c.kind, frozenset({(c.a.article, c.a.value), (c.b.article, c.b.value)})) for c in done
    }

    def disjoint(x: ClaimFact, y: ClaimFact) -> bool:
        # The same figure on two different days is two figures ('fell 3% on Monday').
        # The days themselves count, not modifiers: 'by 17:30 UTC' is still that day's.
        tx, ty = x.stated_time, y.stated_time
        if tx is None or ty is None or tx.interval is None or ty.interval is None:
            return False
        # A price or a capacity holds for a while ('is priced at $149' on 8 June, 'starting
        # at $149' on 24 June); daily figures and past events hold for their day.
        if not (x.past and y.past) and not volatile(x.unit):
            return False
        return not tx.interval.overlaps(ty.interval)

    def same_day(x: ClaimFact, y: ClaimFact) -> bool:
        # Times: the articles' own days. Figures: the days they are stated for.
        if x.kind == "time":
            days = [articles[c.evidence.article].published for c in (x, y)]
            return days[0] is not None and days[0] == days[1]
        rx, ry = x.ref_time or x.stated_time, y.ref_time or y.stated_time
        if rx is None or ry is None or rx.interval is None or ry.interval is None:
            return False
        days = (rx.interval, ry.interval)
        return days[0].overlaps(days[1]) and all(d.granularity == "day" for d in days)

    out: list[Comparison] = []
    placed: dict[frozenset, tuple[tuple[bool, int], Comparison]] = {}
    for p in claim_pairs(facts, related, disjoint, same_day, pairs, memo):
        # Articles of related but different stories may agree on a figure, never conflict;
        # and only in wording that matches closely ('10,000 jobs' at Opel and at Airbus).
        if not same_story(p.a.evidence.article, p.b.evidence.article):
            if p.evidence < 2:
                continue
            p.evidence = 1
        # Articles whose titles share no word may be on different subjects of one story
        # (two aircraft, two companies): their figures may agree, never conflict.
        if not (titles[p.a.evidence.article] & titles[p.b.evidence.article] or p.anchored):
            p.evidence = min(p.evidence, 1)
        x, y = p.a, p.b
        ax, ay = x.evidence.article, y.evidence.article
        kind = x.kind if x.kind in ("time", "place") else "count"
        spans = frozenset({(ax, (x.start, x.end)), (ay, (y.start, y.end))})
        if (kind, spans) in covered:
            continue
        sx = Side(ax, x.evidence, x.text, highlight=(x.start, x.end))
        sy = Side(ay, y.evidence, y.text, highlight=(y.start, y.end))
        modality = modality_pair(x.modality, y.modality)
        about = ", ".join(label("synonyms", k) or k for k in p.shared[:4])
        confidence = round(min(0.9, 0.4 + p.score / 2), 2)
        if x.kind == "place":
            assert x.place is not None and y.place is not None
            # Countries and continents are named in passing everywhere; a city or a region
            # in two sentences worded alike is a statement about where something happened.
            kinds = {r.place.kind for r in (x.place, y.place) if r.place is not None}
            if kinds & {"continent", "country"}:
                continue
            prel = place_relation(gazetteer, x.place, y.place)
            names = {(ax, x.place.place.name if x.place.place else x.text)}
            names.add((ay, y.place.place.name if y.place.place else y.text))
            sentences = frozenset({(ax, x.evidence.start), (ay, y.evidence.start)})
            if (
                prel.kind == "unknown"
                or ("place", frozenset(names)) in covered_values
                or sentences in event_sentences
            ):
                continue
            # 'Mobile, Alabama': one place per sentence pair, the same and finest first.
            rank = (prel.kind != "same", len(kinds & {"region", "country"}))
            if sentences in placed and placed[sentences][0] <= rank:
                continue
            placed[sentences] = (
                rank,
                Comparison(
                    "place",
                    f"place ({about})",
                    sx,
                    sy,
                    {"place_relation": prel.kind, "modality": modality},
                    f"{prel.detail}; the sentences share: {about}",
                    confidence,
                    # Sentences name many places: wording alone supports agreements only.
                    evidence=min(p.evidence, 1),
                ),
            )
            continue
        if x.kind == "time":
            assert x.time is not None and y.time is not None
            # 'since 2004' contains every later date: it agrees only with its own start.
            # A record's baseline ('since 1989') is a date, not a stretch of time.
            ended = (open_ended(x.time) or open_ended(y.time)) and not (x.record and y.record)
            # ... except clock times: 'shortly before 22:00' and 'at 21:40' agree.
            clock = x.time.type == "TIME" and y.time.type == "TIME"
            if ended and x.time.value != y.time.value and not clock:
                continue
            records = x.record and y.record
            if records:
                # Baselines compare as dates: 'since 1989' is the year 1989 here.
                rel = time_relation(
                    x.time.model_copy(update={"mod": None}), y.time.model_copy(update={"mod": None})
                )
            else:
                rel = time_relation(x.time, y.time)
            if rel == "unknown":
                continue
            # 'on Tuesday' lies within '2007' whatever happened on Tuesday: a date inside
            # another agrees only when both date the same act or the same thing.
            same_act = (
                records
                or same_milestone(x, y)
                or any(
                    u is not None and u == v
                    for u, v in ((x.anchor, y.anchor), (x.action, y.action), (x.theme, y.theme))
                )
            )
            if rel != "equal" and not same_act:
                continue
            da, db = format_time(x.time), format_time(y.time)
            sx.detail = {"text": x.text, "display": da, "modality": x.modality.value}
            sy.detail = {"text": y.text, "display": db, "modality": y.modality.value}
            words = {
                "equal": f"both give {da}",
                "a_in_b": f"{da} lies within {db}",
                "b_in_a": f"{db} lies within {da}",
                "overlap": f"{da} and {db} overlap",
                "disjoint": f"{da} vs {db}: the periods do not overlap",
            }
            comp = Comparison(
                "time",
                f"date ({about})",
                sx,
                sy,
                {
                    "time_relation": rel,
                    "modality": modality,
                    "plan_change": plan_change(x.evidence.quote, y.evidence.quote),
                },
                f"{words[rel]}; the sentences share: {about}",
                confidence,
                evidence=p.evidence,
            )
        else:
            published = {a: articles[a].published for a in (ax, ay)}
            rel = claim_count_relation(x, y, published[ax], published[ay])
            if rel == "vacuous":
                continue
            # 'no less than 10%' fits '15.5%', and 'below 9,000' fits '1,442.82': a one-sided
            # bound agrees with another figure only in sentences that match closely.
            one_sided = {x.bound, y.bound} & _ONE_SIDED
            if rel == "compatible" and one_sided and x.value != y.value and p.evidence < 2:
                continue
            # 'three indexes', 'several markets': small counts recur by chance.
            small = max(abs(x.value or 0), abs(y.value or 0)) <= 10 and x.kind == "count"
            if small and p.evidence < 2:
                continue
            # 'reduced to $99' and 'cut to $399' in articles of different days: each is the
            # new value of its day, not a rival report of one value.
            changed = (set(x.near) | set(y.near)) & {"rise", "decrease"}
            if rel in ("disjoint", "bounds_differ") and changed and not p.anchored:
                if published[ax] != published[ay]:
                    p.evidence = min(p.evidence, 1)
            what = "duration" if x.kind == "duration" else (label("synonyms", x.unit) or x.unit)
            comp = Comparison(
                "count",
                f"{what} ({about})",
                sx,
                sy,
                {"count_relation": rel, "modality": modality},
                f"{x.text} vs {y.text}; the sentences share: {about}",
                confidence,
                evidence=p.evidence,
            )
        out.append(comp)
    out.extend(comp for _rank, comp in placed.values())
    return out
