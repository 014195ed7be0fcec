"""Load `rules/<family>/<ID>.yaml` and `rules/vocab/*.yaml` into a checked `RuleSet`.

Every file is read once, at startup. Nothing in a rule file is ever run: operator names
are looked up in the registry the engine passes in, and message templates may use only
the names in `MESSAGE_PLACEHOLDERS`.

`load_rules` raises one `RuleSetError` listing every problem in every file, so a rule
writer sees them all at once. `collect_rules` returns what loaded together with the
errors, for callers that report bad rules and go on without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.errors import CheckerError, CheckerWarning, RuleSetError, options, suggest
from checker.rules.paths import default_rules_dir
from checker.rules.schema import (
    FAMILY_FOLDERS,
    MESSAGE_PLACEHOLDERS,
    RULE_ID_PATTERN,
    Condition,
    OperatorSpec,
    Param,
    Rule,
    RuleSpec,
    RuleStatus,
    SourceFile,
    pydantic_errors,
    template_fields,
)
from checker.rules.vocab import Vocabulary, collect_vocabulary, read_source

__all__ = ["DEFAULT_RULES_DIR", "VOCAB_FOLDER", "RuleSet", "collect_rules", "load_rules"]

# The repository's rules/ folder (checker/rules/loader.py -> ../../rules).
# Where rules are found when no folder is given (see checker.rules.paths).
DEFAULT_RULES_DIR = default_rules_dir()
VOCAB_FOLDER = "vocab"
ALIGN_FOLDER = "align"

_RULE_FIELDS = list(RuleSpec.model_fields)
_HINTS = {
    "id": "write the rule code, e.g. 'id: T101' (it must equal the file name)",
    "name": "kebab-case words saying what is flagged, e.g. 'name: event-date-disjoint'",
    "status": "one of: stable, preview, deprecated, removed",
    "applies_to": "one of: time, place, count, person_role, venue, event, statement",
    "verdict": "one of: conflict, agreement, no_conflict",
    "severity": "one of: high, medium, low",
    "priority": "a whole number; lower runs first (default 100)",
    "when": "a mapping of operator names to parameters, e.g. 'when: {time_relation: [disjoint]}'",
    "message": "a one-line template such as '{subject}: {a} vs {b}'",
    "explanation": "a paragraph: what the rule flags, why it matters, what to check",
    "metadata": "a mapping of anything you want to keep with the rule",
}


@dataclass(frozen=True)
class RuleSet:
    """Every loaded rule, sorted by priority then id, plus the vocabulary."""

    rules: tuple[Rule, ...]
    vocab: Vocabulary = field(default_factory=Vocabulary)
    warnings: tuple[CheckerWarning, ...] = ()
    root: Path | None = None

    def by_id(self, code: str) -> Rule | None:
        """The rule with this code (case-insensitive), or None."""
        wanted = code.strip().upper()
        return next((r for r in self.rules if r.id == wanted), None)

    def active(self) -> tuple[Rule, ...]:
        """Rules that run: every status except `removed`, in run order."""
        return tuple(r for r in self.rules if r.active)

    def ids(self) -> list[str]:
        return [r.id for r in self.rules]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def load_rules(root: Path, operators: Mapping[str, OperatorSpec] | None) -> RuleSet:
    """Load and check every rule and vocabulary file under `root`.

    `operators` is the engine's registry (name -> `OperatorSpec`). Pass None only to
    display rules without checking operators (e.g. `checker rule T101`).
    Raises `RuleSetError` with every error found in every file.
    """
    ruleset, errors = collect_rules(root, operators)
    if errors:
        raise RuleSetError(errors)
    return ruleset


def collect_rules(
    root: Path, operators: Mapping[str, OperatorSpec] | None
) -> tuple[RuleSet, list[CheckerError]]:
    """Like `load_rules`, but return the good rules together with the errors."""
    root = Path(root)
    if not root.is_dir():
        err = CheckerError.make(
            "E203", folder=_shown(root), help="pass the folder that holds time/, place/, …"
        )
        return RuleSet(rules=(), root=root), [err]

    errors: list[CheckerError] = []
    warnings: list[CheckerWarning] = []
    rules: list[Rule] = []
    first_seen: dict[str, str] = {}  # rule id -> "path:line" of its first definition

    vocab_dir = root / VOCAB_FOLDER
    files = [p for p in sorted(root.rglob("*.yaml")) if not _skipped(p, root, vocab_dir)]
    for stray in sorted(root.rglob("*.yml")):
        if not _skipped(stray, root, vocab_dir):
            warnings.append(CheckerWarning.make("W102", path=_shown(stray), file_name=stray.name))
    if not files:
        errors.append(
            CheckerError.make(
                "E116",
                folder=_shown(root),
                help="add rule files such as time/T101.yaml (one rule per file)",
            )
        )

    for path in files:
        src, errs = read_source(path, _shown(path))
        errors.extend(errs)
        if src is None:
            continue
        rule, errs = _check_rule(src, path, root, operators, first_seen)
        errors.extend(errs)
        if rule is None:
            continue
        rules.append(rule)
        if rule.status is RuleStatus.DEPRECATED:
            replaced = rule.metadata.get("replaced_by")
            warnings.append(
                CheckerWarning.make(
                    "W101",
                    path=rule.path,
                    line=rule.line,
                    rule_id=rule.id,
                    note=f"; use {replaced} instead" if replaced else "",
                )
            )

    if vocab_dir.is_dir():
        display = {p: _shown(p) for p in vocab_dir.rglob("*.yaml")}
        vocab, errs = collect_vocabulary(vocab_dir, display, warnings)
        errors.extend(errs)
    else:
        vocab = Vocabulary()
        warnings.append(CheckerWarning.make("W103", folder=_shown(vocab_dir)))

    rules.sort(key=lambda r: (r.priority, r.id))
    ruleset = RuleSet(rules=tuple(rules), vocab=vocab, warnings=tuple(warnings), root=root)
    return ruleset, errors


def _skipped(path: Path, root: Path, vocab_dir: Path) -> bool:
    rel = path.relative_to(root)
    if any(part.startswith(".") for part in rel.parts):
        return True
    # Vocabulary and the alignment weights are data of their own kinds, not rules.
    return path.is_relative_to(vocab_dir) or path.is_relative_to(root / ALIGN_FOLDER)


def _shown(path: Path) -> str:
    """The path as messages show it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _check_rule(
    src: SourceFile,
    path: Path,
    root: Path,
    operators: Mapping[str, OperatorSpec] | None,
    first_seen: dict[str, str],
) -> tuple[Rule | None, list[CheckerError]]:
    data = src.data
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single value"
        return None, [
            src.error("E115", found=found, help="a rule file is a mapping starting with 'id:'")
        ]

    errors: list[CheckerError] = []
    raw_id = data.get("id")
    id_ok = isinstance(raw_id, str) and re.match(RULE_ID_PATTERN, raw_id.strip()) is not None
    rule_id = raw_id.strip() if id_ok else "?"
    where = f"rule {rule_id}" if id_ok else "rule file"

    # Checks that only need the raw data run even when other fields are wrong, so the
    # writer sees every problem of the file at once.
    if id_ok:
        errors.extend(_check_place(src, path, root, rule_id, first_seen))

    conditions: tuple[Condition, ...] = ()
    when = data.get("when", {})
    if "when" in data and (when is None or when == {}):
        errors.append(
            src.error(
                "E117",
                ("when",),
                rule_id=rule_id,
                help="add at least one condition, e.g. 'time_relation: [disjoint]'",
            )
        )
        data = {**data, "when": {}}  # reported; keep Pydantic from reporting it again
    elif isinstance(when, dict):
        conditions, errs = _check_when(src, rule_id, when, operators)
        errors.extend(errs)

    message = data.get("message")
    if isinstance(message, str):
        errors.extend(_check_template(src, rule_id, message))

    def custom(err: Any, loc: tuple[str | int, ...]) -> CheckerError | None:
        if loc == ("id",) and err["type"] == "string_pattern_mismatch":
            return src.error("E104", ("id",), value=err["input"], help=_HINTS["id"])
        return None

    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as exc:
        errors.extend(
            pydantic_errors(exc, src, where=where, fields=_RULE_FIELDS, hints=_HINTS, custom=custom)
        )
        return None, errors
    if errors:
        return None, errors

    rule = Rule(
        **spec.model_dump(exclude={"when"}),
        when={c.op: c.param for c in conditions},
        conditions=conditions,
        path=src.path,
        line=src.line_of(("id",)),
    )
    return rule, []


