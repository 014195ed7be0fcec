"""Where a fact was read, and how the article tells it: shared by every kind of fact."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class Evidence(BaseModel):
    """Where a fact was read: a verbatim quote of the article file and its position."""

    article: str = Field(description="article id")
    quote: str = Field(description="verbatim substring of the article file")
    start: int
    end: int
    line: int


class Modality(StrEnum):
    REPORTED = "reported"  # told as having happened or being the case
    PLANNED = "planned"  # announced, expected, would/will happen
    NEGATED = "negated"  # said not to have happened
    HEDGED = "hedged"  # advice, possibility or a general statement: neither done nor planned
