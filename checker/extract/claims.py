"""Component: claims — every number, amount and date of a sentence, with the words around it.

Events catch what a story is about when a verb or noun names it. Many facts editors compare are
stated without one: 'can carry up to 840 people', 'two years behind schedule', 'closing at
8,579.19'. A claim keeps the value and the sentence's content words (lemmas, mapped to the
meaning classes of rules/vocab/synonyms.yaml), so claims of two articles can be matched by
wording (see `checker.align.claims`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from spacy.tokens import Span, Token

from checker.extract.counts import MONTHS, approx_bounds, number_in_name, number_label
from checker.extract.counts import NOT_COUNTED as _NOT_COUNTED
from checker.extract.document import ArticleDoc
from checker.extract.events import agent_of, modality_of
from checker.extract.nlp import span_ents
from checker.extract.numbers import parse_number
from checker.extract.pipeline import Context, component
from checker.extract.statements import GENERIC
from checker.extract.timeref import time_for_token
from checker.models.facts import ClaimFact, CountFact, Modality, PlaceRef
from checker.models.time import Granularity, Interval, Timex
from checker.rules.vocab import CountEntry
from checker.textutil import fold

# Words that occur around any value and tell nothing about what it measures: the words of
# any news sentence, and the calendar and unit words a figure comes with.
_GENERIC = GENERIC | {
    "current",
    "currently",
    "figure",
    "new",
    "now",
    "number",
    "point",
    "reach",
    "total",
}
# Words a number can be of without a noun: '... has risen to 19' — the subject says what.
_TALLY_NOUNS = {"toll", "number", "total", "count", "tally", "figure"}
# Meaning classes that count people ('the death toll rose to 19' counts dead people).
_PEOPLE_CLASSES = {"death", "injury", "missing", "arrest", "evacuate", "person"}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:million|billion|trillion|bn|mn|m|tn)\b)?"
_SCALES = {
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# Currencies by symbol before the number or word after it; the unit names the currency.
_CURRENCY_BEFORE = {
    "$": "usd",
    "us$": "usd",
    "us $": "usd",
    "usd": "usd",
    "€": "eur",
    "eur": "eur",
    "£": "gbp",
    "gbp": "gbp",
    "¥": "jpy",
}
_CURRENCY_AFTER = {
    "usd": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "eur": "eur",
    "euro": "eur",
    "euros": "eur",
    "gbp": "gbp",
    "pound": "gbp",
    "pounds": "gbp",
    "yen": "jpy",
    "rouble": "rub",
    "roubles": "rub",
    "ruble": "rub",
    "rubles": "rub",
    "yuan": "cny",
    "rupee": "inr",
    "rupees": "inr",
}
_MEASURE = re.compile(
    rf"(?P<cur>US ?\$|\$|€|£|¥|USD ?|EUR ?|GBP ?)?(?P<sign>[-+])?(?P<num>{_NUMBER})"
    rf"(?P<scale>{_SCALE})"
    r"(?:\s*(?P<unit>%|percent\b|per cent\b|points?\b|percentage points?\b|"
    r"usd\b|dollars?\b|euros?\b|eur\b|gbp\b|pounds?\b|yen\b|roubles?\b|rubles?\b|yuan\b|"
    r"rupees?\b))?",
    re.IGNORECASE,
)
_RANGE_BEFORE = re.compile(
    rf"(?:between\s+|from\s+)?(?P<low>{_NUMBER})\s*(?:to|and|-|–)\s*$", re.IGNORECASE
)
_RANGE_AFTER = re.compile(rf"\s*(?:to|and|-|–)\s*(?P<high>{_NUMBER})\b(?![.,]\d)", re.IGNORECASE)
# Units that are money ('usd', 'gbp', …): '$149', '27 billion euros'.
_CURRENCIES = set(_CURRENCY_BEFORE.values()) | set(_CURRENCY_AFTER.values())
# Classes of change nouns: '10,000 job cuts' counts what its compound names.
_CHANGE_CLASSES = {"decrease", "rise"}
# Words before a duration that make it the frame of a change ('in five days').
_FRAME_WORDS = {"in", "over", "during", "within", "after", "past", "last", "next", "since"}
# Tokens this far from the value (either side, same sentence) are its close context.
NEAR_WINDOW = 6


@component("claims", requires=("timexes", "counts", "events"), assigns=("claims",))
def claims(adoc: ArticleDoc, ctx: Context) -> None:
    taken: list[tuple[int, int]] = []  # spans already read: timexes, then claims
    previous_names: list[str] = []
    previous_keys: dict[int, str] = {}
    milestones = {e.id for e in ctx.vocab.entries("synonyms") if getattr(e, "milestone", False)}
    model_numbers = _model_numbers(adoc)
    # The gazetteer's places, by the sentence they are named in (read once, used three times).
    places_in: dict[int, list[PlaceRef]] = defaultdict(list)
    for ref in adoc.places:
        if ref.place is not None:
            places_in[adoc.sentence_index(ref.mention.start)].append(ref)
    for n, sent in enumerate(adoc.doc.sents):
        s_start, s_end = sent.start_char + adoc.offset, sent.end_char + adoc.offset
        places = places_in.get(n, [])
        keys = _keys(sent, ctx)
        keys.update(_place_keys(adoc, places))
        # 'It will carry 200 to 350 passengers': 'it' is what the sentence before described.
        own_keys = dict(keys)
        if _pronoun_subject(sent):
            keys = {**previous_keys, **keys}
        previous_keys = own_keys
        timexes = adoc.timexes_in(s_start, s_end)
        # Only spans reaching into this sentence can cover a number in it (a list of every
        # timex in the article, scanned per number, made long articles quadratic).
        taken = [span for span in taken if span[1] > s_start] + [
            (t.start, t.end) for t in adoc.starting_in("timexes", s_start - 500, s_end)
        ]
        dated = [t for t in timexes if t.type in ("DATE", "TIME") and t.interval is not None]
        found: list[ClaimFact] = []
        for c in adoc.starting_in("counts", s_start, s_end):
            if any(s <= c.start < e for s, e in taken):
                continue  # the second number of a range already read ('200 to 300 people')
            claim = _count_claim(adoc, ctx, c, keys)
            found.append(claim)
            taken.append((claim.start, claim.end))
        for t in timexes:
            claim = _time_claim(adoc, t, keys)
            if claim is not None:
                found.append(claim)
        found.extend(_measures(adoc, ctx, sent, keys, taken))
        found.extend(_place_claims(adoc, places, keys))
        # 'the first 450', '450 project manager': a number the article uses as a name.
        found = [c for c in found if not _is_model_number(c, model_numbers)]
        _fill_ellipsis(found, adoc.article.text)
        headline = sent.start_char == 0 and fold(sent.text.strip()) == fold(adoc.article.title)
        # 'until Friday' is a date, not a participant; 'Russia' and 'Changi Airport' are
        # places, compared as such.
        in_time = [(t.start, t.end) for t in timexes]
        in_time += [(r.mention.start, r.mention.end) for r in places]
        names = {
            keys[t.i]
            for t in sent
            if t.pos_ == "PROPN"
            and t.i in keys
            and t.ent_type_ not in ("GPE", "LOC", "FAC")
            and not any(s <= t.idx + adoc.offset < e for s, e in in_time)
        }
        # 'All Nippon Airways' is also 'ANA': initials of multi-word names.
        for ent in span_ents(sent):
            if ent.label_ not in ("ORG", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART"):
                continue
            words = [w for w in ent if w.is_alpha and w.is_title and w.lower_ != "the"]
            if len(words) >= 2:
                names.add("".join(w.text[0] for w in words).lower())
        names = sorted(names)
        context, previous_names = previous_names, names or previous_names
        countries = sorted({r.place.country for r in places if r.place and r.place.country})
        recurring = any(
            getattr(e, "recurring", False)
            for _s, _e, e in ctx.vocab.find_all("event_types", sent.text)
        )
        for claim in found:
            claim.headline = headline
            claim.countries = countries
            claim.recurring = recurring
            claim.names = [n for n in names if n not in claim.text.lower()]
            claim.context_names = context
            stated = next((t for t in dated if t.start != claim.start), None)
            claim.stated_time = stated if claim.kind != "time" else None
            claim.period = _period(adoc.article.text, claim, timexes)
            if claim.kind == "time":
                claim.milestone = _milestone(adoc, claim, keys, milestones)
                # What the date is of counts as a word next to it.
                if claim.milestone and claim.milestone not in claim.near:
                    claim.near = sorted([*claim.near, claim.milestone])
            _verb_facts(adoc, claim, keys)
        adoc.claims.extend(found)
    # A title repeats what the body says: keep the body's sentence, which says more.
    body = {_value_key(c) for c in adoc.claims if not c.headline}
    adoc.claims = [c for c in adoc.claims if not (c.headline and _value_key(c) in body)]
    adoc.claims.sort(key=lambda c: c.start)


def _list_item(text: str, start: int, end: int) -> bool:
    """After a comma or 'and', followed by 'in …', a comma, 'and' or the end: '…, 3,700 in
    Germany and 400 in Spain'."""
    if not re.search(r"(,|\band)\s*$", text[max(0, start - 6) : start]):
        return False
    return re.match(r"\s*(in\b|,|and\b|\.|;|$)", text[end : end + 6]) is not None


