"""The rule file format: `RuleSpec`, message templates, and Pydantic errors placed on lines.

A rule file is data: it is parsed by the safe YAML reader of `checker.safeload` (no Python
tags, no anchors, no merge keys, no duplicate keys, dates kept as text, bounded nesting),
then validated by `RuleSpec` (Pydantic, ``extra="forbid"``). Every error points at the line
of the offending YAML node, because Pydantic's error `loc` is mapped back to the composed
node (as Semgrep does).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import CheckerError, options, suggest
from checker.models.report import Severity, Verdict
from checker.safeload import Path_, SourceFile, describe, parse_source

__all__ = [
    "AppliesTo",
    "Condition",
    "FAMILY_FOLDERS",
    "MESSAGE_PLACEHOLDERS",
    "OperatorSpec",
    "Param",
    "ParamKind",
    "Rule",
    "RuleSpec",
    "RuleStatus",
    "Severity",
    "SourceFile",
    "Verdict",
    "parse_source",
    "render_message",
    "template_fields",
]

RULE_ID_PATTERN = r"^[TGPNV][0-9]{3}$"
KEBAB_PATTERN = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"
SNAKE_PATTERN = r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"

# How a pattern is described to a person in an error message.
PATTERN_NAMES: dict[str, str] = {
    RULE_ID_PATTERN: "a rule code (T, G, P, N or V and three digits, e.g. T101)",
    KEBAB_PATTERN: "kebab-case (lowercase words joined by '-', e.g. 'event-date-disjoint')",
    SNAKE_PATTERN: "snake_case (lowercase words joined by '_', e.g. 'interior_minister')",
    COUNTRY_PATTERN: "a two-letter ISO country code in capitals (e.g. US, RS, FR)",
}

# Family letter -> the folder under rules/ that holds its rules.
FAMILY_FOLDERS: dict[str, str] = {
    "T": "time",
    "G": "place",
    "P": "people",
    "N": "count",
    "V": "event",
}

# The only names a message template may use. The engine fills them with plain strings.
MESSAGE_PLACEHOLDERS: frozenset[str] = frozenset(
    {"subject", "a", "b", "a_article", "b_article", "relation", "detail"}
)


class RuleStatus(StrEnum):
    STABLE = "stable"
    PREVIEW = "preview"
    DEPRECATED = "deprecated"  # still runs; loading it emits W101
    REMOVED = "removed"  # loaded so the code keeps its meaning, never run


class AppliesTo(StrEnum):
    TIME = "time"
    PLACE = "place"
    COUNT = "count"
    PERSON_ROLE = "person_role"
    VENUE = "venue"
    EVENT = "event"
    STATEMENT = "statement"


ParamKind = Literal["values", "number", "bool", "mapping"]

# A normalized operator parameter: values -> tuple of strings, number -> float,
# bool -> bool, mapping -> dict of scalars.
Param = tuple[str, ...] | float | bool | dict[str, str | float | bool]


@dataclass(frozen=True)
class OperatorSpec:
    """What the engine tells the loader about one operator usable under `when`.

    `param_kind`:
      - "values": a string or a list of strings; each must be in `allowed` (None = any).
      - "number": an int or float.
      - "bool": true or false.
      - "mapping": a mapping of scalars; each key must be in `allowed` (None = any).
    """

    name: str
    description: str = ""
    allowed: frozenset[str] | None = None
    param_kind: ParamKind = "values"


@dataclass(frozen=True)
class Condition:
    """One checked entry of a rule's `when`, in file order."""

    op: str
    param: Param
    line: int  # line of the operator name in the rule file


class RuleSpec(BaseModel):
    """One comparison rule, exactly as written in `rules/<family>/<ID>.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(
        pattern=RULE_ID_PATTERN,
        description="stable code: family letter (T time, G places, P people, N counts, "
        "V events) and three digits; equals the file name",
    )
    name: str = Field(
        pattern=KEBAB_PATTERN,
        description="kebab-case; says what is flagged, not the fix",
    )
    status: RuleStatus = Field(description="stable | preview | deprecated | removed")
    applies_to: AppliesTo = Field(description="which aligned facts the rule compares")
    verdict: Verdict = Field(description="conflict | agreement | no_conflict")
    severity: Severity = Field(description="high | medium | low")
    priority: int = Field(default=100, ge=-1_000_000, le=1_000_000, description="lower runs first")
    when: dict[str, Any] = Field(
        description="operator name -> parameter; all conditions must hold",
    )
    message: str = Field(min_length=1, description="template with placeholders")
    explanation: str = Field(min_length=1, description="what, why, what to check")
    metadata: dict[str, Any] = Field(default_factory=dict, description="free-form")


class Rule(BaseModel):
    """A loaded, checked rule: `RuleSpec` plus normalized conditions and its source."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    name: str
    status: RuleStatus
    applies_to: AppliesTo
    verdict: Verdict
    severity: Severity
    priority: int
    when: dict[str, Any] = Field(description="operator -> normalized parameter (Param)")
    message: str
    explanation: str
    metadata: dict[str, Any]
    path: str = Field(description="the rule file, as shown in messages")
    line: int = Field(description="line of the `id` key")
    conditions: tuple[Condition, ...] = Field(description="`when`, in file order")

    @property
    def family(self) -> str:
        return FAMILY_FOLDERS[self.id[0]]

    @property
    def active(self) -> bool:
        return self.status is not RuleStatus.REMOVED

    def render(self, values: Mapping[str, str]) -> str:
        """The message with its placeholders filled (see `render_message`)."""
        return render_message(self.message, values)

    def to_public_dict(self) -> dict[str, Any]:
        """What `checker rule --format json` prints."""
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status.value,
            "applies_to": self.applies_to.value,
            "verdict": self.verdict.value,
            "severity": self.severity.value,
            "priority": self.priority,
            "when": {c.op: _jsonable(c.param) for c in self.conditions},
            "message": self.message,
            "explanation": self.explanation,
            "metadata": self.metadata,
            "path": self.path,
        }


