"""What every value of a sentence shares, read once: the attribute cue words, places, names and
the source; and the search for the cue that names what a value measures."""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Span, Token

from checker.extract.document import ArticleDoc
from checker.extract.pipeline import Context
from checker.textutil import fold

WINDOW = 10  # tokens either side in which a cue word may name the attribute
CROSS_PENALTY = 2.0  # in arcs: a cue across a conjunction or another number is another value's
WHO_PENALTY = 3.0  # in arcs: 'workers' (who is counted) yields to 'injured' (what happened)
# in arcs: a cue reached only by leaving the value's own clause ('were arrested as 273 remained
# missing') describes another event of the sentence.
CLAUSE_PENALTY = 1.0
# in arcs: the whole of a partitive ('three of the 52 passengers were killed') is not what the
# verb tells of: the verb is about the part
WHOLE_PENALTY = 3.0
HEADLINE_NEXT = 0.5  # in arcs: a headline's cue right after the figure ('176 reported missing')
_CLAUSE_DEPS = {"advcl", "ccomp", "parataxis"}
# Dependents that give a cue word a figure or object of its own.
_OWN_ARGS = {"dobj", "obj", "nsubj", "nsubjpass", "nummod", "npadvmod", "attr", "quantmod"}
# Verbs by which someone gives a figure: 'police said', 'the ministry counted 80,000'.
_SAY = {
    "say",
    "tell",
    "report",
    "announce",
    "confirm",
    "count",
    "estimate",
    "put",
    "state",
    "tally",
    "record",
    "cite",
    "claim",
    "give",
    "speak",
    "register",
    "tweet",
    "add",
}


def _path(a: Token, b: Token) -> tuple[int, bool, bool]:
    """Arcs between two tokens of a sentence; whether the path crosses a conjunction or
    passes through another number (the cue is then that other value's); and whether it leaves
    the clause of `a` on the way up."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in index_b:
            via = up_a[1:k] + up_b[1 : index_b[t.i]]
            arcs = up_a[:k] + up_b[: index_b[t.i]]
            misparse = any(x.like_num and x.i != a.i for x in via)
            crossed = misparse or any(x.dep_ in ("conj", "parataxis") for x in arcs)
            # A parse that hangs a number under another says little about clauses either.
            left = not misparse and any(
                x.dep_ in _CLAUSE_DEPS or x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")
                for x in up_a[1:k]
            )
            return k + index_b[t.i], crossed, left
    return 99, True, True


def _cues(adoc: ArticleDoc, vocab, sent: Span) -> list[tuple[Span, object]]:
    """Attribute cue words of a sentence: phrases as written, and single words by lemma."""
    out: list[tuple[Span, object]] = []
    covered: set[int] = set()
    for s, e, entry in vocab.find_all("attributes", sent.text):
        span = adoc.doc.char_span(sent.start_char + s, sent.start_char + e, "expand")
        if span is not None:
            out.append((span, entry))
            covered.update(t.i for t in span)
    for tok in sent:
        if tok.i in covered or not tok.is_alpha:
            continue
        entry = vocab.lookup("attributes", tok.lemma_.lower())
        if entry is not None:
            out.append((sent.doc[tok.i : tok.i + 1], entry))
    return out


def _source(sent: Span) -> str | None:
    """'…, the Red Crescent said' / 'according to police' / 'the ministry counted 80,000':
    who gave the figure."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            holder = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            if holder is not None and holder.pos_ in ("PROPN", "NOUN"):
                return _holder_words(holder)
    for tok in sent:
        if tok.lemma_ in _SAY and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ == "nsubj" and child.pos_ in ("PROPN", "NOUN"):
                    words = _holder_words(child)
                    if words:
                        return words
    return None


