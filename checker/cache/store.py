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
# PRAGMA user_version of a cache file this code writes (1: facts, 2: and dates, 3: and pairs,
# 4: and places)
FORMAT = 5
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
# What alignment found for a pair of articles (`checker.cache.pairs`): a run whose facts all
# come from the cache would otherwise spend most of its time scoring the same pairs again.
_PAIRS_SCHEMA = """
CREATE TABLE IF NOT EXISTS pairs (
    key TEXT PRIMARY KEY,      -- checker.cache.pairs.pair_key
    version TEXT NOT NULL,     -- checker version that wrote it
    data TEXT NOT NULL         -- what was found, as JSON
)
"""
# The gazetteer's answers to alignment's questions (`checker.cache.places`): a run whose answers
# are all here never loads the gazetteer.
_PLACES_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    key TEXT PRIMARY KEY,      -- checker.cache.places: the run's fingerprint and the question
    version TEXT NOT NULL,     -- checker version that wrote it
    data TEXT NOT NULL         -- the answer as JSON
)
"""
# What was found over a whole folder (`checker.cache.copies`: its copy groups), under a key of
# all its articles' keys: a warm run reads it instead of hashing every article again.
_FOLDERS_SCHEMA = """
CREATE TABLE IF NOT EXISTS folders (
    key TEXT PRIMARY KEY,      -- checker.cache.copies: what was found and the articles' keys
    version TEXT NOT NULL,     -- checker version that wrote it
    data TEXT NOT NULL         -- what was found, as JSON
)
"""
_TABLES = ["dates", "facts", "folders", "pairs", "places"]
# Older formats whose tables stay valid, by the tables they have: they are upgraded in place.
_UPGRADABLE = {
    0: [],
    1: ["facts"],
    2: ["dates", "facts"],
    3: ["dates", "facts", "pairs"],
    4: ["dates", "facts", "pairs", "places"],
}


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
        return self._select("dates", keys)

    def put_dates(self, rows: Iterable[tuple[str, str]]) -> None:
        """Store (key, data) date guesses in one transaction."""
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO dates VALUES (?, ?, ?)",
                [(key, checker.__version__, data) for key, data in rows],
            )

    def get_pairs(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """key -> (version that wrote it, data) of the pair results present."""
        return self._select("pairs", keys)

    def _select(self, table: str, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for i in range(0, len(keys), 500):  # SQLite limits the parameters of one statement
            part = keys[i : i + 500]
            marks = ",".join("?" * len(part))
            rows = self._conn.execute(
                f"SELECT key, version, data FROM {table} WHERE key IN ({marks})", part
            )
            found.update((key, (version, data)) for key, version, data in rows)
        return found

    def put_pairs(self, rows: Iterable[tuple[str, str]]) -> None:
        """Store (key, data) pair results in one transaction."""
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO pairs VALUES (?, ?, ?)",
                [(key, checker.__version__, data) for key, data in rows],
            )

    def get_places(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """key -> (version that wrote it, data) of the gazetteer answers present."""
        return self._select("places", keys)

    def put_places(self, rows: Iterable[tuple[str, str]]) -> None:
        """Store (key, data) gazetteer answers in one transaction."""
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO places VALUES (?, ?, ?)",
                [(key, checker.__version__, data) for key, data in rows],
            )

    def get_folders(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """key -> (version that wrote it, data) of the folder results present."""
        return self._select("folders", keys)

    def put_folders(self, rows: Iterable[tuple[str, str]]) -> None:
        """Store (key, data) folder results in one transaction."""
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO folders VALUES (?, ?, ?)",
                [(key, checker.__version__, data) for key, data in rows],
            )

    def close(self) -> None:
        self._conn.close()


def current_data(version: str, data: str) -> str:
    """The data of an entry written by this checker; another version's is not trusted."""
    import checker

    if version != checker.__version__:
        raise ValueError(f"written by checker {version}")
    return data


def unreadable(exc: BaseException) -> str:
    """Why a cached entry could not be read, in a warning's few words."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:120]}"


class CacheSession:
    """One run's use of the cache for entries of one kind: new entries are kept until `flush`
    or `close` writes them in one transaction (`_put`), and a cache that fails half-way (disk
    full, a damaged page) is dropped for the rest of the run with a warning."""

    def __init__(self, cache: FactsCache | None, warn: WarnFn) -> None:
        self.cache = cache
        self.warn = warn
        self.fresh: dict[str, str] = {}  # key -> data, written by `flush`

    def _put(self, cache: FactsCache, rows: Iterable[tuple[str, str]]) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        """Write the new entries (each is whole: a run killed later keeps them)."""
        try:
            if self.fresh and self.cache is not None:
                self._put(self.cache, self.fresh.items())
        except sqlite3.Error as exc:
            self._give_up(exc)
        finally:
            self.fresh = {}

    def close(self) -> None:
        if self.cache is None:
            return
        self.flush()
        if self.cache is not None:
            self.cache.close()
            self.cache = None

    def _give_up(self, exc: sqlite3.Error) -> None:
        assert self.cache is not None
        self.warn(CheckerWarning.make("W301", path=str(self.cache.path), reason=_reason(exc)))
        self.cache.close()
        self.cache = None


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent after a crash
        # One writer at a time: two runs starting on a new cache create it once.
        conn.execute("BEGIN IMMEDIATE")
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = _tables(conn)
        if _UPGRADABLE.get(found) == tables:
            # A new file, or one of an older format: what it holds stays valid.
            for schema in (_SCHEMA, _DATES_SCHEMA, _PAIRS_SCHEMA, _PLACES_SCHEMA, _FOLDERS_SCHEMA):
                conn.execute(schema)
            conn.execute(f"PRAGMA user_version={FORMAT}")
        elif found != FORMAT or tables != _TABLES:
            raise sqlite3.DatabaseError(f"cache format {found}, this checker reads {FORMAT}")
        conn.execute("SELECT key, article, version, data, stored FROM facts LIMIT 1").fetchall()
        conn.execute("SELECT key, version, data FROM dates LIMIT 1").fetchall()
        conn.execute("SELECT key, version, data FROM pairs LIMIT 1").fetchall()
        conn.execute("SELECT key, version, data FROM places LIMIT 1").fetchall()
        conn.execute("SELECT key, version, data FROM folders LIMIT 1").fetchall()
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
