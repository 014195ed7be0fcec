"""Extraction components on short invented articles: people, roles, places, counts, events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.extract.pipeline import Extractor, build_pipeline
from checker.models.article import Article
from checker.models.facts import ArticleFacts, Modality


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def read(
    extractor: Extractor, body: str, published: date | None = date(2023, 5, 10)
) -> ArticleFacts:
    article = Article(
        id="t", path=Path("t.txt"), text=body, title=body.splitlines()[0], published=published
    )
    return extractor(article)


def test_pipeline_checks_component_order() -> None:
    with pytest.raises(ValueError, match="needs"):
        build_pipeline(["events"])
    with pytest.raises(ValueError, match="unknown component"):
        build_pipeline(["timex", "sentiment"])


def test_role_title_variants_normalize_to_one_role(extractor: Extractor) -> None:
    facts = read(
        extractor,
        "Ministers meet\n\nFrench Minister of the Interior Jean Dupont met Spanish Interior "
        "Minister Ana García in Madrid on Monday.",
    )
    roles = {(r.person, r.role, r.org) for r in facts.roles}
    assert ("Jean Dupont", "interior_minister", "FR") in roles
    assert ("Ana García", "interior_minister", "ES") in roles


def test_surname_linked_to_full_name_and_diacritics_folded(extractor: Extractor) -> None:
    facts = read(
        extractor,
        "Vote\n\nPrime Minister Ivana Kovačević won the vote on Sunday. Kovačević said the "
        "result was clear. Kovacevic thanked voters.",
    )
    people = {p.name: p for p in facts.people}
    assert "Ivana Kovačević" in people
    assert len(people["Ivana Kovačević"].mentions) == 3
    assert people["Ivana Kovačević"].key == "ivana kovacevic"


def test_role_time_comes_from_the_sentence(extractor: Extractor) -> None:
    facts = read(
        extractor,
        "Change at the top\n\nIn 2015, Finance Minister Tom Reed cut taxes.\n\n"
        "Finance Minister Sara Holm presented the budget on Tuesday.",
    )
    times = {r.person: r.time.value for r in facts.roles if r.time is not None}
    assert times["Tom Reed"] == "2015"
    assert times["Sara Holm"] == "2023-05-09"


def test_places_with_spatial_words_and_person_names_not_places(extractor: Extractor) -> None:
    facts = read(
        extractor,
        "Plant fire\n\nA fire broke out at a chemical plant outside Lyon on Monday. "
        "President Emmanuel Macron visited Paris later.",
    )
    by_text = {p.mention.text: p for p in facts.places}
    assert by_text["Lyon"].relation == "near"
    assert by_text["Lyon"].place is not None and by_text["Lyon"].place.country == "FR"
    assert by_text["Paris"].place.country == "FR"
    assert "Emmanuel Macron" not in by_text


def test_counts_with_approximation_words(extractor: Extractor) -> None:
    facts = read(
        extractor,
        "Storm\n\nNearly 200 people were evacuated. At least 12 houses were destroyed. "
        "Dozens of volunteers helped. The storm lasted 3 days.",
    )
    counts = {c.noun: c for c in facts.counts}
    assert counts["people"].value == 200 and counts["people"].high == 200
    assert counts["people"].low < 200
    assert counts["house"].low == 12 and counts["house"].high == float("inf")
    assert counts["volunteer"].low >= 12 and counts["volunteer"].high > 24
    assert "day" not in counts  # durations are time, not counts


def test_event_predicate_theme_time_and_modality(extractor: Extractor) -> None:
    facts = read(
        extractor,
        "Bridge\n\nThe new bridge opened in March 2021. The rail tunnel will open in June 2024. "
        "The company did not sign the contract.",
    )
    events = {(e.predicate, e.theme): e for e in facts.events}
    opened = events[("begin", "bridge")]
    assert opened.time is not None and opened.time.value == "2021-03"
    assert opened.modality == Modality.REPORTED
    planned = events[("begin", "rail tunnel")]
    assert planned.modality == Modality.PLANNED and planned.time.value == "2024-06"
    signed = events[("sign", "contract")]
    assert signed.modality == Modality.NEGATED


def test_evidence_quotes_are_verbatim_sentences(extractor: Extractor) -> None:
    body = "Fire\n\nA fire broke out in Lyon on 3 May 2023.\n\nFirefighters arrived."
    facts = read(extractor, body)
    for e in facts.events:
        assert body[e.evidence.start : e.evidence.end] == e.evidence.quote
        assert "\n" not in e.evidence.quote


def test_title_before_name_in_apposition_and_double_barrelled_names(extractor: Extractor) -> None:
    facts = read(
        extractor,
        "Festival\n\nFestival director Katrin Oswalt-Meier spoke on Saturday. "
        "The museum's director, Jonas Feld, thanked visitors on Sunday.",
    )
    roles = {(r.person, r.role, r.org) for r in facts.roles}
    assert ("Katrin Oswalt-Meier", "director", "festival") in roles
    assert ("Jonas Feld", "director", "museum") in roles


def test_given_names_with_a_lower_case_second_syllable(extractor: Extractor) -> None:
    facts = read(extractor, "Visit\n\nHarbour director Park Jae-won met Obama-era officials.")
    assert {r.person for r in facts.roles} == {"Park Jae-won"}


def test_craft_titles_are_not_one_holder_roles(extractor: Extractor) -> None:
    facts = read(extractor, "Film\n\nFilm director Ana Ruiz won the prize on Friday.")
    assert [r.role for r in facts.roles] == ["craft_director"]


def test_conditions_and_bare_no_are_not_denials(extractor: Extractor) -> None:
    facts = read(
        extractor,
        "Vote\n\nThe law changes if the council signs the treaty. Campaigners want a no vote. "
        "The council did not sign the budget on Monday.",
    )
    modal = {(e.predicate, e.theme): e.modality for e in facts.events}
    assert modal[("sign", "treaty")] == Modality.HEDGED
    assert modal[("sign", "budget")] == Modality.NEGATED
    assert all(e.modality != Modality.NEGATED for e in facts.events if e.theme == "vote")


def test_units_are_measures_not_counts(extractor: Extractor) -> None:
    facts = read(extractor, "Race\n\nShe won the 800m and the disc holds 30GB of music.")
    assert facts.counts == []
