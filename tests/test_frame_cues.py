"""Which attribute a value is read with: cue words joined by 'or'/'and', and the source."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.extract.pipeline import Extractor
from checker.models.article import Article
from checker.models.frames import Frame


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def frames(extractor: Extractor, body: str) -> dict[str, Frame]:
    text = "Report\n\n" + body
    article = Article(
        id="t", path=Path("t.txt"), text=text, title="Report", published=date(2024, 3, 2)
    )
    return {fr.text: fr for fr in extractor(article).frames}


@pytest.mark.parametrize(
    ("body", "value", "attribute"),
    [
        (
            "More than 120 people are missing or dead after the landslide.",
            "More than 120",
            "deaths_or_missing",
        ),
        (
            "At least 80 people were killed or injured in the blast.",
            "At least 80",
            "deaths_or_injured",
        ),
        ("The dead and missing numbered 1,200 by Monday.", "1,200", "deaths_or_missing"),
    ],
)
def test_joined_cues_make_a_figure_of_both(extractor, body, value, attribute) -> None:
    assert frames(extractor, body)[value].attribute == attribute


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The quake killed 12 people and injured 40 others.", {"12": "deaths", "40": "injured"}),
        ("The train derailed, killing four, injuring scores.", {"four": "deaths"}),
        ("Officials reported 61 dead and 412 injured.", {"61": "deaths", "412": "injured"}),
    ],
)
def test_cues_with_figures_of_their_own_stay_apart(extractor, body, expected) -> None:
    got = frames(extractor, body)
    assert {k: got[k].attribute for k in expected} == expected


@pytest.mark.parametrize(
    ("body", "value", "source"),
    [
        ("According to police, 40,000 people marched in Ostrava.", "40,000", "police"),
        (
            "The Velmar interior ministry counted 1.2 million protesters.",
            "1.2 million",
            "Velmar interior ministry",
        ),
        ("Local officials put the toll at 45 on Sunday.", "45", "Local officials"),
        (
            "At least 30 died, according to the head of the rescue agency.",
            "At least 30",
            "head rescue agency",
        ),
    ],
)
def test_sources_from_according_to_and_verbs_of_counting(extractor, body, value, source) -> None:
    assert frames(extractor, body)[value].source == source


def test_agent_is_the_named_doer_not_the_speaker(extractor) -> None:
    bought = frames(extractor, "Irish airline Aer Lingus bought 12 new Airbus aircraft.")
    assert bought["12"].agent == "aer lingus"
    said = frames(extractor, "Cortex Corp said 45 people died.")
    assert said["45"].agent is None  # the figure is the dead's, not the speaker's act
    held = frames(extractor, "The Velmar Group's 1,200 workers went on strike.")
    assert held["1,200"].agent == "velmar group"  # a possessive holder, without its "'s"


@pytest.mark.parametrize(
    ("body", "value", "cue"),
    [
        ("Among the dead was student Tomas Varga (21) of Lakeside.", "21", "Tomas Varga, 21,"),
        ("Most of the dead were children under the age of five.", "five", "age"),
        ("The driver, aged 34, was arrested.", "34", "aged"),
    ],
)
def test_ages_in_brackets_and_after_age_words(extractor, body, value, cue) -> None:
    fr = frames(extractor, body)[value]
    assert (fr.measure, fr.cue) == ("age", cue)


def test_a_headline_cue_right_after_the_figure_names_it() -> None:
    from checker.extract.pipeline import Context
    from checker.extract.sentence_facts import _right_after

    doc = Context().nlp("Valley landslide: 14 dead, 176 reported missing")
    i176 = next(t.i for t in doc if t.text == "176")
    missing, dead = doc[i176 + 2 : i176 + 3], doc[i176 - 2 : i176 - 1]
    assert _right_after(doc[i176], doc[i176], missing)
    assert not _right_after(doc[i176], doc[i176], dead)  # before the figure
    i14 = next(t.i for t in doc if t.text == "14")
    assert not _right_after(doc[i14], doc[i14], missing)  # past a comma and another figure


@pytest.mark.parametrize(
    ("body", "value", "expected"),
    [
        ("Velmar will pay $US95 a share in cash.", "$US95", ("money", 95.0)),
        ("The navy will buy 24 KX-60R Seabird helicopters.", "24", ("count_of_helicopter", 24.0)),
    ],
)
def test_prefixed_dollars_and_model_names_before_the_noun(extractor, body, value, expected):
    fr = frames(extractor, body)[value]
    kind = fr.measure if fr.measure == "money" else fr.attribute
    assert (kind, fr.value) == expected


@pytest.mark.parametrize(
    ("body", "value", "attribute"),
    [
        ("The ruling party won 145 of the 210 seats in parliament.", "145", "seats"),
        ("The jury found him guilty of 11 of 13 charges.", "11", "charges"),
        ("About 600 people lived in the building.", "About 600", "residents"),
        ("The outbreak has sickened 20,000 people.", "20,000", "cases"),
        ("He was ordered to pay $200,000 in restitution.", "$200,000", "restitution"),
    ],
)
def test_attributes_of_elections_courts_fires_and_outbreaks(extractor, body, value, attribute):
    assert frames(extractor, body)[value].attribute == attribute


def test_a_partitive_subject_keeps_its_verb(extractor) -> None:
    # 'two of the injured died': what happened is the verb's, not the noun's
    assert frames(extractor, "Four of the injured died in hospital.")["Four"].attribute == "deaths"


@pytest.mark.parametrize(
    ("body", "value", "attribute"),
    [
        ("Only one of the 242 people on board survived.", "242", "aboard"),
        ("Three of the 52 passengers were killed.", "52", "aboard"),
        ("Three of the 52 passengers were killed.", "Three", "deaths"),
        ("The blaze is 85 percent contained.", "85 percent", "containment"),
        (
            "Two dams burst, releasing some 30 million cubic metres of water.",
            "some 30 million cubic metres",
            "volume",
        ),
    ],
)
def test_the_whole_of_a_partitive_and_new_measures(extractor, body, value, attribute) -> None:
    assert frames(extractor, body)[value].attribute == attribute


def test_a_cue_nearer_another_figure_is_that_figure_s(extractor) -> None:
    got = frames(extractor, "It struck at a depth of 18 km, 65 kilometres southwest of Tarn.")
    assert (got["18 km"].attribute, got["65 kilometres"].attribute) == ("depth", "distance")
    # figures that hang elsewhere ('aged 16 and 17') leave the value its cue
    kids = "Some 273 people, mostly children aged 16 and 17, remained missing on Sunday."
    assert frames(extractor, kids)["Some 273"].attribute == "missing"
