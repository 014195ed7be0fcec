"""Vocabulary files (`rules/vocab/*.yaml`): general words checker knows, as data.

A vocabulary file has a `kind` and a list of `entries`; each entry has an `id`, a
`label` for people, the `terms` that name it in text, and fields specific to its kind::

    kind: roles
    entries:
      - id: interior_minister
        label: Interior Minister
        category: government
        unique_per: country
        terms: ["interior minister", "minister of the interior", "home secretary"]

Matching is case-insensitive, accent-insensitive (see `checker.textutil.fold`), treats
runs of whitespace as one space and a hyphen like a space ("kick-off" = "kick off").
Terms are matched as written: list every inflection you want found ("begin", "began").
Several files may share a kind; their entries are merged. Within a kind an entry id and
a term may appear only once, so a lookup is never ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from checker.errors import CheckerError, CheckerWarning, options, suggest
from checker.rules.schema import COUNTRY_PATTERN, SNAKE_PATTERN, pydantic_errors
from checker.safeload import MAX_DATA_BYTES, DataError, SourceFile, parse_source, read_limited
from checker.textutil import fold, fold_with_offsets, original_span

__all__ = [
    "CountEntry",
    "EventTypeEntry",
    "ModalityEntry",
    "OrgEntry",
    "PredicateEntry",
    "RoleEntry",
    "VOCAB_KINDS",
    "VenueEntry",
    "VocabEntry",
    "Vocabulary",
    "collect_vocabulary",
    "load_vocabulary",
    "term_key",
]


class VocabEntry(BaseModel):
    """Fields every vocabulary entry has."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str = Field(pattern=SNAKE_PATTERN, description="stable snake_case id")
    label: str = Field(min_length=1, description="how a person would write it")
    terms: tuple[str, ...] = Field(min_length=1, description="words that name it in text")
    case_sensitive: tuple[str, ...] = Field(
        default=(),
        description="terms matched only with exactly this letter case: acronyms that are "
        "also common words (WHO, US, AU)",
    )
    note: str | None = Field(default=None, description="free text for readers")


RoleCategory = Literal[
    "head_of_state",
    "head_of_government",
    "government",
    "legislature",
    "regional",
    "local",
    "business",
    "military",
    "police",
    "judiciary",
    "diplomacy",
    "international",
    "media",
    "sports",
    "religion",
    "royalty",
    "other",
]


class RoleEntry(VocabEntry):
    """A title a person holds (`kind: roles`)."""

    category: RoleCategory = Field(description="broad area of the role")
    unique_per: Literal["country", "region", "city", "organization", "team"] | None = Field(
        default=None,
        description="one holder at a time per this scope (a country has one interior "
        "minister); empty when many people hold the title at once",
    )
    deputy_of: str | None = Field(default=None, description="id of the role this one deputises for")


PredicateClass = Literal[
    "begin",
    "end",
    "cancel",
    "postpone",
    "occur",
    "plan",
    "sign",
    "agree",
    "announce",
    "say",
    "deny",
    "kill",
    "die",
    "injure",
    "arrest",
    "charge",
    "convict",
    "release",
    "elect",
    "win",
    "lose",
    "appoint",
    "resign",
    "dismiss",
    "acquire",
    "sell",
    "invest",
    "deliver",
    "build",
    "attack",
    "crash",
    "launch",
    "merge",
    "meet",
    "visit",
    "evacuate",
    "damage",
    "protest",
    "ban",
    "approve",
    "reject",
]


class PredicateEntry(VocabEntry):
    """A verb (and its nominal forms) naming what happened (`kind: predicates`)."""

    predicate_class: PredicateClass = Field(alias="class", description="what kind of act")


class EventTypeEntry(VocabEntry):
    """Nouns and verbs naming a type of event (`kind: event_types`)."""

    broader: str | None = Field(default=None, description="id of a more general type")
    recurring: bool = Field(
        default=False,
        description="held again and again (festivals, elections, matches): two mentions with "
        "different dates are two editions, not a discrepancy",
    )
    predicate: PredicateClass | None = Field(
        default=None,
        description="the predicate class of the verb this noun names ('evacuation' -> "
        "evacuate), so 'the evacuation of 180 passengers' aligns with '180 passengers were "
        "evacuated'",
    )


OrgType = Literal[
    "intergovernmental",
    "government",
    "military",
    "police",
    "intelligence",
    "court",
    "legislature",
    "news_agency",
    "media",
    "company",
    "ngo",
    "sports",
    "political_party",
    "other",
]


