"""The unit of work every executor runs: one chunk of articles in, one `Outcome` per article out.

Outcomes carry the encoded `Extracted` record (what the cache stores, and cheap to send between
processes), so a run reads the same bytes whether they were extracted now, elsewhere or earlier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from checker.extract.pipeline import Extractor
from checker.models.article import Article

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """What reading one article gave: the encoded record, or why it failed."""

    article: str  # Article.id
    data: bytes | None = None  # Extracted.to_bytes()
    error: str | None = None  # "ExceptionType: message", for problem E009


def extract_chunk(extractor: Extractor, articles: Sequence[Article]) -> list[Outcome]:
    """Outcomes of `articles`, in their order. Raises `CheckerError` (e.g. no spaCy model)."""
    vocab = extractor.context.vocab
    out: list[Outcome] = []
    for article, adoc in extractor.read_many(articles):
        if isinstance(adoc, Exception):
            out.append(Outcome(article.id, error=f"{type(adoc).__name__}: {adoc}"))
            continue
        try:
            data = adoc.to_extracted(vocab).to_bytes()
        except Exception as exc:  # one article must never sink the run
            out.append(Outcome(article.id, error=f"{type(exc).__name__}: {exc}"))
            continue
        out.append(Outcome(article.id, data=data))
    return out


def chunked(items: Sequence[T], jobs: int, largest: int = 16) -> list[list[T]]:
    """Consecutive chunks: about four a worker so the last ones finish together, but at most
    `largest` articles each (a chunk is also the unit the cache commits)."""
    size = max(1, min(largest, -(-len(items) // (4 * max(jobs, 1)))))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]
