"""Component: every stated value of an article as a fact frame (see `checker.models.frames`).

A value is a number written in digits or words, with the bound words around it ("at least"),
its unit ("km", "$", "-magnitude", "%"), or a clock time from the time tagger. Its attribute is
read from cue words of `rules/vocab/attributes.yaml` near it; its own time from a year in the
same clause; its source from "said X" / "according to X". Numbers that are part of names
("Boeing 737", "Flight 404"), years and dates are no values.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from checker.extract.agents import agent, verb_of
from checker.extract.counts import number_in_name, number_label
from checker.extract.document import ArticleDoc
from checker.extract.numbers import parse_number
from checker.extract.pipeline import Context, component
from checker.extract.scope import scope
from checker.extract.sentence_facts import SentenceFacts, nearest_cue, place_index
from checker.extract.time_frames import clock_frames, duration_frames
from checker.extract.units import UnitTable, unit_table
from checker.extract.vague import halves, vague_amounts
from checker.models.facts import Modality
from checker.models.frames import GENERIC_NOUNS, Bound, Frame
from checker.textutil import fold

# Scale words after a number: '1.5 million', '$3bn'.
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# What may stand between a bound word and its number: 'nearly ₹600 crore', 'about Rs 40',
# 'more than a million'.
_BETWEEN_BOUND_AND_NUMBER = re.compile(
    r"|an?|(?:US|A|C|HK|NZ|S)?[$£€¥₹]|Rs\.?|USD|EUR|GBP|INR|JPY|CNY|RMB|Rp", re.IGNORECASE
)
_CURRENCY_PREFIXED = re.compile(r"^(?:US|AU|NZ|HK|A|C|S)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$")
_MAGNITUDE_TOKEN = re.compile(r"^magnitude-(\d(?:\.\d+)?)$", re.IGNORECASE)
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(bn|m|mn|k|tn|b)$", re.IGNORECASE)
# Entity labels whose numbers are names or codes, not quantities.
_NAME_ENTS = {"PRODUCT", "LAW", "WORK_OF_ART", "FAC", "ORG", "EVENT"}
# Nouns that narrow a count to a part of a whole ('12 children', 'three foreigners').
_PART_WORDS = {
    "child",
    "children",
    "woman",
    "women",
    "foreigner",
    "foreign",
    "tourist",
    "student",
    "officer",
    "policeman",
    "soldier",
    "firefighter",
    "rescuer",
    "national",
    "citizen",
    "local",
    "aftershock",
    "including",
    "among",
    "whom",
    "them",
    "alone",
    "another",
    "additional",
    "more",
    "other",
    "further",
    "new",
    "previous",
    "earlier",
}
_HEDGES = {"could", "may", "might", "feared", "fear", "expect", "expected", "likely", "estimate"}
# A value planned, asked for or proposed is not yet a fact ('seeks $4.2bn in loans').
_PLANS = {
    *("will", "would", "plan", "planned", "plans", "aim", "target", "forecast", "project"),
    *("seek", "seeks", "sought", "request", "requested", "ask", "asked", "demand", "propose"),
}
_PLAN_VERBS_ONLY = {"project", "target", "aim", "forecast", "plan", "plans"}
OWN_NOUN_SCORE = 2.5  # a counted noun ranks as a cue two and a half arcs away


@dataclass
class _Number:
    first: Token
    last: Token
    value: float
    low: float
    high: float
    bound: Bound
    start: int  # file offsets of the whole value text (bound word, number, unit)
    end: int
    vague: bool = False  # an order of magnitude in words: 'hundreds of thousands'


@component("frames", requires=("timexes", "places"), assigns=("frames",))
def frames(adoc: ArticleDoc, ctx: Context) -> None:
    table = unit_table(ctx.vocab)
    taken = adoc.in_timexes()
    places = place_index(adoc)
    found: list[Frame] = []
    for index, span in enumerate(adoc.sents):
        sent = SentenceFacts.read(adoc, ctx, span, index, places)
        for num in _numbers(adoc, span, taken, ctx):
            frame = _frame(adoc, ctx, table, sent, num, len(found))
            if frame is not None:
                found.append(frame)
        found.extend(clock_frames(adoc, ctx, sent, len(found)))
        found.extend(duration_frames(adoc, ctx, sent, len(found)))
    adoc.frames = found


# --- numbers -------------------------------------------------------------------------------


def _number_token(tok: Token) -> float | None:
    text = tok.text
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    m = _SUFFIXED.match(text)
    if m:
        return float(m.group(1)) * _SCALES[m.group(2).lower()]
    m = _CURRENCY_PREFIXED.match(text)
    if m and tok.i > 0 and tok.nbor(-1).text == "$":  # '$US95': the tokenizer splits after '$'
        return float(m.group(1).replace(",", ""))
    m = _MAGNITUDE_TOKEN.match(text)
    if m:  # the tokenizer keeps 'magnitude-7.8' whole
        return float(m.group(1))
    if tok.like_num and tok.is_alpha:
        return parse_number(text)
    return None


def _numbers(adoc: ArticleDoc, sent: Span, taken: set[int], ctx: Context) -> list[_Number]:
    out: list[_Number] = []
    vague = vague_amounts(sent)
    halved = halves(sent)
    taken = taken | {t for v in vague for t in range(v.first.i, v.last.i + 1)}
    taken |= {t for first, last, _ in halved for t in range(first.i, last.i + 1)}
    i = sent.start
    while i < sent.end:
        tok = adoc.doc[i]
        value = _number_token(tok) if i not in taken else None
        if value is None or _is_name_number(adoc, tok) or _is_year(tok, value):
            i += 1
            continue
        last = tok
        # Word numbers and scales: 'two hundred', '1.5 million', 'twenty-one'.
        j = i + 1
        while j < sent.end:
            nxt = adoc.doc[j]
            low = nxt.lower_
            if _thousands_group(last, nxt):
                # '3 000', '1 500 000': digits grouped by spaces, as many outlets write them
                value = value * 1000 + int(nxt.text)
            elif low in _SCALES and low not in ("m", "b", "k") and nxt.is_alpha:
                value *= _SCALES[low]
            elif nxt.like_num and nxt.is_alpha and tok.is_alpha:
                extra = parse_number(f"{last.text} {nxt.text}")
                if extra is None:
                    break
                value = parse_number(adoc.doc[i : j + 1].text) or value
            else:
                break
            last = nxt
            j += 1
        out.append(_bounded(adoc, ctx, sent, tok, last, value))
        i = j
    out.extend(_bounded(adoc, ctx, sent, first, last, value) for first, last, value in halved)
    for v in vague:
        start, end = adoc.char(v.first), adoc.char(v.last) + len(v.last.text)
        out.append(_Number(v.first, v.last, v.value, v.low, v.high, Bound.RANGE, start, end, True))
    out.sort(key=lambda n: n.first.i)
    return _ranges(out)


def _thousands_group(last: Token, nxt: Token) -> bool:
    """Is `nxt` the next group of three digits of a number written with spaces ('3 000')?"""
    return (
        last.text.isdigit()
        and len(last.text) <= 3
        and nxt.text.isdigit()
        and len(nxt.text) == 3
        and nxt.idx - (last.idx + len(last.text)) == 1
        and last.doc.text[last.idx + len(last.text)] in " \u00a0\u202f"
    )


def _is_year(tok: Token, value: float) -> bool:
    return (
        tok.text.isdigit() and len(tok.text) == 4 and 1800 <= value <= 2100 and "," not in tok.text
    )


def _is_name_number(adoc: ArticleDoc, tok: Token) -> bool:
    """'Boeing 737', 'Flight 404', 'the A320', 'Route 66', 'COVID-19': a name, not a value."""
    if tok.ent_type_ in _NAME_ENTS:
        return True
    prev = adoc.doc[tok.i - 1] if tok.i > 0 else None
    if prev is None:
        return False
    if prev.text == "-" and tok.i > 1:
        # 'COVID-19', 'Z9-900', 'MH-17': a number hyphenated to a capitalised or
        # alphanumeric word.
        word = adoc.doc[tok.i - 2].text
        if word[:1].isupper() or any(c.isdigit() for c in word) and word[:1].isalpha():
            return True
    if prev.text == "-" and tok.i > 1 and _bare_model(adoc.doc[tok.i - 2]):
        return True  # the '2' of 'the 450-2'
    if _bare_model(tok):
        return True
    if prev.text in ("#", "No.", "no.", "number") or number_label(tok):
        return True
    # Beyond the names `number_in_name` knows: a number opening a sentence after a capital
    # ('Magnitude 7.8' in a headline) or a tagged figure is a value.
    nxt = adoc.doc[tok.i + 1] if tok.i + 1 < len(adoc.doc) else None
    return (
        number_in_name(prev)
        and prev.ent_type_ not in ("CARDINAL", "QUANTITY")
        and (nxt is None or nxt.ent_type_ != "MONEY" and nxt.lower_ not in _MONEY_WORDS)
        and fold(prev.text) != "magnitude"
        and not prev.is_sent_start
    )


# 'US 40 dollars': a currency word after the number makes it an amount, not a name.
_MONEY_WORDS = {"dollars", "dollar", "euros", "euro", "pounds", "yuan", "yen", "rupees", "cents"}


# Adjectives that qualify an amount, never a model: 'a further 612 injured'.
_AMOUNT_ADJECTIVES = {
    "further",
    "additional",
    "extra",
    "estimated",
    "other",
    "total",
    "mere",
    "whopping",
    "staggering",
    "record",
    "reported",
    "confirmed",
}


def _bare_model(tok: Token) -> bool:
    """'The new 450 will seat…', 'the 450-2': a number right after an article (and
    adjectives) that heads its noun phrase or carries a hyphenated variant, and is not a round
    figure, names a model; 'the 300 rescued' would count."""
    if not tok.text.isdigit() or not 3 <= len(tok.text) <= 6 or int(tok.text) % 10 == 0:
        return False
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and (doc[k].pos_ == "ADJ" or doc[k].text == "-"):
        if doc[k].lower_ in _AMOUNT_ADJECTIVES:
            return False  # 'a further 612', 'an estimated 120': an amount
        k -= 1
    if k < 0 or doc[k].lower_ not in ("the", "a", "an"):
        return False
    variant = tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].like_num
    heads = tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "ROOT")
    return variant and not tok.whitespace_ or heads


def _bounded(
    adoc: ArticleDoc, ctx: Context, sent: Span, first: Token, last: Token, value: float
) -> _Number:
    """The bound words before ('at least', 'nearly') or after ('or more') the number."""
    start, end = adoc.char(first), adoc.char(last) + len(last.text)
    before_start = adoc.char(adoc.doc[max(sent.start, first.i - 4)])
    before = adoc.article.text[before_start:start]
    bound, low, high = Bound.EXACT, value, value
    for s, e, entry in ctx.vocab.find_all("counts", before):
        if _BETWEEN_BOUND_AND_NUMBER.fullmatch(before[e:].strip()):
            lo, hi = entry.interval(value) if entry.scale == "relative" else (value, value)
            low, high = _by_roundness(value, lo, hi, first.text)
            bound = _bound_kind(entry.id)
            start = before_start + s
    after = adoc.article.text[end : end + 12].lower()
    if after.startswith((" or more", " and more", " plus")):
        bound, high = Bound.LOWER, math.inf
    return _Number(first, last, value, low, high, bound, start, end)


def _by_roundness(
    value: float, low: float, high: float | None, written: str = ""
) -> tuple[float, float]:
    """'About 300' may be 260, but 'about 213' is not 240: an approximation word widens a
    number by at most the step it was rounded to (100 for 300, 50 for 250, 1 for 213; 0.05 for
    2.5), and no less than half a percent."""
    high = math.inf if high is None else high
    if not math.isfinite(value) or value > 1e15:
        return low, high
    plain = written.replace(",", "")
    m = re.fullmatch(r"\d+\.(\d+)", plain)
    if m and float(plain):
        # 'about $2.5 billion': a figure written to a decimal is rounded to half its last digit
        unit = value / float(plain)  # 'billion'
        margin = max(0.005 * value, 0.5 * 10 ** -len(m.group(1)) * unit)
    elif value < 20 or value != int(value):
        return low, high
    else:
        step = 1
        for k in range(1, 13):
            for s in (10**k, 5 * 10**k):
                if int(value) % s == 0:
                    step = s
        margin = max(0.005 * value, step)
    if 0 < low < value:  # 'about', 'nearly'; not 'up to' (from 0)
        low = max(low, value - margin)
    if value < high < math.inf:  # 'about'; not 'at least' (no limit)
        high = min(high, value + margin)
    return low, high


def _bound_kind(entry_id: str) -> Bound:
    if entry_id in ("at_least", "more_than"):
        return Bound.LOWER
    if entry_id in ("up_to", "fewer_than"):
        return Bound.UPPER
    if entry_id == "exactly":
        return Bound.EXACT
    return Bound.APPROX


# verbs after which 'from X to Y' spans a range, not a change
_RANGE_VERBS = {"range", "vary", "stretch", "extend", "span"}


def _changed_from(a: _Number) -> bool:
    """Is `a` the old figure of a change: 'rose from X to Y', 'was revised from X to Y'?"""
    i = a.first.i
    if i < 2 or a.first.doc[i - 1].lower_ != "from":
        return False
    verb = a.first.doc[i - 2]
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in _RANGE_VERBS


def _ranges(numbers: list[_Number]) -> list[_Number]:
    """'between 200 and 300', '200 to 300', '200-300': one value with two ends."""
    out: list[_Number] = []
    skip = False
    for k, a in enumerate(numbers):
        b = numbers[k + 1] if k + 1 < len(numbers) else None
        if skip:
            skip = False
            continue
        if b is not None and 0 < b.first.i - a.last.i <= 2:
            joint = a.last.doc[a.last.i + 1 : b.first.i].text.strip().lower()
            if joint == "to" and _changed_from(a):
                # 'has grown from 64 to 97': the figure now is 97; 64 is the one it replaced
                out.append(b)
                skip = True
                continue
            if joint in ("to", "-", "–", "and", "or") and a.value < b.value:
                opener = a.first.doc[a.first.i - 1].lower_ if a.first.i else ""
                if joint != "and" or opener == "between":
                    out.append(
                        _Number(
                            a.first, b.last, b.value, a.value, b.value, Bound.RANGE, a.start, b.end
                        )
                    )
                    skip = True
                    continue
        out.append(a)
    return out


# --- one frame -----------------------------------------------------------------------------


def _frame(
    adoc: ArticleDoc, ctx: Context, table: UnitTable, sent: SentenceFacts, num: _Number, n: int
) -> Frame | None:
    text = adoc.article.text
    # 'hundreds of miles': the unit of an order of magnitude follows 'of'
    after = num.end + 3 if num.vague and text[num.end : num.end + 4] == " of " else num.end
    # The sign sits between a bound and the digits ('up to $46 billion'): look before the digits.
    unit = _per_hour(table, text, table.after(text, after)) or table.before(
        text, adoc.char(num.first)
    )
    measure, unit_id, end, start = "count", None, num.end, num.start
    if unit is not None:
        entry, u_start, u_end = unit
        measure, unit_id = entry.measure, entry.label
        start, end = min(start, u_start), max(end, u_end)
    elif _magnitude_before(adoc, num) or _quake_after(adoc, num):
        measure, unit_id = "magnitude", "magnitude"
    holder = _age_holder(num) if unit is None else None
    if holder is not None or unit is None and _age_words_before(num):
        measure, unit_id = "age", "years old"
    elif measure == "age":
        holder = _aged_noun(num)
    scale = _scale_of(text, num.end, unit)
    value, low, high = num.value * scale, num.low * scale, num.high * scale
    if unit is not None:
        value, low, high = (table.convert(unit[0], v) for v in (value, low, high))
    tokens = range(num.first.i, num.last.i + 1)
    if measure == "count" and _vague_or_small(num) or _restated(text, start):
        return None
    what = holder or _counted_noun(adoc, num, sent.span)
    attr, cue = _attribute(adoc, ctx, sent, num, measure, what)
    if holder is not None:
        cue = cue or f"{holder}, {num.first.text},"
    if _MAGNITUDE_TOKEN.match(num.first.text):
        cue = cue or "magnitude"  # the value's own word names it
    if cue is None and unit is not None and text[num.end : num.end + 1] == "-":
        cue = _modified_noun(adoc, end)  # 'a 6,000-ton vessel': the vessel's weight
    if attr is None:
        return None
    year, background = _own_time(adoc, sent, num)
    level, where = scope(adoc, sent.span, num.first, num.last) or (None, None)
    day = _nearest_date(adoc, sent, num, lambda v: bool(_ISO_DAY.match(v)))
    return Frame(
        id=f"{adoc.article.id}#v{n + 1}",
        article=adoc.article.id,
        measure=measure,
        attribute=attr.id,
        attribute_label=attr.label,
        cumulative=bool(getattr(attr, "cumulative", False)),
        cue=cue,
        what=what,
        value=value,
        low=low,
        high=high,
        bound=num.bound,
        vague=num.vague,
        unit=unit_id,
        text=text[start:end],
        year=year,
        day=day,
        reported=adoc.article.published,
        background=background,
        source=sent.source,
        places=sent.places,
        scope=where,
        scope_level=level,
        subjects=sent.subjects,
        agent=agent(num.first),
        verb=verb_of(num.first),
        now=_as_of_now(sent.span, num),
        qualifiers=_qualifiers(adoc, sent.span, tokens, what),
        modality=_modality(adoc, sent.span, num),
        headline=sent.headline,
        sentence=sent.index,
        start=start,
        end=end,
        evidence=adoc.evidence(start, end),
    )


def _scale_of(text: str, end: int, unit) -> float:
    """A scale word right after the number or after a currency sign: '$3 billion', '$3bn'."""
    m = re.match(r"[\s-]*(thousand|million|billion|trillion|bn|mn|mln|tn|crore|lakh)\b", text[end:])
    if m and (unit is None or unit[0].currency):
        return _SCALES[m.group(1).lower()]
    return 1.0


def _magnitude_before(adoc: ArticleDoc, num: _Number) -> bool:
    """'magnitude 7.8', 'magnitude-7.8', 'M7.8', 'a 7.8 on the Richter scale'."""
    i = num.first.i
    prev = [t.lower_ for t in adoc.doc[max(0, i - 3) : i]]
    if _MAGNITUDE_TOKEN.match(num.first.text):
        return True
    return "magnitude" in prev or (bool(prev) and prev[-1] in ("m", "mw", "ml"))


def _quake_after(adoc: ArticleDoc, num: _Number) -> bool:
    """'a 6.1 quake': a decimal between 1 and 10 right before a word for an earthquake."""
    nxt = adoc.doc[num.last.i + 1] if num.last.i + 1 < len(adoc.doc) else None
    return (
        nxt is not None
        and "." in num.first.text
        and 1 <= num.value < 10
        and nxt.lower_ in ("quake", "earthquake", "tremor", "temblor", "aftershock")
    )


_RESTATED = re.compile(r"\d[\d.,]*\s*(?:[^\W\d]+\.?\s*){0,2}\(\s*$")


_PER_HOUR_AFTER = re.compile(r"\s*\([^()]{1,40}\)\s*(?:per|an|a)\s+hour\b", re.IGNORECASE)


def _per_hour(table: UnitTable, text: str, unit):
    """'160 km (100 miles) per hour': a length whose 'per hour' follows a bracketed conversion
    is a speed."""
    if unit is None or unit[0].measure != "length":
        return unit
    m = _PER_HOUR_AFTER.match(text, unit[2])
    if m is None:
        return unit
    speed = table.after(f" {text[unit[1] : unit[2]]} per hour", 0)
    return (speed[0], unit[1], m.end()) if speed is not None else unit


def _restated(text: str, start: int) -> bool:
    """'$US12.5 billion ($17 billion)', '160 km (100 miles)': a value in brackets right after
    another value is the same value converted, not a second statement."""
    return bool(_RESTATED.search(text[max(0, start - 40) : start]))


# What sets off an age after a name: 'Moreau, 47, said' and 'Moreau (47) said'.
_AGE_MARKS = {",": (",", ".", ";"), "(": (")",)}


def _age_words_before(num: _Number) -> bool:
    """'under the age of five', 'aged 12': the number is an age, whoever's it is."""
    doc, i = num.first.doc, num.first.i
    before = [t.lower_ for t in doc[max(0, i - 2) : i]]
    return before[-1:] == ["aged"] or before == ["age", "of"]


