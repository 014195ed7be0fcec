"""Component: firsts — who is said to be the first of a kind ('the first airline to fly the A380').

News often ranks a subject as the first of its kind: "Singapore Airlines is the first airline to
fly the A380", "the first customer, All Nippon Airways", "it will be the first major airliner to
use composite material", "launch customer ANA". Two articles that name the same holder for the
same kind agree; two that name different holders for the same kind and the same act disagree.

A first keeps its holder's words (the subject of "is the first …", the noun a relative clause or
an apposition describes, or the name after "launch customer"), the kind (the noun after "first",
as its synonym class), and the act and object of its "to …" clause, when there is one.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from checker.extract.claims import key_of
from checker.extract.document import ArticleDoc
from checker.extract.pipeline import Context, component
from checker.models.facts import FirstFact
from checker.textutil import fold

# Nouns after 'first' that rank a moment or a part, not a holder: 'the first time', 'the first
# half', 'the first flight'.
_NOT_KINDS = frozenset(
    {
        "time", "day", "week", "month", "year", "quarter", "half", "round", "flight", "test",
        "step", "phase", "stage", "leg", "game", "match", "visit", "trip", "sign", "look",
        "place", "case", "part", "minute", "hour", "season", "term", "edition", "lap", "goal",
        "set", "try", "instance", "batch", "delivery", "order", "unit", "copy", "issue",
        "episode", "chapter", "page", "line",
    }
)  # fmt: skip
# Kinds that are ranked without a 'to …' clause ('the first customer').
_LAUNCH_KINDS = frozenset({"customer", "buyer", "operator", "user", "client"})
_PRONOUNS = frozenset({"it", "they", "he", "she"})
_STOP = frozenset({"the", "a", "an", "or", "and", "of", ",", "'s", "’s"})


@component("firsts", requires=("claims",), assigns=("firsts",))
def firsts(adoc: ArticleDoc, ctx: Context) -> None:
    subjects: list[list[str]] = []  # the named subjects of earlier sentences, for 'it'
    for sent in adoc.doc.sents:
        for tok in sent:
            found = _first(tok)
            if found is None:
                continue
            noun, launch = found
            kind = key_of(noun, ctx) or fold(noun.lemma_)
            if fold(noun.lemma_) in _NOT_KINDS and not launch:
                continue
            holder = _holder(noun)
            if holder is None:
                continue
            # The ranking words are not the holder's name ('Launch customer ANA').
            ranking = {t.i for t in noun.subtree if t.i <= noun.i} | {tok.i}
            words = _words(holder, ranking)
            if holder.root.lower_ in _PRONOUNS:
                # 'The plane … as it is the first model': the sentence's own subject first,
                # else the last one named before.
                own = _named_subject(sent)
                words = (subjects[-1] if subjects else []) if own is None else own
            if not words:
                continue
            act, thing, said = _clause(noun, ctx)
            if act is None and fold(noun.lemma_) not in _LAUNCH_KINDS:
                continue
            # The quote: holder and ranking words, the sentence's own holder only.
            own = [t.i for t in holder if holder.root.lower_ not in _PRONOUNS]
            first_tok = adoc.doc[min(noun.i, tok.i, *own)]
            last_tok = adoc.doc[max(noun.i, tok.i, *own)]
            start, end = adoc.char(first_tok), adoc.char(last_tok) + len(last_tok.text)
            adoc.firsts.append(
                FirstFact(
                    holder=" ".join(fold(w) for w in words),
                    holder_text=" ".join(words),
                    kind=kind,
                    act=act,
                    thing=thing,
                    words=said,
                    negated=any(c.dep_ == "neg" for c in noun.head.children),
                    start=start,
                    end=end,
                    evidence=adoc.evidence(start, end),
                )
            )
        subject = _named_subject(sent)
        if subject:
            subjects.append(subject)


def _first(tok: Token) -> tuple[Token, bool] | None:
    """The noun a 'first' ranks ('the first airline'), or the 'customer' of 'launch customer'."""
    if tok.lower_ == "first" and tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head, False
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ == "launch" and nxt is not None and nxt.lower_ in _LAUNCH_KINDS:
        return nxt, True
    return None


def _holder(noun: Token) -> Span | None:
    """Who or what is ranked first: the subject of 'X is the first …', the noun of 'X, which
    will be the first …', an apposition ('the first customer, ANA'), or 'launch customer ANA'."""
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ in ("be", "become", "remain"):
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in ("which", "who", "that") and head.dep_ == "relcl":
            return _phrase(head.head)
        if subj is not None:
            return _phrase(subj)
        # A run-on sentence the parser split badly: the name right before 'is'.
        names = []
        for i in range(head.i - 1, max(head.sent.start, head.i - 5) - 1, -1):
            if noun.doc[i].pos_ != "PROPN":
                break
            names.append(i)
        return noun.doc[min(names) : max(names) + 1] if names else None
    if noun.dep_ == "appos":  # 'the 787 Dreamliner, the first commercial jet'
        return _phrase(head)
    appos = next((c for c in noun.children if c.dep_ == "appos"), None)
    if appos is not None:  # 'the first customer, All Nippon Airways'
        return _phrase(appos)
    if noun.dep_ == "compound" and (head.pos_ == "PROPN" or head.text.isupper()):
        return _phrase(head)  # 'launch customer ANA'; the parser may take 'PAL' for a noun
    return None


def _phrase(tok: Token) -> Span:
    """A noun with its compounds and name words ('Singapore Airlines', 'The Boeing 787, or
    Dreamliner'), without relative clauses."""
    keep = [tok]
    for child in tok.children:
        if child.dep_ in ("compound", "nummod", "amod", "det", "poss", "cc", "conj", "appos"):
            keep.extend(t for t in child.subtree if t.dep_ != "relcl")
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    return tok.doc[lo : hi + 1]


def _words(span: Span, skip: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """The naming words of a holder: proper nouns and numbers ('boeing 787 dreamliner')."""
    words = [
        t.text
        for t in span
        if t.i not in skip and (t.pos_ in ("PROPN", "NUM") or t.is_title or t.text.isupper())
    ]
    return [w for w in words if fold(w) not in _STOP and w.isalnum()]


def _clause(noun: Token, ctx: Context) -> tuple[str | None, str | None, list[str]]:
    """The act, its object and the clause's content words in 'the first airline to fly the
    A380': (fly, a380, [fly, a380])."""
    for child in noun.children:
        if child.dep_ in ("relcl", "acl") and any(c.lower_ == "to" for c in child.children):
            obj = next((c for c in child.children if c.dep_ in ("dobj", "obj")), None)
            thing = (key_of(obj, ctx) or fold(obj.lemma_)) if obj is not None else None
            said = sorted({k for t in child.subtree if (k := key_of(t, ctx)) is not None})
            return key_of(child, ctx) or fold(child.lemma_), thing, said
    return None, None, []


def _named_subject(sent: Span) -> list[str] | None:
    """The naming words of a sentence's subjects ('The Boeing 787, or Dreamliner, is …'); None
    when the subject is a pronoun or missing."""
    subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.lower_ in _PRONOUNS for c in subjects):
        return None
    return [w for c in subjects for w in _words(_phrase(c))]
