"""TimeML/MEANTIME conventions for stock-market reports, on our own sentences.

Conventions (established from the TimeML TIMEX3 guidelines and the MEANTIME tuning gold, airbus +
apple + gm; the stock sub-corpus is held out and was not looked at):
- a clock time in a named zone is written in UTC with "Z": MEANTIME writes every zoned time so,
  "6:40 p.m. ( GMT +8 )" included; the date moves when the conversion crosses midnight;
- weekdays are resolved against the DCT: in a past clause the last such day on or before the DCT
  (a Monday report's "Monday" is the DCT, its "Friday" the Friday before), in a future clause the
  first on or after it; a weekday's possessive ("Friday's close") is the weekday alone;
- parts of a day ("this morning", "Monday afternoon") are TIME, days are DATE ("today" is the DCT),
  "now" is PRESENT_REF; "last week"/"this week" are DATE weeks, "the past week", "a week",
  "five days" are DURATIONs; "2 billion shares a day", "per year" are SETs;
- a stock index's name or level is not a year ("the Russell 2000", "fell below 2000").
"""

from __future__ import annotations

from datetime import date

import pytest

from checker.extract.timex import tag
from checker.extract.timex.values import daylight_saving, to_utc

MONDAY = date(2008, 10, 13)
SATURDAY = date(2008, 10, 11)


def found(text: str, dct: date | None = MONDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


# ---- clock times in zones are written in UTC -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # New York on daylight saving time (UTC-4) in October
        ("The Dow closed at 4:00 p.m. EDT.", MONDAY, ("4:00 p.m. EDT", "2008-10-13T20:00Z")),
        ("By 10:30 a.m. ET the Dow was down 2%.", MONDAY, ("10:30 a.m. ET", "2008-10-13T14:30Z")),
        # ... and on standard time (UTC-5) in January: "ET" follows the calendar
        (
            "By 10:30 a.m. ET the Dow was down 2%.",
            date(2008, 1, 22),
            ("10:30 a.m. ET", "2008-01-22T15:30Z"),
        ),
        (
            "At 2:30 pm EST, the Nasdaq was down 3%.",
            date(2008, 1, 22),
            ("2:30 pm EST", "2008-01-22T19:30Z"),
        ),
        # crossing midnight moves the date: forwards from New York, backwards from Tokyo
        ("At 9 p.m. EDT futures were flat.", MONDAY, ("9 p.m. EDT", "2008-10-14T01:00Z")),
        ("The Nikkei opened at 9:00 JST.", MONDAY, ("9:00 JST", "2008-10-13T00:00Z")),
        ("At 8:30 JST the yen rose.", MONDAY, ("8:30 JST", "2008-10-12T23:30Z")),
        ("The DAX opened at 9:00 CET.", MONDAY, ("9:00 CET", "2008-10-13T08:00Z")),
        (
            "The index fell at 6:40 p.m. ( GMT +8 ).",
            MONDAY,
            ("6:40 p.m. ( GMT +8 )", "2008-10-13T10:40Z"),
        ),
        ("Trading halted at 14:30 UTC.", MONDAY, ("14:30 UTC", "2008-10-13T14:30Z")),
    ],
)
def test_zoned_clock_times_are_utc(text: str, dct: date, expected: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in tag(text, dct) if t.type == "TIME"] == [expected]


def test_local_time_stays_local() -> None:
    assert found("Markets in Tokyo closed at 15:00 local time.") == [
        ("15:00 local time", "TIME", "2008-10-13T15:00")
    ]
    assert found("The Dow was down 400 points at 11:00 a.m.") == [
        ("11:00 a.m.", "TIME", "2008-10-13T11:00")
    ]


def test_zoned_time_on_an_explicit_date() -> None:
    assert found("At 4 p.m. ET on January 5, 2008 the index was flat.") == [
        ("4 p.m. ET", "TIME", "2008-01-05T21:00Z"),
        ("January 5, 2008", "DATE", "2008-01-05"),
    ]


def test_bracket_closing_earlier_text_is_not_part_of_the_time() -> None:
    out = found("The Nikkei closed at 3 p.m. local time (0600 UTC).")
    assert out == [
        ("3 p.m. local time", "TIME", "2008-10-13T15:00"),
        ("0600 UTC", "TIME", "2008-10-13T06:00Z"),
    ]
    # a bracket around the zone itself stays
    assert found("Trading resumed at 1430 (GMT).") == [("1430 (GMT)", "TIME", "2008-10-13T14:30Z")]


def test_to_utc_and_daylight_saving() -> None:
    assert to_utc("2008-10-10T16:00", -300, "us") == "2008-10-10T20:00Z"
    assert to_utc("2008-12-10T16:00", -300, "us") == "2008-12-10T21:00Z"
    assert to_utc("2008-12-31T23:30", -300, None) == "2009-01-01T04:30Z"
    assert to_utc("2008-01-01T01:00", 540, None) == "2007-12-31T16:00Z"
    assert to_utc("2008-10-10T24:00", 0, None) == "2008-10-11T00:00Z"
    assert to_utc("XXXX-XX-XXT14:30", 0, None) == "XXXX-XX-XXT14:30Z"
    assert to_utc("XXXX-XX-XXT14:30", -240, None) == "XXXX-XX-XXT14:30"  # no date: left local
    # US rules changed in 2007: early November was summer time in 2007, not in 2006
    assert daylight_saving(date(2007, 11, 2), "us")
    assert not daylight_saving(date(2006, 11, 2), "us")
    assert daylight_saving(date(2006, 10, 28), "us")
    # EU: last Sunday of March to last Sunday of October
    assert daylight_saving(date(2008, 3, 30), "eu")
    assert not daylight_saving(date(2008, 3, 29), "eu")
    assert not daylight_saving(date(2008, 10, 26), "eu")
    assert not daylight_saving(date(2008, 7, 1), None)