def _check_place(
    src: SourceFile, path: Path, root: Path, rule_id: str, first_seen: dict[str, str]
) -> list[CheckerError]:
    """File name, family folder and uniqueness of the id."""
    errors: list[CheckerError] = []
    at = ("id",)
    # `T101.yaml` and `T101-event-date-disjoint.yaml` are both fine.
    stem = path.stem
    if stem != rule_id and not stem.startswith(rule_id + "-"):
        errors.append(
            src.error(
                "E105",
                at,
                rule_id=rule_id,
                file_name=path.name,
                help=f"rename the file to '{rule_id}.yaml' or correct the id",
            )
        )
    rel = path.relative_to(root)
    if len(rel.parts) > 1:  # files directly under the root (test folders) have no family
        folder = rel.parts[0]
        expected = FAMILY_FOLDERS[rule_id[0]]
        if folder not in FAMILY_FOLDERS.values():
            errors.append(
                src.error(
                    "E124",
                    at,
                    folder=folder,
                    opts=options(FAMILY_FOLDERS.values()),
                    help=f"move the file to '{expected}/'",
                )
            )
        elif folder != expected:
            errors.append(
                src.error(
                    "E118",
                    at,
                    rule_id=rule_id,
                    folder=folder,
                    letter=rule_id[0],
                    expected=expected,
                    help=f"move the file to '{expected}/' or give it a {folder} code",
                )
            )
    here = f"{src.path}:{src.line_of(at)}"
    if rule_id in first_seen:
        errors.append(
            src.error(
                "E106",
                at,
                rule_id=rule_id,
                other=first_seen[rule_id],
                help="codes are never reused: give this rule the next free code",
            )
        )
    else:
        first_seen[rule_id] = here
    return errors


