"""Publication-date guesses kept in the facts cache: reused while the text is the same, guessed
again when it changed or the entry cannot be trusted, never fatal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checker.cache.dates import CachedGuesses, decode_guess, encode_guess
from checker.cache.store import FILE_NAME, FactsCache
from checker.errors import CheckerWarning
from checker.execute.extract import ExecOptions
from checker.ingest import load_paths
from checker.ingest.pubdate import guess_published
from checker.run import check

DATA = Path(__file__).parent / "data"

TEXTS = {
    "a.txt": "Storm hits coast\n\nThe storm reached the coast on Saturday, 12 March 2016. "
    "By Sunday, 4,000 homes were without power.\n",
    "b.txt": "Flood warning\n\nRivers rose on Sunday after the storm of March 12, 2016. "
    "Officials said on Monday that 3,500 homes had no power.\n",
    "c.txt": "Plan approved\n\nThe council approved the plan in 2019. It will open next year.\n",
    "d.txt": "No dates here\n\nThe council approved the plan. Residents objected.\n",
}


def folder(tmp_path: Path) -> Path:
    out = tmp_path / "story"
    out.mkdir()
    for name, text in TEXTS.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


def guesses(tmp_path: Path, warnings: list[CheckerWarning]) -> CachedGuesses:
    return CachedGuesses.open(tmp_path / "cache", "fingerprint", warnings.append)


def test_a_guess_is_encoded_and_decoded_unchanged() -> None:
    bodies = [t for t in TEXTS.values()]
    bodies += [p.read_text(encoding="utf-8") for p in sorted((DATA / "stories").glob("*.txt"))]
    for body in bodies:
        guess = guess_published(body)
        assert decode_guess(encode_guess(guess)) == guess


def test_a_second_reading_reuses_every_guess(tmp_path) -> None:
    warnings: list[CheckerWarning] = []
    first = guesses(tmp_path, warnings)
    got = [first(t) for t in TEXTS.values()]
    first.close()
    second = guesses(tmp_path, warnings)
    again = [second(t) for t in TEXTS.values()]
    second.close()
    assert got == again == [guess_published(t) for t in TEXTS.values()]
    assert (first.reused, second.reused, warnings) == (0, len(TEXTS), [])


def test_a_changed_text_is_guessed_again(tmp_path) -> None:
    warnings: list[CheckerWarning] = []
    first = guesses(tmp_path, warnings)
    for t in TEXTS.values():
        first(t)
    first.close()
    changed = TEXTS["a.txt"].replace("12 March 2016", "14 March 2016")
    second = guesses(tmp_path, warnings)
    assert second(changed) == guess_published(changed) != guess_published(TEXTS["a.txt"])
    assert second(TEXTS["b.txt"]) == guess_published(TEXTS["b.txt"])
    second.close()
    assert second.reused == 1


def test_another_fingerprint_does_not_reuse_a_guess(tmp_path) -> None:
    first = guesses(tmp_path, [])
    first(TEXTS["a.txt"])
    first.close()
    other = CachedGuesses.open(tmp_path / "cache", "other code", [].append)
    other(TEXTS["a.txt"])
    other.close()
    assert other.reused == 0


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE dates SET data = 'not json'", "JSONDecodeError"),
        ("UPDATE dates SET data = '{\"day\": 3}'", "KeyError"),
        ("UPDATE dates SET version = '0.0.1'", "written by checker 0.0.1"),
    ],
)
def test_a_damaged_or_foreign_guess_is_guessed_again_with_a_warning(tmp_path, sql, reason) -> None:
    first = guesses(tmp_path, [])
    first(TEXTS["a.txt"])
    first.close()
    conn = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    with conn:
        conn.execute(sql)
    conn.close()
    warnings: list[CheckerWarning] = []
    second = guesses(tmp_path, warnings)
    assert second(TEXTS["a.txt"]) == guess_published(TEXTS["a.txt"])
    second.close()
    assert [w.code for w in warnings] == ["W304"] and reason in warnings[0].one_line()
    third = guesses(tmp_path, warnings)  # the entry was written anew
    third(TEXTS["a.txt"])
    third.close()
    assert (third.reused, len(warnings)) == (1, 1)


@pytest.mark.parametrize(
    ("version", "tables"),
    [
        (1, ["facts"]),  # facts only
        (2, ["facts", "dates"]),  # and date guesses, but no pair results
        (3, ["facts", "dates", "pairs"]),  # and pair results, but no gazetteer answers
        (4, ["facts", "dates", "pairs", "places"]),  # and those, but no folder results
    ],
)
def test_a_cache_of_an_older_format_is_upgraded_and_keeps_its_facts(
    tmp_path, version, tables
) -> None:
    (tmp_path / "cache").mkdir()
    conn = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    schemas = {
        "facts": "(key TEXT PRIMARY KEY, article TEXT NOT NULL, version TEXT NOT NULL,"
        " data BLOB NOT NULL, stored REAL NOT NULL)",
        "dates": "(key TEXT PRIMARY KEY, version TEXT NOT NULL, data TEXT NOT NULL)",
        "pairs": "(key TEXT PRIMARY KEY, version TEXT NOT NULL, data TEXT NOT NULL)",
        "places": "(key TEXT PRIMARY KEY, version TEXT NOT NULL, data TEXT NOT NULL)",
    }
    for table in tables:
        conn.execute(f"CREATE TABLE {table} {schemas[table]}")
    conn.execute("INSERT INTO facts VALUES ('k', 'a', '0.1.0', x'00', 0)")
    conn.execute(f"PRAGMA user_version={version}")
    conn.commit()
    conn.close()
    warnings: list[CheckerWarning] = []
    cache = FactsCache.open(tmp_path / "cache", warnings.append)
    assert cache is not None and warnings == []
    assert cache.get_many(["k"]) == {"k": ("0.1.0", b"\x00")}
    assert cache.get_pairs(["k"]) == {}
    assert cache.get_places(["k"]) == {}
    assert cache.get_folders(["k"]) == {}
    cache.close()


def test_a_run_with_a_cache_dates_its_articles_as_one_without(tmp_path) -> None:
    story = folder(tmp_path)
    plain, _ = load_paths([story])
    options = ExecOptions(cache_dir=tmp_path / "cache")
    cold = check([story], options=options)
    warm = check([story], options=options)
    assert [a.model_dump() for a in cold.articles] == [a.model_dump() for a in warm.articles]
    assert cold.report.model_dump() == warm.report.model_dump()
    assert cold.warnings == warm.warnings == []
    by_id = {a.id: a for a in plain}
    for art in warm.articles:  # the guess from the text is kept (siblings may date it further)
        assert art.published_earliest == by_id[art.id].published_earliest
    conn = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    assert conn.execute("SELECT count(*) FROM dates").fetchone()[0] == len(TEXTS)
    conn.close()
