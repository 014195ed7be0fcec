"""Which time a statement is about: the time expression of its clause, or the narrative's.

News text states a date once and then keeps talking about that moment ("said at the time"), or
talks in the present about the publication day. These helpers pick, for a word or a sentence, the
time expression that governs it, and say whether it was stated there or carried over.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from checker.extract.document import ArticleDoc
from checker.models.time import Granularity, Interval, Timex

# Heads of nested clauses: a time expression inside one belongs to that clause, not to ours.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis", "csubj", "pcomp"}
_ANAPHORA = ("at the time", "at that time", "back then", "then ")


def publication_timex(adoc: ArticleDoc) -> Timex | None:
    """The publication date as a pseudo time expression (anchor 'dct')."""
    published: date | None = adoc.article.published
    if published is None:
        return None
    return Timex(
        start=adoc.offset,
        end=adoc.offset,
        text="",
        type="DATE",
        value=published.isoformat(),
        interval=Interval(begin=published, end=published, granularity=Granularity.DAY),
        anchor="dct",
    )


def _usable(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and t.interval is not None


def _timex_tokens(adoc: ArticleDoc) -> dict[int, Timex]:
    """Token index → the timex covering it (cached on the doc)."""
    if adoc.timex_by_token is not None:
        return adoc.timex_by_token
    out: dict[int, Timex] = {}
    for t in adoc.timexes:
        if not _usable(t):
            continue
        span = adoc.span(t.start, t.end)
        if span is not None:
            for tok in span:
                out[tok.i] = t
    adoc.timex_by_token = out
    return out


def clause_head(tok: Token) -> Token:
    """The verb (or root) that heads the clause a token is in."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            return cur
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in CLAUSE_DEPS:
            return cur
        cur = cur.head
    return cur


def clause_tokens(head: Token) -> list[Token]:
    """Tokens of the clause headed by `head`, without nested clauses."""
    out: list[Token] = []
    stack = [head]
    # A sentence whose root is a noun has no main verb: the parser read "A storm swept through
    # the city on Saturday" as a noun with a reduced relative. That verb is the main clause.
    fragment = head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")
    while stack:
        cur = stack.pop()
        out.append(cur)
        for child in cur.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                if not (fragment and cur is head and child.dep_ == "acl"):
                    continue
            stack.append(child)
    return out


def previous_timex(adoc: ArticleDoc, file_offset: int) -> Timex | None:
    """The last usable time expression before an offset: the narrative's reference time."""
    best = None
    for t in adoc.timexes:
        if t.start >= file_offset:
            break
        if _usable(t):
            best = t
    return best


def time_for_token(adoc: ArticleDoc, tok: Token) -> tuple[Timex | None, bool]:
    """(timex, inherited) for a word naming an event.

    Stated times come from the word's own clause, else from a relative clause on the word, else
    from a time expression that the clause modifies ("in early March, when …"), else from a
    sentence-initial time expression. Otherwise the time is carried over from the narrative
    (inherited=True).
    """
    by_token = _timex_tokens(adoc)
    head = clause_head(tok)
    for cand in sorted(clause_tokens(head), key=lambda t: abs(t.i - tok.i)):
        if cand.i in by_token:
            return by_token[cand.i], False
    # An event noun whose relative clause gives the time: "a cyclone that hit the coast on
    # Saturday", "the ferry, which sank on Wednesday".
    for clause in (c for c in tok.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"):
        for cand in sorted(clause_tokens(clause), key=lambda t: abs(t.i - tok.i)):
            if cand.i in by_token:
                return by_token[cand.i], False
    # Walk up through enclosing clauses: a relative clause on a time expression takes its time.
    cur = head
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.i in by_token:
            return by_token[cur.i], False
        if cur.pos_ in ("VERB", "AUX"):
            for cand in clause_tokens(cur):
                if cand.i in by_token and cand.i < head.left_edge.i:
                    return by_token[cand.i], False
            break
    sent = tok.sent
    text = sent.text.lower()
    inherited = previous_timex(adoc, sent.start_char + adoc.offset)
    if any(a in text for a in _ANAPHORA) and inherited is not None:
        return inherited, False
    if _present_tense(sent.root):
        return publication_timex(adoc), True
    return inherited, True


def _present_tense(root: Token) -> bool:
    tags = {root.tag_} | {c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "VBN"} - {root.tag_}


def time_for_sentence(adoc: ArticleDoc, file_offset: int) -> Timex | None:
    """The time a statement at `file_offset` is asserted for (roles: 'Minister X' when?)."""
    tok = adoc.token_at(file_offset)
    if tok is None:
        return publication_timex(adoc)
    sent = tok.sent
    by_token = _timex_tokens(adoc)
    in_sent = [by_token[t.i] for t in sent if t.i in by_token]
    if in_sent:
        return min(in_sent, key=lambda t: abs(t.start - file_offset))
    text = sent.text.lower()
    inherited = previous_timex(adoc, sent.start_char + adoc.offset)
    if any(a in text for a in _ANAPHORA) and inherited is not None:
        return inherited
    if _present_tense(sent.root) or inherited is None:
        return publication_timex(adoc)
    return inherited