def _fill_ellipsis(found: list[ClaimFact], text: str) -> None:
    """'4,300 jobs in France, 3,700 in Germany': a bare number in a list counts what the count
    before it counts."""
    counts = sorted((c for c in found if c.kind == "count"), key=lambda c: c.start)
    for m in found:
        if m.kind != "measure" or m.unit != "figure" or m.value is None:
            continue
        if m.value != int(m.value):
            continue
        if not _list_item(text, m.start, m.end):
            continue
        before = [c for c in counts if c.end <= m.start and m.start - c.end <= 40]
        if before:
            m.kind, m.unit = "count", before[-1].unit


def _value_key(c: ClaimFact) -> tuple:
    return (c.kind, c.unit, c.time.value if c.time else c.value)


def key_of(tok: Token, ctx: Context) -> str | None:
    """The comparison key of a content word: its synonym class, else its folded lemma."""
    if tok.like_num or not any(ch.isalpha() for ch in tok.text):
        return None
    lemma = fold(tok.lemma_)
    entry = ctx.vocab.lookup("synonyms", lemma) or ctx.vocab.lookup("synonyms", fold(tok.text))
    if entry is not None:
        return entry.id
    if tok.is_stop or tok.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ") or lemma in _GENERIC:
        return None
    if len(lemma) < 2:
        return None
    return lemma


