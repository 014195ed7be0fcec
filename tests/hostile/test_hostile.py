"""The hostile corpus (tests/hostile/make_corpus.py) beside the two seed articles: the run ends
normally, nothing is a traceback, every bad file is one problem with its code, the hostile but
usable files are read, and the seed findings are the same as on the seeds alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.models.report import Report
from checker.run import check
from tests.hostile.make_corpus import build

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def _signatures(report: Report, seed_ids: set[str]) -> set[tuple]:
    return {
        (f.rule, f.verdict.value, f.subject, tuple((c.article, c.quote, c.value) for c in f.claims))
        for f in report.findings
        if {c.article for c in f.claims} <= seed_ids
    }


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory):
    corpus = tmp_path_factory.mktemp("hostile") / "corpus"
    bad, good = build(corpus)
    out = corpus.parent / "report.json"
    result = CliRunner().invoke(app, ["run", str(corpus), str(SEEDS), "-o", str(out)])
    report = Report.model_validate(json.loads(out.read_text())) if out.exists() else None
    return corpus, bad, good, result, report


def test_the_run_ends_normally_without_a_traceback(hostile_run) -> None:
    _, _, _, result, report = hostile_run
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stdout + result.stderr
    assert report is not None
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_every_bad_file_is_one_problem_with_its_code(hostile_run) -> None:
    corpus, bad, _, result, report = hostile_run
    found: dict[str, list[str]] = {}
    for problem in report.problems:
        found.setdefault(Path(problem.path).relative_to(corpus).as_posix(), []).append(problem.code)
    assert found == {name: [code] for name, code in bad.items()}
    # and once on stderr each, on one line
    assert len([line for line in result.stderr.splitlines() if line.startswith("[E")]) == len(bad)


def test_hostile_but_usable_files_are_read(hostile_run) -> None:
    corpus, _, good, _, report = hostile_run
    read = {
        Path(a.path).relative_to(corpus).as_posix() for a in report.articles if "corpus" in a.path
    }
    assert read == set(good)


def test_seed_findings_are_unchanged(hostile_run) -> None:
    _, _, _, _, report = hostile_run
    alone = check([SEEDS]).report
    seed_ids = {a.id for a in alone.articles}
    expected = _signatures(alone, seed_ids)
    assert len(expected) == 6
    assert _signatures(report, seed_ids) == expected