def _age_holder(num: _Number) -> str | None:
    """'Moreau, 47, said' / 'Moreau (47) said': a whole number set off by commas or brackets right
    after a person's name is their age, a news convention. The name is kept so that ages of
    different people are not compared."""
    tok = num.first
    doc = tok.doc
    if (
        num.first is not num.last
        or not tok.text.isdigit()
        or len(tok.text) > 3
        or not 1 <= num.value <= 120
        or tok.i < 2
        or tok.i + 1 >= len(doc)
        or doc[tok.i + 1].text not in _AGE_MARKS.get(doc[tok.i - 1].text, ())
    ):
        return None
    name = doc[tok.i - 2]
    # a tagger may take a rare family name for a place: a proper noun will do
    if not (name.ent_type_ == "PERSON" or name.pos_ == "PROPN" and name.ent_type_ != "DATE"):
        return None
    words = [name]
    for t in reversed(doc[max(0, name.i - 4) : name.i]):
        if t.pos_ != "PROPN" and t.ent_type_ != "PERSON":
            break
        words.insert(0, t)
    return "".join(t.text_with_ws for t in words).strip()


def _modified_noun(adoc: ArticleDoc, end: int) -> str | None:
    """The noun a hyphenated measure modifies ('6,000-ton vessel', '10-km-long tunnel'): it says
    what the measure is of, as a cue word would."""
    last = adoc.token_at(end - 1)  # the unit's last token
    tok = last.nbor() if last is not None and last.i + 1 < len(last.doc) else None
    while tok is not None and (tok.text == "-" or tok.pos_ == "ADJ") and tok.i + 1 < len(tok.doc):
        tok = tok.nbor()
    return tok.text if tok is not None and tok.pos_ in ("NOUN", "PROPN") else None


