"""Fact frames: extraction of values with attributes and units, alignment gates and features."""

from __future__ import annotations

import math
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


@pytest.fixture(scope="module")
def ferry(tmp_path_factory) -> object:
    folder = tmp_path_factory.mktemp("ferry")
    _write(
        folder,
        "a",
        "2025-06-02",
        "Ferry sinks off Norland\n\nThe death toll from the ferry that sank off Norland on "
        "Sunday has now reached 24, but rescue workers are still searching.\n\n"
        "Prosecutors questioned the captain, Arvo Tamm, 61, on Monday.\n\n"
        "Nine dock workers were injured while loading the ship.",
    )
    _write(
        folder,
        "b",
        "2025-06-02",
        "Norland ferry toll at 31\n\nThirty-one people died when the ferry sank off Norland on "
        "Sunday, officials said.\n\nThe ship's captain, Arvo Tamm, 58, was detained.\n\n"
        "Its chief engineer, Lise Berg, 44, survived.",
    )
    return check([folder])


def _by_value(result, article: str) -> dict[float, object]:
    return {f.value: f for f in next(x for x in result.facts if x.article == article).frames}


def test_attribute_is_read_along_the_parse_not_the_nearest_word(ferry) -> None:
    a = _by_value(ferry, "a")
    assert a[24].attribute == "deaths"  # 'toll … has now reached 24', not 'rescue workers'
    assert a[9].attribute == "injured"  # 'workers were injured': who, then what happened


def test_an_age_after_a_name_is_compared_only_for_the_same_person(ferry) -> None:
    a, b = _by_value(ferry, "a"), _by_value(ferry, "b")
    assert (a[61].measure, a[61].what) == ("age", "Arvo Tamm")
    assert b[44].what == "Lise Berg"
    ages = [f for f in ferry.report.findings if f.subject == "age"]
    assert [sorted(c.value for c in f.claims) for f in ages if f.verdict.value == "conflict"] == [
        ["58", "61"]
    ]
    stopped = [d for d in ferry.decisions if d.stage == "gate" and d.reason.startswith("A07")]
    assert any("Lise Berg" in d.reason for d in stopped)


def test_plans_made_months_apart_are_not_compared(tmp_path) -> None:
    _write(tmp_path, "a", "2025-01-10", "Fares\n\nThe tram fare will rise to $3 next year.")
    _write(tmp_path, "b", "2025-09-10", "Fares\n\nThe tram fare will rise to $4 next year.")
    result = check([tmp_path])
    assert not [f for f in result.report.findings if f.verdict.value == "conflict"]
    assert any(d.reason.startswith("A08") for d in result.decisions)


def test_a_guessed_publication_date_ties_no_value_to_a_year(tmp_path) -> None:
    # No date is stated: 'on Tuesday' is resolved against a guess (the latest year written),
    # so it must not make the story's toll background to that year.
    (tmp_path / "a.txt").write_text(
        "Storm kills 40\n\nThe storm killed 40 people on Tuesday, the worst since 1991.\n",
        encoding="utf-8",
    )
    frames = check([tmp_path]).facts[0].frames
    forty = next(f for f in frames if f.value == 40)
    assert forty.year is None and forty.background is None


def test_a_converted_value_in_brackets_is_not_a_second_statement(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-03-01",
        "Deal\n\nThe group is buying the firm in a $68.7 billion ($95 billion) deal.\n\n"
        "Winds of 190 km (120 miles) per hour hit the coast.",
    )
    values = sorted(f.text for f in check([tmp_path]).facts[0].frames)
    assert "$95 billion" not in values and "120 miles" not in values
    assert "$68.7 billion" in values


def test_an_approximation_widens_a_number_by_its_rounding(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-03-01",
        "Ferry\n\nThe ferry carried about 238 passengers.\n\nAbout 300 people were rescued.",
    )
    frames = {f.value: f for f in check([tmp_path]).facts[0].frames}
    assert frames[238].high < 245  # 'about 238' is not 'about 300'
    assert frames[300].low <= 260 and frames[300].high >= 340


def test_running_tallies_far_apart_are_a_revision_without_dates(tmp_path) -> None:
    for name, body in (
        ("a", "Mine fire\n\nThe blast killed at least 201 workers, officials said."),
        ("b", "Mine fire toll\n\nThe blast killed at least 238 workers, officials said."),
    ):
        (tmp_path / f"{name}.txt").write_text(body + "\n", encoding="utf-8")
    result = check([tmp_path])
    toll = [f for f in result.report.findings if f.subject == "death toll"]
    assert [(f.rule, f.verdict.value) for f in toll] == [("N103", "conflict")]


