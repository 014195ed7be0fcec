"""Claims: numbers, amounts and dates with their wording, and how two articles' claims pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.align.claims import comparable
from checker.extract.pipeline import Extractor
from checker.ingest import load_paths
from checker.models.facts import ClaimFact, Evidence
from checker.run import check

EV = Evidence(article="a", quote="q", start=0, end=1, line=1)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _claims(tmp_path: Path, extractor: Extractor, body: str, published: str = "2022-03-01"):
    path = tmp_path / "a.txt"
    path.write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    articles, errors = load_paths([path])
    assert not errors
    return extractor(articles[0]).claims


def _story(tmp_path: Path, name: str, published: str, body: str) -> None:
    (tmp_path / f"{name}.txt").write_text(
        f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8"
    )


def _findings(tmp_path: Path, *stories: tuple[str, str], kind: str | None = None):
    """Check invented articles (published date, text), named a, b, c…; findings of `kind`."""
    for name, (published, body) in zip("abcdefgh", stories, strict=False):
        _story(tmp_path, name, published, body)
    findings = check([tmp_path]).report.findings
    return [f for f in findings if kind is None or f.kind == kind]


def _claim(**kw) -> ClaimFact:
    base = {"kind": "count", "text": "1", "start": 0, "end": 1, "unit": "person", "evidence": EV}
    base.update(kw)
    return ClaimFact(**base)


def test_range_both_orders_of_reading(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Ferry\n\nThe ferry will seat 200 to 300 people. It will carry between 210 and 330 "
        "passengers on short routes.",
    )
    ranges = sorted((c.low, c.high) for c in claims if c.bound == "range")
    assert ranges == [(200.0, 300.0), (210.0, 330.0)]
    assert all(c.unit == "person" for c in claims if c.bound == "range")


def test_partitive_count_is_a_part(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Jets\n\nTwo of the engines were replaced on Monday. It assigns one of 88 notes.",
    )
    assert [c.bound for c in claims if c.kind == "count"][:2] == ["part", "part"]


def test_amounts_percentages_and_rounding(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Bill\n\nThe company must pay a $27bn tax bill. Its shares fell 7.3% on Monday.",
    )
    money = next(c for c in claims if c.unit == "usd")
    # '$27bn' may be a rounded '$27.5bn': half a unit of the last digit either way.
    assert (money.low, money.high) == (26.5e9, 27.5e9)
    pct = next(c for c in claims if c.unit == "percent")
    assert pct.value == 7.3


def test_death_toll_counts_people(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Fire\n\nThe death toll from the fire on the ferry has risen to 19, officials said.",
    )
    toll = next(c for c in claims if c.text == "19")
    assert toll.unit == "person"
    assert {"death", "rise"} <= set(toll.near)


def test_duration_framing_a_change_is_not_a_claim(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Index\n\nThe index fell 2,000 points in the past nine days. "
        "The project is two years behind schedule.",
    )
    durations = [c.text for c in claims if c.kind == "duration"]
    assert durations == ["two years"]


def test_headline_repeating_the_body_is_dropped(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Toll rises to 19\n\nThe death toll has risen to 19, officials said.",
    )
    assert [c.headline for c in claims if c.text == "19"] == [False]


def test_comparable_units_aspects_and_directions() -> None:
    assert comparable(_claim(unit="order"), _claim(unit="aircraft", also=["order"]))
    assert not comparable(_claim(unit="person"), _claim(unit="job"))
    # a level ('closed at 8,579') and a change ('fell by 3%') are different figures
    assert not comparable(
        _claim(kind="measure", unit="point", aspect="level"),
        _claim(kind="measure", unit="point", aspect="change"),
    )
    # a rise and a fall are different facts
    assert not comparable(
        _claim(kind="measure", unit="percent", near=["rise"]),
        _claim(kind="measure", unit="percent", near=["decrease"]),
    )
    # two ranges with no value in common describe different things
    assert not comparable(
        _claim(bound="range", low=200, high=300, value=300),
        _claim(bound="range", low=305, high=550, value=550),
    )


def test_capacity_limits_that_differ_conflict(tmp_path: Path) -> None:
    _story(
        tmp_path,
        "a",
        "2021-04-12",
        "Ferry unveiled\n\nThe Solvik shipyard unveiled its new electric ferry. "
        "The ferry can carry up to 300 passengers on the crossing to the islands.",
    )
    _story(
        tmp_path,
        "b",
        "2021-04-13",
        "New electric ferry\n\nThe new electric ferry from the Solvik shipyard can carry up to "
        "250 passengers on the crossing to the islands, the operator said.",
    )
    findings = [f for f in check([tmp_path]).report.findings if f.kind == "count"]
    assert [(f.rule, f.verdict.value) for f in findings] == [("N102", "conflict")]


def test_daily_market_figures_of_different_days_do_not_conflict(tmp_path: Path) -> None:
    _story(
        tmp_path,
        "a",
        "2008-09-17",
        "Markets fall\n\nStock markets fell today. The Dow Jones currently has a value of "
        "10769.00 points.",
    )
    _story(
        tmp_path,
        "b",
        "2008-10-06",
        "Markets fall again\n\nStock markets fell today. The Dow Jones currently has a value of "
        "9936.94 points.",
    )
    report = check([tmp_path]).report
    assert [f for f in report.findings if f.verdict.value == "conflict"] == []


def test_same_value_in_different_wording_agrees(tmp_path: Path) -> None:
    _story(
        tmp_path,
        "a",
        "2010-06-08",
        "Phone unveiled\n\nLumo said its Zephyr phone will be available on June 24 in the "
        "United States.",
    )
    _story(
        tmp_path,
        "b",
        "2010-06-20",
        "Phone sales\n\nThe Lumo Zephyr phone is slated for a U.S. release on June 24.",
    )
    findings = check([tmp_path]).report.findings
    assert [(f.rule, f.verdict.value) for f in findings if f.kind == "time"] == [
        ("T110", "agreement")
    ]


def test_list_items_carry_the_counted_noun(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Cuts\n\nThe firm expects to cut 4,300 jobs in France, 3,700 in Germany and 400 in Spain. "
        "The plane has a range of 3,500 to 8,500 nautical miles.",
    )
    units = {c.text: c.unit for c in claims if c.kind == "count"}
    assert units.get("3,700") == "job" and units.get("400") == "job"
    # a bare number that is not a list item keeps no unit of its own
    assert "3,500" not in units


def test_not_until_dates_rather_than_denies(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Jets\n\nDeliveries to the airline are not due until October.",
        published="2007-03-19",
    )
    october = next(c for c in claims if c.kind == "time")
    assert october.time is not None and october.time.value.startswith("2007-10")
    assert october.modality.value == "planned"


def test_city_named_in_two_sentences_worded_alike_agrees(tmp_path: Path) -> None:
    places = _findings(
        tmp_path,
        (
            "2008-03-05",
            "Tanker deal\n\nNorthrop Grumman and EADS will assemble the tankers at a plant in "
            "Mobile, Alabama, the Air Force said.",
        ),
        (
            "2008-06-20",
            "Tanker review\n\nNorthrop Grumman and EADS plan to assemble the tankers in Mobile, "
            "Alabama.",
        ),
        kind="place",
    )
    assert [(f.rule, f.verdict.value) for f in places] == [("G110", "agreement")]
    assert "Mobile" in places[0].claims[0].value


def test_numbers_inside_names_are_not_counts(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Markets\n\nThe FTSE 100 index and the Nikkei 225 index fell, while 40 traders watched.",
    )
    assert [c.text for c in claims if c.kind in ("count", "measure")] == ["40"]


def test_different_acts_and_changed_values_do_not_conflict(tmp_path: Path) -> None:
    _story(
        tmp_path,
        "a",
        "2008-12-03",
        "Carmakers ask for loans\n\nGeneral Motors said it seeks $16.6 billion in government "
        "loans for its restructuring plan.",
    )
    _story(
        tmp_path,
        "b",
        "2009-02-18",
        "Carmakers and loans\n\nGeneral Motors has received $17.4 billion in government loans "
        "for its restructuring plan.",
    )
    _story(
        tmp_path,
        "c",
        "2010-06-08",
        "Phone price\n\nThe Zephyr phone's price will be reduced to $99 in the United States, "
        "Lumo said.",
    )
    _story(
        tmp_path,
        "d",
        "2008-06-10",
        "Phone price cut\n\nLumo said the price of the Zephyr phone will be cut to $199 in the "
        "United States.",
    )
    report = check([tmp_path]).report
    assert [f for f in report.findings if f.verdict.value == "conflict"] == []


def test_two_lower_bounds_say_nothing_in_common() -> None:
    from checker.align.compare import claim_count_relation

    inf = float("inf")
    a = _claim(value=300_000, low=300_000, high=inf, bound="at_least")
    b = _claim(value=5_000_000, low=5_000_000, high=inf, bound="more_than")
    assert claim_count_relation(a, b, None, None) == "vacuous"
    exact = _claim(value=1_200, low=1_200, high=1_200)
    more = _claim(value=1_000, low=1_000, high=inf, bound="more_than")
    assert claim_count_relation(more, exact, None, None) == "compatible"


def test_price_per_unit_is_a_daily_figure(tmp_path: Path, extractor: Extractor) -> None:
    from checker.align.claims import volatile

    claims = _claims(tmp_path, extractor, "Oil\n\nIn London, Brent crude fell to $49.74 a barrel.")
    price = next(c for c in claims if c.kind == "measure")
    assert price.unit == "usd/barrel" and volatile(price.unit)
    assert not volatile("usd")


def test_two_word_synonym_with_a_word_between(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path, extractor, "Jet\n\nThe aircraft should enter airline service in 2008."
    )
    year = next(c for c in claims if c.kind == "time")
    # 'enter … service' is the entry into service, and 'airline' keeps its own key (a company)
    assert "service_entry" in year.keys and "company" in year.keys
    # the date is of that milestone, which counts as a word next to it
    assert year.milestone == "service_entry" and "service_entry" in year.near


def test_record_baselines_that_differ_conflict(tmp_path: Path) -> None:
    records = _findings(
        tmp_path,
        (
            "2008-09-17",
            "Ruritania markets closed\n\nTrading on the Zolotar exchange was halted after the "
            "worst day for Ruritania's market since the country's 1998 financial crisis.",
        ),
        (
            "2008-09-18",
            "Ruritania markets stay closed\n\nThe Zolotar exchange stays shut: Ruritania's market "
            "faces its worst financial crisis since 1989.",
        ),
        kind="time",
    )
    assert [(f.rule, f.verdict.value) for f in records] == [("T101", "conflict")]


def test_pronoun_subject_takes_the_words_of_the_sentence_before(
    tmp_path: Path, extractor: Extractor
) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Jet\n\nThe Vantor V9 is a mid-sized passenger airliner under development. "
        "It will carry between 200 and 350 passengers.\n\nThe ferry seats 400 people.",
    )
    carried = next(c for c in claims if c.bound == "range")
    # 'it' is the mid-sized airliner described just before
    assert {"mid", "sized", "aircraft"} <= set(carried.keys)
    ferry = next(c for c in claims if c.value == 400)
    assert "mid" not in ferry.keys  # a sentence with its own subject keeps its own words


def test_dates_and_places_are_not_participant_names(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Markets\n\nThe exchanges of Russia stay closed until Friday after losing 7 percent.",
    )
    pct = next(c for c in claims if c.unit == "percent")
    assert "friday" not in pct.names and "russia" not in pct.names


def test_one_precise_figure_ties_two_sentences_to_one_report(tmp_path: Path) -> None:
    # The titles share no word and the articles are eleven days apart, but both sentences give
    # the index's close as 8,579.19: the falls they give are of that one day, and differ.
    findings = _findings(
        tmp_path,
        (
            "2008-10-09",
            "Markets down everywhere\n\nIn Zolotar, the largest drop was with the Vantage index, "
            "which fell 678 points to below 9,000, closing at 8,579.19.",
        ),
        (
            "2008-10-20",
            "Vantage recovers in Zolotar\n\nThe index fell to its lowest level in five years at "
            "8,579.19, falling 679 points in one day.",
        ),
        kind="count",
    )
    conflicts = [f for f in findings if f.verdict.value == "conflict"]
    assert [f.rule for f in conflicts] == ["N101"]
    # read as counts of points (the frames path) or as claims ("678 points")
    assert {c.value.split()[0] for c in conflicts[0].claims} == {"678", "679"}


def test_changes_over_different_stretches_are_not_comparable() -> None:
    nine_days = _claim(kind="measure", unit="point", value=2000.0, period="P9D")
    one_day = _claim(kind="measure", unit="point", value=679.0, period="P1D")
    assert not comparable(nine_days, one_day)
    assert comparable(one_day, _claim(kind="measure", unit="point", value=678.0, period="P1D"))


def test_milestone_dates_conflict_whatever_verb_they_hang_on(tmp_path: Path) -> None:
    findings = _findings(
        tmp_path,
        (
            "2005-04-27",
            "Giant Airco jet flies\n\nNordair, which will be the first company to operate the new "
            "Airco jet, in July 2006, has opened bookings for this first regular flight.",
        ),
        (
            "2005-11-05",
            "Engine trouble delays Airco superjumbo\n\nNordair will display the aircraft they "
            "intend to launch into passenger-carrying service in November 2006.",
        ),
        kind="time",
    )
    # 'first regular flight' and 'passenger-carrying service' are one milestone; both
    # dates lie after the articles were written, so both are plans.
    assert [(f.rule, f.verdict.value) for f in findings] == [("T102", "conflict")]
    assert "entry into service" in findings[0].explanation


def test_a_sentence_milestone_is_the_one_of_the_dates_clause(
    tmp_path: Path, extractor: Extractor
) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Jet\n\nThe first test flight of the aircraft may take place in March, and the first "
        "commercial flight is expected to take off in mid-2006.",
        published="2005-01-18",
    )
    when = {c.text: c.milestone for c in claims if c.kind == "time"}
    assert when == {"March": "maiden_flight", "mid-2006": "service_entry"}


def test_figures_after_bound_words_are_bounds(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Markets\n\nThe index fell 678 points or more than 7.3% to below 9,000, closing at "
        "8,579.19.",
    )
    by_text = {c.text: c for c in claims if c.kind == "measure"}
    assert by_text["7.3%"].bound == "more_than" and by_text["7.3%"].low == 7.3
    below = by_text["9,000"]
    assert below.bound == "fewer_than" and below.low == 0 and below.high == 9000
    assert by_text["8,579.19"].bound is None


def test_record_told_as_years_back_is_its_baseline_year(
    tmp_path: Path, extractor: Extractor
) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Index\n\nThe index fell to its lowest level in five years. Talks lasted for five years.",
        published="2008-10-20",
    )
    record = next(c for c in claims if c.record)
    assert (record.kind, record.time.value, record.text) == ("time", "2003", "five years")
    # without a superlative, 'for five years' is a length of time
    assert [c.kind for c in claims if c.text == "five years" and not c.record] == ["duration"]


def test_starting_at_a_price_is_a_price(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Phone\n\nIt goes on sale on June 24, starting at $199. The show started at 9pm.",
    )
    assert next(c for c in claims if c.unit == "usd").action == "price"


def test_sharing_only_who_is_not_a_rival_figure(tmp_path: Path) -> None:
    conflicts = [
        f
        for f in _findings(
            tmp_path,
            (
                "2008-09-18",
                "Central banks act\n\nTotaling $180 billion, the Federal Reserve arranged to "
                "increase swap lines with the European Central Bank.",
            ),
            (
                "2007-08-10",
                "Central banks inject cash\n\nYesterday, the Federal Reserve transferred $24 "
                "billion to temporary reserves, following the European Central Bank.",
            ),
        )
        if f.verdict.value == "conflict"
    ]
    assert conflicts == []


def test_titles_of_one_meaning_and_three_names_make_one_story(tmp_path: Path) -> None:
    # Long articles: three names in common out of fourteen is not enough by itself.
    names_a = (
        "Qantas, Emirates, Heathrow, Changi, Dubai, Frankfurt, Virgin Atlantic, British "
        "Airways, China Southern, Korean Air, Noel Forgeard and John Leahy"
    )
    names_b = (
        "Qantas, Emirates, Boeing, Toulouse, Rolls-Royce, Hamburg, Malaysia Airlines, "
        "Thai Airways, Air France, Cathay Pacific, Gustav Humbert and Tom Enders"
    )
    findings = _findings(
        tmp_path,
        (
            "2005-01-18",
            f"Aerion launches giant airliner\n\nCustomers include {names_a}. The Aerion "
            "aircraft will enter commercial service in mid-2006, the maker said. Analysts "
            "praised the cabin, wings, cockpit, galley, lounges, showers and seats.",
        ),
        (
            "2005-11-05",
            f"Engine trouble delays Aerion superjumbo\n\nCustomers include {names_b}. The "
            "Aerion aircraft will be launched into commercial service in November 2006. "
            "Investors fret over wiring, suppliers, penalties, unions, factories and costs.",
        ),
        kind="time",
    )
    assert [(f.rule, f.verdict.value) for f in findings] == [("T102", "conflict")]


def test_other_and_more_count_a_part(tmp_path: Path, extractor: Extractor) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Release\n\nMr Roe and the three other freed detainees were released. Two more bodies "
        "were found. Five detainees were questioned.",
    )
    bounds = {c.text.split()[0].lower(): c.bound for c in claims if c.kind == "count"}
    assert bounds == {"three": "part", "two": "part", "five": None}


def test_one_sided_bound_agrees_only_in_close_wording(tmp_path: Path) -> None:
    findings = _findings(
        tmp_path,
        (
            "2008-12-04",
            "Carmakers in trouble\n\nShares in the car makers Toyota and Honda dropped by no less "
            "than 10 percent apiece after Ford said its sales fell.",
        ),
        (
            "2008-12-05",
            "Carmakers slide again\n\nShares of Ford lost 15.5% after the car maker said its "
            "auditors had doubts, while Toyota and Honda slipped.",
        ),
        kind="count",
    )
    # 'no less than 10%' allows 15.5%, but the sentences are about other companies' shares
    assert [f for f in findings if f.verdict.value == "agreement"] == []


def test_a_number_written_as_a_name_is_no_count_anywhere(
    tmp_path: Path, extractor: Extractor
) -> None:
    claims = _claims(
        tmp_path,
        extractor,
        "Storm Kills 300 People In Ruritania\n\nBoeing rolled out the first 787 Dreamliner. "
        "Scott Roe, 787 project manager, said 55 airlines have ordered the 787.",
    )
    counted = sorted(c.text.split()[0] for c in claims if c.kind in ("count", "measure"))
    # '787' is a name throughout; '300' in a title-case headline is still a count
    assert counted == ["300", "55"]


def test_related_stories_agree_only_in_close_wording(tmp_path: Path) -> None:
    # Two stories that share two names (Europe, Germany) among many: related, not one story.
    findings = _findings(
        tmp_path,
        (
            "2009-06-02",
            "Carmaker to cut jobs at Velmont\n\nThe carmaker Autora said it would axe 10,000 "
            "jobs at Velmont, its division in Europe, with plants in Germany, Belgium, Spain, "
            "Poland and Britain. Unions led by Hans Berger and Maria Lopez called a strike in "
            "Bochum, Antwerp and Zaragoza.",
        ),
        (
            "2007-03-01",
            "Planemaker restructures\n\nA restructuring programme at Skyward, called Lift8, in "
            "which 10,000 jobs go, was agreed with partners in Europe. Its plants in Germany, "
            "France and Wales build wings for Nordair, Polaris and Skylink, said Jean Martin.",
        ),
        kind="count",
    )
    assert [f for f in findings if f.verdict.value == "agreement"] == []


def test_small_counts_agree_only_in_close_wording(tmp_path: Path) -> None:
    findings = _findings(
        tmp_path,
        (
            "2008-11-20",
            "Skyward sells Vantor jet\n\nThree airlines have ordered the Vantor jet from "
            "Skyward so far, the maker said in Zolotar.",
        ),
        (
            "2008-11-21",
            "Skyward opens Zolotar base\n\nThree airlines already fly from the new Zolotar "
            "terminal, where Skyward keeps its Vantor jet fleet.",
        ),
        kind="count",
    )
    assert [f for f in findings if f.verdict.value == "agreement"] == []


def test_figures_both_sentences_state_pair_with_each_other(tmp_path: Path) -> None:
    sentence = (
        "The average asking price of a home in Zolotar fell from £190,329 in November to "
        "£189,733 in December, the Ruritania Homes survey said."
    )
    findings = _findings(
        tmp_path,
        ("2005-01-04", f"Zolotar house prices fall\n\n{sentence}"),
        ("2005-01-05", f"Zolotar asking prices dip\n\nRuritania Homes reported it too. {sentence}"),
        kind="count",
    )
    # each figure pairs with its equal, not with the other figure of the shared sentence
    assert findings and all(f.verdict.value == "agreement" for f in findings)
    assert all(len({c.value for c in f.claims}) == 1 for f in findings)


def test_event_counts_of_different_named_subjects_do_not_conflict(tmp_path: Path) -> None:
    findings = _findings(
        tmp_path,
        (
            "2005-02-10",
            "Velvet Owls miss out at Zolo Awards\n\nThe Velvet Owls, who recently picked up "
            "five Zolo Award nominations, won nothing at the Zolo Awards in Vienna.",
        ),
        (
            "2005-02-10",
            "Mara Quell wins at Zolo Awards\n\nMara Quell won two awards at the Zolo Awards in "
            "Vienna, out of three Zolo Award nominations.",
        ),
        kind="count",
    )
    assert [f for f in findings if f.verdict.value == "conflict"] == []


def test_events_told_of_different_people_do_not_conflict(tmp_path: Path) -> None:
    findings = _findings(
        tmp_path,
        (
            "2004-08-25",
            "Zolo Games medals\n\nIn Vienna, Mara Quell's gold medal was won on Tuesday at the "
            "Zolo Games.",
        ),
        (
            "2004-08-26",
            "Zolo Games in Vienna\n\nIn Vienna, the team of Tom Berger did not win a medal on "
            "Tuesday at the Zolo Games.",
        ),
    )
    assert [f.rule for f in findings if f.verdict.value == "conflict"] == []


def test_vague_quantities_state_no_figure_to_contradict(tmp_path: Path) -> None:
    findings = _findings(
        tmp_path,
        (
            "2005-03-01",
            "Zolotar civil service cuts\n\nThousands of civil service jobs in Zolotar will go "
            "under the Ruritania plan, the minister said.",
        ),
        (
            "2005-03-02",
            "Zolotar job cuts confirmed\n\nMore than 100,000 civil service jobs in Zolotar will "
            "go under the Ruritania plan, the minister said.",
        ),
        kind="count",
    )
    assert [f.verdict.value for f in findings if f.verdict.value == "conflict"] == []


def test_a_high_and_a_low_are_not_comparable() -> None:
    high = _claim(kind="duration", unit="duration", value=3285.0, near=["highest"])
    low = _claim(kind="duration", unit="duration", value=90.0, near=["lowest"])
    assert not comparable(high, low)
    assert comparable(high, _claim(kind="duration", unit="duration", value=90.0, near=["highest"]))


def test_duration_days_reads_quarters() -> None:
    from checker.extract.claims import _duration_days

    assert _duration_days("P2Q") == 2 * 91.31
    assert _duration_days("P1Y2Q") == 365.25 + 2 * 91.31
    assert _duration_days("PXQ") is None


def _length_of(value: str):
    from types import SimpleNamespace

    from checker.extract.time_frames import _length

    return _length(SimpleNamespace(type="DURATION", value=value, text="", start=0, end=1, mod=None))


def test_duration_frames_read_quarters() -> None:
    length = _length_of("P2Q")
    assert length is not None
    assert (length.days, length.unit) == (2 * 91.31, "quarter")


def test_duration_frames_read_compound_lengths() -> None:
    # a fraction is written in the next smaller unit ("two and a half years" is P2Y6M)
    years = _length_of("P2Y6M")
    assert years is not None
    assert (years.days, years.unit) == (2 * 365.25 + 6 * 30.44, "month")
    minutes = _length_of("PT1M30S")
    assert minutes is not None
    assert minutes.days == 90 / 86400 and minutes.unit == "second"
    day_and_half = _length_of("P1DT12H")
    assert day_and_half is not None and day_and_half.days == 1.5
    assert _length_of("PXY") is None and _length_of("P") is None


def test_a_scorer_reused_for_every_claim_pair_scores_as_a_fresh_one(extractor: Extractor) -> None:
    from checker.align.claims import _Scorer, _weights, score

    arts, _ = load_paths([Path(__file__).parent / "data" / "stories"])
    facts = [extractor(a) for a in arts]
    fa, fb = facts[0], facts[1]
    weight = _weights([fa, fb])
    scorer = _Scorer(weight, {})
    pairs = [(x, y) for x in fa.claims for y in fb.claims]
    assert pairs
    for x, y in pairs:
        assert scorer(x, y) == score(x, y, _weights([fa, fb]))
