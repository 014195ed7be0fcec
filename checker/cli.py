"""The `checker` command line. Each command is a plain function; types are the interface."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from checker.commands.checked import (
    DEFAULT_MAX_BYTES,
    ArticlePaths,
    CacheOption,
    ExcludeOption,
    Executor,
    ExecutorOption,
    FactsDirOption,
    FollowSymlinksOption,
    IncludeOption,
    JobsOption,
    MaxBytesOption,
    NoCacheOption,
    PreviewOption,
    RulesOption,
    SchedulerOption,
    exec_options,
    read_limits,
    rule_set_failure,
)
from checker.errors import EXIT_ERROR, RuleSetError
from checker.textutil import safe_terminal

if TYPE_CHECKING:
    from checker.models.report import Report
    from checker.run import RunResult

app = typer.Typer(
    help="Find where articles about one story agree and where they conflict.",
    no_args_is_help=True,
    add_completion=False,
)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command()
def run(
    paths: ArticlePaths = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="Output format (default: text, or json for .json)"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file")
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
    executor: ExecutorOption = Executor.local,
    scheduler: SchedulerOption = None,
    facts_dir: FactsDirOption = None,
) -> None:
    """Check a folder of articles and report conflicts and agreements between them."""
    from checker.commands.checked import check_outputs, checked, write_output
    from checker.report import print_report

    check_outputs(output)
    limits = read_limits(max_bytes, follow_symlinks, include, exclude)
    options = exec_options(
        jobs,
        cache,
        no_cache,
        executor=executor.value,
        scheduler=scheduler,
        facts_dir=facts_dir,
    )
    result = checked(paths, rules_dir=rules, preview=preview, limits=limits, options=options)
    report = result.report

    by_suffix = {".json": ReportFormat.json, ".html": ReportFormat.html}
    chosen = fmt or (by_suffix.get(output.suffix) if output else None)
    if output is not None:
        result.report = _with_texts(result, output)
        text = _rendered(chosen or ReportFormat.text, result)
        write_output(output, text)
        typer.echo(safe_terminal(f"report written to {output}"), err=True)
    if output is None or chosen is None:
        if chosen in (None, ReportFormat.text):
            print_report(report, Console())
        else:
            sys.stdout.write(_rendered(chosen, result))


def _with_texts(result: RunResult, output: Path) -> Report:
    """The report, after writing the texts of pages and export records beside `output`."""
    from checker.commands.checked import output_failure
    from checker.report.texts import save_texts

    try:
        return save_texts(result.report, result.articles, output)
    except OSError as exc:
        raise output_failure(output, exc) from None


def _rendered(fmt: ReportFormat, result: RunResult) -> str:
    from checker.report import RENDERERS
    from checker.report.html import render_html

    if fmt is ReportFormat.html:  # the HTML report also shows context from the articles
        return render_html(result.report, result.articles, result.facts)
    return RENDERERS[fmt.value](result.report)


@app.command()
def facts(
    file: Annotated[Path, typer.Argument(help="One article file")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
    rules: Annotated[Path | None, typer.Option("--rules", help="Rules folder")] = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Print the facts extracted from one article."""
    from checker.commands.checked import fail
    from checker.extract.pipeline import Context, Extractor
    from checker.ingest import load_paths
    from checker.report.facts import render_facts

    if fmt not in ("text", "json"):
        raise fail(f"[E202] unknown output format '{fmt}'; known formats: json, text")
    articles, errors = load_paths([file], read_limits(max_bytes, follow_symlinks=True))
    for err in errors:
        typer.echo(safe_terminal(err.one_line()), err=True)
    if not articles:
        raise typer.Exit(EXIT_ERROR)
    try:
        extracted = Extractor(Context(rules_dir=rules))(articles[0])
    except RuleSetError as err:
        raise rule_set_failure(err) from None
    sys.stdout.write(render_facts(articles[0], extracted, fmt))


def _register() -> None:
    from checker.commands.baseline import baseline_command
    from checker.commands.cache import cache_app
    from checker.commands.ci import ci_command
    from checker.commands.eval import eval_command
    from checker.commands.rule import rule
    from checker.commands.why import why

    app.command("rule")(rule)
    app.command("why")(why)
    app.command("eval")(eval_command)
    app.command("ci")(ci_command)
    app.command("baseline")(baseline_command)
    app.add_typer(cache_app, name="cache")
    try:
        from checker.commands.timex import timex
    except ImportError:  # pragma: no cover - while the command is being written
        return
    app.command("timex")(timex)


_register()


def main() -> None:  # pragma: no cover - console entry point
    app()