def test_lengths_of_time_are_frames_named_by_their_cue(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-01-01",
        "Warlord sentenced\n\nThe court sentenced the commander to 25 years in prison.\n\n"
        "The hearing lasted three hours.\n\nHe had lived abroad for two years.",
    )
    _write(
        tmp_path,
        "b",
        "2025-01-01",
        "Warlord jailed\n\nThe commander was sentenced to 20 years in jail by the court.",
    )
    result = check([tmp_path])
    frames = {f.text: f for f in next(x for x in result.facts if x.article == "a").frames}
    assert frames["25 years"].attribute == "prison_term"
    assert frames["25 years"].value == pytest.approx(25 * 365.25)
    assert frames["three hours"].attribute == "event_length"
    assert "two years" not in frames  # no cue word says what the length of time is
    terms = [f for f in result.report.findings if f.subject == "prison term"]
    assert [f.verdict.value for f in terms] == ["conflict"]


def test_a_number_labelling_the_noun_before_it_is_no_value(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-01-01",
        "Council\n\nThe council of district 12 approved plan 14 on Monday.\n\n"
        "The storm killed 12 people.",
    )
    values = sorted(f.value for f in check([tmp_path]).facts[0].frames)
    assert values == [12]  # the toll; 'district 12' and 'plan 14' are labels


def test_an_unnamed_value_takes_the_story_s_one_attribute_of_its_measure(tmp_path) -> None:
    body_a = "Slide buries road\n\nThe slide buried the highway 6 km from the town, officials said."
    body_b = "Highway cut\n\nThe slide buried 9 km of the highway near the town, police said."
    _write(tmp_path, "a", "2025-03-02", body_a)
    _write(tmp_path, "b", "2025-03-03", body_b)
    result = check([tmp_path])
    (d,) = [d for d in result.decisions if d.stage == "compared"]
    assert {d.a.attribute, d.b.attribute} == {"distance"}
    assert "the story's only length attribute is distance" in (d.a.adopted or d.b.adopted or "")
    (finding,) = [f for f in result.report.findings if f.kind == "count"]
    assert finding.verdict.value == "conflict"
    assert "9 km is named by no word" in finding.explanation
    # with a second named attribute of the measure, nothing says which one it would be
    _write(tmp_path, "c", "2025-03-03", "Depth\n\nThe mud is 4 m deep on the highway, police said.")
    result = check([tmp_path])
    b_frames = next(f for f in result.facts if f.article == "b").frames
    assert [(f.attribute, f.adopted) for f in b_frames] == [("length", None)]


def test_a_rounded_headline_and_its_exact_body_figure_are_one_statement(tmp_path) -> None:
    # "More than 150" (headline) and "153" (body) state one figure: the other article's toll is
    # set against it once, and the finding quotes both lines of that article.
    _write(
        tmp_path,
        "a",
        "2025-03-02",
        "More than 150 dead in coastal floods\n\nOfficials said 153 people were confirmed dead "
        "after the floods hit the coast on Saturday.",
    )
    _write(
        tmp_path,
        "b",
        "2025-03-01",
        "Floods hit the coast\n\nMore than 160 people died after floods hit the coast on "
        "Saturday, officials said.",
    )
    result = check([tmp_path])
    tolls = [f for f in result.report.findings if f.subject == "death toll"]
    assert len(tolls) == 1 and tolls[0].verdict.value == "conflict"
    quoted_a = {c.quote for c in tolls[0].claims if c.article == "a"}
    assert len(quoted_a) == 2  # the headline and the body sentence


@pytest.mark.parametrize(
    ("limit", "rule", "verdict"), [(20, "N104", "conflict"), (28, "N110", "agreement")]
)
def test_a_figure_far_above_an_open_lower_limit_is_a_conflict(
    tmp_path, limit, rule, verdict
) -> None:
    # "at least 28" allows 31 (within a quarter above the limit); "at least 20" is another figure
    _write(
        tmp_path,
        "a",
        "2025-03-02",
        f"Ferry capsizes\n\nAt least {limit} people are missing after a ferry capsized on the "
        "river, the coast guard said.",
    )
    _write(
        tmp_path,
        "b",
        "2025-03-02",
        "Ferry search goes on\n\nThe coast guard said 31 people are missing after a ferry "
        "capsized on the river.",
    )
    found = [f for f in check([tmp_path]).report.findings if f.subject == "missing or trapped"]
    assert [(f.rule, f.verdict.value) for f in found] == [(rule, verdict)]


