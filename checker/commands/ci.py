"""`checker ci`: exit 1 when articles bring a new conflict, quiet output for machines.

Exit codes: 0 nothing new at or above `--fail-on`, 1 new conflicts, 2 usage or input error
(including a run where no article could be read; a broken article among good ones is reported
and skipped).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from checker.ci.baseline import load_baseline
from checker.ci.github import render_github
from checker.ci.lines import notes, render_lines
from checker.ci.sarif import render_sarif
from checker.ci.since import Changes, changed_since
from checker.ci.summary import render_summary
from checker.ci.triage import CiOutcome, triage
from checker.commands.checked import (
    DEFAULT_MAX_BYTES,
    ArticlePaths,
    CacheOption,
    ExcludeOption,
    FollowSymlinksOption,
    IncludeOption,
    JobsOption,
    MaxBytesOption,
    NoCacheOption,
    PreviewOption,
    RulesOption,
    check_outputs,
    checked,
    exec_options,
    fail,
    output_failure,
    read_limits,
    write_output,
)
from checker.errors import CheckerError
from checker.models.article import Origin
from checker.models.report import Severity
from checker.rules.schema import Rule
from checker.textutil import safe_terminal


class CiFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    MARKDOWN = "markdown"


def ci_command(
    paths: ArticlePaths = None,
    fmt: Annotated[CiFormat, typer.Option("--format", "-f", help="Output format")] = CiFormat.TEXT,
    fail_on: Annotated[
        Severity,
        typer.Option("--fail-on", help="Fail on new conflicts of this severity or higher"),
    ] = Severity.LOW,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Baseline file of reviewed conflicts (checker baseline)"),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Git revision: only conflicts involving articles changed since it are new",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the output to this file")
    ] = None,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary", help='Append a Markdown summary to this file (e.g. "$GITHUB_STEP_SUMMARY")'
        ),
    ] = None,
    rules: RulesOption = None,
    preview: PreviewOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    follow_symlinks: FollowSymlinksOption = False,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    jobs: JobsOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Check articles in CI: exit 1 on new conflicts (see --baseline, --since, --fail-on)."""
    check_outputs(output, summary)
    try:
        recorded = load_baseline(baseline) if baseline is not None else None
    except CheckerError as err:
        raise fail(err.one_line()) from None
    limits = read_limits(max_bytes, follow_symlinks, include, exclude)
    options = exec_options(jobs, cache, no_cache)
    result = checked(paths, rules_dir=rules, preview=preview, limits=limits, options=options)
    targets = list(paths or [Path("seeds")])
    changes: Changes | None = changed_since(since, targets[0]) if since is not None else None
    outcome = triage(
        result.report,
        fail_on=fail_on,
        baseline=recorded,
        baseline_path=str(baseline) if baseline is not None else None,
        changes=changes,
    )
    # Columns and end lines only where the quotes are in the file itself (not pages, exports).
    texts = {a.id: a.text for a in result.articles if a.origin is Origin.FILE}
    text = _render(fmt, outcome, result.rules, texts)
    if output is not None:
        write_output(output, text)
    else:
        sys.stdout.write(text)
    if summary is not None:
        try:  # appended to, as $GITHUB_STEP_SUMMARY expects
            with summary.open("a", encoding="utf-8") as fh:
                fh.write(render_summary(outcome))
        except OSError as exc:
            raise output_failure(summary, exc) from None
    for line in notes(outcome):
        typer.echo(safe_terminal(line), err=True)
    raise typer.Exit(outcome.exit_code)


def _render(fmt: CiFormat, outcome: CiOutcome, rules: list[Rule], texts: dict[str, str]) -> str:
    if fmt is CiFormat.JSON:
        return json.dumps(outcome.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    if fmt is CiFormat.SARIF:
        return render_sarif(outcome, rules, texts)
    if fmt is CiFormat.GITHUB:
        return render_github(outcome, texts)
    if fmt is CiFormat.MARKDOWN:
        return render_summary(outcome)
    return render_lines(outcome)
