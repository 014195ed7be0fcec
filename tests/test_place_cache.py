"""The gazetteer's answers to alignment kept in the facts cache: a warm run asks the gazetteer
nothing (so never loads it), and a damaged answer is looked up again with a warning."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checker.cache.store import FILE_NAME
from checker.execute.extract import ExecOptions
from checker.extract.gazetteer import Gazetteer
from checker.report.json import render_json
from checker.run import check


@pytest.fixture
def folder(mill_fire: Path) -> Path:
    return mill_fire


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """The questions put to the gazetteer itself, run by run."""
    calls: list[str] = []
    for name in ("relation", "country_name"):
        real = getattr(Gazetteer, name)

        def counting(self, *args, _real=real, _name=name, **kwargs):
            calls.append(_name)
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(Gazetteer, name, counting)
    return calls


def _rows(cache: Path) -> int:
    conn = sqlite3.connect(cache / FILE_NAME)
    try:
        return conn.execute("SELECT count(*) FROM places").fetchone()[0]
    finally:
        conn.close()


def _run(folder: Path, cache: Path | None) -> tuple[str, list[str]]:
    got = check([folder], options=ExecOptions(cache_dir=cache))
    return render_json(got.report), [w.code for w in got.warnings]


def test_a_warm_run_asks_the_gazetteer_nothing(folder, tmp_path, asked) -> None:
    plain, _ = _run(folder, None)
    asked.clear()
    cold, _ = _run(folder, tmp_path / "cache")
    assert asked and _rows(tmp_path / "cache") > 0
    asked.clear()
    warm, warnings = _run(folder, tmp_path / "cache")
    assert asked == [] and warnings == []
    assert plain == cold == warm


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE places SET data = 'not json'", "JSONDecodeError"),
        ("UPDATE places SET data = '42'", "ValidationError"),
        ("UPDATE places SET version = '0.0.1'", "written by checker 0.0.1"),
    ],
)
def test_a_damaged_answer_is_looked_up_again_with_a_warning(
    folder, tmp_path, asked, sql, reason
) -> None:
    cold, _ = _run(folder, tmp_path / "cache")
    rows = _rows(tmp_path / "cache")
    conn = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    with conn:
        conn.execute(sql)
    conn.close()
    asked.clear()
    got = check([folder], options=ExecOptions(cache_dir=tmp_path / "cache"))
    assert render_json(got.report) == cold and len(asked) == rows
    assert [w.code for w in got.warnings] == ["W306"] * rows
    assert all(reason in w.one_line() for w in got.warnings)
    asked.clear()
    again, warnings = _run(folder, tmp_path / "cache")  # written anew
    assert again == cold and warnings == [] and asked == []