def test_a_value_named_only_by_its_measure_is_compared_with_the_finer_attribute(tmp_path) -> None:
    # "speeds" names only the measure; the other article names the wind: one fact, two values
    _write(
        tmp_path,
        "a",
        "2025-05-03",
        "Cyclone hits coast\n\nThe cyclone hit the coast on Friday with winds of 190 km/h, "
        "the weather office said.",
    )
    _write(
        tmp_path,
        "b",
        "2025-05-03",
        "Storm batters coast\n\nThe cyclone hit the coast on Friday at speeds of 160 km/h, "
        "the weather office said.",
    )
    result = check([tmp_path])
    found = [f for f in result.report.findings if f.kind == "count" and "speed" in f.subject]
    assert [(f.verdict.value, f.subject) for f in found] == [("conflict", "wind speed")]
    assert "named only as speed" in found[0].explanation


def test_a_length_written_in_parts_is_one_value(tmp_path) -> None:
    # "two years and six months" is 30 months, not a term of two years beside one of six months
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Mayor jailed\n\nA court sentenced the former mayor to two years and six months in prison "
        "for bribery on Monday.",
    )
    _write(
        tmp_path,
        "b",
        "2025-06-02",
        "Former mayor sentenced\n\nThe former mayor was sentenced to 30 months in prison for "
        "bribery on Monday.",
    )
    result = check([tmp_path])
    terms = [fr for f in result.facts for fr in f.frames if fr.attribute == "prison_term"]
    assert sorted(fr.text for fr in terms) == ["30 months", "two years and six months"]
    found = [f for f in result.report.findings if f.subject == "prison term"]
    assert [f.verdict.value for f in found] == ["agreement"]


def test_a_part_of_a_whole_takes_the_verb_before_it(tmp_path) -> None:
    # the parser hangs "37" under "52"; the words between tell that 37 were killed
    _write(
        tmp_path,
        "a",
        "2025-04-05",
        "Fever outbreak grows\n\nThe outbreak of the fever has continued to grow and has killed "
        "37 of 52 people infected, according to the health ministry.",
    )
    result = check([tmp_path])
    got = {fr.text: fr.attribute for f in result.facts for fr in f.frames}
    assert got["37"] == "deaths" and got["52"] == "cases"


def test_from_x_to_y_after_a_change_verb_is_the_new_figure_not_a_range(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-04-05",
        "Landslide search\n\nThe number of people missing has grown from 64 to 97, officials "
        "said. Damage ranged from 10 to 15 million dollars.",
    )
    result = check([tmp_path])
    got = [(fr.text, fr.bound.value) for f in result.facts for fr in f.frames]
    assert ("97", "exact") in got and not any("64" in t for t, _ in got)
    assert ("10 to 15 million dollars", "range") in got  # 'range' spans a range


def test_a_count_named_by_its_noun_meets_its_synonym(tmp_path) -> None:
    # "carriages" and "cars" of one train are one thing counted
    _write(
        tmp_path,
        "a",
        "2025-05-13",
        "Train derails\n\nAll seven carriages of the train left the tracks near the bridge on "
        "Tuesday night.",
    )
    _write(
        tmp_path,
        "b",
        "2025-05-13",
        "Train crash\n\nAll seven cars of the train left the tracks near the bridge on Tuesday "
        "night.",
    )
    result = check([tmp_path])
    found = [f for f in result.report.findings if f.subject == "cars or carriages"]
    assert [f.verdict.value for f in found] == ["agreement"]


def test_digits_grouped_by_spaces_are_one_number(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-05-06",
        "Cyclone kills nearly 3 000\n\nThe storm killed 12 people in the port, officials said.",
    )
    result = check([tmp_path])
    got = {fr.text: fr.value for f in result.facts for fr in f.frames}
    assert got.get("nearly 3 000") == 3000 and got.get("12") == 12


