"""Which files changed since a git revision: `git diff --name-only REV` plus untracked files.

Never raises for git trouble: a missing git, a folder outside any repository or a revision the
checkout does not have (shallow clone, detached CI checkout) gives a `Changes` with `files=None`
and a one-line `reason`, and the caller falls back to its baseline.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

GIT_TIMEOUT = 60  # seconds for one git command


@dataclass(frozen=True)
class Changes:
    rev: str
    files: frozenset[Path] | None  # resolved paths; None when git could not answer
    reason: str | None = None  # why `files` is None

    @property
    def known(self) -> bool:
        return self.files is not None

    def touches(self, path: Path) -> bool:
        return self.files is not None and path.resolve() in self.files


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=GIT_TIMEOUT,
        check=False,
    )


def changed_since(rev: str, where: Path) -> Changes:
    """Files added or changed since `rev` in the repository holding `where` (a file or folder)."""
    if shutil.which("git") is None:
        return Changes(rev, None, "git is not installed")
    folder = where if where.is_dir() else where.parent
    folder = folder.resolve()
    if not folder.is_dir():
        return Changes(rev, None, f"'{where}' is not a folder")
    if rev.startswith("-"):
        return Changes(rev, None, "a revision cannot start with '-'")
    try:
        top = _git(["rev-parse", "--show-toplevel"], folder)
        if top.returncode != 0:
            return Changes(rev, None, f"'{where}' is not in a git repository")
        root = Path(top.stdout.strip()).resolve()
        found = _git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], root
        )
        if found.returncode != 0:
            return Changes(
                rev,
                None,
                f"revision '{rev}' is not in this checkout (shallow or detached clone? "
                "fetch it, e.g. actions/checkout with fetch-depth: 0)",
            )
        commit = found.stdout.strip()
        diff = _git(["diff", "--name-only", "-z", commit, "--"], root)
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    except (OSError, subprocess.SubprocessError) as exc:
        return Changes(rev, None, f"git failed: {exc}")
    for result in (diff, untracked):
        if result.returncode != 0:
            message = result.stderr.strip().splitlines()
            return Changes(rev, None, f"git failed: {message[0] if message else 'no output'}")
    names = [n for n in (diff.stdout + untracked.stdout).split("\0") if n]
    return Changes(rev, frozenset((root / name).resolve() for name in names))
