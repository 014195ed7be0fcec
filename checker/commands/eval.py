"""`checker eval GOLD.yaml…`: score the checker against gold annotations.

Exit codes: 0 when the evaluation ran (whatever the scores), 1 when a
`--fail-under-*` threshold is not met, 2 for bad input (one line on stderr, no traceback).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from checker.commands.checked import (
    DEFAULT_MAX_BYTES,
    FollowSymlinksOption,
    MaxBytesOption,
    echo_problems,
    fail,
    read_limits,
    rule_set_failure,
)
from checker.errors import EXIT_FINDINGS, CheckerError, RuleSetError
from checker.eval.gold import GoldSet, load_gold
from checker.eval.render import render_json, render_text
from checker.eval.score import EvalResult, evaluate, report_source
from checker.ingest.files import ReadLimits
from checker.models.report import SCHEMA_VERSION as REPORT_SCHEMA
from checker.models.report import Report
from checker.safeload import MAX_JSON_BYTES, DataError, load_json, read_limited


class EvalFormat(StrEnum):
    text = "text"
    json = "json"


def eval_command(
    gold_files: Annotated[
        list[Path],
        typer.Argument(
            help="Gold annotation files (YAML).", metavar="GOLD.yaml", show_default=False
        ),
    ],
    articles: Annotated[
        Path | None,
        typer.Option(
            "--articles",
            help="Folder the gold 'file:' entries are relative to, and that the checker "
            "reads (default: each gold file's folder).",
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report", help="Score this JSON report (checker run -f json) instead of running."
        ),
    ] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = (
        EvalFormat.text
    ),
    rules: Annotated[Path | None, typer.Option("--rules", help="Rules folder for the run.")] = None,
    preview: Annotated[bool, typer.Option(help="Also run rules in preview.")] = False,
    fail_under_conflict_recall: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Exit 1 when conflict recall is below this."),
    ] = None,
    fail_under_agreement_recall: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Exit 1 when agreement recall is below this."),
    ] = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    follow_symlinks: FollowSymlinksOption = False,
) -> None:
    """Score the checker against gold annotations: PASS/FAIL per item, recall, false alarms."""
    try:
        limits = read_limits(max_bytes, follow_symlinks)
        result = _evaluate(gold_files, articles, report, rules, preview, limits)
    except RuleSetError as err:
        raise rule_set_failure(err) from None
    except CheckerError as err:
        raise fail(err.one_line()) from None

    sys.stdout.write(render_json(result) if fmt is EvalFormat.json else render_text(result))
    for warning in result.warnings if fmt is EvalFormat.json else []:
        typer.echo(f"warning: {warning}", err=True)

    failed = False
    for name, ratio, limit in (
        ("conflict", result.scores.conflict, fail_under_conflict_recall),
        ("agreement", result.scores.agreement, fail_under_agreement_recall),
    ):
        if limit is None:
            continue
        option = f"--fail-under-{name}-recall"
        if ratio.rate is None:
            # No item means no recall: the threshold cannot fail, but silence would mislead.
            typer.echo(f"note: no {name} items in the gold; {option} not checked", err=True)
        elif ratio.rate < limit:
            typer.echo(f"{name} recall {ratio.rate:.2f} is below {limit:.2f} ({option})", err=True)
            failed = True
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


def _evaluate(
    gold_files: Sequence[Path],
    articles: Path | None,
    report_path: Path | None,
    rules: Path | None,
    preview: bool,
    limits: ReadLimits,
) -> EvalResult:
    if articles is not None and not articles.is_dir():
        raise CheckerError.make("E220", folder=articles)
    if report_path is not None:
        for option, given in (("--rules", rules is not None), ("--preview", preview)):
            if given:
                raise CheckerError.make("E221", option=option)
    # Everything about the gold is checked before the (slow) run.
    gold = load_gold(gold_files, articles, limits)
    if report_path is not None:
        report = read_report(report_path)
        source = report_source(report, str(report_path))
    else:
        report = _run(gold, gold_files, articles, rules, preview, limits)
        source = report_source(report)
    return evaluate(gold, report, gold_files, source)


def read_report(path: Path) -> Report:
    """A JSON report written by `checker run -f json`. Raises `CheckerError` (E219)."""
    try:
        text = read_limited(path, MAX_JSON_BYTES).decode("utf-8")
    except OSError as exc:
        raise CheckerError.make("E219", path=str(path), reason=exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise CheckerError.make("E219", path=str(path), reason="not UTF-8 text") from None
    except DataError as exc:
        raise CheckerError.make("E219", path=str(path), reason=exc.problem) from None
    try:
        data = load_json(text)
    except DataError as exc:
        raise CheckerError.make("E219", path=str(path), line=exc.line, reason=exc.problem) from None
    version = data.get("schema_version") if isinstance(data, dict) else None
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or not 1 <= version <= REPORT_SCHEMA
    ):
        raise CheckerError.make(
            "E219",
            path=str(path),
            reason=f"not a checker JSON report with schema_version 1 to {REPORT_SCHEMA} "
            f"(found {version!r})",
        )
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        at = ".".join(str(p) for p in first["loc"])
        raise CheckerError.make(
            "E219", path=str(path), reason=f"invalid report at '{at}': {first['msg']}"
        ) from None


def _run(
    gold: GoldSet,
    gold_files: Sequence[Path],
    articles: Path | None,
    rules: Path | None,
    preview: bool,
    limits: ReadLimits,
) -> Report:
    """Run the checker on the articles folder(s), as `checker run DIR` would."""
    from checker.ingest.folder import find_article_files
    from checker.run import check  # lazy: loads spaCy

    if rules is not None and not rules.is_dir():
        raise CheckerError.make("E203", folder=rules)
    chosen = [articles] if articles is not None else [p.parent for p in gold_files]
    by_root: dict[Path, Path] = {}
    for folder in chosen:
        by_root.setdefault(folder.resolve(), folder)
    # A folder inside another one is read with it; reading it twice would duplicate articles.
    roots = [r for r in by_root if not any(r != o and r.is_relative_to(o) for o in by_root)]
    # A gold file kept apart from its articles (file: ../x.txt) leaves its folder empty;
    # reading it would only report "holds no articles".
    folders = [by_root[r] for r in roots if find_article_files(r)]
    # A gold file may point outside its folder (../other/x.txt); read those files too.
    extra = sorted(
        {
            side.path
            for entry in gold.entries
            for side in (entry.a, entry.b)
            if not any(side.path.is_relative_to(root) for root in roots)
        }
    )
    result = check([*folders, *extra], rules_dir=rules, preview=preview, limits=limits)
    echo_problems(result.report.problems)
    return result.report
