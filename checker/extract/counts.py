"""Component: counts — how many of what ('13 police officers', 'nearly 200 dead').

Each count keeps its approximation word, which turns the number into a range of values the
wording allows: 'nearly 200' is compatible with 180 but not with 210; 'dozens' with 40.
"""

from __future__ import annotations

from spacy.tokens import Token

from checker.extract.document import ArticleDoc
from checker.extract.nlp import doc_text
from checker.extract.numbers import parse_number
from checker.extract.pipeline import Context, component
from checker.models.facts import CountFact
from checker.rules.vocab import CountEntry
from checker.textutil import fold

# Nouns a number can modify without counting things of the story.
NOT_COUNTED = {
    # Thresholds and levels: "below the 5,000 mark" is a value, not a number of things.
    "mark",
    "level",
    # Units: "the 800m", "30GB" are measures, not numbers of things.
    "m",
    "km",
    "cm",
    "mm",
    "kg",
    "lb",
    "ft",
    "gb",
    "mb",
    "tb",
    "barrier",
    "threshold",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "time",
    "percent",
    "%",
    "point",
    "page",
    "chapter",
    "kilometre",
    "kilometer",
    "mile",
    "metre",
    "meter",
}


def _counted_noun(last: Token) -> Token | None:
    """The noun a number counts: '13 officers' (nummod) or 'thousands of citizens' (of)."""
    if last.dep_ in ("nummod", "quantmod", "amod", "compound") and last.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        if last.head.i > last.i:
            return last.head
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    # Parsers sometimes hang the number on a modifier ('149 confirmed orders'): take the noun
    # that the words right after the number modify.
    doc = last.doc
    for k in range(last.i + 1, min(last.i + 4, len(doc))):
        tok = doc[k]
        if tok.pos_ == "NOUN" and all(doc[j].head.i == k for j in range(last.i + 1, k)):
            return tok if k > last.i + 1 else None
        if tok.dep_ not in ("amod", "compound") and tok.pos_ != "ADJ":
            break
    return None


def _phrase(noun: Token, number_tokens: set[int]) -> str:
    words = []
    for child in noun.children:
        if child.i < noun.i and child.i not in number_tokens and child.dep_ in ("compound", "amod"):
            if child.is_alpha:
                words.append(fold(child.lemma_))
    words.append(fold(noun.lemma_))
    return " ".join(words)


@component("counts", requires=("timexes",), assigns=("counts",))
def counts(adoc: ArticleDoc, ctx: Context) -> None:
    doc = adoc.doc
    in_timex = adoc.in_timexes()
    found = ctx.vocab.find_all("counts", doc_text(doc))
    vague = {start: entry for start, _end, entry in found}
    vague_end = {start: end for start, end, _entry in found}
    order = {start: k for k, start in enumerate(vague)}
    ending_at: dict[int, list[int]] = {}  # end offset -> starts of the phrases ending there
    for start, end in vague_end.items():
        ending_at.setdefault(end, []).append(start)
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in in_timex or not (tok.like_num or fold(tok.text) in ("dozen", "a dozen")):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].like_num and j + 1 not in in_timex:
            j += 1
        number_text = doc[i : j + 1].text
        value = parse_number(number_text)
        last = doc[j]
        i = j + 1
        if value is None or _looks_like_code(tok):
            continue
        noun = _counted_noun(last)
        if noun is None or fold(noun.lemma_) in NOT_COUNTED:
            continue
        # '450 Skyliner', '500 index': a number before a singular name is part of the name.
        if noun.tag_ == "NNP" and value != 1:
            continue
        low, high, approx, start = value, value, None, tok.idx
        # An approximation word right before the number ('nearly', 'at least', 'more than').
        # Only spaces between the word and the number: 'over 200', not 'over budget. 144'.
        before = ending_at.get(tok.idx, []) + ending_at.get(tok.idx - 1, [])
        for a_start in sorted(before, key=order.__getitem__):
            entry, phrase_end = vague[a_start], vague_end[a_start]
            if a_start < tok.idx and doc_text(doc)[phrase_end : tok.idx] in (" ", ""):
                low, high = approx_bounds(entry, value)
                approx, start = doc_text(doc)[a_start:phrase_end], a_start
        end = last.idx + len(last.text)
        file_start, file_end = start + adoc.offset, end + adoc.offset
        adoc.counts.append(
            CountFact(
                value=value,
                low=low,
                high=high,
                approx=approx,
                noun=fold(noun.lemma_),
                phrase=_phrase(noun, set(range(tok.i, last.i + 1))),
                verb=governing_verb(noun),
                text=doc_text(doc)[start:end],
                start=file_start,
                end=file_end,
                evidence=adoc.evidence(file_start, file_end),
            )
        )
    # Vague quantities with no number at all: 'dozens of people', 'thousands of citizens'.
    for a_start, entry in vague.items():
        if entry.scale != "absolute":
            continue
        tok = adoc.token_at(a_start + adoc.offset)
        if tok is None or tok.i in in_timex:
            continue
        noun = _counted_noun(tok)
        if noun is None:
            continue
        file_start = a_start + adoc.offset
        file_end = tok.idx + len(tok.text) + adoc.offset
        low, high_or_none = entry.interval()
        high = float("inf") if high_or_none is None else high_or_none
        adoc.counts.append(
            CountFact(
                value=(low + high) / 2,
                low=low,
                high=high,
                approx=tok.text,
                noun=fold(noun.lemma_),
                phrase=_phrase(noun, {tok.i}),
                verb=governing_verb(noun),
                text=tok.text,
                start=file_start,
                end=file_end,
                evidence=adoc.evidence(file_start, file_end),
            )
        )
    adoc.counts.sort(key=lambda c: c.start)


