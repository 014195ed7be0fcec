"""Alignment of frames across articles: a sole figure, sources, actors and moments."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.align.features import FEATURES, PairContext, compute, same_source
from checker.run import check


def _story(folder: Path, name: str, published: str, body: str) -> None:
    (folder / f"{name}.txt").write_text(f"---\npublished: {published}\n---\n{body}\n", "utf-8")


def _pairs(result, code: str) -> list[tuple[str, str]]:
    return [(d.a.text, d.b.text) for d in result.decisions if d.reason.startswith(code)]


def test_sole_figures_reads_how_many_figures_each_article_gives(tmp_path: Path) -> None:
    _story(tmp_path, "a", "2024-05-02", "Fire\n\nThe fire destroyed 40 homes in Tarn.")
    _story(
        tmp_path,
        "b",
        "2024-05-02",
        "Fire\n\nThe fire destroyed 55 homes in Tarn.\n\nA fire in 2019 destroyed 12 homes.",
    )
    result = check([tmp_path])
    scored = [d for d in result.decisions if d.features and {d.a.text, d.b.text} == {"40", "55"}]
    value = {f.name: f.value for f in scored[0].features}["sole_figures"]
    assert value == 1.0  # the 2019 figure is background: each article gives one of its own
    assert any(f.rule == "N101" for f in result.report.findings)


@pytest.fixture(scope="module")
def homes(tmp_path_factory) -> tuple:
    """Two frames of one fact: 40 homes and 55 homes destroyed."""
    folder = tmp_path_factory.mktemp("homes")
    _story(folder, "a", "2024-05-02", "Fire\n\nThe fire destroyed 40 homes in Tarn.")
    _story(folder, "b", "2024-05-02", "Fire\n\nThe fire destroyed 55 homes in Tarn.")
    frames = {f.article: f.frames[0] for f in check([folder]).facts}
    return frames["a"], frames["b"]


def test_sole_figures_is_half_when_one_article_gives_more(homes) -> None:
    spec = FEATURES["sole_figures"]
    frames = homes
    assert spec.fn(*frames, PairContext(1, 3))[0] == 0.5
    assert spec.fn(*frames, PairContext(2, 3))[0] == 0.0
    assert {v.name for v in compute(*frames)} == set(FEATURES)


def test_one_source_named_two_ways(homes) -> None:
    a, b = homes
    ministry = a.model_copy(update={"source": "The Velmar Interior Ministry"})
    assert same_source(ministry, b.model_copy(update={"source": "interior ministry"}))
    assert same_source(ministry, b.model_copy(update={"source": "CGT union"})) is False
    assert same_source(ministry, b) is None


def test_acts_of_different_named_actors_are_kept_apart(tmp_path: Path) -> None:
    _story(tmp_path, "a", "2023-03-02", "Jets\n\nIrish airline Aer Lingus bought 12 jets.")
    _story(tmp_path, "b", "2023-03-02", "Jets\n\nIrish airline Ryanair bought 60 jets.")
    result = check([tmp_path])
    assert _pairs(result, "A11 different-actors")
    assert not [f for f in result.report.findings if f.kind == "count"]


def test_readings_as_of_writing_days_apart_are_different_moments(tmp_path: Path) -> None:
    line = "Stock markets fell today. The Vantage index currently has a value of {} points."
    _story(tmp_path, "a", "2008-09-17", "Markets\n\n" + line.format("10769.00"))
    _story(tmp_path, "b", "2008-10-06", "Markets\n\n" + line.format("9936.94"))
    _story(tmp_path, "c", "2008-10-07", "Markets\n\n" + line.format("9955.50"))
    result = check([tmp_path])
    apart = _pairs(result, "A12 different-moments")
    assert ("10769.00", "9936.94") in apart or ("9936.94", "10769.00") in apart
    # published a day apart: the same moment, compared
    assert not {("9936.94", "9955.50"), ("9955.50", "9936.94")} & set(apart)


def test_ages_months_apart_may_both_be_true(tmp_path: Path) -> None:
    _story(tmp_path, "a", "2011-01-18", "Leave\n\nThe founder, aged 55, has taken medical leave.")
    _story(tmp_path, "b", "2011-10-06", "Death\n\nThe founder has died at the age of 56.")
    _story(tmp_path, "c", "2011-10-06", "Death\n\nThe founder has died at the age of 58.")
    result = check([tmp_path])
    assert _pairs(result, "A13 age-over-time") in ([("55", "56")], [("56", "55")])
    ages = [f for f in result.report.findings if f.verdict.value == "conflict"]
    assert {tuple(sorted(c.value for c in f.claims)) for f in ages} >= {("56", "58")}
