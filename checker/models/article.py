"""Articles as read from disk."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field


class Origin(StrEnum):
    """Where an article's text came from, and so what its offsets refer to."""

    FILE = "file"  # a plain text file: offsets refer to the file as decoded
    HTML = "html"  # a saved web page: offsets refer to the main text extracted from it
    EXPORT = "export"  # one record of a JSON, JSONL or CSV export: offsets refer to its text


class Article(BaseModel):
    """One article. Offsets in facts refer to `text`: the whole file as decoded for a plain text
    file, the extracted text for a saved page or an export record."""

    id: str = Field(description="file name without extension; 'file#n' for export records")
    path: Path = Field(description="path as given on the command line or found in the folder")
    text: str = Field(description="the text offsets refer to (see `origin`)")
    body_start: int = Field(0, description="offset where the body starts (after front matter)")
    title: str
    source: str | None = None
    url: str | None = None
    language: str | None = None
    published: date | None = None
    published_inferred: bool = Field(
        False, description="True when `published` was guessed from the text, not given"
    )
    published_note: str | None = Field(None, description="how the publication date was found")
    published_earliest: date | None = Field(
        None, description="for an inferred date: the earliest day the text allows"
    )
    published_precision: str | None = Field(
        None,
        description="for a date inferred from the text: how fine its evidence is ('day' when a "
        "day is pinned, 'month' for 'on or after March 2021'...)",
    )
    published_latest: date | None = Field(
        None, description="for an inferred date: the latest day the text allows (None: open)"
    )
    metadata: dict[str, Any] = Field(default_factory=dict, description="other front-matter keys")
    origin: Origin = Field(Origin.FILE, description="where `text` came from")
    row: int | None = Field(None, description="the record's number in its export file (1-based)")
    source_line: int | None = Field(
        None, description="line of `path` where the record starts (JSONL and CSV exports)"
    )
    text_note: str | None = Field(None, description="how `text` was taken from the file")

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return self.text.count("\n", 0, offset) + 1