def test_court_and_election_figures_have_their_own_attributes(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-02-04",
        "Commander convicted\n\nThe court found the former commander guilty of 61 charges, "
        "including murder, on Thursday. About 9.3 million registered voters may vote in May.",
    )
    _write(
        tmp_path,
        "b",
        "2025-02-04",
        "Verdict in war crimes trial\n\nThe former commander was found guilty of 62 charges on "
        "Thursday. About 9.3 million registered voters may vote in May.",
    )
    result = check([tmp_path])
    attrs = {fr.text: fr.attribute for f in result.facts for fr in f.frames}
    assert attrs["61"] == "charges" and attrs["About 9.3 million"] == "voters"
    found = {(f.subject, f.verdict.value) for f in result.report.findings if f.kind == "count"}
    assert ("charges or counts", "conflict") in found


def test_each_figure_of_a_running_tally_is_set_against_the_other_report(tmp_path) -> None:
    # the first article gives an early and a later toll; both differ from the second's
    _write(
        tmp_path,
        "a",
        "2025-02-10",
        "Landslide kills 15\n\nAt least 8 people were killed when the landslide buried the "
        "village on Sunday, officials said.\n\nBy Monday the death toll from the landslide had "
        "risen to 15, officials said.",
    )
    _write(
        tmp_path,
        "b",
        "2025-02-11",
        "Landslide toll rises\n\nThe death toll from the landslide that buried the village on "
        "Sunday has risen to 20, officials said.",
    )
    result = check([tmp_path])
    tolls = [f for f in result.report.findings if f.subject == "death toll"]
    # one finding for the fact between the two reports, quoting both of the first one's tolls
    assert [(f.rule, f.verdict.value) for f in tolls] == [("N103", "conflict")]
    assert {c.value for c in tolls[0].claims} == {"≥8", "15", "20"}
    assert any("running tally" in d.reason for d in result.decisions if d.stage == "compared")


def test_a_length_in_quarters_and_months_is_one_value(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-04-05",
        "Plant opening delayed\n\nThe opening of the plant was delayed by two quarters and three "
        "months, the company said.",
    )
    result = check([tmp_path])
    got = {fr.text: fr.value for f in result.facts for fr in f.frames if fr.measure == "duration"}
    assert got == {"two quarters and three months": pytest.approx(2 * 91.31 + 3 * 30.44)}


def test_parts_in_one_sentence_add_up_to_the_total(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-03-10",
        "Plane crashes after take-off\n\nA jetliner carrying 126 people crashed shortly after "
        "take-off on Sunday, the airline said.",
    )
    _write(
        tmp_path,
        "b",
        "2025-03-10",
        "No survivors in air crash\n\nNone of the 120 passengers and six crew members on board "
        "survived the crash on Sunday, the airline said.",
    )
    result = check([tmp_path])
    aboard = [f for f in result.report.findings if f.subject == "people aboard"]
    assert [f.verdict.value for f in aboard] == ["agreement"]
    assert "120 + six in one sentence: 126 people aboard" in aboard[0].explanation


def test_a_total_of_parts_is_not_set_against_one_part(tmp_path) -> None:
    # "nearly 130 passengers" is compared with the 120 passengers, not with 120 + 16 aboard
    _write(
        tmp_path,
        "a",
        "2025-03-10",
        "Ferry fire\n\nNearly 130 passengers were on board when the fire broke out on Sunday.",
    )
    _write(
        tmp_path,
        "b",
        "2025-03-10",
        "Fire on ferry\n\nThe ferry was carrying 120 passengers and 16 crew members when the fire "
        "broke out on Sunday.",
    )
    result = check([tmp_path])
    assert any(d.reason.startswith("A09") for d in result.decisions if d.stage == "gate")
    aboard = [f for f in result.report.findings if f.subject == "people aboard"]
    assert [f.verdict.value for f in aboard] == ["agreement"]


def test_a_cue_outside_the_value_s_own_clause_yields_to_one_inside(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Ferry sinks\n\nThe captain and two officers were arrested on Saturday even as 188 "
        "passengers remained missing. Nine passengers died, and 140 others were taken to area "
        "hospitals. Officials said 31 people were confirmed dead and a further 512 injured.",
    )
    result = check([tmp_path])
    got = {fr.text: fr.attribute for f in result.facts for fr in f.frames}
    # 'arrested' heads another clause; 'died' is another verb's; 'a further' is no model name
    assert got["188"] == "missing"
    assert got["140"] == "hospitalized"
    assert got["512"] == "injured"