def _jsonable(param: Param) -> Any:
    return list(param) if isinstance(param, tuple) else param


# --- message templates -----------------------------------------------------------------


def template_fields(template: str) -> list[tuple[str, str | None, str | None]]:
    """Parse a message template into (literal, name, problem) triples.

    `name` is None after the last literal; `problem` is None for a good field. Raises
    ValueError for unbalanced braces. Only bare names are allowed: no attribute access
    (`{a.x}`), indexing (`{a[0]}`), conversions (`{a!r}`) or format specs (`{a:>10}`);
    the first two simply are not allowed names.
    """
    parts: list[tuple[str, str | None, str | None]] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        problem = None
        if name is not None and conversion:
            problem = f"'{{{name}!{conversion}}}' uses a conversion; write just '{{{name}}}'"
        elif name is not None and spec:
            problem = f"'{{{name}:{spec}}}' uses a format spec; write just '{{{name}}}'"
        parts.append((literal, name, problem))
    return parts


def render_message(template: str, values: Mapping[str, str]) -> str:
    """Fill a checked template by plain substitution (never `eval`, never attribute access).

    Unknown or missing names render as `?` so a report is never lost over a message.
    """
    out: list[str] = []
    for literal, name, _problem in template_fields(template):
        out.append(literal)
        if name is not None:
            out.append(str(values.get(name, "?")))
    return "".join(out)


# --- Pydantic errors -> checker errors -------------------------------------------------


def pydantic_errors(
    exc: ValidationError,
    src: SourceFile,
    *,
    where: str,
    fields: Sequence[str],
    prefix: Path_ = (),
    hints: Mapping[str, str] | None = None,
    custom: Callable[[Any, Path_], CheckerError | None] | None = None,
) -> list[CheckerError]:
    """Turn a Pydantic `ValidationError` into checker errors placed on their lines.

    `fields` are the valid keys (for "did you mean"), `prefix` is the location of the
    validated mapping inside the file, `hints` maps a key to a help text, and `custom`
    may turn one Pydantic error (given with its location in the file) into a more
    specific checker error.
    """
    hints = hints or {}
    out: list[CheckerError] = []
    seen: set[tuple[str, int, str]] = set()
    for err in exc.errors(include_url=False):
        loc = (*prefix, *err["loc"])
        local = tuple(err["loc"])
        key = str(local[0]) if local else "?"
        kind = err["type"]
        value = err.get("input")
        special = custom(err, loc) if custom is not None else None
        if special is not None:
            e = special
        elif kind == "extra_forbidden":
            name = str(local[-1])
            e = src.error(
                "E101",
                loc,
                at_key=True,
                key=name,
                where=where,
                suggestion=suggest(name, fields),
                help=f"valid keys here: {options(fields)}",
            )
        elif kind == "missing":
            name = str(local[-1])
            e = src.error(
                "E102",
                loc[:-1],
                key=name,
                where=where,
                help=hints.get(name, f"add '{name}: …'"),
            )
        else:
            e = src.error(
                "E103",
                loc,
                key=".".join(str(p) for p in local) or "(entry)",
                where=where,
                problem=_problem(err, value),
                help=hints.get(key, f"see the description of '{key}'"),
            )
        ident = (e.code, e.line or 0, e.message)
        if ident not in seen:
            seen.add(ident)
            out.append(e)
    return out


def _problem(err: Any, value: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        allowed = [x.strip().strip("'") for x in expected.split(",") if x.strip()]
        hint = suggest(str(value), allowed) if isinstance(value, str) else ""
        return f"{describe(value, limit=200)} is not one of {', '.join(allowed)}{hint}"
    if kind == "string_pattern_mismatch":
        form = PATTERN_NAMES.get(str(ctx.get("pattern")), f"text matching {ctx.get('pattern')}")
        return f"{describe(value, limit=200)} is not {form}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if value is None:
        return "the value is empty"
    if kind == "string_too_short":
        return "the text is empty"
    return f"{err['msg'].lower()}, got {describe(value, limit=200)}"
