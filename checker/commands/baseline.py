"""`checker baseline`: record the current conflicts as reviewed, or acknowledge one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from checker.ci.baseline import (
    DEFAULT_BASELINE,
    Baseline,
    acknowledge,
    baseline_from,
    load_baseline,
    write_baseline,
)
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
    read_limits,
)
from checker.errors import CheckerError
from checker.safewrite import locked
from checker.textutil import safe_terminal


def baseline_command(
    paths: ArticlePaths = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The baseline file to write")
    ] = DEFAULT_BASELINE,
    ack: Annotated[
        str | None,
        typer.Option(
            "--acknowledge",
            help="Acknowledge one finding by fingerprint (or a unique prefix); needs --reason. "
            "Edits the file without running the checker.",
        ),
    ] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why the acknowledged finding is accepted")
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
    """Record the current conflicts so reviewed ones stop failing `checker ci --baseline`."""
    check_outputs(output)
    try:
        if ack is not None:
            if not reason or not reason.strip():
                raise CheckerError.make("E225")
            with locked(output):  # another run's update is read, not overwritten
                previous = load_baseline(output) if output.exists() else None
                updated, full = acknowledge(previous or Baseline(), ack, reason)
                write_baseline(updated, output)
            typer.echo(safe_terminal(f"acknowledged {full} in {output}"), err=True)
            return
        if reason is not None:
            raise fail("--reason goes with --acknowledge FINGERPRINT")
        if output.exists():
            load_baseline(output)  # a broken baseline stops here, before the (slow) run
    except CheckerError as err:
        raise fail(err.one_line()) from None
    limits = read_limits(max_bytes, follow_symlinks, include, exclude)
    options = exec_options(jobs, cache, no_cache)
    result = checked(paths, rules_dir=rules, preview=preview, limits=limits, options=options)
    try:
        with locked(output):  # acknowledgements made during the run are kept
            previous = load_baseline(output) if output.exists() else None
            recorded = baseline_from(result.report.findings, previous)
            write_baseline(recorded, output)
    except CheckerError as err:
        raise fail(err.one_line()) from None
    acks = len(recorded.acknowledged)
    kept = f", {acks} acknowledgement(s) kept" if acks else ""
    message = f"recorded {len(recorded.findings)} conflict(s) in {output}{kept}"
    typer.echo(safe_terminal(message), err=True)
