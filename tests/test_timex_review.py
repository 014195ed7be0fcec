"""Rule families added after reviewing the tagger on unseen business and political news.

Sentences are invented; each checks one TimeML convention (text, type, value).
"""

from __future__ import annotations

from datetime import date

import pytest

from checker.extract.timex import tag

DCT = date(2005, 3, 10)  # Thursday


def found(text: str, dct: date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month after a day named earlier in a past-tense sentence is not a later month
        (
            "Also on Friday, the agency's retail figures for December were published.",
            [("Friday", "DATE", "2005-03-04"), ("December", "DATE", "2004-12")],
        ),
        (
            "The pound closed at a low on Thursday, its weakest since mid-September.",
            [("Thursday", "DATE", "2005-03-10"), ("mid-September", "DATE", "2004-09")],
        ),
        # a future clause keeps the month ahead
        (
            "On Friday the firm said it will open the plant in December.",
            [("Friday", "DATE", "2005-03-04"), ("December", "DATE", "2005-12")],
        ),
    ],
)
def test_month_after_a_day_follows_tense(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "expected" is a future cue even though it ends in -ed
        ("The vote, he conceded, is widely expected on 12 May.", ("12 May", "DATE", "2005-05-12")),
        ("The miner hopes to restart the shaft in July.", ("July", "DATE", "2005-07")),
    ],
)
def test_future_cues(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_future_cue_after_the_sentence_does_not_count() -> None:
    text = "Ministers met in Rome on Saturday. Talks are expected to resume."
    assert found(text) == [("Saturday", "DATE", "2005-03-05")]


@pytest.mark.parametrize(
    "text",
    [
        "the minister told Radio 4's Today programme.",
        "The union leader told Today that talks had failed.",
        "according to USA Today",
        "an interview in The Sunday Times",
        "the Mail on Sunday reported",
        "journalists at the Daily and Sunday Telegraph",
    ],
)
def test_names_are_not_times(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today the bank raised rates.", ("Today", "DATE", "2005-03-10")),
        ("Bank Raises Rates Today", ("Today", "DATE", "2005-03-10")),
        ("The paper said on Sunday that it would cut jobs.", ("Sunday", "DATE", "2005-03-06")),
    ],
)
def test_days_still_found(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Copper slid for a second day as stocks grew.", ("a second day", "DURATION", "P2D")),
        ("Car sales fell for the fourth month.", ("the fourth month", "DURATION", "P4M")),
        ("The two previous quarters were weak.", ("The two previous quarters", "DURATION", "P2Q")),
        (
            "It beat the preceding three quarters.",
            ("the preceding three quarters", "DURATION", "P3Q"),
        ),
        (
            "Demand sagged over the last couple of weeks.",
            ("the last couple of weeks", "DURATION", "P2W"),
        ),
        (
            "The brewer expects full-year profits to rise.",
            ("full-year", "DURATION", "P1Y"),
        ),
    ],
)
def test_durations(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tickets for the third day of the show sold out.",
        "Results for the second quarter were strong.",
    ],
)
def test_not_a_streak(text: str) -> None:
    assert all(t[1] != "DURATION" for t in found(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output is rising at nearly 12% a year.", ("a year", "SET", "P1Y")),
        ("The yard will build 40 Tiger ferries a year.", ("a year", "SET", "P1Y")),
        ("Fees will add 2bn a month to costs.", ("a month", "SET", "P1M")),
        ("The fund reviews its forecasts bi-annually.", ("bi-annually", "SET", "P6M")),
        # not rates
        ("Prices rose 5% in a year.", ("a year", "DURATION", "P1Y")),
        ("Revenue was 5% lower a year earlier.", ("a year earlier", "DATE", "2004")),
    ],
)
def test_rates_are_sets(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit fell to $9m from $12m year-earlier.", ("year-earlier", "DATE", "2004")),
        ("Shipping rates are 20% above year-ago levels.", ("year-ago", "DATE", "2004")),
        ("Hiring will slow in coming months.", ("coming months", "DATE", "FUTURE_REF")),
        ("The shops hope trade picks up in the New Year.", ("New Year", "DATE", "2005-01-01")),
        ("It wants to list by the end of the decade.", ("the end of the decade", "DATE", "200X")),
        (
            "Output shrank in the quarter ending June 30, the agency said.",
            ("the quarter", "DATE", "2004-Q2"),
        ),
        (
            "Output shrank in the quarter ending June 30, the agency said.",
            ("June 30", "DATE", "2004-06-30"),
        ),
        (
            "Profit in the quarter to 31 December 2004 doubled.",
            ("the quarter", "DATE", "2004-Q4"),
        ),
    ],
)
def test_anaphoric_and_named(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def test_year_end_of_decade_has_mod() -> None:
    (t,) = tag("by the end of the decade", DCT)
    assert t.mod == "END"


def test_chinese_new_year_is_not_january_first() -> None:
    assert found("during the Chinese New Year holiday") == []


def test_the_same_quarter_is_the_last_quarter_mentioned() -> None:
    text = (
        "Profit for the quarter to 31 December 2004 rose. A rival reported results earlier "
        "in the week. During the same quarter, its sales rose."
    )
    assert ("the same quarter", "DATE", "2004-Q4") in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trading session before a Monday is the Friday
        (
            "Shares fell on Monday, erasing the previous session's gains.",
            ("the previous session", "DATE", "2005-03-04"),
        ),
        (
            "Shares rose on Friday. The next trading day they fell.",
            ("The next trading day", "DATE", "2005-03-07"),
        ),
        (
            "Shares rose on Wednesday. The previous day they had fallen.",
            ("The previous day", "DATE", "2005-03-08"),
        ),
    ],
)
def test_trading_sessions(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)