def test_a_currency_sign_after_a_bound_word_makes_an_amount(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Buyer lines up money\n\nThe buyer secured up to $12 billion in financing on Monday.",
    )
    result = check([tmp_path])
    (frame,) = [fr for f in result.facts for fr in f.frames if fr.text.startswith("up to")]
    assert (frame.measure, frame.attribute, frame.high) == ("money", "financing", 12e9)


def test_an_order_of_magnitude_in_words_is_a_range(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Storm leaves many homeless\n\nHundreds of thousands of people were left homeless. "
        "The village lies hundreds of miles from the capital. Hundreds were hurt, and 412 "
        "people were injured in the town alone.",
    )
    _write(
        tmp_path,
        "b",
        "2025-06-02",
        "Storm update\n\nOver 1 million people are homeless. The village lies 90 miles from the "
        "capital. Officials said 415 people were injured.",
    )
    result = check([tmp_path])
    frames = {fr.text: fr for f in result.facts for fr in f.frames}
    loose = frames["Hundreds of thousands"]
    assert loose.vague and (loose.low, loose.high) == (200_000, 999_999)
    assert frames["hundreds of miles"].attribute == "distance"
    found = {(f.subject, f.verdict.value) for f in result.report.findings}
    assert ("displaced or evacuated", "conflict") in found
    assert ("distance", "conflict") in found
    # 'Hundreds were hurt' holds the article's own 412: that figure is compared with 415
    assert ("injured", "conflict") in found
    assert any(
        d.stage == "matching" and "stated loosely" in d.reason and d.a.text == "Hundreds"
        for d in result.decisions
    )


def test_ages_magnitudes_and_compound_nouns_are_read_as_written(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Quake and race\n\nAt least 40 people died after the magnitude-6.4 earthquake struck. "
        "Zorvan's 31-year-old Ana Kelito won the race. The train derailed, sending the "
        "locomotive and five passenger cars off the tracks.",
    )
    _write(
        tmp_path,
        "b",
        "2025-06-02",
        "Quake update\n\nA 6.4-magnitude earthquake killed 40 people. Kelito, 31, won the race "
        "ahead of Mara Sovi, 28, the champion.",
    )
    result = check([tmp_path])
    frames = {fr.text: fr for f in result.facts for fr in f.frames}
    assert (frames["magnitude-6.4"].attribute, frames["magnitude-6.4"].value) == ("magnitude", 6.4)
    assert frames["31-year-old"].what == "Ana Kelito"
    assert frames["five"].attribute == "count_of_railcar"
    agreed = {f.subject for f in result.report.findings if f.verdict.value == "agreement"}
    assert {"magnitude", "age"} <= agreed
    # Sovi's 28 is another person's age: named people apart are never compared
    assert not any(
        f.subject == "age" and f.verdict.value == "conflict" for f in result.report.findings
    )


def test_a_figure_for_part_of_a_country_is_not_compared_with_the_whole(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Pension marches\n\nMore than a million people marched across France on Tuesday, with "
        "120,000 in Lyon. Police fired tear gas at marchers in the capital, and 90 people were "
        "arrested across the country.",
    )
    _write(
        tmp_path,
        "b",
        "2025-06-02",
        "Marches in the capital\n\nIn the capital alone, 400,000 people took part, the union "
        "said. By the evening, 30 people had been detained in the capital.",
    )
    result = check([tmp_path])
    frames = {fr.text: fr for f in result.facts for fr in f.frames}
    assert (frames["More than a million"].scope_level, frames["120,000"].scope_level) == (
        "whole",
        "part",
    )
    assert frames["90"].scope == "across the country"  # its own clause's words, not 'capital'
    assert frames["400,000"].scope == "In the capital"
    stopped = {
        (d.a.text, d.b.text) for d in result.decisions if d.reason.startswith("A10 whole-vs-part")
    }
    assert ("More than a million", "400,000") in stopped and ("90", "30") in stopped
    # neither frames nor the older claim path set a part against its whole
    compared = [{c.value for c in f.claims} for f in result.report.findings]
    assert {"≥1e+06", "400000"} not in compared and {"90", "30"} not in compared
    assert {"1e+06", "400000"} not in compared


