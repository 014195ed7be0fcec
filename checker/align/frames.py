"""Compare fact frames across the articles of one story.

1. Blocking: frames of different articles in the same story with the same attribute and measure
   are candidates, for the article pairs that `checker.align.blocking` compares (a copy meets
   its original only).
2. Gates: rules that stop a candidate with a stated reason (background against the story's own
   fact, different currencies or time zones): `checker.align.gates`.
3. Scoring: the registered features, weighed by `rules/weights.yaml`, give the probability that
   both frames state the same fact.
4. Matching: within an article pair and attribute, values are matched one to one, best score
   first; a value stated twice in one article (headline and body) travels as one.
5. Each matched pair becomes a `Comparison` for the rule engine, with `count_relation` (or
   `time_relation` for clock times) saying how the values relate.

Every candidate's fate is kept as a `Decision`, so `checker why` can say what happened to it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from checker.align.blocking import ArticlePairs
from checker.align.comparison import Comparison, Side
from checker.align.features import FeatureValue, PairContext, compute
from checker.align.gates import gate
from checker.align.score import Score, Weights, score
from checker.align.story import Story
from checker.extract.units import BASE
from checker.models.article import Article
from checker.models.facts import ArticleFacts
from checker.models.frames import GENERIC_NOUNS, Bound, Frame

_RISE = re.compile(
    r"\b(ris(?:e|en|es|ing)|rose|climb(?:ed|s|ing)?|jump(?:ed|s)?|increas(?:ed|es|ing)|"
    r"now stands?|has reached|reached|mount(?:ed|s|ing)|updated|revised|swelled|grew|soared)\b",
    re.IGNORECASE,
)


@dataclass
class Decision:
    """What happened to one candidate pair of frames, in words."""

    a: Frame
    b: Frame
    stage: str  # gate | score | matching | compared
    reason: str
    features: list[FeatureValue] = field(default_factory=list)
    score: Score | None = None
    relation: str | None = None


@dataclass
class FrameAlignment:
    comparisons: list[Comparison]
    decisions: list[Decision]


def align_frames(
    facts: Sequence[ArticleFacts],
    articles: dict[str, Article],
    stories: Sequence[Story],
    weights: Weights,
    cumulative: set[str],
    fallbacks: frozenset[str] = frozenset(),
    pairs: ArticlePairs | None = None,
    parts: dict[str, str] | None = None,
) -> FrameAlignment:
    pairs = pairs or ArticlePairs()
    story_of = {a: s.id for s in stories for a in s.articles}
    years = story_years(facts, articles, story_of)
    by_story: dict[str | None, list[Frame]] = defaultdict(list)
    for f in facts:
        for fr in f.frames:
            by_story[story_of.get(f.article)].append(
                with_background(fr, years.get(story_of.get(f.article)))
            )
    by_key: dict[tuple, list[Frame]] = defaultdict(list)
    for sid, frames in by_story.items():
        named = adopt_named_attribute(frames, fallbacks)
        for fr in (
            candidates_by_attribute(named, fallbacks)
            + candidates_for_people(named)
            + with_totals(named, parts)
        ):
            by_key[(sid, fr.attribute, fr.measure)].append(fr)
    decisions: list[Decision] = []
    comparisons: list[Comparison] = []
    for (_story, _attr, _measure), frames in sorted(by_key.items(), key=lambda kv: str(kv[0])):
        per_article: dict[str, list[Frame]] = defaultdict(list)
        for fr in frames:
            per_article[fr.article].append(fr)
        for x, y in pairs.pairs(per_article, str):
            found = _pair(per_article[x], per_article[y], articles, weights, cumulative)
            decisions.extend(found.decisions)
            comparisons.extend(found.comparisons)
    return FrameAlignment(comparisons, decisions)


def story_years(
    facts: Sequence[ArticleFacts], articles: dict[str, Article], story_of: dict[str, str]
) -> dict[str, int]:
    """The year of each story: the latest stated publication year of its articles, or else the
    year its values are most often tied to."""
    stated: dict[str, list[int]] = defaultdict(list)
    told: dict[str, Counter[int]] = defaultdict(Counter)
    for f in facts:
        sid = story_of.get(f.article)
        art = articles.get(f.article)
        if art is not None and art.published is not None and not art.published_inferred:
            stated[sid].append(art.published.year)
        told[sid].update(fr.year for fr in f.frames if fr.year)
    out: dict[str, int] = {}
    for sid in set(story_of.values()):
        if stated[sid]:
            out[sid] = max(stated[sid])
        elif told[sid]:
            out[sid] = told[sid].most_common(1)[0][0]
    return out


def adopt_named_attribute(frames: list[Frame], fallbacks: frozenset[str]) -> list[Frame]:
    """A story's values with each unnamed one given the story's attribute of its measure.

    A value no cue word names gets its measure's default attribute ('length' for 210 m). When
    the story's other articles name exactly one attribute of that measure ('distance'), the
    unnamed value is taken to be that one, so that the two can be compared; with two or more
    named ones ('depth' and 'height') it stays apart, since nothing says which it would be.
    """
    named = _named_attributes(frames, fallbacks)
    out = []
    for fr in frames:
        choices = named.get(fr.measure, {})
        if fr.cue is None and fr.attribute in fallbacks and len(choices) == 1:
            ((attr, label),) = choices.items()
            why = (
                f"{fr.text} is named by no word; the story's only {fr.measure} attribute is {label}"
            )
            fr = _adopted(fr, attr, label, why)
        out.append(fr)
    return out


def _adopted(fr: Frame, attr: str, label: str, why: str) -> Frame:
    """`fr` taken as a value of the attribute `attr`, with the reason the finding will give."""
    return fr.model_copy(update={"attribute": attr, "attribute_label": label, "adopted": why})


def _named_attributes(frames: list[Frame], fallbacks: frozenset[str]) -> dict[str, dict[str, str]]:
    """The attributes a cue word names among `frames`, by measure, with their labels."""
    named: dict[str, dict[str, str]] = defaultdict(dict)
    for fr in frames:
        if fr.cue is not None and fr.attribute not in fallbacks:
            named[fr.measure][fr.attribute] = fr.attribute_label
    return named


def candidates_by_attribute(frames: list[Frame], fallbacks: frozenset[str]) -> list[Frame]:
    """`frames`, and for each value with only its measure's general attribute (unnamed, or
    named by the measure's own word: "speed"), one candidate per finer attribute of that measure
    the story names: "210 m" beside a depth and a height may be either, so it is scored against
    both (the scorer decides, and the finding says the attribute was not named)."""
    named = _named_attributes(frames, fallbacks)
    out = list(frames)
    for fr in frames:
        if fr.attribute not in fallbacks or fr.adopted:
            continue
        for attr, label in sorted(named.get(fr.measure, {}).items()):
            named_by = f"named only as {fr.attribute_label}" if fr.cue else "named by no word"
            why = f"{fr.text} is {named_by}; compared as the story's {label}"
            out.append(_adopted(fr, attr, label, why))
    return out


def candidates_for_people(frames: list[Frame]) -> list[Frame]:
    """For each count of people that no word ties to what happened to them ('2.4 million
    people' with no verb of the vocabulary near), one candidate per attribute the story counts
    people for (deaths, crowd size): the scorer weighs the wording, and the finding says how
    the attribute was taken."""
    people_attrs: dict[str, str] = {}
    for fr in frames:
        if fr.measure == "count" and fr.cue is not None and fr.what in GENERIC_NOUNS:
            people_attrs[fr.attribute] = fr.attribute_label
    out: list[Frame] = []
    for fr in frames:
        if fr.measure != "count" or fr.cue is not None or fr.what not in GENERIC_NOUNS:
            continue
        for attr, label in sorted(people_attrs.items()):
            why = f"{fr.text} counts {fr.what} with no word for what happened; compared as {label}"
            out.append(_adopted(fr, attr, label, why))
    return out


def with_totals(frames: list[Frame], parts: dict[str, str] | None) -> list[Frame]:
    """The totals a sentence states in parts: "120 passengers and six crew" also says 126
    people aboard. `parts` maps a part's attribute to its whole's (crew → aboard); a sentence
    with one value of the whole and values of its parts gives one more value, their sum."""
    if not parts:
        return []
    by_sentence: dict[tuple[str, int], list[Frame]] = defaultdict(list)
    for fr in frames:
        by_sentence[(fr.article, fr.sentence)].append(fr)
    wholes_of_parts = sorted(set(parts.values()))
    out: list[Frame] = []
    for found in by_sentence.values():
        for whole in wholes_of_parts:
            wholes = [fr for fr in found if fr.attribute == whole]
            added = [fr for fr in found if parts.get(fr.attribute) == whole]
            members = wholes + added
            if len(wholes) != 1 or not added or any(fr.high == math.inf for fr in members):
                continue
            (base,) = wholes
            total = sum(fr.value for fr in members)
            text = " + ".join(fr.text for fr in members)
            out.append(
                base.model_copy(
                    update={
                        "id": f"{base.id}+",
                        "summed": True,
                        "value": total,
                        "low": sum(fr.low for fr in members),
                        "high": sum(fr.high for fr in members),
                        "text": text,
                        "adopted": f"{text} in one sentence: {total:g} {base.attribute_label}",
                    }
                )
            )
    return out


def with_background(fr: Frame, story_year: int | None) -> Frame:
    """Mark a value tied to a year well before the story's as background (a quake decades ago)."""
    if story_year is None or fr.year is None:
        return fr
    if fr.year < story_year - 1 and not fr.background:
        return fr.model_copy(update={"background": f"told of {fr.year}, before the story"})
    if fr.year >= story_year - 1 and fr.background:
        return fr.model_copy(update={"background": None})
    return fr


# Successive figures of one running tally (a toll at noon, at dusk, the next day) are each a
# revision of the other article's: a pair this sure of being one fact is compared even when one
# of its values was already matched to a closer figure.
TALLY_AGAIN = 0.6
AGAIN = f"a running tally's figures scored {TALLY_AGAIN:.2f} or more are all compared"

RESTATED = "the same sentence in both articles, figures aside: one statement"
_FIGURE = re.compile(r"\d[\d,.]*")
MIN_RESTATED = 40  # characters: short sentences ("Sales rose 5%.") are alike by chance
RESTATED_DAYS = 2  # republished copies appear within days; a recurring sentence is news anew


def restated(a: Frame, b: Frame) -> bool:
    """Do the two values sit in the same sentence, word for word once figures are set aside,
    and at the same place in it? A story republished with one figure changed says the same
    thing with two values: one statement, whatever the scorer makes of their distance."""
    if a.day and b.day and a.day != b.day:
        return False
    if a.reported and b.reported and abs((a.reported - b.reported).days) > RESTATED_DAYS:
        return False  # a daily report's sentence ("the index closed at N today") recurs
    x, y = _skeleton(a), _skeleton(b)
    return len(x[0]) >= MIN_RESTATED and x == y


def _skeleton(fr: Frame) -> tuple[str, int]:
    """The frame's sentence with its figures masked, and how many figures precede the value."""
    return _masked(fr.evidence.quote, max(0, fr.start - fr.evidence.start))


@lru_cache(maxsize=1 << 16)  # a frame meets every frame of its attribute in the story
def _masked(quote: str, offset: int) -> tuple[str, int]:
    before = len(_FIGURE.findall(quote[:offset]))
    return _FIGURE.sub("#", " ".join(quote.split())), before


def _group(frames: list[Frame]) -> list[list[Frame]]:
    """Frames of one article stating one figure: the headline and the body, say, even when one
    rounds or bounds it ("more than 150" in the headline, "153" in the body)."""
    groups: list[list[Frame]] = []
    vague = [fr for fr in frames if fr.vague]
    for fr in sorted(frames, key=lambda f: (f.unit or "", f.value, f.start)):
        if fr.vague:
            continue
        if groups and _same_figure(groups[-1][0], fr):
            groups[-1].append(fr)
        else:
            groups.append([fr])
    # 'hundreds were hurt … 612 injured': an order of magnitude that holds one of the article's
    # figures is that figure stated loosely, not a second statement
    for fr in vague:
        home = next((g for g in groups if any(_holds(fr, x) for x in g)), None)
        if home is not None:
            home.append(fr)
        else:
            groups.append([fr])
    return groups


def _figures(groups: list[list[Frame]]) -> int:
    """How many figures of the story's own an article gives (background ones do not count)."""
    return sum(1 for g in groups if any(fr.background is None for fr in g))


def _stated_exactly(fr: Frame, group: list[Frame]) -> str | None:
    """Why a loose order of magnitude is not compared: its article gives the figure itself."""
    exact = next((x for x in group if _holds(fr, x)), None) if fr.vague else None
    if exact is None:
        return None
    return f"'{fr.text}' is the article's figure {exact.text} stated loosely: that is compared"


def _holds(vague: Frame, fr: Frame) -> bool:
    return not fr.vague and vague.unit == fr.unit and vague.low <= fr.value <= vague.high


def _same_figure(a: Frame, b: Frame) -> bool:
    if a.unit != b.unit:
        return False
    if a.value == b.value:
        return True
    la, ha = _interval(a)
    lb, hb = _interval(b)
    return la <= hb and lb <= ha and not _far(a, b)


def _pair(
    xs: list[Frame],
    ys: list[Frame],
    articles: dict[str, Article],
    weights: Weights,
    cumulative: set[str],
) -> FrameAlignment:
    decisions: list[Decision] = []
    # (probability, group indices, frames, decision, what the match rests on)
    scored: list[tuple[float, int, int, Frame, Frame, Decision, str]] = []
    gx, gy = _group(xs), _group(ys)
    context = PairContext(_figures(gx), _figures(gy))
    for i, group_x in enumerate(gx):
        for j, group_y in enumerate(gy):
            best: tuple[float, Frame, Frame, Decision, str] | None = None
            loose_y = [_stated_exactly(b, group_y) for b in group_y]
            for a in group_x:
                loose_a = _stated_exactly(a, group_x)
                for b, loose_b in zip(group_y, loose_y, strict=True):
                    stop = gate(a, b)
                    loose = loose_a or loose_b
                    if stop is None and loose is not None:
                        decisions.append(Decision(a, b, "matching", loose))
                        continue
                    if stop is not None:
                        decisions.append(Decision(a, b, "gate", stop))
                        continue
                    values = compute(a, b, context)
                    s = score(weights, values)
                    p, basis = s.probability, f"score {s.probability:.2f}"
                    why = f"{basis}; these two values are judged on their best-scored pair"
                    if restated(a, b):
                        p, basis = 1.0, RESTATED
                        why = f"{RESTATED}; score {s.probability:.2f} overruled"
                    d = Decision(a, b, "score", why, values, s)
                    decisions.append(d)
                    if best is None or p > best[0]:
                        best = (p, a, b, d, basis)
            if best is None:
                continue
            p, a, b, d, basis = best
            if p < weights.threshold:
                d.reason = f"score {p:.2f} below the threshold {weights.threshold:.2f}"
                continue
            scored.append((p, i, j, a, b, d, basis))
    # One to one, best first: a value is matched with the other article's closest statement of
    # the same fact, not with every figure of that attribute (a district's toll, a sub-total).
    used_x: set[int] = set()
    used_y: set[int] = set()
    comparisons: list[Comparison] = []
    for p, i, j, a, b, d, basis in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        again = i in used_x or j in used_y
        if again and not (a.cumulative and p >= TALLY_AGAIN):
            d.stage = "matching"
            d.reason = f"score {p:.2f}, but each value was matched to a closer statement"
            continue
        used_x.add(i)
        used_y.add(j)
        d.stage = "compared"
        rel = relation(a, b, articles, cumulative)
        d.relation = rel
        d.reason = f"{basis}; values {rel}" + (f"; {AGAIN}" if again else "")
        others = [fr for fr in gx[i] if fr is not a] + [fr for fr in gy[j] if fr is not b]
        comparisons.append(_comparison(a, b, others, rel, p, articles))
    return FrameAlignment(comparisons, decisions)


# --- how two values relate -----------------------------------------------------------------


def _interval(fr: Frame) -> tuple[float, float]:
    tol = precision(fr)
    return fr.low - tol, fr.high + tol


def precision(fr: Frame) -> float:
    """Just under half a unit of the last digit written: '7.8' allows 7.751–7.849."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", fr.text)
    if not m or fr.measure in ("count", "clock") and not m.group(1):
        return 0.0
    decimals = len(m.group(1) or "")
    written = float(m.group(0).replace(",", ""))
    if written == 0:
        return 0.0
    factor = abs(fr.value / written) if fr.bound != Bound.RANGE else 1.0
    return 0.49 * 10 ** (-decimals) * factor


def relation(a: Frame, b: Frame, articles: dict[str, Article], cumulative: set[str]) -> str:
    """equal | compatible | bounds_differ | beyond_bound | revised | disjoint."""
    la, ha = _interval(a)
    lb, hb = _interval(b)
    if a.low == b.low and a.high == b.high:
        return "equal"
    both_limits = a.bound == b.bound and a.bound in (Bound.UPPER, Bound.RANGE)
    if la <= hb and lb <= ha:
        if both_limits:
            return "bounds_differ"
        if a.vague or b.vague:
            return "compatible"  # 'tens of thousands' holds 22,000, whenever it was reported
        # 'At least 450 killed' on Monday, '612 dead' on Tuesday: the bound fits, but the tally
        # was revised. Figures of a running tally that far apart are different counts unless
        # the dates say the higher one came first.
        if a.attribute in cumulative and _far(a, b) and not _earlier_higher(a, b, articles):
            return "revised"
        if _beyond_bound(a, b) or _beyond_bound(b, a):
            return "beyond_bound"
        return "compatible"
    if a.attribute in cumulative and _later_higher(a, b, articles):
        return "revised"
    return "disjoint"


# how far past an open lower limit a figure may lie and still be what the limit meant: "at least
# 5" allows 6, but "at least 2 missing" is not a report of 28 missing
BEYOND_BOUND = 1.25


def _beyond_bound(limit: Frame, other: Frame) -> bool:
    """`limit` is an open lower limit and `other` a figure far above it (not itself a limit)."""
    return (
        limit.bound == Bound.LOWER
        and other.bound != Bound.LOWER
        and limit.value > 0
        and other.value > limit.value * BEYOND_BOUND
    )


def _far(a: Frame, b: Frame) -> bool:
    """The two figures differ by more than 5%."""
    hi = max(abs(a.value), abs(b.value))
    return hi > 0 and abs(a.value - b.value) / hi > 0.05


def _later_higher(a: Frame, b: Frame, articles: dict[str, Article]) -> bool:
    """The higher figure comes from the later report, or its sentence says the tally rose."""
    low, high = (a, b) if a.value < b.value else (b, a)
    if _RISE.search(high.evidence.quote):
        return True
    d_low, d_high = _published(articles, low), _published(articles, high)
    return d_low is not None and d_high is not None and d_high > d_low


def _earlier_higher(a: Frame, b: Frame, articles: dict[str, Article]) -> bool:
    """The higher figure comes from an earlier report than the lower one."""
    low, high = (a, b) if a.value < b.value else (b, a)
    d_low, d_high = _published(articles, low), _published(articles, high)
    return d_low is not None and d_high is not None and d_high < d_low


def _published(articles: dict[str, Article], fr: Frame) -> date | None:
    art = articles.get(fr.article)
    return art.published if art is not None else None


# --- comparisons for the rule engine ---------------------------------------------------------


def _display(fr: Frame) -> str:
    return fr.text if not fr.headline else f"{fr.text} (headline)"


def _side(fr: Frame) -> Side:
    return Side(
        article=fr.article,
        evidence=fr.evidence,
        value=_value_text(fr),
        highlight=(fr.start, fr.end),
        detail={
            "display": _display(fr),
            "frame": fr.id,
            "attribute": fr.attribute,
            **({"background": fr.background} if fr.background else {}),
        },
    )


def _value_text(fr: Frame) -> str:
    if fr.measure == "clock":
        return f"{int(fr.value) // 60:02d}:{int(fr.value) % 60:02d}" + (
            f" {fr.timezone}" if fr.timezone else ""
        )
    if fr.bound == Bound.RANGE:
        return f"{fr.low:g}–{fr.high:g}"
    prefix = {Bound.LOWER: "≥", Bound.UPPER: "≤", Bound.APPROX: "~"}.get(fr.bound, "")
    unit = _base_unit(fr)
    return f"{prefix}{fr.value:g}" + (f" {unit}" if unit else "")


def _base_unit(fr: Frame) -> str:
    """The symbol of the unit a frame's value is held in ('m' for lengths, '%', 'USD')."""
    if fr.measure in BASE:
        return BASE[fr.measure][1]
    return {"percent": "%", "money": fr.unit or ""}.get(fr.measure, "")


def _comparison(
    a: Frame,
    b: Frame,
    others: list[Frame],
    rel: str,
    p: float,
    articles: dict[str, Article],
) -> Comparison:
    a, b = sorted((a, b), key=lambda f: f.article)
    subject = a.attribute_label
    detail = _detail(a, b, rel, articles)
    if a.measure == "clock":
        kind = "time"
        features = {
            "time_relation": {"equal": "equal", "compatible": "overlap"}.get(rel, "disjoint"),
            "modality": "+".join(sorted((a.modality.value, b.modality.value))),
        }
    else:
        kind = "count"
        features = {
            "count_relation": rel,
            "modality": "+".join(sorted((a.modality.value, b.modality.value))),
        }
    comp = Comparison(
        kind=kind,
        subject=subject,
        a=_side(a),
        b=_side(b),
        features=features,
        detail=detail,
        confidence=p,
        evidence=2,
    )
    comp.extra = [_side(fr) for fr in others]
    return comp


def _detail(a: Frame, b: Frame, rel: str, articles: dict[str, Article]) -> str:
    parts: list[str] = []
    if rel in ("equal", "compatible"):
        parts.append("the values fit each other once bounds, rounding and units are allowed")
    elif rel == "bounds_differ":
        parts.append("both give limits, and the limits differ")
    elif rel == "beyond_bound":
        limit, other = (a, b) if a.bound == Bound.LOWER else (b, a)
        parts.append(
            f"{other.text} lies far above the lower limit {limit.text}: the wording allows it, "
            "but the two report different figures"
        )
    elif rel == "revised":
        low, high = (a, b) if a.value < b.value else (b, a)
        d_low, d_high = _published(articles, low), _published(articles, high)
        when = f" ({d_low} → {d_high})" if d_low and d_high and d_low != d_high else ""
        parts.append(
            f"a later report gives a higher tally{when}: {low.text} is out of date against "
            f"{high.text}"
        )
    else:
        parts.append("the values cannot both be true, even allowing for bounds and rounding")
    if a.source and b.source and a.source.lower() != b.source.lower():
        parts.append(f"sources differ ({a.source} / {b.source})")
    if a.unit != b.unit and a.unit and b.unit:
        parts.append(f"compared in one unit ({a.unit} / {b.unit})")
    parts += [fr.adopted for fr in (a, b) if fr.adopted]
    return "; ".join(parts)
