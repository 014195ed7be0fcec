"""Which reader reads which file: a registry keyed by the file's suffix.

A reader turns one file into articles: one for a plain text file or a saved page, one per
record for an export. A problem with the whole file is raised (a `CheckerError`); a problem
with one record of an export is returned with the other records' articles, so one bad row never
costs the rest of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import CheckerError
from checker.ingest.files import DEFAULT_LIMITS, ReadLimits
from checker.ingest.pubdate import DateGuesser, guess_published
from checker.ingest.reader import Sidecar, load_article
from checker.models.article import Article


@dataclass(frozen=True)
class ReadContext:
    """What every reader gets besides the path: the sidecars that may describe the file, the
    folder given on the command line (links must stay inside it), the read limits and what
    guesses the date of an undated text."""

    sidecars: Sequence[Sidecar] = ()
    root: Path | None = None
    limits: ReadLimits = DEFAULT_LIMITS
    guess: DateGuesser = guess_published


@dataclass
class Loaded:
    """The articles a file gave, and the problems of its records that could not be used."""

    articles: list[Article] = field(default_factory=list)
    problems: list[CheckerError] = field(default_factory=list)


Reader = Callable[[Path, ReadContext], Loaded]


def read_text(path: Path, ctx: ReadContext) -> Loaded:
    """A plain text article (`.txt`, `.md`), front matter and sidecar metadata included."""
    article = load_article(
        path, sidecars=ctx.sidecars, root=ctx.root, limits=ctx.limits, guess=ctx.guess
    )
    return Loaded([article])


def read_page(path: Path, ctx: ReadContext) -> Loaded:
    from checker.ingest.page import load_page  # trafilatura is slow to import: only when needed

    return Loaded([load_page(path, ctx.sidecars, ctx.root, ctx.limits, ctx.guess)])


def read_export(path: Path, ctx: ReadContext) -> Loaded:
    from checker.ingest.exports import load_export

    articles, problems = load_export(path, ctx.root, ctx.limits, ctx.guess)
    return Loaded(articles, problems)


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_page,
    ".htm": read_page,
    ".json": read_export,
    ".jsonl": read_export,
    ".csv": read_export,
}


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def supported() -> str:
    """The suffixes checker reads, for messages: '.csv, .htm, .html, …'."""
    return ", ".join(sorted(READERS))
