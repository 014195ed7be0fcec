"""Facts extracted from one article. Every fact carries the evidence it was read from."""

from __future__ import annotations

from pydantic import BaseModel, Field

from checker.models.evidence import Evidence, Modality
from checker.models.frames import Frame
from checker.models.place import Place
from checker.models.time import Timex


class Mention(BaseModel):
    """A span in the article: a name, a place, a number."""

    text: str
    start: int
    end: int


class PlaceRef(BaseModel):
    """A place as mentioned, with what the gazetteer made of it."""

    mention: Mention
    place: Place | None = None
    relation: str = Field(
        "in", description="spatial word of the mention: in, at, near, outside, across…"
    )


class PersonFact(BaseModel):
    """A person, with the name forms used for them in one article."""

    id: str = Field(description="article-local id, e.g. 000#p1")
    name: str = Field(description="the fullest name form found")
    key: str = Field(description="diacritics-folded lower-case full name, for matching")
    mentions: list[Mention] = Field(default_factory=list)


class RoleFact(BaseModel):
    """A person said to hold a role (Minister of Internal Affairs of France) at some time."""

    person: str = Field(description="PersonFact.name")
    person_key: str
    title: str = Field(description="the role title as written")
    role: str = Field(description="canonical role from rules/vocab, or the folded title")
    org: str | None = Field(None, description="country (ISO alpha-2) or organisation holding it")
    time: Timex | None = Field(None, description="when the role is asserted for")
    former: bool = False
    evidence: Evidence


class CountFact(BaseModel):
    """A number of things (13 police officers, nearly 200 dead)."""

    value: float
    low: float = Field(description="lowest value compatible with the wording")
    high: float = Field(description="highest value compatible with the wording")
    approx: str | None = Field(None, description="approximation word: some, nearly, at least…")
    noun: str = Field(description="lemma of what is counted")
    phrase: str = Field("", description="lemmas of the counted noun phrase (police officer)")
    verb: str | None = Field(None, description="lemma of the verb that governs it (kill, cover)")
    text: str = Field(description="the number as written, with its approximation word")
    start: int = Field(description="file offset of `text`")
    end: int
    event: str | None = Field(None, description="id of the event the count belongs to")
    evidence: Evidence


class EventFact(BaseModel):
    """Something that happened, is planned, or is denied."""

    id: str = Field(description="article-local id, e.g. 000#e3")
    trigger: str = Field(description="the word that names the event (began, training…)")
    predicate: str = Field(description="normalized predicate (begin, exercise…)")
    event_type: str | None = Field(None, description="event type from rules/vocab")
    theme: str = Field("", description="what the event is about, lemmatized (joint naval exercise)")
    participants: list[str] = Field(default_factory=list, description="normalized participants")
    agent: str | None = Field(
        None, description="who did it, when named (folded): the subject of a transitive verb"
    )
    modality: Modality = Modality.REPORTED
    time: Timex | None = None
    time_inherited: bool = Field(
        False, description="True when the time comes from the surrounding text, not the clause"
    )
    places: list[PlaceRef] = Field(default_factory=list)
    venue: str | None = Field(None, description="kind of site: steel mill, stadium…")
    venue_owner: str | None = None
    counts: list[CountFact] = Field(default_factory=list)
    evidence: Evidence