class OrgEntry(VocabEntry):
    """An organization and its common aliases (`kind: orgs`)."""

    org_type: OrgType = Field(alias="type", description="what kind of body")
    country: str | None = Field(
        default=None,
        pattern=COUNTRY_PATTERN,
        description="ISO 3166 code when the organization is national (FBI -> US)",
    )


VenueCategory = Literal[
    "industrial",
    "energy",
    "military",
    "transport",
    "government",
    "education",
    "health",
    "religion",
    "commerce",
    "sports",
    "culture",
    "housing",
    "public_space",
    "nature",
    "other",
]


class VenueEntry(VocabEntry):
    """A kind of facility or site (`kind: venues`)."""

    category: VenueCategory = Field(description="broad kind of place")
    broader: str | None = Field(default=None, description="id of a more general venue")


class ModalityEntry(VocabEntry):
    """Cue words for how a statement is told (`kind: modality`)."""

    modality: Literal["planned", "negated", "hedged", "reported"] = Field(
        description="planned: will/would happen; negated: did not happen; hedged: "
        "unconfirmed or attributed; reported: told as fact"
    )


class CountEntry(VocabEntry):
    """An approximation word or a vague quantity, with its bounds (`kind: counts`).

    `scale: relative` bounds multiply the number written next to the word ("nearly 100"
    -> [85, 100)); `scale: absolute` bounds stand alone ("dozens" -> [24, 199]).
    `high` empty means no upper bound. `low_open`/`high_open` exclude the bound itself.
    """

    scale: Literal["relative", "absolute"]
    low: float = Field(ge=0)
    high: float | None = Field(default=None, ge=0)
    low_open: bool = False
    high_open: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> CountEntry:
        if self.high is not None and self.high < self.low:
            raise ValueError(f"low ({self.low:g}) is greater than high ({self.high:g})")
        return self

    def interval(self, number: float | None = None) -> tuple[float, float | None]:
        """Absolute bounds: for a relative entry, of `number` (required); `None` = no limit."""
        if self.scale == "absolute":
            return self.low, self.high
        if number is None:
            raise ValueError(f"count word '{self.id}' is relative: pass the number it qualifies")
        # Rounded so that 1.15 * 100 is 115, not 114.99999999999999.
        low = round(self.low * number, 9)
        return low, None if self.high is None else round(self.high * number, 9)

    def contains(self, value: float, number: float | None = None) -> bool:
        """Whether `value` is within this entry's bounds (open bounds excluded)."""
        low, high = self.interval(number)
        if value < low or (self.low_open and value == low):
            return False
        return high is None or value < high or (value == high and not self.high_open)


class SynonymEntry(VocabEntry):
    """Words that mean the same when comparing the wording around two claims (`kind: synonyms`)."""

    milestone: bool = Field(
        default=False,
        description="a once-only step in the life of a thing (entering service, a maiden "
        "flight): two articles giving it different dates disagree, whichever verb the date "
        "hangs on",
    )


Measure = Literal[
    "count",
    "length",
    "speed",
    "area",
    "magnitude",
    "money",
    "percent",
    "mass",
    "temperature",
    "age",
    "duration",
    "volume",
    "energy",
]


class AttributeEntry(VocabEntry):
    """What a stated value measures: deaths, depth, magnitude, turnout (`kind: attributes`).

    `terms` are the cue words read around a value (lemmas or short phrases). A value takes the
    attribute of the nearest cue whose `measures` includes the value's measure.
    """

    measures: tuple[Measure, ...] = Field(
        min_length=1, description="the kinds of value this attribute can have"
    )
    cumulative: bool = Field(
        default=False,
        description="a tally that only grows while a story unfolds (deaths, cases): a later, "
        "higher figure is a revision",
    )
    fallback: bool = Field(
        default=False,
        description="the attribute of any value of its measure that no cue names",
    )
    who: bool = Field(
        default=False,
        description="its cues name who is counted, not what happened to them: a nearby cue of "
        "what happened wins",
    )
    who_nouns: bool = Field(
        default=False,
        description="like `who`, for its nouns only ('protesters' names who is counted, 'took "
        "part' what they did)",
    )
    part_of: str | None = Field(
        default=None,
        description="the attribute this one is a part of (crew are among the people aboard): "
        "a sentence that gives the whole's other part and this one adds them up",
    )


