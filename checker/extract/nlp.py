"""Load the spaCy pipeline once. The model name is configurable; no download ever happens."""

from __future__ import annotations

import bisect
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from checker.errors import CheckerError
from checker.extract.model import DEFAULT_MODELS, MODEL_ENV, model_name

__all__ = ["DEFAULT_MODELS", "MODEL_ENV", "model_name", "load_nlp", "parse", "parse_many"]


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once: spaCy joins every token on each call, so a call per word made
    reading an article quadratic in its length."""
    text = doc.user_data.get("checker_text")
    if text is None:
        text = doc.user_data["checker_text"] = doc.text
    return text


MAX_SENTENCE_TOKENS = 200  # longer runs are cut: a clause is read word by word, per event


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once (spaCy rebuilds the tuple from every token on each call)."""
    ents = doc.user_data.get("checker_ents")
    if ents is None:
        ents = doc.user_data["checker_ents"] = tuple(doc.ents)
        doc.user_data["checker_ent_starts"] = [e.start for e in ents]
    return ents


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (entities wholly inside the span) without `Span.ents`, which reads the whole
    document's entities on every call: per sentence, that made long articles quadratic."""
    ents = doc_ents(span.doc)
    starts = span.doc.user_data["checker_ent_starts"]
    out: list[Span] = []
    for i in range(bisect.bisect_left(starts, span.start), len(ents)):
        if ents[i].start >= span.end:
            break
        if ents[i].end <= span.end:
            out.append(ents[i])
    return out


class Sentence(Span):
    """A sentence whose `ents` is `span_ents(self)`: code reading `sent.ents` sentence by
    sentence stays linear in the article's length."""

    @property
    def ents(self) -> list[Span]:  # type: ignore[override]
        return span_ents(self)


def sentences(doc: Doc) -> list[Sentence]:
    """The document's sentences (as `Sentence` spans), built once."""
    sents = doc.user_data.get("checker_sents")
    if sents is None:
        sents = doc.user_data["checker_sents"] = [Sentence(doc, s.start, s.end) for s in doc.sents]
    return sents


@Language.component("checker_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs are never run together.

    A run of `MAX_SENTENCE_TOKENS` tokens without a line break is cut too (real sentences are
    far shorter), so that text without punctuation is read in time linear in its length.
    """
    run = 0
    for tok in doc[:-1]:
        run += 1
        if "\n" in tok.text or "\n" in tok.whitespace_ or run >= MAX_SENTENCE_TOKENS:
            doc[tok.i + 1].is_sent_start = True
            run = 0
    return doc


CHUNK_CHARS = 20_000  # spaCy reads a long text in pieces of about this size


def parse(nlp: Language, text: str) -> Doc:
    """`nlp(text)`, read in pieces of at most `CHUNK_CHARS` cut after a line break (or a space),
    so a long article needs bounded memory and never meets spaCy's `max_length`."""
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    docs = [nlp(chunk) for chunk in _chunks(text)]  # one at a time: memory of one piece
    return Doc.from_docs(docs, ensure_whitespace=False)


BATCH_SIZE = 16  # texts spaCy reads together: its matrix work is cheaper per text in batches


def parse_many(nlp: Language, texts: list[str]) -> list[Doc | Exception]:
    """`parse` of every text, short texts batched through `nlp.pipe` (the same documents, in
    less time). A text spaCy fails on gets its exception in place of a document."""
    out: list[Doc | Exception | None] = [None] * len(texts)
    short = [i for i, text in enumerate(texts) if len(text) <= CHUNK_CHARS]
    try:
        docs = nlp.pipe((texts[i] for i in short), batch_size=BATCH_SIZE)
        for i, doc in zip(short, docs, strict=True):
            out[i] = doc
    except Exception:  # one bad text fails its batch: the rest are read alone
        pass
    for i, text in enumerate(texts):
        if out[i] is None:
            try:
                out[i] = parse(nlp, text)
            except Exception as exc:
                out[i] = exc
    return [doc for doc in out if doc is not None]


def _chunks(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    while len(text) - start > CHUNK_CHARS:
        end = start + CHUNK_CHARS
        cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + CHUNK_CHARS // 2, end)
        end = cut + 1 if cut >= 0 else end
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def load_nlp(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (default: `model_name()`), loaded once a process."""
    return _load_nlp(name or model_name())


@cache
def _load_nlp(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise CheckerError.make(
            "E207",
            model=name,
            reason=" ".join(str(exc).split())[:160],
            help="install it with: pip install --no-deps -r requirements-model.txt",
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("checker_line_breaks", before="parser")
    return nlp