def _aged_noun(num: _Number) -> str | None:
    """'the 23-year-old Ana Kiri', 'a 69-year-old captain': whom the age is of, the noun that
    '-year-old' modifies (with a name's other words), or None when nothing follows."""
    doc = num.last.doc
    k = num.last.i + 1
    while k < len(doc) and doc[k].text in ("-", "year", "years", "old") and k - num.last.i <= 4:
        k += 1
    if k >= len(doc) or doc[k].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[k]
    while head.dep_ == "compound" and head.head.i > head.i and head.head.i - k < 4:
        head = head.head
    if head.pos_ == "PROPN":
        return doc[k : head.i + 1].text
    return head.lemma_.lower()


def _vague_or_small(num: _Number) -> bool:
    """'one of the', 'a dozen or so': single-word ones and twos tell little and match much;
    with a bound word ('at least two') they are a figure."""
    return num.first.is_alpha and num.value < 3 and num.bound == Bound.EXACT


def _counted_noun(adoc: ArticleDoc, num: _Number, sent: Span) -> str | None:
    tok = num.last
    if tok.dep_ in ("nummod", "quantmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.lemma_.lower()
    after = adoc.doc[tok.i + 1 : min(sent.end, tok.i + 4)]
    partitive = len(after) > 0 and after[0].lower_ == "of" and (num.vague or _partitive(after))
    if partitive:
        # 'dozens of villages', '145 of the 210 seats', '11 of 13 charges'
        after = adoc.doc[tok.i + 2 : min(sent.end, tok.i + 6)]
    # a maker or model between the number and its noun: '24 MH-60R Seahawk helicopters'
    model = len(after) > 0 and after[0].pos_ in ("PROPN", "NUM") and not after[0].like_num
    if model:
        after = adoc.doc[tok.i + 1 : min(sent.end, tok.i + 6)]
    passed = (
        ("ADJ", "NUM", "PROPN") if model else ("ADJ", "NUM", "DET") if partitive else ("ADJ", "NUM")
    )
    for nxt in after:
        if nxt.pos_ == "NOUN" and nxt.dep_ == "compound" and nxt.head.i > nxt.i:
            continue  # 'seven passenger cars' count cars
        if nxt.pos_ == "NOUN":
            return nxt.lemma_.lower()
        if nxt.pos_ not in passed and nxt.text not in ("-", "–"):
            break
    return None


def _partitive(after: Span) -> bool:
    """'of the 210 seats', 'of 13 charges', 'of the seats': a part of a counted whole."""
    words = [t for t in after[1:] if t.lower_ not in ("the", "its", "their")]
    return bool(words) and (words[0].like_num or words[0].pos_ == "NOUN")


def _attribute(
    adoc: ArticleDoc,
    ctx: Context,
    sent: SentenceFacts,
    num: _Number,
    measure: str,
    what: str | None,
):
    """What the number measures: the nearest cue in the parse (`nearest_cue`), unless the noun
    it counts is closer; else the measure's fallback attribute, or the counted noun itself."""
    vocab = ctx.vocab
    best, best_score = nearest_cue(adoc, sent, num.first, num.last, measure)
    # 'seven trophy nominations … won none': the noun counted names the attribute better than
    # a cue word three arcs away. General nouns ('people') name nothing.
    own_noun = what is not None and what not in GENERIC_NOUNS and measure == "count"
    # ... unless the cue is a phrase that holds the noun ('eight crew members')
    in_cue = best[1] is not None and what is not None and what in best[1].lower()
    if (
        own_noun
        and not in_cue
        and best_score > OWN_NOUN_SCORE
        and vocab.lookup("attributes", what) is None
    ):
        return _count_of(vocab, what), None
    named = _named_by_partitive_noun(vocab, num, what, measure)
    if named is not None:
        return named
    if best[0] is not None:
        return best
    for entry in vocab.entries("attributes"):
        if entry.fallback and measure in entry.measures:
            return entry, None
    if measure == "count" and what:
        return _count_of(vocab, what), None
    return None, None


def _named_by_partitive_noun(vocab, num: _Number, what: str | None, measure: str):
    """'won 145 of the 210 seats', 'guilty of 11 of 13 charges': the noun after 'of' names what
    the value counts, however near the verb ('won' is also a word of votes). Not for a value
    that is the subject ('two of the injured died': what happened is the verb's) nor for nouns
    that say who is counted ('passengers')."""
    tok = num.last
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if what is None or nxt is None or nxt.lower_ != "of" or tok.dep_ in ("nsubj", "nsubjpass"):
        return None
    entry = vocab.lookup("attributes", what)
    if entry is None or measure not in entry.measures or entry.who or entry.who_nouns:
        return None
    return entry, what


def _count_of(vocab, noun: str) -> _CountOf:
    """A count named by its noun, the noun taken to its synonym group ('carriages' and 'cars'
    of a train are one thing counted), so that two wordings of one count meet."""
    entry = vocab.lookup("synonyms", noun)
    return _CountOf(entry.id, entry.label) if entry is not None else _CountOf(noun)


@dataclass(frozen=True)
class _CountOf:
    """A count that no cue names: counted by its noun ('14 schools')."""

    noun: str
    words: str | None = None  # the synonym group's label, when the noun is in one

    @property
    def id(self) -> str:
        return f"count_of_{self.noun}"

    @property
    def label(self) -> str:
        return self.words or self.noun


def _nearest_date(
    adoc: ArticleDoc, sent: SentenceFacts, num: _Number, accept: Callable[[str], bool]
) -> str | None:
    """The value of the sentence's DATE expression nearest the number, among those accepted.

    Without a stated publication date, 'on Tuesday' was resolved against a guess; only dates
    written out in full then tie a value to a time."""
    best: tuple[int, str] | None = None
    guessed = adoc.article.published is None or adoc.article.published_inferred
    for t in adoc.timexes_in(sent.start, sent.end):
        if t.type != "DATE" or not accept(t.value) or guessed and t.anchor != "explicit":
            continue
        dist = abs(t.start - adoc.char(num.first))
        if best is None or dist < best[0]:
            best = (dist, t.value)
    return best[1] if best else None


def _own_time(adoc: ArticleDoc, sent: SentenceFacts, num: _Number) -> tuple[int | None, str | None]:
    """A year the clause ties the value to. Whether it is background is decided against the
    story's year at alignment (`checker.align.frames.story_years`); here only a year before
    a stated (not inferred) publication date counts."""
    value = _nearest_date(adoc, sent, num, lambda v: v[:4].isdigit())
    if value is None:
        return None, None
    year = int(value[:4])
    art = adoc.article
    if art.published is not None and not art.published_inferred and year < art.published.year - 1:
        return year, f"told of {year}, before the story"
    return year, None


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _qualifiers(adoc: ArticleDoc, sent: Span, tokens: range, what: str | None) -> tuple[str, ...]:
    """Words next to the value that narrow what it counts ('12 children', 'including 3')."""
    lo, hi = max(sent.start, tokens.start - 3), min(sent.end, tokens.stop + 3)
    words = {t.lower_ for t in adoc.doc[lo:hi] if t.lower_ in _PART_WORDS}
    if what and what in _PART_WORDS:
        words.add(what)
    return tuple(sorted(words))


def _attributive_estimate(tok: Token) -> bool:
    """'an estimated 65,000 people': the usual way to give a figure that is not a count (an
    approximation, read as a bound word), not a hedge like 'may have died'."""
    return tok.lower_ == "estimated" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("an", "the")


# Words that tie a value to the moment of writing: 'the index currently stands at 9,936'.
_NOW = {"currently", "now", "today", "presently"}


def _as_of_now(sent: Span, num: _Number) -> bool:
    """Whether the value's clause says it holds at the moment of writing."""
    verb = next((t for t in num.first.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    return any(t.lower_ in _NOW and t.head == verb for t in sent)


def _modality(adoc: ArticleDoc, sent: Span, num: _Number) -> Modality:
    lo = max(sent.start, num.first.i - 6)
    before = [t for t in adoc.doc[lo : num.first.i] if not _attributive_estimate(t)]
    words = {t.lower_ for t in before} | {t.lemma_.lower() for t in before}
    if words & _HEDGES:
        return Modality.HEDGED
    # 'the project has cost', 'a target of': as nouns these words name no plan
    plans = {t.lemma_.lower() for t in before if t.pos_ in ("VERB", "AUX")} | {
        t.lower_ for t in before if t.lower_ not in _PLAN_VERBS_ONLY
    }
    if plans & _PLANS:
        return Modality.PLANNED
    return Modality.REPORTED


# --- clock times ---------------------------------------------------------------------------
