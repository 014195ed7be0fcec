"""Findings and the report: the public JSON interface (see `schema_version`)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from checker.models.copies import CopyGroup

# 2: `stories`; 3: `published_earliest`/`_latest` and `copies`; 4: where texts came from;
# 5: `why` of a story
SCHEMA_VERSION = 5


class Verdict(StrEnum):
    CONFLICT = "conflict"
    AGREEMENT = "agreement"
    NO_CONFLICT = "no_conflict"  # checked and explained: looks like a conflict but is not


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Claim(BaseModel):
    """One side of a finding: what one article says, verbatim."""

    article: str
    quote: str = Field(description="verbatim substring of the article text (see text_file)")
    start: int
    end: int
    line: int
    value: str = Field(description="the compared value as read, normalized (2019-09, Lyon…)")
    detail: dict[str, Any] = Field(default_factory=dict)


class Finding(BaseModel):
    id: str = Field(description="stable within a report: F001…")
    rule: str = Field(description="rule code, e.g. T101")
    rule_name: str
    kind: str = Field(description="time | place | count | person_role | venue")
    verdict: Verdict
    severity: Severity
    subject: str = Field(description="what both claims are about, in words")
    explanation: str
    confidence: float = Field(ge=0.0, le=1.0)
    claims: list[Claim]


class ArticleEntry(BaseModel):
    id: str
    path: str
    title: str
    published: date | None
    published_inferred: bool
    published_note: str | None = None
    # schema 3: the range an inferred publication date may lie in (None: not inferred, or open)
    published_earliest: date | None = None
    published_latest: date | None = None
    # Since schema 4: what the claims' offsets and quotes refer to.
    origin: str = Field(
        "file", description="file (the file at `path`), html (a saved page) or export (a record)"
    )
    row: int | None = Field(None, description="the record's number in its export file")
    source_line: int | None = Field(None, description="line of `path` where the record starts")
    text_note: str | None = Field(None, description="how the text was taken from the file")
    text_sha256: str | None = Field(
        None, description="sha256 of the text (UTF-8) the claims' offsets refer to"
    )
    text_file: str | None = Field(
        None,
        description="the file holding that text: `path` for a plain text file, else the copy "
        "written beside the report (None when none was written)",
    )


class Problem(BaseModel):
    """An input that could not be read; the run went on without it."""

    path: str
    code: str
    message: str


class StoryEntry(BaseModel):
    """Articles the checker found to tell one story; facts are compared within a story."""

    id: str
    articles: list[str]
    label: str = Field(description="names every article of the story shares, if any")
    why: str = Field(
        "", description="since schema 5: for a folder split in stories, why this one was kept apart"
    )


class Report(BaseModel):
    schema_version: int = SCHEMA_VERSION
    tool: str = "checker"
    tool_version: str
    articles: list[ArticleEntry]
    findings: list[Finding]
    problems: list[Problem] = Field(default_factory=list)
    summary: dict[str, int] = Field(default_factory=dict)
    stories: list[StoryEntry] = Field(
        default_factory=list, description="since schema 2: the stories the articles were grouped in"
    )
    copies: list[CopyGroup] = Field(
        default_factory=list,
        description="since schema 3: near-duplicate articles, each compared with its original only",
    )


def highlight_span(claim: Claim) -> tuple[int, int] | None:
    """The `highlight_start`/`highlight_end` offsets from `claim.detail`, if they make sense."""
    start: Any = claim.detail.get("highlight_start")
    end: Any = claim.detail.get("highlight_end")
    # bool is an int subclass; True/False offsets are a producer bug, not positions.
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    if isinstance(start, bool) or isinstance(end, bool):
        return None
    if 0 <= start < end <= len(claim.quote):
        return (start, end)
    return None
