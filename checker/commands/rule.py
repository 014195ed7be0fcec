"""`checker rule T101`: show one rule's code, name, status, message and explanation."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from checker.errors import EXIT_ERROR, CheckerError, suggest
from checker.rules.loader import DEFAULT_RULES_DIR, RuleSet, collect_rules
from checker.rules.schema import Rule


class RuleFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def rule(
    code: Annotated[str, typer.Argument(help="Rule code, e.g. T101.")],
    format: Annotated[
        RuleFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RuleFormat.TEXT,
    rules_dir: Annotated[
        Path, typer.Option("--rules", help="Folder holding the rule files.")
    ] = DEFAULT_RULES_DIR,
) -> None:
    """Explain one rule: what it flags, why it matters and what to check."""
    # Displaying a rule needs no operator registry; `checker run` checks operators.
    ruleset, errors = collect_rules(rules_dir, operators=None)
    found = ruleset.by_id(code)
    if found is None:
        for err in _errors_for(code, errors) or [_unknown(code, ruleset, errors)]:
            typer.echo(err.one_line(), err=True)
        raise typer.Exit(code=EXIT_ERROR)
    if format is RuleFormat.JSON:
        typer.echo(json.dumps(found.to_public_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_rule(found))


def format_rule(r: Rule) -> str:
    """The plain-text page of one rule."""
    lines = [
        f"{r.id} {r.name}",
        "",
        f"status:     {r.status.value}",
        f"applies to: {r.applies_to.value}",
        f"verdict:    {r.verdict.value}",
        f"severity:   {r.severity.value}",
        f"priority:   {r.priority}",
        f"file:       {r.path}",
        f"message:    {r.message}",
        "when:",
    ]
    for c in r.conditions:
        param = c.param
        shown = ", ".join(param) if isinstance(param, tuple) else json.dumps(param)
        lines.append(f"  {c.op}: {shown}")
    lines += ["", r.explanation.strip()]
    return "\n".join(lines)


def _errors_for(code: str, errors: list[CheckerError]) -> list[CheckerError]:
    """Errors of the file that defines `code`, when that file failed to load."""
    wanted = code.strip().upper()
    return [
        e
        for e in errors
        if e.path is not None
        and (Path(e.path).stem == wanted or Path(e.path).stem.startswith(wanted + "-"))
    ]


def _unknown(code: str, ruleset: RuleSet, errors: list[CheckerError]) -> CheckerError:
    folder_errors = [e for e in errors if e.code in ("E116", "E203")]
    if folder_errors:
        return folder_errors[0]
    return CheckerError.make(
        "E201",
        rule_code=code,
        suggestion=suggest(code.strip().upper(), ruleset.ids()),
        help="`checker rules` lists every rule",
    )
