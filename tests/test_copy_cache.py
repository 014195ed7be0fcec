"""A folder's copy groups kept in the facts cache: a warm run reads them instead of hashing
every article again, one article more finds them afresh, damaged groups are found again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import checker.run as run_module
from checker.cache.store import FILE_NAME
from checker.execute.extract import ExecOptions
from checker.report.json import render_json
from checker.run import check

STORY = (
    "At least {n} people were hurt when a tram left the rails near Valdoro central station "
    "on Tuesday morning, the city transport office said.\n\n"
    "The tram was carrying about 80 passengers when it derailed at a bend, and the line will "
    "stay closed until Friday while engineers inspect the track.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "story"
    out.mkdir()
    for name, n in (("a", 12), ("b", 12), ("c", 14)):
        (out / f"{name}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    return out


@pytest.fixture
def found(monkeypatch) -> list[int]:
    """How many articles each search for copies looked at, run by run."""
    calls: list[int] = []
    real = run_module.find_copies

    def counting(articles, *args):
        calls.append(len(articles))
        return real(articles, *args)

    monkeypatch.setattr(run_module, "find_copies", counting)
    return calls


def _run(folder: Path, cache: Path | None) -> tuple[str, list[str]]:
    got = check([folder], options=ExecOptions(cache_dir=cache))
    return render_json(got.report), [w.code for w in got.warnings]


def test_a_warm_run_reads_the_groups(folder, tmp_path, found) -> None:
    plain, _ = _run(folder, None)
    cold, _ = _run(folder, tmp_path / "cache")
    warm, warnings = _run(folder, tmp_path / "cache")
    assert found == [3, 3] and warnings == []
    assert plain == cold == warm and '"copies": [' in warm
    (folder / "d.txt").write_text(STORY.format(n=15), encoding="utf-8")
    more, _ = _run(folder, tmp_path / "cache")
    assert found == [3, 3, 4] and more == _run(folder, None)[0]


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE folders SET data = 'not json'", "JSONDecodeError"),
        ("UPDATE folders SET data = '{}'", "not a list"),
        ("""UPDATE folders SET data = replace(data, '"a"', '"zz"')""", "not in the folder"),
        ("UPDATE folders SET version = '0.0.1'", "written by checker 0.0.1"),
    ],
)
def test_damaged_groups_are_found_again_with_a_warning(
    folder, tmp_path, found, sql, reason
) -> None:
    cold, _ = _run(folder, tmp_path / "cache")
    conn = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    with conn:
        conn.execute(sql)
    conn.close()
    got = check([folder], options=ExecOptions(cache_dir=tmp_path / "cache"))
    assert render_json(got.report) == cold and len(found) == 2
    assert [w.code for w in got.warnings] == ["W307"]
    assert reason in got.warnings[0].one_line()
    again, warnings = _run(folder, tmp_path / "cache")  # written anew
    assert again == cold and warnings == [] and len(found) == 2
