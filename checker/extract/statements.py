"""Component: statements — every sentence with its content words, for matching by wording.

Many things two articles agree on carry no number and no date: 'the largest bankruptcy of a U.S.
manufacturing company', 'he underwent a liver transplant'. A statement keeps a sentence's content
words in order (folded lemmas, or the meaning class of rules/vocab/synonyms.yaml when the word has
one), which of them are names, and whether the sentence is negated, so that sentences of two
articles can be compared by what they say (see `checker.align.statements`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from checker.extract.document import ArticleDoc
from checker.extract.nlp import span_ents
from checker.extract.numbers import parse_number
from checker.extract.pipeline import Context, component
from checker.models.facts import StatementFact
from checker.textutil import fold

# Words any sentence of a news article may hold, whatever it says.
GENERIC = frozenset(
    {
        "say",
        "be",
        "have",
        "do",
        "tell",
        "report",
        "accord",
        "according",
        "add",
        "also",
        "make",
        "take",
        "get",
        "include",
        "come",
        "go",
        "give",
        "state",
        "announce",
        "expect",
        "would",
        "will",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "year",
        "month",
        "week",
        "day",
        "time",
        "today",
        "yesterday",
        "tomorrow",
        "mr",
        "mrs",
        "ms",
        "news",
        "statement",
        "comment",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "source",
        "percent",
        "cent",
        "per",
        "other",
        "many",
        "much",
        "such",
        "same",
        "last",
        "next",
    }
)
# Named things a number is part of ('Boeing 767', 'Trent 900'): the number is part of the name.
_NAMED = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
# Words that deny what their clause says ('not', "n't", 'never', 'no interest').
_NEGATIONS = {"not", "n't", "never", "no", "none", "nothing", "nobody", "neither", "nor", "nowhere"}
_NOT_FIGURES = {"DATE", "TIME", "ORDINAL"}
_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "m", "k"}
_POINTERS = {"this", "that", "these", "those", "it"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in _NAMED


def key_of(tok: Token, ctx: Context) -> tuple[str, bool] | None:
    """(comparison key, is a name) of a content word, or None for a word that says nothing."""
    if not any(ch.isalnum() for ch in tok.text):
        return None
    name = _is_name(tok)
    if tok.like_num or tok.pos_ == "NUM":
        # A number is compared by the claims; inside a name ('Boeing 767') it is a name.
        return (fold(tok.text), True) if tok.ent_type_ in _NAMED - {"PERSON"} else None
    if name:
        if tok.is_stop:
            return None
        key = fold(tok.text).strip(".'")
        return (key, True) if len(key) >= 2 and key not in GENERIC else None
    lemma = fold(tok.lemma_)
    if tok.is_stop or tok.pos_ not in _CONTENT_POS or lemma in GENERIC or len(lemma) < 3:
        return None
    entry = ctx.vocab.lookup("synonyms", lemma)
    return (entry.id if entry is not None else lemma), False


def _number(tok: Token) -> str | None:
    """A number the sentence states ('two engines', '$82.29 billion'), not one inside a name or
    a date, folded to digits where it is written as one."""
    if not (tok.like_num or tok.pos_ == "NUM") or tok.ent_type_ in _NAMED | _NOT_FIGURES:
        return None
    if ":" in tok.text:  # a clock time
        return None
    if tok.lower_ in _SCALE_WORDS:  # 'billion' in '$82 billion' is part of the figure
        return None
    value = parse_number(tok.text)
    if value is not None:
        return f"{value:g}"
    text = fold(tok.text).replace(",", "")
    return text if any(ch.isalnum() for ch in text) else None


def negated(sent: Span) -> bool:
    """A grammatical negation anywhere in the sentence ('did not', 'no interest', 'never')."""
    return any(
        tok.dep_ == "neg" or (fold(tok.text) in _NEGATIONS and tok.dep_ in ("det", "neg", "advmod"))
        for tok in sent
    )


def anaphoric(sent: Span) -> bool:
    """The main clause's subject is 'this', 'that', 'it'…: what it says depends on the sentence
    before ('This is due to the ongoing events')."""
    return any(
        tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT" and tok.lower_ in _POINTERS
        for tok in sent
    )


def _surnames(sent: Span) -> list[str]:
    """The last word of each person named ('Mara Quell's' -> quell)."""
    out = set()
    for ent in span_ents(sent):
        words = [t for t in ent if t.is_alpha]
        if ent.label_ == "PERSON" and words:
            out.add(fold(words[-1].text))
    return sorted(out)


@component("statements", assigns=("statements",))
def statements(adoc: ArticleDoc, ctx: Context) -> None:
    for index, sent in enumerate(adoc.doc.sents):
        keys: list[str] = []
        spans: list[tuple[int, int]] = []
        names: set[str] = set()
        numbers: list[str] = []
        toks = list(sent)
        titles = [(s, e) for s, e, _ in ctx.vocab.find_all("roles", sent.text)]
        skip = -1
        for k, tok in enumerate(toks):
            if k <= skip:
                continue
            # Two-word meanings first ('take delivery', 'rescue plan').
            if k + 1 < len(toks) and not _is_name(tok):
                entry = ctx.vocab.lookup(
                    "synonyms", f"{fold(tok.lemma_)} {fold(toks[k + 1].lemma_)}"
                )
                if entry is not None:
                    keys.append(entry.id)
                    spans.append((adoc.char(tok), adoc.char(toks[k + 1]) + len(toks[k + 1])))
                    skip = k + 1
                    continue
            number = _number(tok)
            if number is not None:
                numbers.append(number)
                continue
            found = key_of(tok, ctx)
            if found is None:
                continue
            keys.append(found[0])
            spans.append((adoc.char(tok), adoc.char(tok) + len(tok)))
            # A role title ('chief executive officer') names who someone is, like a name: the
            # people rules compare those.
            if found[1] or any(s <= tok.idx - sent.start_char < e for s, e in titles):
                names.add(found[0])
        if not keys:
            continue
        start = sent.start_char + adoc.offset
        end = sent.end_char + adoc.offset
        adoc.statements.append(
            StatementFact(
                index=index,
                keys=keys,
                spans=spans,
                names=sorted(names),
                people=_surnames(sent),
                numbers=numbers,
                negated=negated(sent),
                anaphoric=anaphoric(sent),
                evidence=adoc.evidence(start, max(start + 1, end)),
            )
        )
