"""`checker timex`: tag and normalize the time expressions of articles.

Output (JSONL, schema_version 1): one object per expression with start/end character offsets
into the input text, text, type, value, mod, interval ({begin, end, granularity} or null),
anchor, and the file it came from ("-" for stdin).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

SCHEMA_VERSION = 1


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    text = "text"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=2)


def _publication_date(path: Path) -> date | None:
    """The article's publication date via checker.ingest, or None if that is unavailable."""
    try:
        from checker.ingest import load_article  # lazy: written separately, may not exist yet
    except ImportError:
        return None
    try:
        return load_article(path).published
    except Exception:  # noqa: BLE001 - a bad front matter must not stop tagging
        return None


def timex(
    files: Annotated[
        list[Path] | None, typer.Argument(help="article files; standard input when none")
    ] = None,
    dct: Annotated[
        str | None,
        typer.Option("--dct", help="document creation time YYYY-MM-DD (default: publication date)"),
    ] = None,
    format: Annotated[  # noqa: A002 - the option is called --format
        OutputFormat, typer.Option("--format", help="jsonl or text")
    ] = OutputFormat.jsonl,
) -> None:
    """Find time expressions and normalize them to TIMEX3 values."""
    from checker.extract.timex import tag

    fixed_dct: date | None = None
    if dct is not None:
        try:
            fixed_dct = date.fromisoformat(dct)
        except ValueError:
            raise _fail(f"--dct {dct!r} is not a date YYYY-MM-DD") from None

    inputs: list[tuple[str, str, date | None]] = []
    if not files:
        inputs.append(("-", sys.stdin.read(), fixed_dct))
    for path in files or []:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise _fail(f"cannot read {path}: {exc.strerror or exc}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise _fail(f"{path} is not UTF-8 text") from None
        inputs.append((str(path), text, fixed_dct or _publication_date(path)))

    for name, text, doc_dct in inputs:
        for t in tag(text, doc_dct):
            if format is OutputFormat.jsonl:
                record = {"schema_version": SCHEMA_VERSION, "file": name}
                record.update(t.model_dump(mode="json"))
                typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                mod = f" mod={t.mod}" if t.mod else ""
                typer.echo(
                    f"{name}:{t.start}-{t.end}\t{t.text!r}\t{t.type}\t{t.value}{mod}\t{t.anchor}"
                )