def _milestone(
    adoc: ArticleDoc, claim: ClaimFact, keys: dict[int, str], milestones: set[str]
) -> str | None:
    """The once-only step named closest to a date ('first flight in March and entry into
    service in mid-2006': March dates the flight)."""
    at = adoc.token_at(claim.start)
    if at is None:
        return None
    found = [(i, k) for i, k in keys.items() if k in milestones and i < len(adoc.doc)]
    # Milestones of the date's own clause first: its verb, or a verb that verb depends on.
    chain, verb = set(), _verb(at)
    while verb is not None and verb.i not in chain:
        chain.add(verb.i)
        verb = _verb(verb.head) if verb.head.i != verb.i else None
    own = [(i, k) for i, k in found if (v := _verb(adoc.doc[i])) is not None and v.i in chain]
    ranked = sorted((abs(i - at.i), k) for i, k in (own or found))
    return ranked[0][1] if ranked else None


def _period(text: str, claim: ClaimFact, timexes: list[Timex]) -> str | None:
    """The stretch a figure's change is measured over: a duration just after it ('fell 679
    points in one day') or just before it ('over the past nine days, it fell 2,000 points')."""
    if claim.kind not in ("count", "measure"):
        return None
    for t in timexes:
        if t.type != "DURATION" or t.value is None:
            continue
        gap = text[claim.end : t.start] if t.start >= claim.end else text[t.end : claim.start]
        if len(gap) <= 25 and re.search(r"\b(in|over|during|within|for)\b", gap + " " + t.text):
            return t.value
    return None


def _pronoun_subject(sent: Span) -> bool:
    """The main verb's subject is 'it' or 'they' (not 'it is expected that …')."""
    root = sent.root
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they") for c in root.children
    ) and not any(c.dep_ in ("ccomp", "csubj", "csubjpass") for c in root.children)


def _keys(sent: Span, ctx: Context) -> dict[int, str]:
    """Token index -> key, for the content words of a sentence. Two-word synonyms first, next
    to each other before with a word between ('first regular flight' is a regular flight,
    not a first flight)."""
    out: dict[int, str] = {}
    toks = list(sent)
    # 'enter service', and with a word between: 'enter airline service'.
    for gap in (1, 2):
        for k, tok in enumerate(toks[:-gap]):
            other = toks[k + gap]
            if tok.i in out or other.i in out:
                continue
            entry = ctx.vocab.lookup("synonyms", f"{fold(tok.lemma_)} {fold(other.lemma_)}")
            if entry is not None:
                out[tok.i] = out[other.i] = entry.id
    for tok in toks:
        if tok.i not in out:
            key = key_of(tok, ctx)
            if key is not None:
                out[tok.i] = key
    return out


def _place_claims(
    adoc: ArticleDoc, places: list[PlaceRef], keys: dict[int, str]
) -> list[ClaimFact]:
    """Every place the gazetteer knows, as a claim: 'fell in Bavaria', 'near Munich'."""
    out: list[ClaimFact] = []
    for ref in places:
        span = _tokens(adoc, ref.mention.start, ref.mention.end)
        # A company or a person named like a town ('Toyota', 'Nissan') is no place.
        if span is None or adoc.doc[span[0]].ent_type_ in ("ORG", "PERSON", "PRODUCT", "NORP"):
            continue
        every, near = _context(keys, *span, adoc.doc)
        out.append(
            ClaimFact(
                kind="place",
                text=ref.mention.text,
                start=ref.mention.start,
                end=ref.mention.end,
                unit="place",
                place=ref,
                keys=every,
                near=near,
                modality=_modality(adoc.doc[span[0]]),
                evidence=adoc.evidence(ref.mention.start, ref.mention.end),
            )
        )
    return out