# ---- clock times on a weekday ------------------------------------------------------------------


def test_clock_time_followed_by_its_weekday() -> None:
    # "12:00 UTC Monday" is one expression in MEANTIME; "on Friday" after a time is its own DATE
    assert found("At 9 p.m. EDT Monday futures rose.") == [
        ("9 p.m. EDT Monday", "TIME", "2008-10-14T01:00Z")
    ]
    assert found("The exchange reopened at noon on Friday.") == [
        ("noon", "TIME", "2008-10-10T12:00"),
        ("Friday", "DATE", "2008-10-10"),
    ]
    assert found("The index was flat at 10:15 JST on Friday.") == [
        ("10:15 JST", "TIME", "2008-10-10T01:15Z"),
        ("Friday", "DATE", "2008-10-10"),
    ]


# ---- weekdays against the DCT ------------------------------------------------------------------


def test_weekdays_in_a_monday_report() -> None:
    assert found("Stock markets rallied on Monday after Friday's losses.") == [
        ("Monday", "DATE", "2008-10-13"),
        ("Friday", "DATE", "2008-10-10"),
    ]
    assert found("Thursday's trading saw heavy losses.") == [("Thursday", "DATE", "2008-10-09")]
    assert found("The index closed Friday's session down 1%.") == [("Friday", "DATE", "2008-10-10")]
    assert found("The Dow rose again Tuesday.") == [("Tuesday", "DATE", "2008-10-07")]
    # a future clause looks forwards: the first such day on or after the DCT
    assert found("The Bank of Japan will meet on Tuesday.") == [("Tuesday", "DATE", "2008-10-14")]
    assert found("Trading is expected to resume Monday.") == [("Monday", "DATE", "2008-10-13")]


def test_weekdays_in_a_weekend_report() -> None:
    assert found("The Dow ended Friday at 8,451.", SATURDAY) == [("Friday", "DATE", "2008-10-10")]
    assert found("Markets will reopen on Monday.", SATURDAY) == [("Monday", "DATE", "2008-10-13")]
    assert found("The week's losses were the largest since 1933.", SATURDAY) == [
        ("The week", "DATE", "2008-W41"),
        ("1933", "DATE", "1933"),
    ]


# ---- types of market expressions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The FTSE 100 rose 8.3% this morning.", ("this morning", "TIME", "2008-10-13TMO")),
        ("By Monday afternoon the index was up 5%.", ("Monday afternoon", "TIME", "2008-10-13TAF")),
        ("European markets opened higher today.", ("today", "DATE", "2008-10-13")),
        ("The DJIA closed up 2.8% yesterday.", ("yesterday", "DATE", "2008-10-12")),
        ("Earlier today, the Bank of England cut rates.", ("Earlier today", "DATE", "2008-10-13")),
        ("Stocks are now at their lowest level.", ("now", "DATE", "PRESENT_REF")),
        ("Last week, the Dow lost 18%.", ("Last week", "DATE", "2008-W41")),
        ("The S&P 500 has fallen 8% this week.", ("this week", "DATE", "2008-W42")),
        ("The index dropped 5% in the past week.", ("the past week", "DURATION", "P1W")),
        ("Investors lost $1 trillion in a week.", ("a week", "DURATION", "P1W")),
        ("The index lost 20% in five days.", ("five days", "DURATION", "P5D")),
        ("Exchanges traded 3 billion shares a day.", ("a day", "SET", "P1D")),
        ("The fund pays 4% per year.", ("per year", "SET", "P1Y")),
        ("its biggest one-day gain", ("one-day", "DURATION", "P1D")),
    ],
)
def test_market_types(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


# ---- stock indexes are not years ---------------------------------------------------------------


def test_index_names_and_levels_are_not_years() -> None:
    assert found("The Russell 2000 index of small companies fell 5%.") == []
    assert found("The Wilshire 5000 fell 4%.") == []
    assert found("The Nasdaq fell 1874 points.") == []
    assert found("The Nasdaq fell below 2000 for the first time since 2003.") == [
        ("2003", "DATE", "2003")
    ]
    # years stay years
    assert found("It was the worst crash since 2000.") == [("2000", "DATE", "2000")]
    assert found("The index rose from 2005 to 2007.") == [
        ("2005", "DATE", "2005"),
        ("2007", "DATE", "2007"),
    ]


# ---- streaks in headlines ----------------------------------------------------------------------


def test_streak_without_article_in_a_headline() -> None:
    assert found("Stock markets tumble for third straight day") == [
        ("third straight day", "DURATION", "P3D")
    ]
    # an ordinal without "for" or an article is not a streak of its own
    assert found("third straight day of losses") == []
