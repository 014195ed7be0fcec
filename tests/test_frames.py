"""Fact frames: extraction of values with attributes and units, alignment gates and features."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.align.features import FEATURES
from checker.align.gates import GATES
from checker.run import check


def _write(folder: Path, name: str, published: str, body: str) -> None:
    (folder / f"{name}.txt").write_text(
        f"---\ntitle: {body.splitlines()[0]}\npublished: {published}\n---\n{body}\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def quake(tmp_path_factory) -> object:
    folder = tmp_path_factory.mktemp("quake")
    _write(
        folder,
        "a",
        "2025-04-25",
        "Quake kills 450 in Lowland\n\nA 7.8-magnitude earthquake struck Lowland on Saturday, "
        "killing at least 450 people, officials said.\n\nThe quake was 15 km deep.\n\n"
        "A 1934 earthquake killed 8,500 people in the same region.",
    )
    _write(
        folder,
        "b",
        "2025-04-26",
        "Lowland quake toll rises to 612\n\nThe death toll from Saturday's magnitude 7.9 "
        "earthquake has risen to 612, police said.\n\nThe quake struck at a depth of 10 miles.\n\n"
        "The earthquake killed 8,400 people in the capital alone in 1934.",
    )
    return check([folder])


def _frames(result, article: str):
    return {f.attribute: f for f in next(x for x in result.facts if x.article == article).frames}


def test_values_get_attributes_units_and_bounds(quake) -> None:
    a = _frames(quake, "a")
    assert a["magnitude"].value == 7.8
    assert a["depth"].value == pytest.approx(15000)
    deaths = [
        f
        for f in next(x for x in quake.facts if x.article == "a").frames
        if f.attribute == "deaths"
    ]
    assert {(f.value, f.bound.value) for f in deaths} >= {(450, "lower"), (8500, "exact")}
    b = _frames(quake, "b")
    assert b["depth"].value == pytest.approx(16093.44)  # 10 miles, converted by pint


def test_magnitudes_conflict_tolls_are_revised_units_agree(quake) -> None:
    by_subject = {(f.subject, f.verdict.value, f.rule) for f in quake.report.findings}
    assert ("magnitude", "conflict", "N101") in by_subject
    assert ("death toll", "conflict", "N103") in by_subject  # later, higher: a revision
    assert ("depth", "agreement", "N110") in by_subject  # 15 km and 10 miles, within rounding


def test_background_is_not_compared_with_the_story(quake) -> None:
    quotes = [c.quote for f in quake.report.findings for c in f.claims]
    assert not any("1934" in q and "612" in q for q in quotes)
    stopped = [d for d in quake.decisions if d.stage == "gate" and d.reason.startswith("A01")]
    assert any("8,500" in (d.a.text + d.b.text) for d in stopped)


def test_a_folder_about_one_story_is_one_story(quake) -> None:
    assert len(quake.stories) == 1


def test_every_gate_and_feature_is_named_and_explained() -> None:
    assert len({g.code for g in GATES}) == len(GATES)
    for g in GATES:
        assert g.code.startswith("A") and g.name and len(g.explanation) > 40
    for spec in FEATURES.values():
        assert spec.description


def test_names_with_numbers_and_currency_look_alikes_are_no_values(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2019-01-02",
        "Jet lands\n\nThe Boeing 737 landed after hours.\n\nAt least six people were hurt.",
    )
    result = check([tmp_path])
    frames = result.facts[0].frames
    assert [f.value for f in frames if f.value == 737] == []
    six = [f for f in frames if f.value == 6]
    assert six and six[0].measure == "count" and six[0].attribute == "injured"


def test_why_explains_a_pair(quake, tmp_path) -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    folder = Path(quake.articles[0].path).parent
    res = CliRunner().invoke(app, ["why", f"{folder}/a.txt:7", f"{folder}/b.txt:7"])
    assert res.exit_code == 0, res.output
    assert "magnitude" in res.output and "compared" in res.output and "probability" in res.output
