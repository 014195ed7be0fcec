"""Where a claim sits in its file: path for display and 1-based line and column."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in Unicode code points


def position(text: str, offset: int) -> Position:
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(line=text.count("\n", 0, offset) + 1, column=offset - line_start + 1)


def shown_path(path: str | Path, base: Path | None = None) -> str:
    """`path` relative to `base` (default: the working folder) with `/`, when inside it."""
    p = Path(path)
    root = (base or Path.cwd()).resolve()
    try:
        return p.resolve().relative_to(root).as_posix()
    except ValueError:
        return p.as_posix() if not p.is_absolute() else os.fspath(p)
