"""People and their titles: names with middle initials, implied organisations, vaguer titles,
successions and one person at two organisations (issue 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.align.pairs import _org_key, _related_orgs
from checker.extract.people import name_key
from checker.extract.pipeline import Extractor
from checker.run import check
from tests.articles import article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _write(tmp: Path, name: str, published: str, body: str) -> None:
    (tmp / name).write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def _findings(tmp: Path, kind: str = "person_role") -> list[tuple[str, str, str]]:
    report = check([tmp]).report
    return [
        (f.rule, str(getattr(f.verdict, "value", f.verdict)), f.subject)
        for f in report.findings
        if getattr(f.kind, "value", f.kind) == kind
    ]


def _roles(extractor: Extractor, body: str):
    return {(r.person, r.role, r.org) for r in extractor(article(body)).roles}


def test_middle_initial_is_part_of_the_name(extractor: Extractor) -> None:
    roles = _roles(
        extractor,
        "Deal\n\nIt emerged that Boeing executive Michael M. Sears arranged a job for her. "
        "Current chief operating officer Timothy D. Cook spoke on Monday.",
    )
    assert ("Michael M. Sears", "executive", "boeing") in roles
    assert any(p == "Timothy D. Cook" and r == "coo" for p, r, _ in roles)
    assert name_key("michael m. sears") == "michael sears"
    assert name_key("jane roe") == "jane roe"


def test_title_complement_before_the_name(extractor: Extractor) -> None:
    roles = _roles(
        extractor,
        "Deal\n\nBoeing hired Deputy Under Secretary of the Navy for Acquisition Jane Roe. "
        "She met Deputy Governor of Guangdong Province and Director of Guangdong Provincial "
        "Police Liu Guozhou.",
    )
    assert ("Jane Roe", "deputy_under_secretary", None) in roles
    # A body's name is never taken for a person's.
    assert not any(p == "Provincial Police" for p, _, _ in roles)


def test_place_and_common_noun_name_the_body(extractor: Extractor) -> None:
    roles = _roles(
        extractor,
        "Ports\n\nRotterdam port director Annelie Voskamp spoke on Monday. "
        "Gdansk's new port chairman, Witold Brul, spoke on Tuesday. "
        "EADS's North America CEO, Ralph Crosby, also spoke.",
    )
    assert ("Annelie Voskamp", "director", "rotterdam port") in roles
    assert ("Witold Brul", "chairman", "gdansk port") in roles
    assert ("Ralph Crosby", "ceo", "eads north america") in roles


def test_org_keys_and_related_orgs() -> None:
    assert _org_key("Apple Inc.") == "apple"
    assert _org_key("the Acme Group Ltd") == "acme group"
    assert _org_key("RS") == "RS"  # a country code stays
    assert _related_orgs("eads", "eads north america")
    assert _related_orgs("usaf", "united states air force")
    assert not _related_orgs("airbus", "eads north america")


def test_vaguer_title_agrees_with_precise_one(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2022-06-14",
           "Acme Foods said on Monday that it would close two bakeries. "
           "Acme executive Jana M. Novak said the closures would save money.")  # fmt: skip
    _write(tmp_path, "b.txt", "2022-06-14",
           "Acme Foods will close two of its bakeries, the company said on Monday. "
           "Acme Chief Financial Officer Jana Novak said costs had risen.")  # fmt: skip
    assert _findings(tmp_path) == [("P111", "agreement", "Chief Financial Officer of Acme")]


def test_vaguer_title_at_another_organisation_is_not_an_agreement(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2022-06-14",
           "Acme Foods said on Monday that it would close two bakeries. "
           "Zenith Foods executive Jana Novak said the closures would save money.")  # fmt: skip
    _write(tmp_path, "b.txt", "2022-06-14",
           "Acme Foods will close two of its bakeries, the company said on Monday. "
           "Acme Chief Financial Officer Jana Novak said costs had risen.")  # fmt: skip
    assert _findings(tmp_path) == []


def test_implied_company_agrees_when_the_article_names_it(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2010-06-08",
           "Apple showed a new phone on Monday in San Francisco. "
           "Company CEO Steve Jobs unveiled the phone at the Apple conference.")  # fmt: skip
    _write(
        tmp_path,
        "b.txt",
        "2010-06-09",
        "Apple showed a new phone on Monday. Apple CEO Steve Jobs praised its design.",
    )
    _write(
        tmp_path,
        "c.txt",
        "2010-06-10",
        "Apple sold many phones on Tuesday. Apple CEO Steve Jobs thanked buyers.",
    )
    found = _findings(tmp_path)
    assert ("P110", "agreement", "Chief Executive Officer of Apple") in found
    # the implied organisation is checked against each article that names it: a-b and a-c
    assert len([f for f in found if f[0] == "P110"]) == 3


def test_implied_company_not_resolved_without_the_name(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2010-06-08",
           "A new phone was shown on Monday in San Francisco. "
           "Company CEO Steve Jobs unveiled the phone.")  # fmt: skip
    _write(
        tmp_path,
        "b.txt",
        "2010-06-09",
        "Apple showed a new phone on Monday. Apple CEO Steve Jobs praised its design.",
    )
    assert _findings(tmp_path) == []


def test_new_holder_is_a_succession_not_a_conflict(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a.txt",
        "2024-05-10",
        "The ports agreed on Friday. Rotterdam port director Annelie Voskamp said so.",
    )
    _write(tmp_path, "b.txt", "2024-05-20",
           "The ports signed on Monday. Rotterdam's new port director, Joost Ravelijn, "
           "signed for the Dutch side.")  # fmt: skip
    report = check([tmp_path]).report
    roles = [f for f in report.findings if getattr(f.kind, "value", f.kind) == "person_role"]
    assert [(f.rule, str(getattr(f.verdict, "value", f.verdict))) for f in roles] == [
        ("P102", "no_conflict")
    ]
    assert "changed hands" in roles[0].explanation


def test_same_person_same_title_other_organisation(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2023-03-10",
           "Northwind Motors and Kestrel Batteries agreed a venture on Thursday. "
           "Northwind Motors CEO Maria Lindqvist said so on Thursday.")  # fmt: skip
    _write(tmp_path, "b.txt", "2023-03-10",
           "Northwind Motors and Kestrel Batteries agreed on Thursday. "
           "Kestrel Batteries CEO Maria Lindqvist said so on Thursday.")  # fmt: skip
    assert _findings(tmp_path) == [("P103", "conflict", "Chief Executive Officer: Maria Lindqvist")]


def test_other_organisation_years_apart_or_former_is_no_conflict(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2019-03-10",
           "Northwind Motors and Kestrel Batteries agreed a venture on Thursday. "
           "Northwind Motors CEO Maria Lindqvist said so on Thursday.")  # fmt: skip
    _write(tmp_path, "b.txt", "2023-03-10",
           "Northwind Motors and Kestrel Batteries agreed on Thursday. "
           "Kestrel Batteries CEO Maria Lindqvist said so on Thursday. "
           "Former Northwind Motors CEO Maria Lindqvist was there too.")  # fmt: skip
    assert [f for f in _findings(tmp_path) if f[1] == "conflict"] == []


def test_its_title_belongs_to_the_organisation_just_named(extractor: Extractor) -> None:
    roles = _roles(
        extractor,
        "Emails\n\nThe officials appear biased against Boeing's main competitor, Airbus and its "
        "CEO Ralph Crosby. The union and its leader spoke on Monday.",
    )
    assert ("Ralph Crosby", "ceo", "airbus") in roles
