"""Run the checker for a command, with a progress bar on a terminal (never in CI).

Shared by `checker ci` and `checker baseline`: usage errors become one line on stderr and exit
code 2; article problems are printed one per line and the run goes on; a run where no article
could be read exits 2.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from checker.errors import EXIT_ERROR, CheckerError, RuleSetError
from checker.ingest.files import DEFAULT_LIMITS, DEFAULT_MAX_BYTES, ReadLimits
from checker.models.report import Problem
from checker.run import ProgressFn, RunResult
from checker.safeload import first_line
from checker.safewrite import output_problem, write_atomic
from checker.textutil import safe_terminal

PROGRESS_DELAY = 0.5  # seconds before the bar appears: quick runs show nothing


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def count_articles(targets: Sequence[Path], limits: ReadLimits = DEFAULT_LIMITS) -> int:
    from checker.ingest import find_article_files

    return sum(len(find_article_files(p, limits)) if p.is_dir() else 1 for p in targets)


@contextmanager
def progress_bar(total: int, console: Console) -> Iterator[ProgressFn | None]:
    """A callback that advances a bar, shown once the run has lasted `PROGRESS_DELAY`.

    Yields None (no bar) when the console is not a terminal or when running in CI.
    """
    if not console.is_terminal or in_ci():
        yield None
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )
    task = bar.add_task("Reading articles…", total=total or None)
    timer = threading.Timer(PROGRESS_DELAY, bar.start)
    seen = 0

    def advance(name: str) -> None:
        nonlocal seen
        seen += 1
        bar.update(task, completed=seen - 1, description=f"Reading {name}…")

    timer.start()
    try:
        yield advance
    finally:
        timer.cancel()
        timer.join()  # a start already under way finishes before we look
        if bar.live.is_started:
            bar.stop()


def fail(message: str) -> typer.Exit:
    typer.echo(safe_terminal(message), err=True)
    return typer.Exit(EXIT_ERROR)


def check_outputs(*paths: Path | None) -> None:
    """Stop before the (slow) run when an output file could not be written (exit 2)."""
    for path in paths:
        problem = output_problem(path) if path is not None else None
        if problem is not None:
            raise fail(CheckerError.make("E227", path=str(path), reason=problem).one_line())


def write_output(path: Path, text: str) -> None:
    """Write a report file in one step (never half-written); a failure is one line, exit 2."""
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise output_failure(path, exc) from None


def output_failure(path: Path, exc: OSError) -> typer.Exit:
    return fail(CheckerError.make("E227", path=str(path), reason=first_line(exc)).one_line())


def echo_problems(problems: Iterable[Problem]) -> None:
    """One line on stderr per unusable input; names and messages cannot forge lines or codes."""
    for problem in problems:
        typer.echo(safe_terminal(f"[{problem.code}] {problem.path}: {problem.message}"), err=True)


def rule_set_failure(err: RuleSetError) -> typer.Exit:
    """Every rule-file problem on its own line, then exit 2: nothing can be judged."""
    for e in err.errors:
        typer.echo(safe_terminal(e.one_line()), err=True)
    return typer.Exit(EXIT_ERROR)


# The arguments every checking command takes, declared once.
ArticlePaths = Annotated[
    list[Path] | None,
    typer.Argument(help="Article folders or files (default: seeds/)", show_default=False),
]
RulesOption = Annotated[
    Path | None, typer.Option("--rules", help="Rules folder (default: the project's rules/)")
]
PreviewOption = Annotated[bool, typer.Option(help="Also run rules in preview")]
MaxBytesOption = Annotated[
    int,
    typer.Option(
        "--max-bytes", min=1, help="Skip (and report) an article file larger than this many bytes"
    ),
]
FollowSymlinksOption = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="Also read symbolic links (and gold article paths) leading outside the folder given",
    ),
]


IncludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--include",
        help="Under a folder, read only files matching this glob ('*.html', 'pages/*'); repeatable",
        show_default=False,
    ),
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        help="Under a folder, leave out files matching this glob ('*.csv'); repeatable",
        show_default=False,
    ),
]


def read_limits(
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_symlinks: bool = False,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
) -> ReadLimits:
    return ReadLimits(
        max_bytes=max_bytes,
        follow_symlinks=follow_symlinks,
        include=tuple(include or ()),
        exclude=tuple(exclude or ()),
    )


def checked(
    paths: Sequence[Path] | None,
    *,
    rules_dir: Path | None = None,
    preview: bool = False,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> RunResult:
    from checker.run import check

    targets = list(paths or [Path("seeds")])
    missing = [p for p in targets if not p.exists() and not p.is_symlink()]
    if missing:
        raise fail(f"[E007] {missing[0]}: no such file or folder")
    if rules_dir is not None and not rules_dir.is_dir():
        raise fail(CheckerError.make("E203", folder=rules_dir).one_line())
    console = Console(stderr=True)
    try:
        with progress_bar(count_articles(targets, limits), console) as progress:
            result = check(
                targets, rules_dir=rules_dir, preview=preview, progress=progress, limits=limits
            )
    except RuleSetError as err:
        raise rule_set_failure(err) from None
    except CheckerError as err:
        raise fail(err.one_line()) from None
    echo_problems(result.report.problems)
    if not result.report.articles:
        raise fail("[E007] no article could be read; nothing was checked")
    return result