class ClaimFact(BaseModel):
    """A number or a date as stated in one sentence, with the words around it.

    Claims are what two articles can be compared on even when no event was recognised: two
    sentences whose wording matches ('can carry up to 840 people' / 'up to 800 passengers')
    and whose values differ are a candidate conflict.
    """

    kind: str = Field(description="count | measure | duration | time")
    text: str = Field(description="the value as written, with its approximation word")
    start: int = Field(description="file offset of `text`")
    end: int
    unit: str = Field(description="what is counted or measured: a synonym class, a noun, %, usd…")
    value: float | None = Field(None, description="numeric value (days for a duration)")
    low: float | None = Field(None, description="lowest value the wording allows")
    high: float | None = Field(None, description="highest value the wording allows")
    bound: str | None = Field(
        None, description="how the wording bounds the value: range, up_to, at_least, about…"
    )
    time: Timex | None = Field(None, description="the time stated, for kind 'time'")
    place: PlaceRef | None = Field(None, description="the place named, for kind 'place'")
    stated_time: Timex | None = Field(
        None, description="another date stated in the same sentence (when the value held)"
    )
    ref_time: Timex | None = Field(
        None, description="when the claim holds: its clause's time, else the narrative's"
    )
    past: bool = Field(False, description="told in the simple past: an event of its day")
    aspect: str | None = Field(
        None, description="level ('closed at 8,579') or change ('fell by 7.3%'), when told"
    )
    milestone: str | None = Field(
        None, description="a once-only step the sentence dates ('enters service'), for dates"
    )
    vague: bool = Field(
        False, description="a vague quantity ('dozens', 'several', 'thousands'), not a figure"
    )
    period: str | None = Field(
        None,
        description="the stretch a change is measured over ('fell 679 points in one day': P1D)",
    )
    headline: bool = Field(False, description="stated in the article's title line")
    record: bool = Field(
        False, description="the baseline of a record: 'the worst crisis since 1998' (its date)"
    )
    names: list[str] = Field(
        default_factory=list, description="proper-noun keys of the sentence: who and where"
    )
    agent: str | None = Field(None, description="named subject of the value's verb (folded)")
    context_names: list[str] = Field(
        default_factory=list,
        description="names of the previous sentence: who a sentence without names is about",
    )
    qualifiers: list[str] = Field(
        default_factory=list, description="adjectives of the counted noun ('two large orders')"
    )
    action: str | None = Field(None, description="key of the value's verb ('seeks $16bn' -> seek)")
    theme: str | None = Field(
        None, description="key of what the value's verb acts on ('introduced the iMac' -> imac)"
    )
    countries: list[str] = Field(
        default_factory=list, description="ISO codes of the places the sentence names"
    )
    recurring: bool = Field(
        False, description="the sentence names an event held again and again (awards, a race)"
    )
    anchor: str | None = Field(
        None, description="key of the word a date attaches to ('1998 crisis' -> crisis)"
    )
    also: list[str] = Field(
        default_factory=list,
        description="other names of what is counted: the governing verb's class ('ordered')",
    )
    keys: list[str] = Field(
        default_factory=list, description="content words of the sentence (lemmas, synonym ids)"
    )
    near: list[str] = Field(
        default_factory=list, description="content words next to the value: the strongest cue"
    )
    modality: Modality = Modality.REPORTED
    evidence: Evidence


class StatementFact(BaseModel):
    """One sentence as a statement: its content words, for finding sentences of two articles
    that say the same thing without a number or a date to compare."""

    index: int = Field(description="sentence number in the article (0-based)")
    keys: list[str] = Field(
        default_factory=list,
        description="content words in order: folded lemmas, or synonym ids from rules/vocab",
    )
    spans: list[tuple[int, int]] = Field(
        default_factory=list, description="file offsets of the word behind each key"
    )
    names: list[str] = Field(
        default_factory=list, description="the keys that are names (people, organisations, places)"
    )
    numbers: list[str] = Field(
        default_factory=list, description="numbers stated in the sentence, outside names and times"
    )
    people: list[str] = Field(
        default_factory=list,
        description="surnames of the people the sentence names, folded ('jones', 'kenteris')",
    )
    negated: bool = Field(False, description="the sentence has a grammatical negation")
    anaphoric: bool = Field(
        False, description="its subject points back ('This is due to…'): it needs its context"
    )
    evidence: Evidence


class FirstFact(BaseModel):
    """Someone or something ranked first of a kind: 'Singapore Airlines is the first airline to
    fly the A380' (holder 'singapore airlines', kind 'company', act 'fly', thing 'a380')."""

    holder: str = Field(description="the holder's naming words, folded ('all nippon airways')")
    holder_text: str = Field(description="the holder's naming words as written")
    kind: str = Field(description="what it is the first of: a synonym id or a folded lemma")
    act: str | None = Field(None, description="the act of its 'to …' clause ('fly')")
    thing: str | None = Field(None, description="the object of that act ('a380')")
    words: list[str] = Field(
        default_factory=list, description="content words of the 'to …' clause, as keys"
    )
    negated: bool = Field(False, description="'is not the first …'")
    start: int = Field(description="file offset where the ranking words start")
    end: int = Field(description="file offset where they end")
    evidence: Evidence


class ArticleFacts(BaseModel):
    """Everything extracted from one article."""

    article: str
    timexes: list[Timex] = Field(default_factory=list)
    people: list[PersonFact] = Field(default_factory=list)
    roles: list[RoleFact] = Field(default_factory=list)
    places: list[PlaceRef] = Field(default_factory=list)
    counts: list[CountFact] = Field(default_factory=list)
    events: list[EventFact] = Field(default_factory=list)
    claims: list[ClaimFact] = Field(default_factory=list)
    frames: list[Frame] = Field(default_factory=list)
    names: list[str] = Field(
        default_factory=list, description="folded names of people, organisations and places"
    )
    keywords: list[str] = Field(
        default_factory=list, description="folded lemmas of the article's nouns and proper nouns"
    )
    statements: list[StatementFact] = Field(
        default_factory=list, description="sentences with their content words (see statements)"
    )
    firsts: list[FirstFact] = Field(
        default_factory=list, description="holders ranked first of a kind (see firsts)"
    )
