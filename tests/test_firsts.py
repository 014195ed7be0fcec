"""Firsts: who an article ranks first of a kind, and how two articles' firsts compare."""

from __future__ import annotations

import pytest

from checker.align.firsts import same_holder
from checker.extract.pipeline import Extractor
from tests.articles import article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _firsts(extractor: Extractor, body: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.holder, f.kind, f.act, f.thing) for f in extractor(article(body)).firsts]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # copula, relative clause, apposition, 'launch customer'
        ("Nordair is the first airline to fly the V9.", ("nordair", "company", "operate", "v9")),
        (
            "Nordair, which will be the first company to operate the new jet, opened bookings.",
            ("nordair", "company", "operate", "aircraft"),
        ),
        (
            "The jet's first customer, Polar Air Lines, will receive it in May.",
            ("polar air lines", "customer", None, None),
        ),
        ("Launch customer PAL has ordered 55.", ("pal", "customer", None, None)),
        ("She became the first woman to lead the Tory party.", None),  # a pronoun, no name
    ],
)
def test_holder_kind_and_act(extractor: Extractor, sentence: str, expected) -> None:
    found = _firsts(extractor, f"Jet\n\n{sentence}")
    assert found == ([expected] if expected else [])


def test_it_is_the_subject_named_before(extractor: Extractor) -> None:
    found = _firsts(
        extractor,
        "Jet\n\nThe Vantor V9, or Skyliner, is a mid-sized airliner. It will carry 300 people. "
        "In addition, it will be the first airliner to use composite wings.\n\nThe plane "
        "promises lower fuel use as it is the first model to be built from resin.",
    )
    # 'it' in a sentence whose own subject names nothing ('The plane') is not guessed
    assert found == [("vantor v9 skyliner", "aircraft", "use", "wing")]


def test_moments_and_denials_rank_no_holder(extractor: Extractor) -> None:
    found = _firsts(
        extractor,
        "Jet\n\nIt was the first time the jet flew. The first half of the year was slow. "
        "Nordair is not the first airline to fly the V9.",
    )
    assert [(h, k) for h, k, *_ in found] == [("nordair", "company")]
    negated = extractor(article("Jet\n\nNordair is not the first airline to fly the V9.")).firsts
    assert [f.negated for f in negated] == [True]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("all nippon airways", "ana", True),  # initials
        ("boeing 787 dreamliner", "dreamliner", True),
        ("eva airways", "all nippon airways", False),  # only a generic word in common
        ("qantas", "singapore airlines", False),
    ],
)
def test_same_holder(a: str, b: str, same: bool) -> None:
    assert same_holder(a, b) is same