def _holder_words(head: Token) -> str | None:
    """The name of who gave a figure, without determiners and clauses: 'the French interior
    ministry, which …' gives 'French interior ministry'."""
    left = [t for t in head.lefts if t.dep_ in ("compound", "amod", "poss", "nmod")]
    words = [t for x in left for t in x.subtree if t.pos_ in ("PROPN", "NOUN", "ADJ")]
    words.append(head)
    for t in head.rights:  # 'officials in the province', 'the head of the agency'
        if t.dep_ == "prep" and t.lower_ == "of":
            words.extend(x for x in t.subtree if x.pos_ in ("PROPN", "NOUN", "ADJ"))
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words) or None


PlaceIndex = tuple[list[int], list[str]]


def place_index(adoc: ArticleDoc) -> PlaceIndex:
    """The article's place mentions sorted by offset, built once per article."""
    mentions = sorted((p.mention.start, fold(p.mention.text)) for p in adoc.places)
    return [m[0] for m in mentions], [m[1] for m in mentions]


def _places(index: PlaceIndex, start: int, end: int) -> tuple[str, ...]:
    """Places mentioned between two file offsets, by binary search: a long article costs no
    more per sentence than a short one."""
    starts, names = index
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    return tuple(sorted(set(names[lo:hi])))


_SUBJECT_ENTS = {"ORG", "PERSON", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"}


def _subjects(sent: Span) -> tuple[str, ...]:
    """Names of the sentence's organisations, people and things: who or what a value is of."""
    names = set()
    for ent in sent.ents:
        if ent.label_ in _SUBJECT_ENTS:
            name = fold(ent.text)
            names.add(name[4:] if name.startswith("the ") else name)
    return tuple(sorted(names))


@dataclass
class SentenceFacts:
    """What every value of one sentence shares, read once: cues, places, names, source."""

    span: Span
    index: int
    start: int  # file offsets
    end: int
    cues: list[tuple[Span, object]]
    places: tuple[str, ...]
    subjects: tuple[str, ...]
    source: str | None

    @property
    def headline(self) -> bool:
        return self.index == 0

    @classmethod
    def read(
        cls, adoc: ArticleDoc, ctx: Context, span: Span, index: int, places: PlaceIndex
    ) -> SentenceFacts:
        start, end = adoc.char(span[0]), adoc.char(span[-1]) + len(span[-1].text)
        return cls(
            span=span,
            index=index,
            start=start,
            end=end,
            cues=_cues(adoc, ctx.vocab, span),
            places=_places(places, start, end),
            subjects=_subjects(span),
            source=_source(span),
        )


def nearest_cue(
    adoc: ArticleDoc, sent: SentenceFacts, first: Token, last: Token, measure: str
) -> tuple[tuple[object, str] | tuple[None, None], float]:
    """The attribute cue closest in the parse to the value on tokens first..last, with its
    score (lower is closer); `(None, None)` when no cue of the measure is near.

    Closeness is the length of the dependency path ('the toll ... has now reached 37': toll is two
    arcs from 24, however many words lie between), with the distance in words as a tie-break.
    A cue that names who is counted ('workers') yields to one of what happened to them, and a
    path through a conjunction or another number leads to another value's cue.
    """
    best: tuple[object, str] | tuple[None, None] = (None, None)
    best_score = math.inf
    best_span: Span | None = None
    whole = _partitive_whole(first)
    for cue, entry in sent.cues:
        if measure not in entry.measures:
            continue
        if cue.start <= first.i <= last.i < cue.end:
            continue
        words = cue.start - last.i if cue.start > last.i else first.i - cue.end + 1
        if words > 2 * WINDOW:
            continue
        arcs, crossed, left = _path(last, cue.root)
        # A path through another number or a conjunction is mostly a misparse ("killed 37 of
        # 52 people infected" hangs 37 under 52): the words between then tell better.
        # ... but not when the value's own clause is left: a verb conjoined to the cue's
        # ('Eight died, and 185 others were taken to hospital') is parsed well enough.
        near = 0.5 * words if crossed and not left else arcs + 0.05 * words
        noun = cue.root.pos_ in ("NOUN", "PROPN")
        who = entry.who or entry.who_nouns and noun
        score = near + (WHO_PENALTY if who else 0)
        score += CROSS_PENALTY if crossed else 0
        score += CLAUSE_PENALTY if left else 0
        if arcs > 5 and words > WINDOW:
            continue
        if _figure_between(sent.span, first, last, cue):
            score += CROSS_PENALTY
        if whole and cue.root.pos_ in ("VERB", "AUX") and cue.root.is_ancestor(first):
            score += WHOLE_PENALTY
        if sent.headline and _right_after(first, last, cue):
            score = min(score, HEADLINE_NEXT)
        if score < best_score:
            best, best_score, best_span = (entry, cue.text), score, cue
    if best_span is not None:
        best = _joined(sent, best_span, best, first, last, measure)
    return best, best_score


def _figure_between(span: Span, first: Token, last: Token, cue: Span) -> bool:
    """Another figure stands between the value and the cue ('a depth of 18 km, 65 kilometres
    southwest'): the cue is nearer that figure and most likely tells of it."""
    lo, hi = (last.i + 1, cue.start) if cue.start > last.i else (cue.end, first.i)
    doc = span.doc
    # ... and hangs near it in the parse: 'children aged 16 and 17' between a value and its
    # cue tell of the children, not of the cue
    return any(
        doc[k].like_num and doc[k].is_digit and _path(doc[k], cue.root)[0] <= 2
        for k in range(lo, hi)
    )


def _partitive_whole(first: Token) -> bool:
    """'three of the 52 passengers', 'only one of the 242 people on board': the value is the
    whole a part is taken from."""
    doc, i = first.doc, first.i
    k = i - 1
    if k >= 0 and doc[k].lower_ in ("the", "its", "their"):
        k -= 1
    if k < 1 or doc[k].lower_ != "of":
        return False
    part = doc[k - 1]
    return part.like_num or part.lower_ in ("all", "none", "most", "some", "many", "each")


def _right_after(first: Token, last: Token, cue: Span) -> bool:
    """A cue within two words after the value, nothing but words between: in a headline's list
    of figures ('14 dead, 176 reported missing') the words after a figure name it, however the
    parser hangs the fragments together."""
    between = cue.doc[last.i + 1 : cue.start]
    return 0 <= cue.start - last.i - 1 <= 2 and all(t.is_alpha for t in between)


@dataclass(frozen=True)
class JoinedAttribute:
    """Two attributes a value counts together ('120 people are missing or dead'): a figure of
    its own, compared only with figures counted the same way, never with either part."""

    id: str
    label: str
    measures: tuple[str, ...]
    who: bool = False
    who_nouns: bool = False
    cumulative: bool = False


def _joined(
    sent: SentenceFacts, cue: Span, best: tuple, first: Token, last: Token, measure: str
) -> tuple:
    """The cue joined by 'or'/'and' to another attribute's cue that has no number of its own
    ('missing or dead', 'killed or injured'): the value counts both."""
    entry = best[0]
    conjuncts = {t.i for t in cue.root.conjuncts}
    value = set(range(first.i, last.i + 1))
    for other, other_entry in sent.cues:
        if other.root.i not in conjuncts or measure not in other_entry.measures:
            continue
        if other_entry.id == entry.id or other_entry.who or entry.who:
            continue
        # only words joined tightly ('missing or dead'), not two clauses: 'killing four,
        # injuring scores' and '61 dead and 412 injured' give each cue its own figure
        gap = other.start - cue.end if other.start >= cue.end else cue.start - other.end
        if gap > 1 or any(c.dep_ in _OWN_ARGS for c in other.root.children):
            continue
        under = {t.i for t in cue.root.subtree} if other.root.is_ancestor(cue.root) else set()
        if any(t.like_num and t.i not in value | under for t in other.root.subtree):
            continue
        pair = sorted([(entry.id, cue.text), (other_entry.id, other.text)])
        parts = sorted([entry, other_entry], key=lambda e: e.id)
        joined = JoinedAttribute(
            id="_or_".join(e.id for e in parts),
            label=" or ".join(e.label for e in parts),
            measures=(measure,),
        )
        return joined, " or ".join(text for _id, text in pair)
    return best
