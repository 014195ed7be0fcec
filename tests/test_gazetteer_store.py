"""The gazetteer's derived file: same answers as a fresh build; a bad file is built again."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from checker.extract.gazetteer import Gazetteer
from checker.extract.gazetteer_store import (
    StoredTables,
    data_key,
    load_gazetteer,
    read_tables,
    take_warnings,
    to_bytes,
)
from checker.models.place import Place

CONTEXTS = [(), ("US",), ("RS",), ("GB",), ("Texas",), ("CN", "Sichuan")]
NAMES = [
    "Belgrade", "Paris", "Paris, Texas", "Georgia", "New York", "New York City", "Washington",
    "Valencia", "Gaza", "Victoria", "Quebec", "Sichuan Province", "the Austrian capital, Vienna",
    "outside Lyon", "U.S.", "Britain", "Congo", "Bavaria", "Wales", "Peking", "Kiev", "Niš",
    "St. Petersburg", "Springfield", "Kreuzberg", "Northern", "Of", "Europe", "Mexico City",
]  # fmt: skip


@pytest.fixture(scope="module")
def pair() -> tuple[Gazetteer, Gazetteer]:
    """A fresh build and the same data read back from its derived file."""
    fresh = Gazetteer()
    key = data_key()
    return fresh, Gazetteer(StoredTables(to_bytes(fresh, key), key))


def _names(fresh: Gazetteer) -> list[str]:
    """Hand-picked names plus a sample of every index: primary, alternate and region names."""
    rng = random.Random(7)
    keys = [
        *rng.sample(sorted(fresh._city_index), 1500),
        *rng.sample(sorted(fresh._city_alt_index), 500),
        *fresh._region_index,
        *fresh._country_index,
    ]
    return NAMES + keys


def test_same_lookups_as_a_fresh_build(pair: tuple[Gazetteer, Gazetteer]) -> None:
    fresh, stored = pair
    for name, context in itertools.product(_names(fresh), CONTEXTS):
        assert stored.lookup(name, context=context) == fresh.lookup(name, context=context), name
    for word in fresh._demonyms:
        assert stored.demonym(word) == fresh.demonym(word), word
    for code in fresh._countries:
        assert stored.country_name(code) == fresh.country_name(code)


def test_same_relations_as_a_fresh_build(pair: tuple[Gazetteer, Gazetteer]) -> None:
    fresh, stored = pair
    places: list[Place] = [p for n in NAMES if (p := fresh.lookup(n)) is not None]
    places += [
        p for n in ("California", "Serbia", "Asia", "Los Angeles", "Nis") if (p := fresh.lookup(n))
    ]
    for a, b in itertools.product(places, repeat=2):
        assert stored.relation(a, b) == fresh.relation(a, b), (a.name, b.name)
        assert stored.contains(a, b) == fresh.contains(a, b)


def test_a_damaged_file_is_built_again_with_a_warning(tmp_path: Path) -> None:
    take_warnings()
    load_gazetteer(tmp_path)  # builds and writes the file
    assert take_warnings() == []
    (path,) = tmp_path.glob("gazetteer-*.db")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    gaz = load_gazetteer(tmp_path)
    assert [w.code for w in take_warnings()] == ["W308"]
    assert gaz.lookup("Belgrade") is not None
    assert read_tables(path, data_key()) is not None  # written again, sound
    assert take_warnings() == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not a gazetteer file"),
        (b"SQLite format 3\x00" + bytes(100), "not a gazetteer file"),
        (b"checker gazetteer 1\n" + bytes(40), "digest"),
    ],
)
def test_foreign_files_are_refused_with_a_warning(tmp_path: Path, content, reason) -> None:
    take_warnings()
    path = tmp_path / "gazetteer-x.db"
    path.write_bytes(content)
    assert read_tables(path, data_key()) is None
    (warning,) = take_warnings()
    assert warning.code == "W308" and reason in warning.one_line()


def test_a_file_for_other_data_is_refused(pair: tuple[Gazetteer, Gazetteer], tmp_path) -> None:
    take_warnings()
    path = tmp_path / "gazetteer-x.db"
    path.write_bytes(to_bytes(pair[0], "another key"))
    assert read_tables(path, data_key()) is None
    (warning,) = take_warnings()
    assert warning.code == "W308" and "other data" in warning.one_line()


def test_a_missing_file_is_no_warning(tmp_path: Path) -> None:
    take_warnings()
    assert read_tables(tmp_path / "gazetteer-x.db", "k") is None
    assert take_warnings() == []
