"""Writing files so that a crash or a second run never leaves a broken one.

`write_atomic` writes to a temporary file in the same folder, flushes it to disk and renames it
over the target (`os.replace`, atomic on POSIX and Windows): a reader, or a run killed with
SIGKILL half-way, sees the old file or the new one, never a truncated one. `locked` serialises
read-modify-write cycles (the baseline) between processes with `flock` on the target's folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; writes are still atomic
    fcntl = None  # type: ignore[assignment]


def output_problem(path: Path) -> str | None:
    """Why `path` cannot be written as an output file, or None when it can be tried."""
    folder = path.parent
    if not folder.is_dir():
        return f"the folder '{folder}' does not exist"
    if path.is_dir():
        return "it is a folder"
    return None


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) in one step. Raises OSError."""
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step. Raises OSError."""
    mode = _mode_of(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_of(path: Path) -> int:
    """The mode of the file being replaced, else what a plain `open` would give."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for updates of `path` (on its folder, so no lock file is left)."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