class UnitEntry(VocabEntry):
    """A unit as news writes it, with its name for `pint` (`kind: units`).

    Conversions come from pint; this table only maps spellings ("kilometres", "km", "kms") to a
    pint unit and says what the unit measures. Currencies carry an ISO code instead: amounts
    in different currencies are not converted (rates move).
    """

    measure: Measure
    pint: str | None = Field(default=None, description="pint unit expression, e.g. 'km/hour'")
    currency: str | None = Field(default=None, description="ISO 4217 code for a currency")
    before: bool = Field(default=False, description="written before the number ($5, US$5)")


# Kind name -> entry model. A new kind is one model and one line here.
VOCAB_KINDS: dict[str, type[VocabEntry]] = {
    "roles": RoleEntry,
    "predicates": PredicateEntry,
    "event_types": EventTypeEntry,
    "orgs": OrgEntry,
    "venues": VenueEntry,
    "modality": ModalityEntry,
    "counts": CountEntry,
    # Words that mean the same when comparing the wording around two claims.
    "synonyms": SynonymEntry,
    # What a stated value measures, and the units values are written in.
    "attributes": AttributeEntry,
    "units": UnitEntry,
}

# Fields that name another entry of the same kind, checked after loading (E123).
_REFERENCES: dict[str, tuple[str, ...]] = {
    "roles": ("deputy_of",),
    "event_types": ("broader",),
    "venues": ("broader",),
}

_HINTS = {
    "kind": f"one of: {options(VOCAB_KINDS)}",
    "entries": "a list of entries, each with id, label and terms",
    "terms": 'a list of words, e.g. terms: ["interior minister", "home secretary"]',
    "id": "snake_case, e.g. interior_minister",
}


def term_key(term: str) -> str:
    """The key a term is indexed and looked up by: folded, hyphens read as spaces."""
    return " ".join(fold(term).replace("-", " ").split())


def exact_key(term: str) -> str:
    """The key of a case-sensitive term: as written, whitespace and hyphens as one space."""
    return " ".join(term.replace("-", " ").split())


def _alternation(keys: Iterable[str], space: str) -> re.Pattern[str] | None:
    """One regex for all `keys`, longest first, on word boundaries (a hyphen joins words).

    Longest first, so "deputy interior minister" wins over "interior minister".
    """
    ordered = sorted(keys, key=lambda k: (-len(k), k))
    if not ordered:
        return None
    alts = "|".join(space.join(re.escape(w) for w in k.split(" ")) for k in ordered)
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w\-])")


class VocabFile(BaseModel):
    """The top level of a vocabulary file."""

    model_config = ConfigDict(extra="forbid")

    kind: str
    description: str | None = None
    entries: list[dict[str, Any]] = Field(min_length=1)


