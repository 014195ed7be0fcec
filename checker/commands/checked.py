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
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from checker.errors import EXIT_ERROR, CheckerError, RuleSetError
from checker.execute.extract import EXECUTORS, IN_PROCESS, ExecOptions
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


JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Processes that extract articles (default: the number of cores; 1: this one only)",
        show_default=False,
    ),
]
CacheOption = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        help="Facts cache folder (default: $CHECKER_CACHE_DIR, else .checker-cache here)",
        show_default=False,
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the facts cache")
]


class Executor(StrEnum):
    local = "local"
    dask = "dask"


ExecutorOption = Annotated[
    Executor, typer.Option("--executor", help="Where articles are extracted: local cores or Dask")
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Address of a running Dask scheduler (default: a local cluster of --jobs)",
    ),
]
FactsDirOption = Annotated[
    Path | None,
    typer.Option("--facts-dir", help="Also write the facts as Parquet, by story, here"),
]


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def exec_options(
    jobs: int | None,
    cache: Path | None,
    no_cache: bool,
    *,
    executor: str = "local",
    scheduler: str | None = None,
    facts_dir: Path | None = None,
) -> ExecOptions:
    """How a command runs extraction, from its options (see `checker.execute`)."""
    from checker.cache.store import default_cache_dir

    if executor not in EXECUTORS:
        problem = f"'{executor}' is not one of {', '.join(EXECUTORS)}"
        raise fail(CheckerError.make("E205", key="--executor", problem=problem).one_line())
    if scheduler is not None and executor != "dask":
        problem = "a scheduler address needs --executor dask"
        raise fail(CheckerError.make("E205", key="--scheduler", problem=problem).one_line())
    return ExecOptions(
        jobs=jobs or default_jobs(),
        cache_dir=None if no_cache else (cache or default_cache_dir()),
        executor=executor,
        scheduler=scheduler,
        facts_dir=facts_dir,
    )


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
    options: ExecOptions = IN_PROCESS,
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
                targets,
                rules_dir=rules_dir,
                preview=preview,
                progress=progress,
                limits=limits,
                options=options,
            )
    except RuleSetError as err:
        raise rule_set_failure(err) from None
    except CheckerError as err:
        raise fail(err.one_line()) from None
    for warning in result.warnings:
        typer.echo(safe_terminal(warning.one_line()), err=True)
    echo_problems(result.report.problems)
    if not result.report.articles:
        raise fail("[E007] no article could be read; nothing was checked")
    return result
