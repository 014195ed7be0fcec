"""Which files may be read, and reading them within limits.

A folder given on the command line is a boundary: a symbolic link inside it, or a path named in
a gold file, is followed only while it leads to a place inside the folder, unless the user asks
for `--follow-symlinks`. A file over `--max-bytes`, a FIFO, a device, a symbolic link loop or an
unreadable file is one problem line (a `CheckerError`), never a hang or a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from checker.errors import CheckerError
from checker.safeload import DataError, file_kind, read_limited

DEFAULT_MAX_BYTES = 5_000_000
# Written into the folder of texts kept beside a report (`checker/report/texts.py`), so that a
# report written inside the articles folder does not add its own copies as articles next run.
KEPT_TEXTS_MARKER = ".checker-texts"


class ReadLimits(BaseModel):
    """How far ingest may go: the largest article, whether links may leave the folder, and
    which files under a folder it reads (`--include`, `--exclude`)."""

    model_config = ConfigDict(frozen=True)

    max_bytes: int = Field(DEFAULT_MAX_BYTES, ge=1, description="largest article read, in bytes")
    follow_symlinks: bool = Field(
        False, description="follow links (and gold paths) that lead outside the folder given"
    )
    include: tuple[str, ...] = Field(
        (), description="glob patterns: when given, only files under a folder matching one are read"
    )
    exclude: tuple[str, ...] = Field(
        (), description="glob patterns: files under a folder matching one are not read"
    )

    def selects(self, rel: str) -> bool:
        """True when the file at `rel` (relative to the folder given, with `/`) is to be read.

        A pattern with a `/` is matched against `rel`, one without against the file name, so
        `--exclude '*.csv'` leaves out every CSV file and `--include 'pages/*'` one folder.
        """
        name = rel.rsplit("/", 1)[-1]

        def hit(pattern: str) -> bool:
            return fnmatch(rel if "/" in pattern else name, pattern)

        if self.include and not any(hit(p) for p in self.include):
            return False
        return not any(hit(p) for p in self.exclude)


DEFAULT_LIMITS = ReadLimits()


def inside(path: Path, root: Path) -> bool:
    """True when `path`, with every link resolved, is in `root` (also resolved)."""
    try:
        return path.resolve(strict=True).is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def walk(folder: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Path]:
    """Every entry under `folder` that is not a folder (files, links, FIFOs…); hidden folders
    skipped. Linked folders are entered only with `follow_symlinks`, each real folder once."""
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=limits.follow_symlinks):
        real = os.path.realpath(dirpath)
        if real in seen:  # a link loop, or a folder linked twice
            dirnames.clear()
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            yield Path(dirpath) / name


def check_file(path: Path, root: Path | None, limits: ReadLimits, code: str = "E001") -> None:
    """Raise a `CheckerError` when `path` may not or cannot be read as an article.

    `root` is the folder given on the command line (None for a file named there itself).
    """
    shown = str(path)
    try:
        real = path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a link loop this way
        raise CheckerError.make(code, path=shown, reason="symbolic link loop") from None
    except OSError as exc:
        raise CheckerError.make(code, path=shown, reason=_os_reason(exc)) from None
    if root is not None and not limits.follow_symlinks and not inside(path, root):
        raise CheckerError.make("E011", path=shown, target=real, folder=root)
    try:
        info = real.stat()
    except OSError as exc:
        raise CheckerError.make(code, path=shown, reason=_os_reason(exc)) from None
    kind = file_kind(info.st_mode)
    if kind is not None:
        raise CheckerError.make("E013", path=shown, kind=kind)
    if info.st_size > limits.max_bytes:
        raise CheckerError.make("E012", path=shown, size=info.st_size, limit=limits.max_bytes)


def read_article_bytes(path: Path, limits: ReadLimits) -> bytes:
    """The bytes of an article file (already passed by `check_file`). Raises CheckerError."""
    try:
        return read_limited(path, limits.max_bytes)
    except OSError as exc:
        raise CheckerError.make("E001", path=str(path), reason=_os_reason(exc)) from None
    except DataError as exc:
        raise CheckerError.make("E001", path=str(path), reason=exc.problem) from None


def _os_reason(exc: OSError) -> str:
    if exc.errno == getattr(os, "ELOOP", None):
        return "symbolic link loop"
    return exc.strerror or str(exc)
