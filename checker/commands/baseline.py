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
    FollowSymlinksOption,
    MaxBytesOption,
    PreviewOption,
    RulesOption,
    checked,
    fail,
    read_limits,
)
from checker.errors import CheckerError


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
) -> None:
    """Record the current conflicts so reviewed ones stop failing `checker ci --baseline`."""
    try:
        previous = load_baseline(output) if output.exists() else None
        if ack is not None:
            if not reason or not reason.strip():
                raise CheckerError.make("E225")
            updated, full = acknowledge(previous or Baseline(), ack, reason)
            write_baseline(updated, output)
            typer.echo(f"acknowledged {full} in {output}", err=True)
            return
        if reason is not None:
            raise fail("--reason goes with --acknowledge FINGERPRINT")
    except CheckerError as err:
        raise fail(err.one_line()) from None
    limits = read_limits(max_bytes, follow_symlinks)
    result = checked(paths, rules_dir=rules, preview=preview, limits=limits)
    recorded = baseline_from(result.report.findings, previous)
    try:
        write_baseline(recorded, output)
    except CheckerError as err:
        raise fail(err.one_line()) from None
    acks = len(recorded.acknowledged)
    kept = f", {acks} acknowledgement(s) kept" if acks else ""
    typer.echo(f"recorded {len(recorded.findings)} conflict(s) in {output}{kept}", err=True)
