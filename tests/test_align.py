"""Comparisons of values (time, place, count, person) and alignment across articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.align.compare import count_relation, place_relation, time_relation
from checker.align.pairs import same_person
from checker.extract.gazetteer import get_gazetteer
from checker.models.facts import CountFact, Evidence, Mention, PlaceRef
from checker.models.time import Granularity, Interval, Timex
from checker.run import check

EV = Evidence(article="a", quote="q", start=0, end=1, line=1)


def tx(value: str, begin: date, end: date, g: Granularity, mod: str | None = None) -> Timex:
    return Timex(
        start=0,
        end=1,
        text=value,
        type="DATE",
        value=value,
        mod=mod,
        interval=Interval(begin=begin, end=end, granularity=g),
    )


SEP = tx("2019-09", date(2019, 9, 1), date(2019, 9, 30), Granularity.MONTH)
OCT = tx("2019-10", date(2019, 10, 1), date(2019, 10, 31), Granularity.MONTH)
FALL = tx("2019-FA", date(2019, 9, 1), date(2019, 11, 30), Granularity.SEASON)
Y2019 = tx("2019", date(2019, 1, 1), date(2019, 12, 31), Granularity.YEAR)
Y2018_AFTER = tx("2018", date(2018, 1, 1), date(2018, 12, 31), Granularity.YEAR, "ON_OR_AFTER")
MID2006 = tx("2006", date(2006, 1, 1), date(2006, 12, 31), Granularity.YEAR, "MID")
LATE2006 = tx("2006", date(2006, 1, 1), date(2006, 12, 31), Granularity.YEAR, "END")
NOV2006 = tx("2006-11", date(2006, 11, 1), date(2006, 11, 30), Granularity.MONTH)
JUL2006 = tx("2006-07", date(2006, 7, 1), date(2006, 7, 31), Granularity.MONTH)
DAY = date(2024, 7, 6)
AT_2140 = tx("2024-07-06T21:40", DAY, DAY, Granularity.DAY)
BEFORE_2200 = tx("2024-07-06T22:00", DAY, DAY, Granularity.DAY, "BEFORE")
BY_1730_OCT = tx(
    "2024-10-24T17:30", date(2024, 10, 24), date(2024, 10, 24), Granularity.DAY, "BEFORE"
)
BEFORE_JUL6 = tx("2024-07-06", DAY, DAY, Granularity.DAY, "BEFORE")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (SEP, OCT, "disjoint"),
        (SEP, FALL, "a_in_b"),
        (Y2019, SEP, "b_in_a"),
        (SEP, SEP, "equal"),
        (Y2018_AFTER, SEP, "b_in_a"),  # "since 2018" allows September 2019
        (NOV2006, MID2006, "disjoint"),  # November is not mid-2006 …
        (JUL2006, MID2006, "a_in_b"),  # … July is
        (NOV2006, LATE2006, "a_in_b"),
        (AT_2140, BEFORE_2200, "equal"),  # 'shortly before 22:00' is that day, as 21:40 is
        (AT_2140, BY_1730_OCT, "disjoint"),  # 'by 17:30' of another day is not 'since ever'
        (AT_2140, BEFORE_JUL6, "disjoint"),  # 'before 6 July' excludes the 6th
    ],
)
def test_time_relation(a: Timex, b: Timex, expected: str) -> None:
    assert time_relation(a, b) == expected


def ref(name: str, relation: str = "in") -> PlaceRef:
    place = get_gazetteer().lookup(name)
    return PlaceRef(
        mention=Mention(text=name, start=0, end=len(name)), place=place, relation=relation
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (ref("Smederevo"), ref("Belgrade", "near"), "near"),
        (ref("Smederevo"), ref("Belgrade"), "nearby_distinct"),
        (ref("Guangzhou"), ref("China"), "contained"),
        (ref("Lyon"), ref("Paris"), "disjoint"),
        (ref("Lyon"), ref("Lyon", "near"), "inside_vs_outside"),
        (ref("Lyon"), ref("Lyon"), "same"),
        (ref("Kreuzberg"), ref("Berlin"), "contained"),  # a district inside its city
        (ref("Dortmund"), ref("Bochum"), "nearby_distinct"),  # neighbouring cities
    ],
)
def test_place_relation(a: PlaceRef, b: PlaceRef, expected: str) -> None:
    assert place_relation(get_gazetteer(), a, b).kind == expected


def count(value: float, low: float, high: float) -> CountFact:
    return CountFact(
        value=value, low=low, high=high, noun="person", text=str(value), start=0, end=1, evidence=EV
    )


def test_count_relation() -> None:
    assert count_relation(count(14, 14, 14), count(14, 14, 14)) == "equal"
    assert count_relation(count(9, 9, float("inf")), count(14, 14, 14)) == "compatible"
    assert count_relation(count(200, 170, 200), count(180, 180, 180)) == "compatible"
    assert count_relation(count(200, 170, 200), count(210, 210, 210)) == "disjoint"


def test_same_person() -> None:
    assert same_person("ivica dacic", "dacic")
    assert same_person("ivica dacic", "i dacic")
    assert not same_person("ivica dacic", "nebojsa stefanovic")
    assert not same_person("ana dacic", "ivica dacic")


def _story(tmp_path: Path, name: str, published: str, body: str) -> None:
    (tmp_path / f"{name}.txt").write_text(
        f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8"
    )


def test_same_verb_different_things_are_not_aligned(tmp_path: Path) -> None:
    _story(
        tmp_path, "a", "2022-04-02", "Deal\n\nThe two firms signed a shipping agreement in 2016."
    )
    _story(tmp_path, "b", "2022-04-03", "Deal\n\nThe government signed an arms deal in March 2022.")
    report = check([tmp_path]).report
    assert [f for f in report.findings if f.kind == "time"] == []


def test_event_after_other_articles_publication_is_not_compared(tmp_path: Path) -> None:
    _story(
        tmp_path,
        "old",
        "2019-05-01",
        "Drill\n\nThe navies held a joint exercise in Split in April 2019.",
    )
    _story(
        tmp_path,
        "new",
        "2024-06-01",
        "Drill\n\nThe navies held a joint exercise in Split in May 2024.",
    )
    report = check([tmp_path]).report
    assert [f for f in report.findings if f.verdict.value == "conflict"] == []


def test_same_theme_alone_is_not_enough_for_a_conflict(tmp_path: Path) -> None:
    # Nothing but the words "new steel plant" ties these: no shared place, name or specific verb.
    _story(tmp_path, "a", "2022-08-01", "Plant\n\nThe new steel plant opened in March 2022.")
    _story(tmp_path, "b", "2022-08-02", "Plant\n\nThe new steel plant opened in May 2022.")
    assert check([tmp_path]).report.findings == []


def test_reported_dates_conflict_with_both_quotes(tmp_path: Path) -> None:
    a_text = "Plant\n\nThe new steel plant in Zenica opened in March 2022."
    b_text = "Plant\n\nThe new steel plant in Zenica opened in May 2022."
    _story(tmp_path, "a", "2022-08-01", a_text)
    _story(tmp_path, "b", "2022-08-02", b_text)
    report = check([tmp_path]).report
    conflicts = [f for f in report.findings if f.verdict.value == "conflict"]
    assert [f.rule for f in conflicts] == ["T101"]
    quotes = sorted(c.quote for c in conflicts[0].claims)
    assert quotes == [
        "The new steel plant in Zenica opened in March 2022.",
        "The new steel plant in Zenica opened in May 2022.",
    ]


def test_noun_and_verb_forms_of_an_event_align(tmp_path: Path) -> None:
    _story(
        tmp_path,
        "a",
        "2023-03-02",
        "Ferry fire\n\nNearly 200 passengers were evacuated from the ferry Aegean Star near "
        "Heraklion on Tuesday, the coast guard said.",
    )
    _story(
        tmp_path,
        "b",
        "2023-03-03",
        "Ferry safe\n\nThe evacuation of 180 passengers from the Aegean Star near Heraklion went "
        "smoothly on Tuesday, the coast guard said.",
    )
    counts = [f for f in check([tmp_path]).report.findings if f.kind == "count"]
    assert [(f.rule, f.subject) for f in counts] == [("N110", "number of passengers evacuated")]


def test_company_role_held_by_two_people(tmp_path: Path) -> None:
    _story(
        tmp_path, "a", "2023-03-02", "Results\n\nVolvex's chief executive Jane Roe spoke on Monday."
    )
    _story(
        tmp_path,
        "b",
        "2023-03-02",
        "Profits\n\nVolvex chief executive Marco Bianchi spoke on Monday.",
    )
    roles = [f for f in check([tmp_path]).report.findings if f.kind == "person_role"]
    assert [(f.rule, f.subject) for f in roles] == [("P101", "Chief Executive Officer of Volvex")]


def test_different_named_buyers_are_different_events(tmp_path: Path) -> None:
    _story(
        tmp_path,
        "a",
        "2023-03-02",
        "Jets\n\nIrish airline Aer Lingus bought 12 new Airbus aircraft in March 2023.",
    )
    _story(
        tmp_path,
        "b",
        "2023-03-03",
        "Jets\n\nIrish airline Ryanair bought 60 new Airbus aircraft in March 2023.",
    )
    assert [f for f in check([tmp_path]).report.findings if f.kind == "count"] == []


def test_time_gap_days() -> None:
    from checker.align.compare import time_gap_days

    assert time_gap_days(SEP, OCT) == 1
    assert time_gap_days(SEP, FALL) == 0
    assert (
        time_gap_days(Y2019, tx("2024", date(2024, 1, 1), date(2024, 12, 31), Granularity.YEAR))
        > 1000
    )


def test_two_holders_named_days_apart_conflict(tmp_path: Path) -> None:
    _story(
        tmp_path, "a", "2024-07-07", "Storm\n\nFestival director Katrin Oswalt spoke on Saturday."
    )
    _story(
        tmp_path,
        "b",
        "2024-07-08",
        "Storm\n\nThe festival's director, Jonas Feld, spoke on Sunday.",
    )
    roles = [f for f in check([tmp_path]).report.findings if f.kind == "person_role"]
    assert [(f.rule, f.verdict.value) for f in roles] == [("P101", "conflict")]