def _check_when(
    src: SourceFile,
    rule_id: str,
    when: dict[str, Any],
    operators: Mapping[str, OperatorSpec] | None,
) -> tuple[tuple[Condition, ...], list[CheckerError]]:
    """Check each operator name and parameter against the registry; normalize them."""
    errors: list[CheckerError] = []
    conditions: list[Condition] = []
    for op, raw in when.items():
        loc = ("when", op)
        line = src.line_of(loc, at_key=True)
        if operators is None:  # display only: keep the parameter as written
            conditions.append(Condition(op, _as_written(raw), line))
            continue
        spec = operators.get(op)
        if spec is None:
            errors.append(
                src.error(
                    "E107",
                    loc,
                    at_key=True,
                    op=op,
                    rule_id=rule_id,
                    suggestion=suggest(op, operators),
                    opts=options(operators),
                    help="check the spelling; operators are registered in Python by "
                    "the engine, never defined in rule files",
                )
            )
            continue
        param, errs = _check_param(src, rule_id, spec, raw, loc)
        errors.extend(errs)
        if not errs:
            conditions.append(Condition(op, param, line))
    return tuple(conditions), errors


def _as_written(raw: Any) -> Param:
    if isinstance(raw, list):
        return tuple(str(v) for v in raw)
    if isinstance(raw, dict):
        return dict(raw)
    if isinstance(raw, bool | int | float):
        return raw if isinstance(raw, bool) else float(raw)
    return (str(raw),)


