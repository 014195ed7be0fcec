"""Alignment results of article pairs kept in the facts cache: reused while both articles are
unchanged, found again for a new or changed article, never trusted when damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import checker.align.claim_pairs as claim_pairs_module
import checker.align.statement_pairs as statement_pairs_module
from checker.cache.store import FILE_NAME
from checker.execute.extract import ExecOptions
from checker.report.json import render_json
from checker.run import check


@pytest.fixture
def folder(mill_fire: Path) -> Path:
    return mill_fire


@pytest.fixture(params=["claims", "statements"])
def scored(request, monkeypatch) -> list[tuple[str, str]]:
    """The article pairs a matcher works out (not read from the cache), run by run: the claims
    it pairs, or the sentences it would score."""
    module, name = {
        "claims": (claim_pairs_module, "_pair_rows"),
        "statements": (statement_pairs_module, "_candidates"),
    }[request.param]
    calls: list[tuple[str, str]] = []
    real = getattr(module, name)

    def counting(fa, fb, *args):
        calls.append((fa.article, fb.article))
        return real(fa, fb, *args)

    monkeypatch.setattr(module, name, counting)
    return calls


def _report(folder: Path, cache: Path | None) -> tuple[str, list[str]]:
    got = check([folder], options=ExecOptions(cache_dir=cache))
    return render_json(got.report), [w.code for w in got.warnings]


def _rows(cache: Path) -> int:
    conn = sqlite3.connect(cache / FILE_NAME)
    try:
        return conn.execute("SELECT count(*) FROM pairs").fetchone()[0]
    finally:
        conn.close()


def test_a_second_run_reads_the_pairs_and_reports_the_same(folder, tmp_path, scored) -> None:
    plain, _ = _report(folder, None)
    assert len(scored) == 3  # without a cache, every related pair is scored
    cold, _ = _report(folder, tmp_path / "cache")
    assert len(scored) == 6 and _rows(tmp_path / "cache") == 6  # both matchers
    warm, warnings = _report(folder, tmp_path / "cache")
    assert len(scored) == 6  # nothing scored again
    assert plain == cold == warm and warnings == []


def test_a_new_article_alone_is_scored_with_the_others(folder, tmp_path, scored) -> None:
    _report(folder, tmp_path / "cache")
    scored.clear()
    text = (folder / "b.txt").read_text(encoding="utf-8")
    (folder / "d.txt").write_text(text.replace("Twelve workers", "Eleven workers"), "utf-8")
    warm, _ = _report(folder, tmp_path / "cache")
    assert scored and all("d" in pair for pair in scored)
    assert warm == _report(folder, None)[0]


def test_a_changed_article_is_scored_again(folder, tmp_path, scored) -> None:
    _report(folder, tmp_path / "cache")
    scored.clear()
    path = folder / "c.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("320", "310"), encoding="utf-8")
    warm, _ = _report(folder, tmp_path / "cache")
    assert sorted(scored) == [("a", "c"), ("b", "c")]
    assert warm == _report(folder, None)[0]


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE pairs SET data = 'not json'", "JSONDecodeError"),
        ("UPDATE pairs SET data = '[[99,0,0.5,[],2,false]]'", "ValueError"),
        # a phrase that runs past the end of its sentence
        ("""UPDATE pairs SET data = '[[0,0,{"a":"a"},[["a"],[0,99,0,0]]]]'""", "ValueError"),
        ("UPDATE pairs SET version = '0.0.1'", "written by checker 0.0.1"),
    ],
)
def test_a_damaged_pair_is_scored_again_with_a_warning(
    folder, tmp_path, scored, sql, reason
) -> None:
    cold, _ = _report(folder, tmp_path / "cache")
    conn = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    with conn:
        conn.execute(sql)
    conn.close()
    scored.clear()
    got = check([folder], options=ExecOptions(cache_dir=tmp_path / "cache"))
    assert render_json(got.report) == cold and len(scored) == 3
    assert [w.code for w in got.warnings] == ["W305"] * 6  # three pairs, two matchers
    assert all(reason in w.one_line() for w in got.warnings)
    again, warnings = _report(folder, tmp_path / "cache")  # written anew
    assert again == cold and warnings == [] and len(scored) == 3


def test_new_results_are_written_a_batch_at_a_time(tmp_path, monkeypatch) -> None:
    import checker.cache.pairs as pairs_module

    monkeypatch.setattr(pairs_module, "FLUSH_PAIRS", 2)
    keys = {a: f"key-{a}" for a in "abcd"}
    memo = pairs_module.PairMemo.open(tmp_path / "cache", keys, lambda w: None)
    for pair in [("a", "b"), ("a", "c"), ("a", "d")]:
        memo.store("claims", pair, [])
    assert _rows(tmp_path / "cache") == 2  # the first batch, before the run ends
    memo.close()
    assert _rows(tmp_path / "cache") == 3
