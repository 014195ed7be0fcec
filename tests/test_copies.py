"""Copies (near-duplicate articles) and the article pairs alignment compares."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from checker.align.blocking import ArticlePairs
from checker.align.copies import find_copies, jaccard, shingles
from checker.models.article import Article
from checker.models.copies import CopyGroup
from checker.report.markdown import render_markdown
from checker.report.text import render_text
from checker.run import RunResult, check

STORY = (
    "At least {n} people were hurt when a tram left the rails near Valdoro central station "
    "on Tuesday morning, the city transport office said.\n\n"
    "The tram was carrying about 80 passengers when it derailed at a bend, and the line will "
    "stay closed until Friday while engineers inspect the track."
)
OTHER = (
    "The Valdoro orchestra opened its winter season with a new symphony on Saturday, and "
    "tickets for all six concerts have already sold out, its director said."
)


def _article(aid: str, title: str, body: str) -> Article:
    text = f"{title}\n\n{body}\n"
    return Article(id=aid, path=Path(f"{aid}.txt"), text=text, title=title)


def _copy(aid: str, outlet: str, n: int = 14) -> Article:
    body = STORY.format(n=n) + f"\n\nReported by {outlet}."
    return _article(aid, f"Tram derails in Valdoro | {outlet}", body)


def test_copies_are_grouped_around_the_first_article() -> None:
    arts = [
        _copy("a", "Coastal Wire"),
        _copy("b", "Daily Ledger"),
        _copy("c", "Metro Herald", n=41),  # a changed figure keeps it a copy
        _article("d", "Orchestra season opens", OTHER),
    ]
    groups = find_copies(arts)
    assert [(g.original, g.copies) for g in groups] == [("a", ("b", "c"))]
    assert all(s >= groups[0].threshold for s in groups[0].similarity)


def test_the_headline_line_and_figures_are_left_out_of_the_shingles() -> None:
    a, c = _copy("a", "Coastal Wire"), _copy("c", "Coastal Wire", n=41)
    assert shingles(a) == shingles(c)
    assert not any("derails" in s for s in shingles(a))
    # a one-line article keeps its only line
    assert shingles(_article("x", OTHER, "")) == shingles(_article("y", OTHER, ""))


def test_a_rewritten_story_is_not_a_copy() -> None:
    rewritten = (
        "A tram derailed close to the central station of Valdoro on Tuesday, hurting at least "
        "14 people; about 80 were on board, and engineers will check the track before the line "
        "reopens on Friday, officials said."
    )
    a, r = _copy("a", "Coastal Wire"), _article("r", "Valdoro tram accident", rewritten)
    assert jaccard(shingles(a), shingles(r)) < 0.5
    assert find_copies([a, r]) == []


def _group(original: str, copies: tuple[str, ...]) -> CopyGroup:
    sims = tuple(1.0 for _ in copies)
    return CopyGroup(original=original, copies=copies, similarity=sims, threshold=0.8, method="m")


def test_a_copy_is_paired_with_its_original_only() -> None:
    pairs = ArticlePairs([_group("a", ("b", "c"))])
    got = list(pairs.pairs(["d", "c", "b", "a", "e"], str))
    assert got == [("a", "d"), ("a", "e"), ("d", "e"), ("a", "b"), ("a", "c")]
    assert pairs.count == 5 == pairs.total(["a", "b", "c", "d", "e"])
    assert pairs.compared("b", "a") and not pairs.compared("b", "c")
    assert not pairs.compared("b", "d")


def test_without_copies_every_pair_is_compared_in_order() -> None:
    ids = ["x3", "x1", "x2", "x4"]
    pairs = ArticlePairs()
    assert list(pairs.pairs(ids, str)) == list(combinations(sorted(ids), 2))
    assert pairs.total(ids) == 6


@pytest.fixture(scope="module")
def copies_run(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    folder = tmp_path_factory.mktemp("copies")
    outlets = ["Coastal Wire", "Daily Ledger", "Metro Herald", "Valley Times"]
    for k, outlet in enumerate(outlets):
        art = _copy(f"c{k}", outlet, n=41 if k == 2 else 14)
        (folder / f"c{k}.txt").write_text(art.text, encoding="utf-8")
    (folder / "d.txt").write_text(f"Orchestra season opens\n\n{OTHER}\n", encoding="utf-8")
    return check([folder])


def test_a_changed_figure_in_a_copy_is_still_a_conflict(copies_run: RunResult) -> None:
    report = copies_run.report
    assert [(g.original, g.copies) for g in report.copies] == [("c0", ("c1", "c2", "c3"))]
    conflicts = [
        {c.article for c in f.claims} for f in report.findings if f.verdict.value == "conflict"
    ]
    assert {"c0", "c2"} in conflicts
    # copies are not compared with each other: the original stands for them
    assert not any(arts <= {"c1", "c2", "c3"} for arts in conflicts)


def test_identical_facts_of_copies_are_one_agreement(copies_run: RunResult) -> None:
    report = copies_run.report
    agreeing = [
        frozenset(c.article for c in f.claims)
        for f in report.findings
        if f.verdict.value == "agreement"
    ]
    assert frozenset({"c0", "c1"}) in agreeing  # the first copy's agreements stand for all
    assert frozenset({"c0", "c3"}) not in agreeing
    assert report.summary["copy_agreements_not_listed"] > 0
    assert report.summary["copies"] == 3
    assert report.summary["article_pairs"] == 1 + 3  # c0–d, then each copy with c0


def test_the_reports_say_which_articles_are_copies(copies_run: RunResult) -> None:
    line = "c1, c2, c3 are copies of c0 (Jaccard ≥ 0.80"
    assert line in render_markdown(copies_run.report)
    assert line in render_text(copies_run.report)
    # a copy tells its original's story
    story = next(s for s in copies_run.report.stories if "c0" in s.articles)
    assert {"c1", "c2", "c3"} <= set(story.articles)


def test_a_sentence_restated_with_another_figure_is_one_statement(tmp_path: Path) -> None:
    # Far-apart values of a vague attribute score low; the same sentence word for word is
    # still one statement, and its two figures conflict.
    base = (
        "Shares in the group rose {n}% in early trading after the takeover offer was "
        "announced by its largest rival on Friday.\n\nAnalysts said the offer was generous."
    )
    for name, n in (("a", "12"), ("b", "31")):
        (tmp_path / f"{name}.txt").write_text(f"Offer\n\n{base.format(n=n)}\n", encoding="utf-8")
    result = check([tmp_path])
    (d,) = [d for d in result.decisions if d.stage == "compared"]
    assert d.reason.startswith("the same sentence in both articles, figures aside")
    assert any(f.verdict.value == "conflict" for f in result.report.findings)
    # a sentence that differs in words is left to the scorer
    (tmp_path / "b.txt").write_text(
        "Offer\n\n" + base.format(n="31").replace("early", "late") + "\n", encoding="utf-8"
    )
    result = check([tmp_path])
    assert not any(d.reason.startswith("the same sentence") for d in result.decisions)