def _check_param(
    src: SourceFile, rule_id: str, spec: OperatorSpec, raw: Any, loc: tuple[str | int, ...]
) -> tuple[Param, list[CheckerError]]:
    def wrong(expected: str, at: tuple[str | int, ...], got: Any, help: str) -> CheckerError:
        return src.error(
            "E109",
            at,
            op=spec.name,
            rule_id=rule_id,
            expected=expected,
            got=_describe(got),
            help=help,
        )

    def not_allowed(value: str, at: tuple[str | int, ...]) -> CheckerError:
        allowed = spec.allowed or frozenset()
        return src.error(
            "E108",
            at,
            value=value,
            op=spec.name,
            rule_id=rule_id,
            suggestion=suggest(value, allowed),
            opts=options(allowed),
            help=spec.description or f"use one of: {options(allowed)}",
        )

    if spec.param_kind == "number":
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            return 0.0, [wrong("a number", loc, raw, f"e.g. '{spec.name}: 0.5'")]
        return float(raw), []

    if spec.param_kind == "bool":
        if not isinstance(raw, bool):
            return False, [wrong("true or false", loc, raw, f"e.g. '{spec.name}: true'")]
        return raw, []

    if spec.param_kind == "mapping":
        if not isinstance(raw, dict):
            return {}, [wrong("a mapping", loc, raw, f"e.g. '{spec.name}: {{key: value}}'")]
        errors: list[CheckerError] = []
        for key, value in raw.items():
            at = (*loc, key)
            if spec.allowed is not None and key not in spec.allowed:
                errors.append(not_allowed(key, at))
            elif value is None or isinstance(value, dict | list):
                errors.append(wrong("a text, number or true/false value", at, value, "one value"))
        return dict(raw), errors

    # "values": one string or a list of strings.
    items: list[tuple[Any, tuple[str | int, ...]]]
    if isinstance(raw, list):
        if not raw:
            return (), [wrong("at least one value", loc, raw, "list one value or more")]
        items = [(v, (*loc, i)) for i, v in enumerate(raw)]
    else:
        items = [(raw, loc)]
    errors = []
    values: list[str] = []
    for value, at in items:
        if not isinstance(value, str):
            errors.append(
                wrong(
                    "text values",
                    at,
                    value,
                    "put quotes around values that YAML reads as numbers or true/false",
                )
            )
        elif spec.allowed is not None and value.strip() not in spec.allowed:
            errors.append(not_allowed(value, at))
        else:
            values.append(value.strip())
    return tuple(values), errors


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "an empty list" if not value else "a list"
    return f"'{value}'"


def _check_template(src: SourceFile, rule_id: str, message: str) -> list[CheckerError]:
    """Placeholders must be bare names from `MESSAGE_PLACEHOLDERS`."""
    allowed = options(MESSAGE_PLACEHOLDERS)
    try:
        parts = template_fields(message)
    except ValueError as exc:
        return [
            src.error(
                "E111",
                ("message",),
                rule_id=rule_id,
                problem=str(exc),
                help="write a literal brace as '{{' or '}}'",
            )
        ]
    errors: list[CheckerError] = []
    for _literal, name, problem in parts:
        if name is None:
            continue
        if problem is not None:
            errors.append(
                src.error(
                    "E111",
                    ("message",),
                    rule_id=rule_id,
                    problem=problem,
                    help="placeholders are plain names",
                )
            )
        elif name not in MESSAGE_PLACEHOLDERS:
            errors.append(
                src.error(
                    "E110",
                    ("message",),
                    name=name,
                    rule_id=rule_id,
                    opts=allowed,
                    help="use one of the allowed placeholders"
                    + suggest(name, MESSAGE_PLACEHOLDERS),
                )
            )
    return errors
