"""The rule file format, and YAML reading that remembers line numbers.

A rule file is data: it is parsed with a safe YAML loader (no Python tags, no anchors,
no merge keys, no duplicate keys), then validated by `RuleSpec` (Pydantic,
``extra="forbid"``). Every error points at the line of the offending YAML node, because
Pydantic's error `loc` is mapped back to the composed node (as Semgrep does).

YAML 1.1 surprises are switched off on purpose: only ``true``/``false`` are booleans
(``no``, ``yes``, ``on``, ``off`` stay text, which matters for vocabulary such as the
negation cue "no"), dates stay text, and ``10:30`` or ``010`` are not numbers.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import CheckerError, options, suggest
from checker.models.report import Severity, Verdict

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
    priority: int = Field(default=100, description="lower runs first")
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


# --- YAML with line numbers ------------------------------------------------------------

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))
_REPLACED = {_TAG + t for t in ("bool", "int", "float", "timestamp")}


class _SafeDataLoader(yaml.SafeLoader):
    """SafeLoader with YAML-1.2-like scalars (see the module docstring).

    It also records where aliases (`*name`) are used: once composed, an alias is the
    very node it refers to and only carries the position of the anchor.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_marks: list[yaml.Mark] = []

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self.alias_marks.append(self.peek_event().start_mark)
        return super().compose_node(parent, index)


_SafeDataLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Added in this order so that "10" is an int before it can be a float.
_SafeDataLoader.add_implicit_resolver(
    _TAG + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_SafeDataLoader.add_implicit_resolver(
    _TAG + "int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_SafeDataLoader.add_implicit_resolver(
    _TAG + "float",
    re.compile(
        r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)

Path_ = tuple[str | int, ...]


@dataclass
class SourceFile:
    """A YAML file parsed to plain data, with the line of every key and value."""

    path: str  # as shown in messages
    text: str
    data: Any = None
    key_lines: dict[Path_, int] = field(default_factory=dict)
    value_lines: dict[Path_, int] = field(default_factory=dict)
    columns: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Sequence[str | int], *, at_key: bool = False) -> int:
        """Line of the node at `loc`, or of its nearest existing ancestor.

        With `at_key`, the line of the mapping key itself (where a misspelt key is).
        """
        loc = tuple(loc)
        while loc:
            table = self.key_lines if at_key else self.value_lines
            if loc in table:
                return table[loc]
            loc = loc[:-1]
        return self.value_lines.get((), 1)

    def error(
        self, code: str, loc: Sequence[str | int] = (), *, at_key: bool = False, **kw: Any
    ) -> CheckerError:
        """A `CheckerError` placed at the node `loc` of this file (`kw`: template fields)."""
        line = self.line_of(loc, at_key=at_key)
        return self.error_at(code, line, column=self.columns.get(tuple(loc)), **kw)

    def error_at(
        self, code: str, line: int, *, column: int | None = None, **kw: Any
    ) -> CheckerError:
        lines = self.text.splitlines()
        source_line = lines[line - 1] if 0 < line <= len(lines) else None
        return CheckerError.make(
            code, path=self.path, line=line, column=column, source_line=source_line, **kw
        )


def parse_source(path: str, text: str) -> tuple[SourceFile, list[CheckerError]]:
    """Parse YAML `text` into `SourceFile.data`, refusing anything that is not plain data.

    Returns the source and the errors; when there are errors, `data` is None.
    """
    src = SourceFile(path=path, text=text)
    loader = _SafeDataLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or "cannot parse"
        if exc.context and exc.context_mark is not None:
            problem = f"{exc.context} (started on line {exc.context_mark.line + 1}): {problem}"
        elif exc.context:
            problem = f"{exc.context}: {problem}"
        return src, [
            src.error_at(
                "E113",
                line,
                column=(mark.column + 1) if mark is not None else None,
                problem=problem,
                help="check indentation, colons and quotes on this line and the one above",
            )
        ]
    except yaml.YAMLError as exc:
        return src, [src.error_at("E113", 1, problem=str(exc), help="is this a YAML file?")]
    finally:
        loader.dispose()

    if node is None:
        return src, [
            src.error_at(
                "E115", 1, found="an empty file", help="start with 'id:' (rules) or 'kind:'"
            )
        ]
    errors = [
        src.error_at(
            "E114",
            mark.line + 1,
            column=mark.column + 1,
            construct="aliases (*name)",
            detail="write the value out in full",
            help="copy the value instead of referring to an anchor",
        )
        for mark in loader.alias_marks
    ]
    if errors:
        return src, errors
    data = _to_data(node, (), src, loader, errors, seen=set())
    if errors:
        return src, errors
    src.data = data
    return src, []


def _mark(src: SourceFile, node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _to_data(
    node: yaml.Node,
    loc: Path_,
    src: SourceFile,
    loader: yaml.SafeLoader,
    errors: list[CheckerError],
    seen: set[int],
) -> Any:
    line, column = _mark(src, node)
    src.value_lines[loc] = line
    src.columns.setdefault(loc, column)
    # An alias makes the same node object appear twice; refusing it also rules out
    # "billion laughs" expansion.
    if id(node) in seen:
        errors.append(
            src.error_at(
                "E114",
                line,
                construct="aliases (*name)",
                detail="write the value out in full",
                help="copy the value instead of referring to it",
            )
        )
        return None
    seen.add(id(node))
    if node.tag not in _ALLOWED_TAGS:
        errors.append(
            src.error_at(
                "E114",
                line,
                column=column,
                construct="tags",
                detail=f"'{node.tag}' (rule files are data, never code)",
                help="remove the '!' tag; write plain text, numbers, lists and mappings",
            )
        )
        return None

    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line, key_col = _mark(src, key_node)
            if key_node.tag == _TAG + "merge":
                errors.append(
                    src.error_at(
                        "E114",
                        key_line,
                        construct="merge keys ('<<')",
                        detail="merging mappings hides where a value comes from",
                        help="write each key out",
                    )
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                errors.append(
                    src.error_at(
                        "E103",
                        key_line,
                        key="?",
                        where="mapping",
                        problem="keys must be plain text",
                        help="use a simple word as the key",
                    )
                )
                continue
            key = str(key_node.value)
            sub = (*loc, key)
            if key in out or sub in src.key_lines:
                errors.append(
                    src.error_at(
                        "E112",
                        key_line,
                        column=key_col,
                        key=key,
                        first_line=src.key_lines.get(sub, "?"),
                        help="YAML keeps only the last value; remove or merge one of them",
                    )
                )
                continue
            src.key_lines[sub] = key_line
            src.columns[sub] = key_col
            out[key] = _to_data(value_node, sub, src, loader, errors, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_data(item, (*loc, i), src, loader, errors, seen)
            for i, item in enumerate(node.value)
        ]
    # Scalars: only str/int/float/bool/null tags reach here, so this constructs plain data.
    return loader.construct_object(node)


# --- Pydantic errors -> checker errors -------------------------------------------------


def _input_repr(value: Any) -> str:
    if value is None:
        return "nothing (empty)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    return f"'{value}'"


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
        return f"{_input_repr(value)} is not one of {', '.join(allowed)}{hint}"
    if kind == "string_pattern_mismatch":
        form = PATTERN_NAMES.get(str(ctx.get("pattern")), f"text matching {ctx.get('pattern')}")
        return f"{_input_repr(value)} is not {form}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if value is None:
        return "the value is empty"
    if kind == "string_too_short":
        return "the text is empty"
    return f"{err['msg'].lower()}, got {_input_repr(value)}"
