"""The facts cache: reused while nothing changed, never trusted when damaged, never fatal."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cache.key import article_key, run_fingerprint
from checker.cache.store import FILE_NAME, FactsCache, cache_info
from checker.cli import app
from checker.execute.extract import ExecOptions, extract_all
from checker.extract.pipeline import Context
from checker.ingest import load_paths
from checker.rules.paths import default_rules_dir
from checker.run import check

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context()


@pytest.fixture(scope="module")
def articles():
    found, _ = load_paths([DATA / "stories"])
    return found


@pytest.fixture(scope="module")
def fresh(articles, ctx) -> list[str]:
    """The records of an extraction without cache, as JSON."""
    return [x.to_json() for x in extract_all(articles, ctx).extracted]


def cached(tmp_path: Path) -> ExecOptions:
    return ExecOptions(cache_dir=tmp_path / "cache")


def test_a_second_run_reads_every_article_from_the_cache(articles, ctx, fresh, tmp_path) -> None:
    cold = extract_all(articles, ctx, cached(tmp_path))
    warm = extract_all(articles, ctx, cached(tmp_path))
    assert (cold.from_cache, warm.from_cache) == (0, len(articles))
    assert [x.to_json() for x in warm.extracted] == fresh
    assert warm.warnings == []
    assert cache_info(tmp_path / "cache").entries == len(articles)


def test_a_changed_article_alone_is_extracted_again(articles, ctx, tmp_path) -> None:
    extract_all(articles, ctx, cached(tmp_path))
    changed = articles[0].model_copy(update={"text": articles[0].text + "\nOne more line.\n"})
    got = extract_all([changed, *articles[1:]], ctx, cached(tmp_path))
    assert got.from_cache == len(articles) - 1
    assert got.extracted[0].facts.article == changed.id


def test_the_key_changes_with_metadata_rules_and_model(articles, tmp_path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    base = run_fingerprint(rules, "en_core_web_sm")
    assert run_fingerprint(rules, "en_core_web_sm") == base
    assert run_fingerprint(rules, "en_core_web_md") != base
    units = rules / "vocab" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert run_fingerprint(rules, "en_core_web_sm") != base
    art = articles[0]
    assert article_key(base, art) != article_key(base, art.model_copy(update={"source": "x"}))


def _damage(tmp_path: Path, sql: str) -> None:
    conn = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    with conn:
        conn.execute(sql)
    conn.close()


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE facts SET data = x'00ff00ff'", "error"),  # garbage bytes
        ("UPDATE facts SET version = '0.0.1'", "written by checker 0.0.1"),
    ],
)
def test_a_damaged_or_foreign_entry_is_extracted_again_with_a_warning(
    articles, ctx, fresh, tmp_path, sql, reason
) -> None:
    extract_all(articles, ctx, cached(tmp_path))
    _damage(tmp_path, sql)
    got = extract_all(articles, ctx, cached(tmp_path))
    assert [x.to_json() for x in got.extracted] == fresh
    assert [w.code for w in got.warnings] == ["W303"] * len(articles)
    assert reason in got.warnings[0].one_line() and articles[0].id in got.warnings[0].one_line()
    again = extract_all(articles, ctx, cached(tmp_path))  # the entries were written anew
    assert (again.from_cache, again.warnings) == (len(articles), [])


def test_an_entry_that_fails_validation_is_not_trusted(articles, ctx, fresh, tmp_path) -> None:
    import zlib

    extract_all(articles, ctx, cached(tmp_path))
    bad = zlib.compress(json.dumps({"facts": {"article": 3}, "sentence_starts": []}).encode())
    conn = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    with conn:
        conn.execute("UPDATE facts SET data = ? WHERE article = ?", (bad, articles[0].id))
    conn.close()
    got = extract_all(articles, ctx, cached(tmp_path))
    assert [w.code for w in got.warnings] == ["W303"]
    assert "ValidationError" in got.warnings[0].one_line()
    assert [x.to_json() for x in got.extracted] == fresh


def test_a_cache_file_that_is_not_a_database_is_started_afresh(
    articles, ctx, fresh, tmp_path
) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / FILE_NAME).write_bytes(b"not a database " * 100)
    got = extract_all(articles, ctx, cached(tmp_path))
    assert [w.code for w in got.warnings] == ["W302"]
    assert FILE_NAME in got.warnings[0].one_line()
    assert [x.to_json() for x in got.extracted] == fresh
    assert cache_info(tmp_path / "cache").entries == len(articles)


def test_a_cache_folder_that_cannot_be_made_is_skipped_with_a_warning(
    articles, ctx, fresh, tmp_path
) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be")
    got = extract_all(articles, ctx, cached(tmp_path))
    assert [w.code for w in got.warnings] == ["W301"]
    assert [x.to_json() for x in got.extracted] == fresh


def test_two_writers_at_once_both_land(tmp_path) -> None:
    problems: list = []  # warnings and exceptions of either writer

    def write(tag: str) -> None:
        try:
            cache = FactsCache.open(tmp_path, problems.append)  # a connection of its own
            assert cache is not None
            for batch in range(20):
                cache.put_many((f"{tag}{batch}-{i}", "a", b"x" * 1000) for i in range(10))
            cache.close()
        except Exception as exc:
            problems.append(exc)

    threads = [threading.Thread(target=write, args=(tag,)) for tag in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert problems == []
    assert cache_info(tmp_path).entries == 400


def _run(folder: Path, cache: Path, out: Path) -> subprocess.Popen:
    args = [sys.executable, "-m", "checker", "run", str(folder), "-o", str(out)]
    args += ["--cache", str(cache), "--jobs", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(args, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)


def test_a_run_killed_midway_leaves_a_cache_the_next_run_uses(tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for story in ("festival_storm", "harbour_accord", "ferry_fire"):
        for path in sorted((DATA / "dev_stories" / story).glob("0[123]_*.txt")):
            shutil.copy(path, folder / f"{story}_{path.name}")
    cache = tmp_path / "cache"
    # The chunk is the unit of commit: wait for a first one, then kill before the end.
    killed = _run(folder, cache, tmp_path / "killed.json")
    deadline = time.monotonic() + 120
    while cache_info(cache).entries == 0 and killed.poll() is None:
        assert time.monotonic() < deadline, "no chunk was committed in time"
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert cache_info(cache).entries > 0
    rerun = _run(folder, cache, tmp_path / "rerun.json")
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert sum("[W3" in line for line in err.splitlines()) <= 1
    clean = json.loads(check([folder]).report.model_dump_json())["findings"]
    assert json.loads((tmp_path / "rerun.json").read_text())["findings"] == clean and clean


def test_cache_info_and_clear(articles, ctx, tmp_path) -> None:
    extract_all(articles, ctx, cached(tmp_path))
    runner = CliRunner()
    shown = runner.invoke(app, ["cache", "info", "--cache", str(tmp_path / "cache")])
    assert shown.exit_code == 0
    assert f"entries: {len(articles)}" in shown.output and FILE_NAME in shown.output
    cleared = runner.invoke(app, ["cache", "clear", "--cache", str(tmp_path / "cache")])
    assert cleared.exit_code == 0 and "freed" in cleared.output
    assert cache_info(tmp_path / "cache").entries == 0
    again = extract_all(articles, ctx, cached(tmp_path))
    assert again.from_cache == 0