@dataclass(frozen=True)
class _Origin:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class Vocabulary:
    """All vocabulary entries, indexed by kind, id and folded term."""

    def __init__(self, entries: Mapping[str, Sequence[VocabEntry]] | None = None) -> None:
        self._entries: dict[str, tuple[VocabEntry, ...]] = {
            kind: tuple(items) for kind, items in (entries or {}).items()
        }
        self._by_id: dict[str, dict[str, VocabEntry]] = {}
        self._by_term: dict[str, dict[str, VocabEntry]] = {}
        self._by_exact: dict[str, dict[str, VocabEntry]] = {}
        for kind, items in self._entries.items():
            self._check_kind(kind)
            self._by_id[kind] = {e.id: e for e in items}
            index: dict[str, VocabEntry] = {}
            exact: dict[str, VocabEntry] = {}
            for entry in items:
                for term in entry.terms:
                    index.setdefault(term_key(term), entry)
                for term in entry.case_sensitive:
                    exact.setdefault(exact_key(term), entry)
            self._by_term[kind] = index
            self._by_exact[kind] = exact
        self._regex: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}
        self._lookups: dict[tuple[str, str], VocabEntry | None] = {}

    @staticmethod
    def _check_kind(kind: str) -> None:
        # A misspelt kind in code is a programming error, not "no match".
        if kind not in VOCAB_KINDS:
            raise KeyError(f"unknown vocabulary kind '{kind}'; known: {options(VOCAB_KINDS)}")

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted(k for k, v in self._entries.items() if v))

    def entries(self, kind: str) -> tuple[VocabEntry, ...]:
        self._check_kind(kind)
        return self._entries.get(kind, ())

    def get(self, kind: str, entry_id: str) -> VocabEntry | None:
        self._check_kind(kind)
        return self._by_id.get(kind, {}).get(entry_id)

    def lookup(self, kind: str, phrase: str) -> VocabEntry | None:
        """The entry one of whose terms is `phrase` (case, accents, spacing ignored)."""
        key = (kind, phrase)
        if key in self._lookups:  # extraction asks for the same words again and again
            return self._lookups[key]
        self._check_kind(kind)
        exact = self._by_exact.get(kind, {}).get(exact_key(phrase))
        found = exact or self._by_term.get(kind, {}).get(term_key(phrase))
        self._lookups[key] = found
        return found

    def find_all(self, kind: str, text: str) -> list[tuple[int, int, VocabEntry]]:
        """Every term of `kind` in `text`: longest match wins, no overlaps, whole words.

        Offsets are into the original `text`, so `text[start:end]` is a verbatim quote.
        """
        self._check_kind(kind)
        folded_rx, exact_rx = self._patterns(kind)
        candidates: list[tuple[int, int, VocabEntry]] = []
        if folded_rx is not None:
            folded, offsets = fold_with_offsets(text)
            index = self._by_term[kind]
            for m in folded_rx.finditer(folded):
                entry = index.get(term_key(m.group(0)))
                if entry is not None:  # always: every alternative comes from the index
                    start, end = original_span(text, offsets, m.start(), m.end())
                    candidates.append((start, end, entry))
        if exact_rx is not None:
            exact = self._by_exact[kind]
            for m in exact_rx.finditer(text):
                entry = exact.get(exact_key(m.group(0)))
                if entry is not None:
                    candidates.append((m.start(), m.end(), entry))
        # Leftmost first, longest first at one position; drop anything overlapping.
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        found: list[tuple[int, int, VocabEntry]] = []
        for cand in candidates:
            if not found or cand[0] >= found[-1][1]:
                found.append(cand)
        return found

    def _patterns(self, kind: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        if kind not in self._regex:
            # A space in a term matches a space or a hyphen, like `term_key` does.
            folded = _alternation(self._by_term.get(kind, {}), r"[ \-]")
            exact = _alternation(self._by_exact.get(kind, {}), r"[\s\-]+")
            self._regex[kind] = (folded, exact)
        return self._regex[kind]

    def __len__(self) -> int:
        return sum(len(v) for v in self._entries.values())


def collect_vocabulary(
    folder: Path,
    display: Mapping[Path, str] | None = None,
    warnings: list[CheckerWarning] | None = None,
) -> tuple[Vocabulary, list[CheckerError]]:
    """Load every `*.yaml` under `folder`; return what loaded and every error found.

    A file with neither `kind:` nor `entries:` at its top is not a vocabulary file in
    this format (other components keep their own data there, e.g. the gazetteer's
    place words): it is skipped, and a W104 warning is appended to `warnings`.
    """
    errors: list[CheckerError] = []
    merged: dict[str, list[VocabEntry]] = {}
    origins: dict[tuple[str, str], _Origin] = {}  # (kind, id) -> where defined
    term_origins: dict[tuple[str, str], tuple[str, _Origin]] = {}  # (kind, key) -> (id, at)
    sources: list[tuple[SourceFile, str, list[tuple[VocabEntry, int]]]] = []

    for path in sorted(folder.rglob("*.yaml")):
        shown = (display or {}).get(path, str(path))
        src, errs = read_source(path, shown)
        errors.extend(errs)
        if src is None:
            continue
        if isinstance(src.data, dict) and not ({"kind", "entries"} & src.data.keys()):
            if warnings is not None:
                warnings.append(
                    CheckerWarning.make("W104", path=shown, line=1, file_name=path.name)
                )
            continue
        kind, loaded, errs = _check_file(src)
        errors.extend(errs)
        if kind is None:
            continue
        sources.append((src, kind, loaded))
        for entry, index in loaded:
            line = src.line_of(("entries", index, "id"))
            here = _Origin(src.path, line)
            if (kind, entry.id) in origins:
                errors.append(
                    src.error(
                        "E121",
                        ("entries", index, "id"),
                        entry_id=entry.id,
                        kind=kind,
                        other=origins[(kind, entry.id)],
                        help="merge the two entries or give one a different id",
                    )
                )
                continue
            origins[(kind, entry.id)] = here
            merged.setdefault(kind, []).append(entry)
            seen_in_entry: set[str] = set()
            spelled = [("terms", i, t, term_key(t)) for i, t in enumerate(entry.terms)]
            spelled += [
                ("case_sensitive", i, t, "exact:" + exact_key(t))
                for i, t in enumerate(entry.case_sensitive)
            ]
            for fld, t_index, term, key in spelled:
                if key in ("", "exact:"):
                    errors.append(
                        src.error(
                            "E103",
                            ("entries", index, fld, t_index),
                            key=fld,
                            where=f"entry '{entry.id}'",
                            problem="the term is empty",
                            help="remove the empty term",
                        )
                    )
                    continue
                if key in seen_in_entry:  # repeated inside one entry: harmless
                    continue
                seen_in_entry.add(key)
                owner = term_origins.get((kind, key))
                if owner is not None:
                    errors.append(
                        src.error(
                            "E122",
                            ("entries", index, fld, t_index),
                            term=term,
                            entry_id=entry.id,
                            other_id=owner[0],
                            kind=kind,
                            other=owner[1],
                            help="a term may name only one entry; keep it in the "
                            "entry a reader would expect and drop it from the other",
                        )
                    )
                    continue
                term_origins[(kind, key)] = (entry.id, here)

    # References between entries of one kind (deputy_of, broader) must resolve.
    for src, kind, loaded in sources:
        for entry, index in loaded:
            for fld in _REFERENCES.get(kind, ()):
                target = getattr(entry, fld)
                if target is not None and (kind, target) not in origins:
                    errors.append(
                        src.error(
                            "E123",
                            ("entries", index, fld),
                            entry_id=entry.id,
                            field=fld,
                            target=target,
                            kind=kind,
                            help=f"use the id of an entry of kind '{kind}'"
                            + suggest(target, [i for k, i in origins if k == kind]),
                        )
                    )
    return Vocabulary(merged), errors


def load_vocabulary(folder: Path) -> Vocabulary:
    """Load a vocabulary folder; raise `RuleSetError` listing every problem."""
    from checker.errors import RuleSetError

    vocab, errors = collect_vocabulary(folder)
    if errors:
        raise RuleSetError(errors)
    return vocab


def read_source(path: Path, shown: str) -> tuple[SourceFile | None, list[CheckerError]]:
    """Read and parse one YAML file (rules and vocabulary share this)."""
    try:
        text = read_limited(path, MAX_DATA_BYTES).decode("utf-8-sig")
    except OSError as exc:
        return None, [
            CheckerError.make(
                "E119", path=shown, reason=exc.strerror or str(exc), help="check permissions"
            )
        ]
    except DataError as exc:
        return None, [CheckerError.make("E119", path=shown, reason=exc.problem)]
    except UnicodeDecodeError as exc:
        return None, [
            CheckerError.make(
                "E119",
                path=shown,
                reason=f"not UTF-8 (byte {exc.start})",
                help="save the file as UTF-8",
            )
        ]
    src, errors = parse_source(shown, text)
    return (None if errors else src), errors


def _check_file(src: SourceFile) -> tuple[str | None, list[tuple[VocabEntry, int]], list]:
    data = src.data
    if not isinstance(data, dict):
        return (
            None,
            [],
            [
                src.error(
                    "E115",
                    found=_kind_of(data),
                    help="start the file with 'kind: …' and 'entries:'",
                )
            ],
        )
    errors: list[CheckerError] = []
    kind = data.get("kind")
    if isinstance(kind, str) and kind not in VOCAB_KINDS:
        return (
            None,
            [],
            [
                src.error(
                    "E120",
                    ("kind",),
                    kind=kind,
                    suggestion=suggest(kind, VOCAB_KINDS),
                    opts=options(VOCAB_KINDS),
                    help="add a model to VOCAB_KINDS in checker/rules/vocab.py for a new kind",
                )
            ],
        )
    try:
        top = VocabFile.model_validate(data)
    except ValidationError as exc:
        return (
            None,
            [],
            pydantic_errors(
                exc, src, where="vocabulary file", fields=list(VocabFile.model_fields), hints=_HINTS
            ),
        )
    model = VOCAB_KINDS[top.kind]
    fields = _field_names(model)
    loaded: list[tuple[VocabEntry, int]] = []
    for index, raw in enumerate(top.entries):
        raw_id = raw.get("id")
        where = f"{top.kind} entry '{raw_id}'" if isinstance(raw_id, str) else f"{top.kind} entry"
        try:
            loaded.append((model.model_validate(raw), index))
        except ValidationError as exc:
            errors.extend(
                pydantic_errors(
                    exc, src, where=where, fields=fields, prefix=("entries", index), hints=_HINTS
                )
            )
    return top.kind, loaded, errors


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _kind_of(data: Any) -> str:
    if isinstance(data, list):
        return "a list"
    return "a single value" if data is not None else "nothing"


def all_terms(vocab: Vocabulary, kind: str) -> Iterable[tuple[str, VocabEntry]]:
    """Every (term, entry) of `kind`, for tools that list or export the vocabulary."""
    for entry in vocab.entries(kind):
        for term in entry.terms:
            yield term, entry
