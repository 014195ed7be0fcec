"""The shared document model that every extraction component reads and writes (spaCy style)."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from spacy.tokens import Doc, Span, Token

from checker.extract.nlp import sentences
from checker.models.article import Article
from checker.models.extracted import Extracted, sentence_number
from checker.models.facts import (
    ArticleFacts,
    ClaimFact,
    CountFact,
    EventFact,
    Evidence,
    FirstFact,
    PersonFact,
    PlaceRef,
    RoleFact,
    StatementFact,
)
from checker.models.frames import Frame
from checker.models.time import Timex

_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"}


# Where an item of each list `ArticleDoc.starting_in` searches starts (file offset).
_START: dict[str, Callable[[Any], int]] = {
    "timexes": lambda t: t.start,
    "counts": lambda c: c.start,
    "places": lambda p: p.mention.start,
}


@dataclass
class ArticleDoc:
    """One article while it is being read. Offsets in facts are into `article.text`."""

    article: Article
    doc: Doc
    timexes: list[Timex] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    # token index -> person id, for every token that names a person
    person_tokens: dict[int, str] = field(default_factory=dict)
    roles: list[RoleFact] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)  # ISO codes named in the article
    counts: list[CountFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
    claims: list[ClaimFact] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    statements: list[StatementFact] = field(default_factory=list)
    firsts: list[FirstFact] = field(default_factory=list)
    timex_by_token: dict[int, Timex] | None = None  # filled lazily by timeref
    _sent_starts: list[int] = field(default_factory=list)
    _starts: dict[str, tuple[list, list[int]]] = field(default_factory=dict)
    _in_timexes: set[int] | None = None

    @property
    def offset(self) -> int:
        """Where the spaCy doc starts in the article file (after front matter)."""
        return self.article.body_start

    @property
    def sents(self) -> list[Span]:
        """The sentences, built once; their `ents` are cheap (see `nlp.Sentence`)."""
        return list(sentences(self.doc))

    def char(self, token: Token) -> int:
        """File offset of a token."""
        return token.idx + self.offset

    def sentence_index(self, file_offset: int) -> int:
        return self.sentence_finder()(file_offset)

    def sentence_finder(self) -> Callable[[int], int]:
        """file offset -> sentence number, holding only the sentence starts (not the spaCy
        doc: a run keeps one per article until alignment)."""
        return partial(sentence_number, self.sentence_starts())

    def sentence_starts(self) -> list[int]:
        """File offset where each sentence starts."""
        if not self._sent_starts:
            self._sent_starts = [s.start_char + self.offset for s in self.doc.sents]
        return self._sent_starts

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering file offsets [start, end), widened to whole tokens."""
        return self.doc.char_span(start - self.offset, end - self.offset, alignment_mode="expand")

    def token_at(self, file_offset: int) -> Token | None:
        span = self.span(file_offset, file_offset + 1)
        return span[0] if span is not None and len(span) else None

    def in_timexes(self) -> set[int]:
        """Indices of the tokens inside any time expression: the time tagger reads those, the
        number readers leave them alone. Built once, after the tagger has run."""
        if self._in_timexes is None:
            self._in_timexes = set()
            for t in self.timexes:
                span = self.span(t.start, t.end)
                if span is not None:
                    self._in_timexes.update(tok.i for tok in span)
        return self._in_timexes

    def timexes_in(self, start: int, end: int) -> list[Timex]:
        """Timexes whose start lies in [start, end) (file offsets)."""
        return self.starting_in("timexes", start, end)

    def starting_in(self, name: str, lo: int, hi: int) -> list:
        """Items of the list `name` (timexes, counts or places) starting in [lo, hi), by
        bisection: a scan of every item per sentence or per event made long articles
        quadratic. The start offsets are listed once (again when the list changes)."""
        items = getattr(self, name)
        starts = [_START[name](item) for item in items] if len(items) < 64 else None
        if starts is None:
            cached = self._starts.get(name)
            if cached is None or cached[0] is not items or len(cached[1]) != len(items):
                cached = (items, [_START[name](item) for item in items])
                self._starts[name] = cached
            starts = cached[1]
        if any(a > b for a, b in zip(starts, starts[1:], strict=False)):
            return [item for item, at in zip(items, starts, strict=True) if lo <= at < hi]
        return items[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a fact: the sentence holding [start, end), verbatim and trimmed."""
        sent = self.doc[self.token_at(start).i].sent if self.token_at(start) is not None else None
        if sent is None:
            s, e = start, end
        else:
            s, e = sent.start_char + self.offset, sent.end_char + self.offset
            # A sentence split inside a fact (rare) must still cover the fact.
            s, e = min(s, start), max(e, end)
        text = self.article.text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return Evidence(
            article=self.article.id,
            quote=text[s:e],
            start=s,
            end=e,
            line=self.article.line_of(s),
        )

    def to_facts(self, vocab=None) -> ArticleFacts:
        return ArticleFacts(
            article=self.article.id,
            timexes=self.timexes,
            people=self.people,
            roles=self.roles,
            places=self.places,
            counts=self.counts,
            events=self.events,
            claims=self.claims,
            frames=self.frames,
            statements=self.statements,
            firsts=self.firsts,
            names=self.names(vocab),
            keywords=self.keywords(),
        )

    def to_extracted(self, vocab=None) -> Extracted:
        """What alignment needs of the article, without the spaCy doc."""
        return Extracted(facts=self.to_facts(vocab), sentence_starts=tuple(self.sentence_starts()))

    def keywords(self) -> list[str]:
        """Folded noun lemmas: short articles on one story share them even when few names."""
        from checker.textutil import fold

        return sorted(
            {
                fold(t.lemma_)
                for t in self.doc
                if t.pos_ in ("NOUN", "PROPN") and t.is_alpha and len(t.text) > 2 and not t.is_stop
            }
        )

    def names(self, vocab=None) -> list[str]:
        """Folded names the article mentions: what tells whether two articles share a story."""
        from checker.textutil import fold

        # Surnames too: one article writes "Jane Roe", the other only "Roe".
        out: set[str] = {p.key for p in self.people} | {p.key.split()[-1] for p in self.people}
        for ent in self.doc.ents:
            if ent.label_ in _NAME_LABELS:
                name = fold(ent.text)
                if name.startswith("the "):
                    name = name[4:]
                entry = vocab.lookup("orgs", name) if vocab is not None else None
                if entry is not None:
                    out.add(entry.id)  # "UN" and "United Nations" count as one shared name
                elif len(name) > 2:
                    out.add(name)
        return sorted(out)
