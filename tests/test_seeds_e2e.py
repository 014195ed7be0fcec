"""End to end on the seed articles: the findings an editor expects, and only those.

The same findings must come out whatever the files are called, in which order and folders they
sit, and whatever unrelated articles sit beside them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.models.report import Finding, Report
from checker.run import check

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
STORIES = ROOT / "tests" / "data" / "stories"
A, B = "000_eec35cb6180b1d60", "001_5331dbfdcb5f601d"


def _signature(f: Finding, names: dict[str, str]) -> tuple:
    """A finding with article ids replaced by the seed they came from (renames do not matter)."""
    claims = tuple(sorted((names[c.article], c.quote, c.value) for c in f.claims))
    return (f.rule, f.verdict.value, f.kind, f.subject, claims)


def _signatures(report: Report) -> set[tuple]:
    names = {}
    for art in report.articles:
        text = Path(art.path).read_text(encoding="utf-8")
        names[art.id] = next(
            (s for s in (A, B) if (SEEDS / f"{s}.txt").read_text(encoding="utf-8") == text),
            art.id,
        )
    return {_signature(f, names) for f in report.findings}


@pytest.fixture(scope="module")
def seeds_report() -> Report:
    return check([SEEDS]).report


def _find(report: Report, rule: str, subject_word: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule and subject_word in f.subject]


def _claim(f: Finding, article: str):
    return next(c for c in f.claims if c.article == article)


def test_articles_and_publication_dates(seeds_report: Report) -> None:
    dates = {a.id: (a.published.isoformat(), a.published_inferred) for a in seeds_report.articles}
    assert dates == {A: ("2024-09-12", True), B: ("2020-07-09", True)}


def test_patrol_start_conflict_notes_planned_date(seeds_report: Report) -> None:
    conflicts = [f for f in seeds_report.findings if f.verdict.value == "conflict"]
    assert len(conflicts) == 1, [f.explanation for f in conflicts]
    f = conflicts[0]
    assert f.rule == "T102" and f.kind == "time" and "patrol" in f.subject
    a, b = _claim(f, A), _claim(f, B)
    assert "began operations in September of the same year" in a.quote
    assert a.value == "2019-09"
    assert "would begin in October 2019" in b.quote
    assert b.value == "2019-10"
    assert "planned" in f.explanation


def test_patrol_start_agrees_with_last_fall(seeds_report: Report) -> None:
    (f,) = [f for f in _find(seeds_report, "T110", "patrol")]
    assert _claim(f, A).value == "2019-09"
    assert _claim(f, B).value == "2019-FA"
    assert "Last fall, Serbian police began joint police patrols" in _claim(f, B).quote


def test_training_year_place_and_venue_agree(seeds_report: Report) -> None:
    (year,) = _find(seeds_report, "T110", "exercise")
    assert _claim(year, A).value == "2019"
    assert _claim(year, B).value == "2019-11 (END)"
    assert "late November 2019" in _claim(year, B).quote
    (place,) = _find(seeds_report, "G110", "exercise")
    assert _claim(place, A).value == "Smederevo"
    assert _claim(place, B).value == "Belgrade"
    assert "outside of Belgrade" in _claim(place, B).quote
    (venue,) = _find(seeds_report, "G120", "exercise")
    assert "HBIS-owned ironworks in Smederevo" in _claim(venue, A).quote
    assert "Chinese-owned steel mill outside Belgrade" in _claim(venue, B).quote


def test_interior_ministers_are_a_succession_not_a_conflict(seeds_report: Report) -> None:
    (f,) = [f for f in seeds_report.findings if f.kind == "person_role"]
    assert f.rule == "P102" and f.verdict.value == "no_conflict"
    assert "Ivica Dačić" in _claim(f, A).value
    assert "Nebojša Stefanović" in _claim(f, B).value
    assert "Interior Minister" in f.subject and "Serbia" in f.subject


def test_no_other_findings(seeds_report: Report) -> None:
    rules = sorted(f.rule for f in seeds_report.findings)
    assert rules == ["G110", "G120", "P102", "T102", "T110", "T110"]


def test_quotes_are_verbatim(seeds_report: Report) -> None:
    for f in seeds_report.findings:
        for c in f.claims:
            text = (SEEDS / f"{c.article}.txt").read_text(encoding="utf-8")
            assert text[c.start : c.end] == c.quote
            assert text.count("\n", 0, c.start) + 1 == c.line


def _copy_seeds(dest: Path, names: dict[str, str], sidecar: bool = True) -> None:
    for src, rel in names.items():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SEEDS / f"{src}.txt", target)
    if sidecar:
        shutil.copyfile(SEEDS / "articles.yaml", dest / "articles.yaml")


def test_same_findings_when_renamed(tmp_path: Path, seeds_report: Report) -> None:
    _copy_seeds(tmp_path, {A: "zz_later.txt", B: "aa_earlier.txt"})
    assert _signatures(check([tmp_path]).report) == _signatures(seeds_report)


def test_same_findings_in_subfolders(tmp_path: Path, seeds_report: Report) -> None:
    _copy_seeds(tmp_path, {A: "2024/sept/first.md", B: "archive/2020/second.txt"})
    assert _signatures(check([tmp_path]).report) == _signatures(seeds_report)


def test_same_findings_with_files_given_in_reverse_order(seeds_report: Report) -> None:
    report = check([SEEDS / f"{B}.txt", SEEDS / f"{A}.txt"]).report
    assert _signatures(report) == _signatures(seeds_report)


def test_same_findings_mixed_with_unrelated_articles(tmp_path: Path, seeds_report: Report) -> None:
    _copy_seeds(tmp_path, {A: "a.txt", B: "b.txt"})
    for story in STORIES.glob("*.txt"):
        shutil.copyfile(story, tmp_path / story.name)
    report = check([tmp_path]).report
    seed_ids = {"a", "b"}
    seed_findings = {
        sig
        for sig in _signatures(report)
        if {claim[0] for claim in sig[4]} <= {A, B} and len({claim[0] for claim in sig[4]}) == 2
    }
    assert seed_findings == _signatures(seeds_report)
    mixed = [f for f in report.findings if len({c.article in seed_ids for c in f.claims}) > 1]
    assert mixed == [], [f.explanation for f in mixed]


def test_same_findings_without_the_sidecar(tmp_path: Path, seeds_report: Report) -> None:
    # Most saved articles carry no date: the dates inferred from the seeds' own text must not
    # move "last fall" to another year or invent any other finding.
    _copy_seeds(tmp_path, {A: "a.txt", B: "b.txt"}, sidecar=False)
    report = check([tmp_path]).report
    assert _signatures(report) == _signatures(seeds_report)
    dates = {a.id: a for a in report.articles}
    assert all(a.published_inferred for a in dates.values())
    # the second seed tells of late November 2019 as past, and of a Saturday that was July 4
    assert dates["b"].published_earliest.isoformat() == "2019-11-01"
    assert dates["b"].published.year == 2020
    assert "'Saturday'" in dates["b"].published_note