def _place_keys(adoc: ArticleDoc, places: list[PlaceRef]) -> dict[int, str]:
    """'U.S.' and 'the United States' are one place: key place mentions by gazetteer name."""
    out: dict[int, str] = {}
    for ref in places:
        assert ref.place is not None
        span = _tokens(adoc, ref.mention.start, ref.mention.end)
        if span is not None:
            for i in range(span[0], span[1] + 1):
                out[i] = fold(ref.place.name)
    return out


def _context(keys: dict[int, str], first: int, last: int, doc=None) -> tuple[list[str], list[str]]:
    """Sentence keys and keys near tokens [first, last], the value's own tokens left out.

    Near: within a few words, or on the value's path up to its verb and that verb's subject
    and object ('The death toll from the fire ... has risen to 19': toll, rise).
    """
    every = sorted({k for i, k in keys.items() if not first <= i <= last})
    idx = {i for i in keys if first - NEAR_WINDOW <= i <= last + NEAR_WINDOW}
    if doc is not None:
        cur = doc[last]
        for _ in range(4):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            idx.add(cur.i)
            if cur.pos_ in ("VERB", "AUX"):
                for child in cur.children:
                    if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
                        idx.add(child.i)
                        idx.update(c.i for c in child.children if c.dep_ in ("compound", "amod"))
                break
    own = {keys[i] for i in range(first, last + 1) if i in keys}
    near = sorted({keys[i] for i in idx if i in keys and not first <= i <= last} - own)
    return every, near


def _record(adoc: ArticleDoc, t: Timex, tok: Token) -> bool:
    """'its worst crisis since 1989', 'the lowest level since the 2003 slump': a superlative
    earlier in the sentence and 'since' just before the date."""
    before = adoc.article.text[max(0, t.start - 30) : t.start].lower()
    if "since" not in before.split()[-4:] and not t.text.lower().startswith("since"):
        return False
    return any(w.tag_ == "JJS" for w in tok.sent if w.i < tok.i)


def _model_numbers(adoc: ArticleDoc) -> set[str]:
    """Numbers the article writes as part of a name somewhere ('Orbis 450', '450 Skyliner',
    'FTSE 100'): each of their mentions names the thing, not a count of anything."""
    doc = adoc.doc
    out: set[str] = set()
    for t in doc:
        if not (t.text.isdigit() and len(t.text) >= 2):
            continue
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        # A capital after the number, in a sentence not written in title case.
        named_after = (
            after is not None
            and after.text[:1].isupper()
            and after.text[1:].islower()
            and after.ent_type_ not in ("NORP", "GPE", "DATE", "TIME")
            and fold(after.text) not in MONTHS
            and not _title_case(after.sent)
        )
        if (t.i > 0 and number_in_name(doc[t.i - 1])) or named_after:
            out.add(t.text)
    return out


def _title_case(sent: Span) -> bool:
    """'Storm Kills 300 People In Bavaria': most words capitalized, so capitals mean nothing."""
    words = [t for t in sent if t.is_alpha and len(t.text) > 3]
    return bool(words) and sum(t.text[0].isupper() for t in words) > len(words) / 2


def _is_model_number(c: ClaimFact, numbers: set[str]) -> bool:
    if c.kind not in ("count", "measure") or c.unit in _CURRENCIES or c.unit == "percent":
        return False
    return c.text.split()[0] in numbers if c.text else False


def _record_baseline(adoc: ArticleDoc, t: Timex, tok: Token) -> Timex | None:
    """'the lowest level in five years', 'for the first time in a decade': a record told as a
    stretch back from the day of writing, as the year it reaches back to."""
    published = adoc.article.published
    m = re.fullmatch(r"P(\d+)(Y|DE)", t.value or "")
    if t.type != "DURATION" or published is None or m is None:
        return None
    before = adoc.article.text[max(0, t.start - 12) : t.start].lower().split()[-1:]
    if before not in (["in"], ["for"]):
        return None
    if not any(w.tag_ == "JJS" or w.lower_ == "first" for w in tok.sent if w.i < tok.i):
        return None
    year = published.year - int(m.group(1)) * (10 if m.group(2) == "DE" else 1)
    if year < 1:
        return None
    return Timex(
        start=t.start,
        end=t.end,
        text=t.text,
        type="DATE",
        value=f"{year:04d}",
        interval=Interval(
            begin=date(year, 1, 1), end=date(year, 12, 31), granularity=Granularity.YEAR
        ),
        anchor="dct",
    )


def _in_name(adoc: ArticleDoc, tok: Token) -> bool:
    """A year that is part of a name ('Windows 2000', 'Expo 2010'): no date at all."""
    if tok.i == 0 or not tok.like_num:
        return False
    prev = adoc.doc[tok.i - 1]
    return prev.pos_ == "PROPN" and prev.ent_type_ not in ("DATE", "TIME") and prev.is_title