def governing_verb(noun: Token) -> str | None:
    """Lemma of the verb a counted noun belongs to: '14 people were injured' -> injure."""
    cur = noun
    for _ in range(4):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ == "VERB":
            return fold(cur.lemma_)
    return None


def _looks_like_code(tok: Token) -> bool:
    """Model numbers and codes ('CH-92A', 'Pegaz-011', '450-2') and numbers inside names ('FTSE
    100', 'Nikkei 225', 'Orbis 450') are names, not counts."""
    text = tok.text
    if any(ch.isalpha() for ch in text) and any(ch.isdigit() for ch in text):
        return True
    if tok.i > 0 and number_in_name(tok.doc[tok.i - 1]) or number_label(tok):
        return True
    # 'the Six Nations', 'the Big Four': a capitalised number word inside a sentence.
    if tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start:
        return True
    # 'Standard & Poor's 500': after a name's possessive.
    if tok.i > 1 and tok.doc[tok.i - 1].tag_ == "POS" and number_in_name(tok.doc[tok.i - 2]):
        return True
    before = doc_text(tok.doc)[max(0, tok.idx - 2) : tok.idx]
    return len(before) == 2 and before[1] in "-/" and before[0].isalnum()


MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}


def number_in_name(prev: Token) -> bool:
    """Is a number right after `prev` part of a name? 'Nikkei 225', not 'May 5' or 'US $5'."""
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.is_alpha
        and fold(prev.text) not in MONTHS
        and prev.ent_type_ not in ("DATE", "TIME", "MONEY", "GPE")
    )


def number_label(tok: Token) -> bool:
    """'district 10', 'plan 10', 'flight 404', 'number 10': a whole number right after the
    singular noun it modifies labels that thing; it counts nothing."""
    if tok.i == 0 or not tok.text.isdigit():
        return False
    prev = tok.doc[tok.i - 1]
    attached = tok.head.i == prev.i and tok.dep_ in ("nummod", "appos") or prev.head.i == tok.i
    return (
        attached
        and (prev.tag_ == "NN" or prev.tag_ == "NNP" and prev.is_lower)
        and fold(prev.text) not in MONTHS
        and prev.ent_type_ not in ("DATE", "TIME", "MONEY")
    )


def approx_bounds(entry: CountEntry, value: float) -> tuple[float, float]:
    """The range of values an approximation word allows around `value`."""
    if entry.scale == "absolute":
        return value, value
    low, high = entry.interval(value)
    return low, float("inf") if high is None else high