def test_the_older_claim_path_does_not_compare_what_a_gate_kept_apart() -> None:
    from types import SimpleNamespace as NS

    from checker.run import not_gated

    def side(article: str, start: int, end: int) -> NS:
        return NS(article=article, highlight=(start, end))

    def frame(article: str, start: int, end: int) -> NS:
        return NS(article=article, start=start, end=end)

    part_whole = NS(a=side("a", 10, 13), b=side("b", 40, 47))
    other = NS(a=side("a", 60, 62), b=side("b", 80, 82))
    hedged = NS(a=side("a", 90, 92), b=side("b", 95, 97))
    decisions = [
        NS(stage="gate", reason="A10 whole-vs-part: …", a=frame("b", 40, 47), b=frame("a", 9, 13)),
        NS(stage="score", reason="score 0.2", a=frame("a", 60, 62), b=frame("b", 80, 82)),
        NS(
            stage="gate",
            reason="A04 denied-hedged-or-planned: …",
            a=frame("a", 90, 92),
            b=frame("b", 95, 97),
        ),
    ]
    # a gate that says the values are of different things stops the older path; a low score
    # or a hedge does not
    assert not_gated([part_whole, other, hedged], decisions) == [other, hedged]


def test_halves_scales_and_currency_signs_between_bound_and_number(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Mission and marches\n\nThe mission cost Rs 615-crore. It was built at a cost of nearly "
        "₹600 crore. More than a million people marched on Tuesday. The number of marchers "
        "exceeded one and a half million, and half a million gathered on Monday.",
    )
    result = check([tmp_path])
    got = {fr.text: (fr.low, fr.high) for f in result.facts for fr in f.frames}
    assert got["Rs 615"] == (6.15e9, 6.15e9)
    assert got["nearly ₹600 crore"][1] == 6e9 and got["nearly ₹600 crore"][0] < 6e9
    assert got["More than a million"] == (1e6, math.inf)
    assert got["exceeded one and a half million"] == (1.5e6, math.inf)
    assert got["half a million"] == (5e5, 5e5)


def test_precise_approximations_and_what_a_crowd_did(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Probe and marches\n\nThe probe weighs approximately 3,895 kilograms. The helicopters "
        "account for about $2.5 billion. Organisers said there were 2.1 million citizens who "
        "took to the streets, and 75 protesters were arrested.",
    )
    result = check([tmp_path])
    got = {fr.text: fr for f in result.facts for fr in f.frames}
    # a precise figure stays precise under 'approximately': half a percent, or half a step
    assert got["approximately 3,895 kilograms"].high < 3_921
    assert (got["about $2.5 billion"].low, got["about $2.5 billion"].high) == (2.45e9, 2.55e9)
    # 'took to the streets' says what the counted did; 'protesters' only who was arrested
    assert got["2.1 million"].attribute == "protesters"
    assert got["75"].attribute == "arrests"


def test_a_count_of_people_with_no_verb_is_scored_against_the_story_s_people_counts(
    tmp_path,
) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Rally in the capital\n\nA crowd of more than 60,000 people had gathered at the stadium "
        "for the rally on Monday.",
    )
    _write(
        tmp_path,
        "b",
        "2025-06-02",
        "Leaders address rally\n\nAn estimated 65,000 people filled the stadium on Monday.",
    )
    result = check([tmp_path])
    adopted = [
        d.b if d.b.adopted else d.a
        for d in result.decisions
        if (d.a.adopted or d.b.adopted) and d.a.attribute == "protesters"
    ]
    assert adopted and "no word for what happened" in adopted[0].adopted
    assert any(f.subject == "crowd size" for f in result.report.findings)


def test_plan_words_used_as_nouns_name_no_plan(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Bridge costs\n\nThe project has cost around $600 million, the minister said. The "
        "government plans to spend $90 million more on the approach roads.",
    )
    result = check([tmp_path])
    got = {fr.text: fr.modality.value for f in result.facts for fr in f.frames}
    assert got["around $600 million"] == "reported"
    assert got["$90 million"] == "planned"


def test_deployed_says_what_was_done_with_those_counted(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "2025-06-02",
        "Marches\n\nPolice said 2,000 officers were deployed in the city, and 35 firefighters "
        "were injured.",
    )
    result = check([tmp_path])
    got = {fr.text: fr.attribute for f in result.facts for fr in f.frames}
    assert got["2,000"] == "responders"  # the verb beats the counted noun 'officers'
    assert got["35"] == "injured"  # 'firefighters' names who; 'injured' what happened
