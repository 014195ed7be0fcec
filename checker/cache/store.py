"""The facts cache on disk: one SQLite file, `facts.sqlite`, in the cache folder.

SQLite makes it safe to share: two runs at once take turns to write (WAL journal, a busy
timeout), and each batch of records is one transaction, so a run killed half-way leaves the
batches it committed and nothing half-written. A file that is not a cache of this format is
set aside and started afresh with a warning; the run never depends on the cache working.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import checker
from checker.errors import CheckerError, CheckerWarning

CACHE_ENV = "CHECKER_CACHE_DIR"  # the default folder, when set
FILE_NAME = "facts.sqlite"
FORMAT = 2  # PRAGMA user_version of a cache file this code writes (1: no dates table)
BUSY_SECONDS = 60.0  # how long to wait for another run's write

WarnFn = Callable[[CheckerWarning], None]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS facts (
    key TEXT PRIMARY KEY,      -- checker.cache.key.article_key
    article TEXT NOT NULL,     -- Article.id, for messages
    version TEXT NOT NULL,     -- checker version that wrote it
    data BLOB NOT NULL,        -- Extracted.to_bytes()
    stored REAL NOT NULL       -- unix time
)
"""
# Publication dates guessed from a text (`checker.cache.dates`): ingest runs before the facts
# are looked up, and guessing reads every time expression of the text.
_DATES_SCHEMA = """
CREATE TABLE IF NOT EXISTS dates (
    key TEXT PRIMARY KEY,      -- checker.cache.dates.text_key
    version TEXT NOT NULL,     -- checker version that wrote it
    data TEXT NOT NULL         -- the guess as JSON ("null": the text implies no date)
)
"""
_TABLES = ["dates", "facts"]


def default_cache_dir() -> Path:
    """$CHECKER_CACHE_DIR, else `.checker-cache` in the current folder."""
    return Path(os.environ.get(CACHE_ENV) or ".checker-cache")


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    size: int  # bytes on disk, journal included


class FactsCache:
    """Records by key. Open with `FactsCache.open`, which returns None when there is no usable
    cache (the warning says why)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, folder: Path, warn: WarnFn) -> FactsCache | None:
        path = folder / FILE_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            warn(CheckerWarning.make("W301", path=str(folder), reason=_reason(exc)))
            return None
        try:
            return cls(_connect(path), path)
        except sqlite3.DatabaseError as exc:  # not a database, or another format
            warn(CheckerWarning.make("W302", path=str(path), reason=_reason(exc)))
        try:
            _remove(path)
            return cls(_connect(path), path)
        except (OSError, sqlite3.Error) as exc:
            warn(CheckerWarning.make("W301", path=str(path), reason=_reason(exc)))
            return None

    def get_many(self, keys: Sequence[str]) -> dict[str, tuple[str, bytes]]:
        """key -> (version that wrote it, data) for the keys present."""
        found: dict[str, tuple[str, bytes]] = {}
        for i in range(0, len(keys), 500):  # SQLite limits the parameters of one statement
            part = keys[i : i + 500]
            marks = ",".join("?" * len(part))
            rows = self._conn.execute(
                f"SELECT key, version, data FROM facts WHERE key IN ({marks})", part
            )
            found.update((key, (version, bytes(data))) for key, version, data in rows)
        return found

    def put_many(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        """Store (key, article id, data) rows in one transaction."""
        now = time.time()
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?)",
                [(key, article, checker.__version__, data, now) for key, article, data in rows],
            )

    def get_dates(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """key -> (version that wrote it, data) of the date guesses present."""
        found: dict[str, tuple[str, str]] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            marks = ",".join("?" * len(part))
            rows = self._conn.execute(
                f"SELECT key, version, data FROM dates WHERE key IN ({marks})", part
            )
            found.update((key, (version, data)) for key, version, data in rows)
        return found

    def put_dates(self, rows: Iterable[tuple[str, str]]) -> None:
        """Store (key, data) date guesses in one transaction."""
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO dates VALUES (?, ?, ?)",
                [(key, checker.__version__, data) for key, data in rows],
            )

    def close(self) -> None:
        self._conn.close()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent after a crash
        # One writer at a time: two runs starting on a new cache create it once.
        conn.execute("BEGIN IMMEDIATE")
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = _tables(conn)
        if (found == 0 and not tables) or (found == 1 and tables == ["facts"]):
            # A new file, or one of format 1 (facts only): its facts stay valid.
            conn.execute(_SCHEMA)
            conn.execute(_DATES_SCHEMA)
            conn.execute(f"PRAGMA user_version={FORMAT}")
        elif found != FORMAT or tables != _TABLES:
            raise sqlite3.DatabaseError(f"cache format {found}, this checker reads {FORMAT}")
        conn.execute("SELECT key, article, version, data, stored FROM facts LIMIT 1").fetchall()
        conn.execute("SELECT key, version, data FROM dates LIMIT 1").fetchall()
        conn.execute("COMMIT")
    except BaseException:
        conn.close()  # rolls back
        raise
    return conn


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [name for (name,) in rows]


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__


def cache_info(folder: Path) -> CacheInfo:
    """What `checker cache info` shows; an absent or unreadable file counts as empty."""
    path = folder / FILE_NAME
    size = sum(p.stat().st_size for p in folder.glob(FILE_NAME + "*") if p.is_file())
    entries = 0
    if path.is_file():
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_SECONDS)
            try:
                entries = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:
            entries = 0
    return CacheInfo(path=path, entries=entries, size=size)


def clear_cache(folder: Path) -> int:
    """Delete the cache file; return how many bytes were freed. Raises `CheckerError` (E301)."""
    size = cache_info(folder).size
    try:
        _remove(folder / FILE_NAME)
    except OSError as exc:
        raise CheckerError.make("E301", path=str(folder), reason=_reason(exc)) from None
    return size