def _attached_key(tok: Token, keys: dict[int, str], span: tuple[int, int]) -> str | None:
    """Key of the first content word above a date: '1998 financial crisis' -> crisis."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.i in keys and not span[0] <= cur.i <= span[1]:
            return keys[cur.i]
    return None


def _verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def _verb_facts(adoc: ArticleDoc, claim: ClaimFact, keys: dict[int, str]) -> None:
    """What the value's verb says: its act ('Zolo seeks $4.2 billion' -> seek; None for 'be'),
    its object ('Apple introduced the iMac in 1998' -> imac) and, for figures, its named doer,
    when the figure holds and whether it is told as a past event ('fell 3%')."""
    tok = adoc.token_at(claim.end - 1)
    verb = _verb(tok) if tok is not None else None
    if verb is None:
        return
    claim.action = keys.get(verb.i)
    # 'starting at $149', 'from $79': the words of a price, not a start.
    before = adoc.article.text[max(0, claim.start - 20) : claim.start].lower()
    if claim.unit in _CURRENCIES and re.search(r"\b(start\w*|from)\s+(at\s+)?\W*$", before):
        claim.action = "price"
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass") and child.i in keys:
            if not claim.start <= adoc.char(child) < claim.end:
                claim.theme = keys[child.i]
                break
    if claim.kind == "time":
        return
    # Only a time the clause states (or a present tense: the day of writing); a time carried
    # over from earlier sentences is too often another event's.
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    claim.agent = agent_of(verb, objects[0] if objects else None)
    ref, inherited = time_for_token(adoc, verb)
    # A date of the value's own clause; another clause's date ('emails released last week
    # show the deal to lease 100 tankers') says nothing about when the figure held.
    claim.stated_time = ref if not inherited else None
    present = ref is not None and ref.anchor == "dct" and inherited
    claim.ref_time = ref if not inherited or present else None
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    # 'fell', 'was killed' (past events) but not 'has fallen', 'had been ordered' (states).
    claim.past = (
        "VBD" in tags
        and not {"VBZ", "VBP", "MD"} & tags
        and not any(
            fold(c.text) in ("had", "has", "have") for c in verb.children if c.dep_ == "aux"
        )
    )


def _time_modality(adoc: ArticleDoc, t: Timex, tok: Token) -> Modality:
    """'are not due until October': not before October, i.e. October; no denial."""
    modality = _modality(tok)
    before = adoc.article.text[max(0, t.start - 8) : t.start].lower().split()[-1:]
    if before == ["until"] and modality in (Modality.NEGATED, Modality.HEDGED):
        return Modality.PLANNED
    # A date wholly after the day of writing cannot be of a reported fact: it is a plan,
    # whatever verb the parse hangs it on.
    published = adoc.article.published
    if (
        modality == Modality.REPORTED
        and published is not None
        and t.interval is not None
        and t.interval.begin > published
    ):
        return Modality.PLANNED
    return modality


def _figure_modality(tok: Token) -> Modality:
    """A figure that names a thing ('the $700 billion bailout') is not hedged by its clause."""
    modality = _modality(tok)
    cur = tok
    while cur.head.pos_ == "NUM" and cur.head.i != cur.i:  # '700 billion bailout'
        cur = cur.head
    if modality == Modality.HEDGED and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.i != cur.i:
        return Modality.REPORTED
    return modality


def _modality(tok: Token) -> Modality:
    verb = _verb(tok)
    if verb is None:
        return Modality.REPORTED
    # 'can carry 840 people' states an ability, told as fact.
    if any(c.dep_ == "aux" and fold(c.text) == "can" for c in verb.children):
        return Modality.REPORTED
    # 'will take off and land on Friday': the second verb shares the first one's 'will'.
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _modality(verb.head)
    # Headline style: 'Ports to sign accord next week' announces a plan.
    if verb.dep_ == "ROOT" and any(c.tag_ == "TO" for c in verb.children):
        return Modality.PLANNED
    return modality_of(verb)


def _tokens(adoc: ArticleDoc, start: int, end: int) -> tuple[int, int] | None:
    span = adoc.span(start, end)
    if span is None or not len(span):
        return None
    return span.start, span.end - 1


def _noun_of(adoc: ArticleDoc, c: CountFact) -> Token | None:
    """The counted noun's token: the first word after the number with the count's lemma."""
    last = adoc.token_at(c.end - 1)
    if last is None:
        return None
    for tok in adoc.doc[last.i + 1 : last.i + 5]:
        if fold(tok.lemma_) == c.noun:
            return tok
    return None


def _count_claim(adoc: ArticleDoc, ctx: Context, c: CountFact, keys: dict[int, str]) -> ClaimFact:
    entry = ctx.vocab.lookup("synonyms", c.noun)
    unit = entry.id if entry is not None else c.noun
    words = c.phrase.split()
    compounds = []
    for w in words[:-1]:
        e = ctx.vocab.lookup("synonyms", w)
        compounds.append(e.id if e is not None else w)
    # '10,000 job cuts' counts jobs, as '10,000 jobs go' does.
    if unit in _CHANGE_CLASSES and compounds:
        unit = compounds[-1]
    # '$700 billion bail-out', '700 billion USD bailout': an amount of money.
    body_text = adoc.article.text
    symbol = re.search(
        r"(US ?\$|\$|€|£|¥|USD ?|EUR ?|GBP ?)$", body_text[max(0, c.start - 4) : c.start]
    )
    number_end = c.start + len(c.text.rstrip())
    word_after = body_text[number_end : number_end + 12].split()[:1]
    if symbol is not None:
        cur = fold(symbol.group(1)).replace(" ", "")
        unit = _CURRENCY_BEFORE.get(cur, cur)
    elif word_after and fold(word_after[0]).strip(".,;") in _CURRENCY_AFTER:
        unit = _CURRENCY_AFTER[fold(word_after[0]).strip(".,;")]
    bound_entry = ctx.vocab.lookup("counts", c.approx) if c.approx else None
    bound = bound_entry.id if bound_entry is not None else None
    # 'two of the engines', 'six of these aircraft': a part of a set, not its size.
    # 'one of 88 notes' too.
    if re.match(r"\s+of\s+(the|these|those|its|their|our|his|her|\d)", adoc.article.text[c.end :]):
        bound = "part"
    # 'the three other detainees', 'two more bodies': some beyond those already counted.
    if re.match(r"\s+(other|more|additional|further|remaining)\b", body_text[number_end:]):
        bound = "part"
    low, high, start, text = c.low, c.high, c.start, c.text
    # '200 to 300 people', 'between 210 and 250 passengers': a range, both ends stated.
    body = adoc.article.text
    before = body[max(0, c.start - 30) : c.start]
    m = _RANGE_BEFORE.search(before)
    if m is not None and c.approx is None:
        first = parse_number(m.group("low"))
        if first is not None and first < c.value:
            low, high, bound = first, c.value, "range"
            start = c.start - len(before) + m.start()
            text = body[start : c.end]
    # '200 to 300 people' read as '200 … people': the second number closes the range.
    after = _RANGE_AFTER.match(body, c.end)
    end = c.end
    if after is not None and bound is None and c.approx is None:
        second = parse_number(after.group("high"))
        if second is not None and second > c.value:
            low, high, bound, end = c.value, second, "range", after.end("high")
            text = body[start:end]
    span = _tokens(adoc, c.start, c.end) or (0, 0)
    every, near = _context(keys, *span, adoc.doc)
    tok = adoc.doc[span[0]]
    verb_entry = ctx.vocab.lookup("synonyms", c.verb) if c.verb else None
    noun_tok = _noun_of(adoc, c)
    qualifiers = (
        sorted(fold(t.lemma_) for t in noun_tok.children if t.dep_ == "amod" and t.pos_ == "ADJ")
        if noun_tok is not None
        else []
    )
    also = [verb_entry.id] if verb_entry is not None else []
    # 'lease 100 tanker aircraft' also counts tankers.
    also += compounds + ([entry.id if entry is not None else c.noun])
    return ClaimFact(
        also=sorted(set(also) - {unit}),
        qualifiers=qualifiers,
        kind="count",
        text=text,
        start=start,
        end=end,
        unit=unit,
        value=c.value,
        low=low,
        high=high,
        bound=bound,
        vague=isinstance(bound_entry, CountEntry) and bound_entry.scale == "absolute",
        keys=every,
        near=near,
        modality=_figure_modality(tok),
        evidence=c.evidence,
    )


def _time_claim(adoc: ArticleDoc, t: Timex, keys: dict[int, str]) -> ClaimFact | None:
    span = _tokens(adoc, t.start, t.end)
    if span is None:
        return None
    every, near = _context(keys, *span, adoc.doc)
    tok = adoc.doc[span[0]]
    baseline = _record_baseline(adoc, t, tok)
    if baseline is not None:
        # 'its lowest level in five years' (2008) says what 'since 2003' says.
        fields = {"kind": "time", "unit": "time", "time": baseline, "record": True}
        fields["anchor"] = _attached_key(adoc.doc[span[1]], keys, span)
    elif t.type == "DURATION":
        days = _duration_days(t.value)
        # 'fell 2,000 points in the past nine days': the period a change is measured over,
        # not a length anyone claims.
        before = adoc.article.text[max(0, t.start - 12) : t.start].lower().split()[-1:]
        if (
            days is None
            # 'annual', 'daily': how often, not how long
            or not re.search(
                r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|"
                r"eleven|twelve|a|an|half|dozen)\b",
                t.text.lower(),
            )
            or (before and before[0] in _FRAME_WORDS)
            or t.text.lower().startswith(
                ("the past", "the last", "the next", "past", "last", "next")
            )
        ):
            return None
        fields: dict = {"kind": "duration", "unit": "duration", "value": days, "low": days}
        fields.update(high=days, bound=t.mod)
    elif t.type in ("DATE", "TIME") and t.interval is not None and not _in_name(adoc, tok):
        fields = {"kind": "time", "unit": "time", "time": t, "record": _record(adoc, t, tok)}
        fields["anchor"] = _attached_key(adoc.doc[span[1]], keys, span)
    else:
        return None
    return ClaimFact(
        text=t.text,
        start=t.start,
        end=t.end,
        keys=every,
        near=near,
        modality=_time_modality(adoc, t, tok),
        evidence=adoc.evidence(t.start, t.end),
        **fields,
    )


_DURATION = re.compile(
    r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)Q)?(?:(\d+(?:\.\d+)?)M)?"
    r"(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$"
)


def _duration_days(value: str) -> float | None:
    """'P2Y' -> 730.5, 'P18M' -> 547.9, 'P2Q' -> 182.6; None for time-of-day durations and
    vague 'PXY'."""
    m = _DURATION.match(value)
    if m is None or not any(m.groups()):
        return None
    years, quarters, months, weeks, days = (float(g) if g else 0.0 for g in m.groups())
    return years * 365.25 + quarters * 91.31 + months * 30.44 + weeks * 7 + days


def _measures(
    adoc: ArticleDoc,
    ctx: Context,
    sent: Span,
    keys: dict[int, str],
    taken: list[tuple[int, int]],
) -> list[ClaimFact]:
    """Amounts, percentages, points and bare figures that are not counts of things."""
    out: list[ClaimFact] = []
    base = sent.start_char + adoc.offset
    for m in _MEASURE.finditer(sent.text):
        start, end = base + m.start(), base + m.end()
        num_start = base + m.start("num")
        if any(s <= num_start < e for s, e in taken):
            continue
        # Inside a name ('FTSE 100', 'Nikkei 225'): not a figure.
        first = adoc.token_at(num_start)
        if first is not None and _after_name(adoc, first):
            continue
        # Part of a word or a code ('Z9', '450-3', 'G7'): not a figure.
        if m.start() > 0 and (
            sent.text[m.start() - 1].isalnum() or sent.text[m.start() - 1] in "-/"
        ):
            continue
        if m.end() < len(sent.text) and (sent.text[m.end()].isalpha() or sent.text[m.end()] == "-"):
            if not m.group("unit"):
                continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        scale = fold(m.group("scale").strip()) if m.group("scale") else ""
        value *= _SCALES.get(scale, 1.0)
        cur = fold((m.group("cur") or "").strip()).replace(" ", "")
        unit_word = fold(m.group("unit") or "")
        if cur:
            unit = _CURRENCY_BEFORE.get(cur, cur)
        elif unit_word in _CURRENCY_AFTER:
            unit = _CURRENCY_AFTER[unit_word]
        elif unit_word in ("%", "percent", "per cent"):
            unit = "percent"
        elif unit_word.startswith("percentage point"):
            unit = "percentage_point"
        elif unit_word.startswith("point"):
            unit = "point"
        elif (counted := _noun_after(adoc, ctx, base + m.end("num"))) is not None:
            # A count the parser did not tie to its noun: '(between) 210 and 330 passengers'.
            unit, high_value, end = counted
            if high_value is not None and high_value > value:
                claim = _bare_count(adoc, keys, start, end, unit, value, high_value)
                if claim is not None:
                    taken.append((start, end))
                    out.append(claim)
                continue
        else:
            unit = _tally_unit(adoc, ctx, num_start, keys) or ""
            # A bare number with neither unit nor tally noun: only a figure with decimals or
            # thousands ('closing at 8,579.19') is distinctive enough to compare.
            if not unit:
                plain = "." not in m.group("num") and "," not in m.group("num")
                if plain and not _list_item(adoc.article.text, start, end):
                    continue
                unit = "figure"
        low = high = value
        if scale:
            # '$27bn' is a rounded '$27.5bn': half a unit of the last digit written.
            digits = m.group("num").replace(",", "")
            step = 10 ** -len(digits.split(".")[1]) if "." in digits else 1
            low, high = value - 0.5 * step * _SCALES[scale], value + 0.5 * step * _SCALES[scale]
        if m.group("sign") == "-":
            value, low, high = -value, -high, -low
        # '$49.74 a barrel', '$2 per share': a price per unit, a figure of its day.
        per = re.match(r"\s+(?:a|an|per)\s+([a-z]+)", sent.text[m.end() :])
        if per is not None and unit in _CURRENCIES:
            unit = f"{unit}/{fold(per.group(1))}"
        span = _tokens(adoc, start, end)
        if span is None:
            continue
        every, near = _context(keys, *span, adoc.doc)
        taken.append((start, end))
        before = sent.text[: m.start()].split()[-1:] if m.start() else []
        prev = fold(before[0]) if before else ""
        if unit in ("percent", "point"):  # a size of change: its direction is in the words
            value = low = high = abs(value)
        bound = "rounded" if scale else None
        # 'to below 9,000', 'more than 7.3%', 'nearly $5bn': the figure is a bound.
        words = re.findall(r"[\w.]+", sent.text[max(0, m.start() - 25) : m.start()].lower())
        for n in (3, 2, 1):
            entry = ctx.vocab.lookup("counts", " ".join(words[-n:])) if len(words) >= n else None
            if isinstance(entry, CountEntry) and entry.scale == "relative":
                low, high = approx_bounds(entry, value)
                if value < 0:
                    low, high = -high, -low
                bound = entry.id
                break
        text = adoc.article.text[start:end].rstrip()
        out.append(
            ClaimFact(
                kind="measure",
                text=text,
                start=start,
                end=start + len(text),
                unit=unit,
                value=value,
                low=low,
                high=high,
                bound=bound,
                keys=every,
                near=near,
                modality=_figure_modality(adoc.doc[span[0]]),
                aspect=_LEVEL_WORDS.get(prev) or _aspect(adoc.doc[span[0]], keys),
                evidence=adoc.evidence(start, end),
            )
        )
    return out


# The word before a figure tells a level ('closed at 8,579') from a change ('fell by 3%').
_LEVEL_WORDS = {
    "at": "level",
    "to": "level",
    "of": "level",
    "by": "change",
    "up": "change",
    "down": "change",
}


def _aspect(tok: Token, keys: dict[int, str]) -> str | None:
    """A figure that is the object of a verb of change ('fell 678 points') is a change."""
    head = tok.head
    if head.pos_ == "VERB" and keys.get(head.i) in ("rise", "decrease"):
        return "change"
    return None


def _after_name(adoc: ArticleDoc, tok: Token) -> bool:
    """'Nikkei 225', 'Standard & Poor's 500': a number that ends a name."""
    doc = adoc.doc
    if tok.i > 0 and number_in_name(doc[tok.i - 1]) or number_label(tok):
        return True
    return tok.i > 1 and doc[tok.i - 1].tag_ == "POS" and number_in_name(doc[tok.i - 2])


