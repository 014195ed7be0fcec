"""Fact frames: one stated value, what it measures, and when, by whom and how it is told.

Every number, amount, measure and clock time an article states becomes one frozen `Frame`. Two
frames are compared only when they measure the same attribute (deaths, depth, magnitude…); the
alignment features then decide whether they are about the same thing at the same time.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from checker.models.evidence import Evidence, Modality

# Counted nouns that say who, not what: a count of 'people' names no attribute of its own.
GENERIC_NOUNS = frozenset(
    {"people", "person", "resident", "individual", "victim", "other", "man", "woman", "child"}
)


class Bound(StrEnum):
    """How the wording bounds the value: '450', 'at least 450', 'up to 450', '400 to 450'."""

    EXACT = "exact"
    APPROX = "approx"  # about, nearly, some
    LOWER = "lower"  # at least, more than, over
    UPPER = "upper"  # up to, fewer than, under
    RANGE = "range"  # between 400 and 450


class Frame(BaseModel):
    """One stated value with its attribute, its own time, its source and its evidence."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="article-local id: <article>#v<n>")
    article: str
    measure: str = Field(
        description="count, length, speed, area, magnitude, money, percent, clock…"
    )
    attribute: str = Field(
        description="what is measured: deaths, depth, magnitude… (vocabulary id)"
    )
    attribute_label: str = Field(description="the attribute in words: 'death toll'")
    cumulative: bool = Field(False, description="a running tally that later reports revise")
    cue: str | None = Field(None, description="the words that named the attribute ('killed')")
    adopted: str | None = Field(
        None,
        description="why an unnamed value took the story's attribute: the value was read "
        "with its measure's default attribute, and the story names only one of that measure",
    )
    summed: bool = Field(
        False,
        description="a total added up from parts the sentence gives ('120 passengers "
        "and six crew': 126 aboard); `what` is then the counted noun of its first part",
    )
    what: str | None = Field(None, description="lemma of the counted noun: people, passenger…")
    value: float = Field(description="the value in the unit below (SI base for physical measures)")
    low: float = Field(description="lowest value the wording allows")
    high: float = Field(description="highest value the wording allows (inf: no upper limit)")
    bound: Bound = Bound.EXACT
    vague: bool = Field(
        False,
        description="an order of magnitude in words ('hundreds of thousands'): a range "
        "from two of its units to below the next order",
    )
    unit: str | None = Field(None, description="normalized unit: km, USD, %, magnitude, minute…")
    text: str = Field(description="the value as written, with its bound word and unit")
    year: int | None = Field(None, description="a year the sentence ties the value to ('in 1946')")
    day: str | None = Field(None, description="a day the sentence ties the value to (ISO date)")
    reported: date | None = Field(None, description="publication date of the article")
    background: str | None = Field(
        None, description="why this is not the story's own fact ('a 1946 event'), if it is not"
    )
    source: str | None = Field(None, description="who the article says gave the value")
    timezone: str | None = Field(None, description="clock times: 'local', 'GMT', 'UTC', 'ET'…")
    places: tuple[str, ...] = Field((), description="places named in the same sentence")
    scope: str | None = Field(
        None,
        description="the area the value is given for, as written next to it ('nationwide', "
        "'in Paris'); None when the words do not say",
    )
    scope_level: str | None = Field(
        None, description="'whole' (the whole country or area) or 'part' (a city or region in it)"
    )
    subjects: tuple[str, ...] = Field(
        (), description="names of organisations, people and things in the sentence"
    )
    now: bool = Field(
        False,
        description="the words tie the value to the moment of writing ('currently', 'now', "
        "'today'): a reading of something that changes",
    )
    verb: str | None = Field(
        None, description="lemma of the verb the value hangs on ('order'), unless 'be'/'have'"
    )
    agent: str | None = Field(
        None,
        description="the named organisation or person whose act the value belongs to "
        "('Ryanair bought 60 jets': ryanair); None when the words name none",
    )
    qualifiers: tuple[str, ...] = Field(
        (), description="words that narrow what is measured: 'aftershock', 'children', 'of them'"
    )
    modality: Modality = Modality.REPORTED
    headline: bool = Field(False, description="read from the article's headline line")
    sentence: int = Field(description="index of the sentence in the article")
    start: int = Field(description="file offset of the value's first character")
    end: int = Field(description="file offset one past the value's last character")
    evidence: Evidence
