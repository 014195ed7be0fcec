"""Articles as read from disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field


class Article(BaseModel):
    """One article file. Offsets in facts refer to `text`, the whole file as decoded."""

    id: str = Field(description="file name without extension")
    path: Path = Field(description="path as given on the command line or found in the folder")
    text: str = Field(description="the whole file, decoded as UTF-8")
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
    published_latest: date | None = Field(
        None, description="for an inferred date: the latest day the text allows (None: open)"
    )
    metadata: dict[str, Any] = Field(default_factory=dict, description="other front-matter keys")

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return self.text.count("\n", 0, offset) + 1