def _noun_after(
    adoc: ArticleDoc, ctx: Context, offset: int
) -> tuple[str, float | None, int] | None:
    """(unit, second number of a range, end offset) when a noun follows the number."""
    text = adoc.article.text
    high = None
    m = _RANGE_AFTER.match(text, offset)
    pos = offset
    if m is not None:
        high = parse_number(m.group("high"))
        pos = m.end("high")
    tok = adoc.token_at(pos + len(text[pos:]) - len(text[pos:].lstrip()))
    if tok is None or tok.pos_ != "NOUN" or fold(tok.lemma_) in _NOT_COUNTED:
        return None
    if tok.tag_ == "NNP":  # '450 Skyliner': a name, not a count
        return None
    entry = ctx.vocab.lookup("synonyms", fold(tok.lemma_))
    unit = entry.id if entry is not None else fold(tok.lemma_)
    return unit, high, adoc.char(tok) + len(tok.text)


def _bare_count(
    adoc: ArticleDoc,
    keys: dict[int, str],
    start: int,
    end: int,
    unit: str,
    low: float,
    high: float,
) -> ClaimFact | None:
    span = _tokens(adoc, start, end)
    if span is None:
        return None
    every, near = _context(keys, *span, adoc.doc)
    return ClaimFact(
        kind="count",
        text=adoc.article.text[start:end],
        start=start,
        end=end,
        unit=unit,
        value=high,
        low=low,
        high=high,
        bound="range",
        keys=every,
        near=near,
        modality=_modality(adoc.doc[span[0]]),
        evidence=adoc.evidence(start, end),
    )


def _tally_unit(adoc: ArticleDoc, ctx: Context, offset: int, keys: dict[int, str]) -> str | None:
    """'The death toll has risen to 19': a number whose verb's subject is a tally noun."""
    tok = adoc.token_at(offset)
    if tok is None:
        return None
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    for child in cur.children:
        if child.dep_ in ("nsubj", "nsubjpass") and fold(child.lemma_) in _TALLY_NOUNS:
            words = [child] + [c for c in child.children if c.dep_ in ("compound", "amod")]
            classes = {keys.get(w.i) for w in words} - {None}
            for cls in classes:
                if cls in _PEOPLE_CLASSES:
                    return "person"
            return next(iter(sorted(c for c in classes if c)), fold(child.lemma_))
    return None
