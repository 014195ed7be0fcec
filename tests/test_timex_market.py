"""Unit tests for the stock-market rule families of the time tagger.

Written on our own market-report sentences (Wikinews style), following TimeML/MEANTIME
conventions: trading days and sessions, streaks, "single-day" moves, clock times with zones,
named crash days, "the week ending ...".
"""

from __future__ import annotations

from datetime import date

import pytest

from checker.extract.timex import tag

DCT = date(2008, 10, 10)  # a Friday


def found(text: str, dct: date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


# ---- clock times with zones --------------------------------------------------------------------
# A time in a named zone is written in UTC with "Z" (changed from keeping the local time): TIMEX3
# values are ISO 8601, and MEANTIME writes every zoned time in UTC with "Z", even "6:40 p.m.
# ( GMT +8 )" (tuning doc 82597). "local time" names no zone and stays local.


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The market fell at 2:30 p.m. local time.", "2:30 p.m. local time", "2008-10-10T14:30"),
        # US Eastern time is on daylight saving (UTC-4) on 10 October 2008
        ("It closed at 4:00 p.m. Eastern Time.", "4:00 p.m. Eastern Time", "2008-10-10T20:00Z"),
        ("At 10:15 JST the Nikkei was down 5%.", "10:15 JST", "2008-10-10T01:15Z"),
        ("The Hang Seng closed at 4 p.m. HKT.", "4 p.m. HKT", "2008-10-10T08:00Z"),
        (
            "It fell at 6:40 p.m. ( GMT +8 ) today.",
            "6:40 p.m. ( GMT +8 ) today",
            "2008-10-10T10:40Z",
        ),
        ("Trading halted at 14:30 GMT.", "14:30 GMT", "2008-10-10T14:30Z"),
    ],
)
def test_clock_with_zone(text: str, span: str, value: str) -> None:
    assert (span, "TIME", value) in found(text)


# ---- trading days, sessions and periods --------------------------------------------------------


def test_past_trading_days() -> None:
    assert found("The Dow has fallen on seven of the past eight trading days.") == [
        ("the past eight trading days", "DURATION", "P8D")
    ]
    assert found("The index lost 9% in the last five consecutive days.") == [
        ("the last five consecutive days", "DURATION", "P5D")
    ]


def test_trading_day_is_a_day() -> None:
    assert found("The Dow fell 2% in the previous trading day.") == [
        ("the previous trading day", "DATE", "2008-10-09")
    ]
    assert found("Shares rose 4% during the trading day.") == [
        ("the trading day", "DATE", "2008-10-10")
    ]
    assert found("The index recovered by the end of the trading day.") == [
        ("the end of the trading day", "DATE", "2008-10-10")
    ]


def test_the_unit_as_object_of_a_market_verb() -> None:
    assert found("The Dow ended the day down 2%.") == [("the day", "DATE", "2008-10-10")]
    assert found("The FTSE finished the week 3% higher.") == [("the week", "DATE", "2008-W41")]
    assert found("The index started the year at 6,400.") == [("the year", "DATE", "2008")]
    # not before a relative word or "of": "closed the day before" is another rule's business
    assert ("the day", "DATE", "2008-10-10") not in found("It closed the day before.")
    # an ordinary object is not a time
    assert found("The company closed the deal.") == []


def test_week_ending() -> None:
    assert found("In the week ending March 7, the FTSE fell 5 percent.") == [
        ("the week ending March 7", "DATE", "2008-W10")
    ]
    assert found("The Dow lost 7.3% for the week ended Oct. 10, 2008.") == [
        ("the week ended Oct. 10, 2008", "DATE", "2008-W41")
    ]


def test_last_hour_of_trading() -> None:
    assert found("The Dow dropped 500 points in the final hour of trading.") == [
        ("the final hour", "DURATION", "PT1H")
    ]
    assert found("The index fell 300 points in the last hour.") == [
        ("the last hour", "DURATION", "PT1H")
    ]
    # "the first day of trading" is not an hour, and "first day" alone is not tagged
    assert found("It was the second day of trading.") == []


def test_single_day_moves() -> None:
    assert found("its largest single-day point drop ever") == [("single-day", "DURATION", "P1D")]
    assert found("The index fell 10% in a single day.") == [("a single day", "DURATION", "P1D")]
    assert found("a single share") == []
    # "one-day", "52-week", "seven-year" lows and highs stay DURATIONs (MEANTIME: "five-year high")
    assert found("its biggest one-day drop") == [("one-day", "DURATION", "P1D")]
    assert found("The stock hit a 52-week high.") == [("52-week", "DURATION", "P52W")]
    assert found("Oil fell to a seven-year low.") == [("seven-year", "DURATION", "P7Y")]


def test_streaks() -> None:
    assert found("Stocks fell for the third straight day.") == [
        ("the third straight day", "DURATION", "P3D")
    ]
    assert found("The index rose for the fifth consecutive trading day.") == [
        ("the fifth consecutive trading day", "DURATION", "P5D")
    ]
    assert found("Shares fell for a second day in a row.") == [
        ("a second day in a row", "DURATION", "P2D")
    ]
    assert found("a 12th successive week of losses") == [
        ("a 12th successive week", "DURATION", "P12W")
    ]
    # a plain ordinal day is not a streak
    assert found("on the third day of the trial") == []


# ---- relative to the time in focus -------------------------------------------------------------


def test_amount_earlier_or_later() -> None:
    assert found("On Monday the Dow fell 700 points. Two days later the market recovered.") == [
        ("Monday", "DATE", "2008-10-06"),
        ("Two days later", "DATE", "2008-10-08"),
    ]
    assert found("In March 2008 the index was at 12,000; a year earlier it was at 14,000.") == [
        ("March 2008", "DATE", "2008-03"),
        ("a year earlier", "DATE", "2007"),
    ]
    # a delay against a plan: the date meant is the one in focus (MEANTIME's reading)
    assert found("It will arrive on November 11, three days later than originally planned.") == [
        ("November 11", "DATE", "2008-11-11"),
        ("three days later than originally planned", "DATE", "2008-11-11"),
    ]
    # "a day after <event>" stays a DURATION (MEANTIME: "comes a day after Chrysler ...")
    assert found("GM's move comes a day after Chrysler filed.") == [("a day", "DURATION", "P1D")]


def test_earlier_and_later_in_the_day() -> None:
    assert found("Shares fell earlier in the day.") == [
        ("earlier", "TIME", "PAST_REF"),
        ("the day", "DATE", "2008-10-10"),
    ]
    assert found("The index rose later in the session.") == [("later", "TIME", "FUTURE_REF")]
    assert found("Rates were cut earlier in the week.") == [
        ("earlier", "DATE", "PAST_REF"),
        ("the week", "DATE", "2008-W41"),
    ]
    # "earlier" alone stays untagged
    assert found("As reported earlier, the bank failed.") == []


def test_previous_and_following_weekday() -> None:
    assert found("Stocks had risen the previous Friday.") == [
        ("the previous Friday", "DATE", "2008-10-03")
    ]
    assert found("Markets will reopen the following Monday.") == [
        ("the following Monday", "DATE", "2008-10-13")
    ]


def test_long_weekend() -> None:
    assert found("Trading resumed after the long weekend.") == [
        ("the long weekend", "DATE", "2008-W40-WE")
    ]


# ---- vague stretches ---------------------------------------------------------------------------


def test_recent_units_are_a_vague_past() -> None:
    # TimeML PAST_REF, as TimeBank writes "in recent years" (MEANTIME writes it either way); the
    # span leaves out "in"
    assert found("Ford has in recent years been struggling.") == [
        ("recent years", "DATE", "PAST_REF")
    ]
    assert found("In recent weeks markets have fallen sharply.") == [
        ("recent weeks", "DATE", "PAST_REF")
    ]
    assert found("Prices rose over the last few months.") == [
        ("the last few months", "DATE", "PAST_REF")
    ]
    assert found("the worst in recent history") == [("recent history", "DATE", "PAST_REF")]
    # a measured stretch stays a duration
    assert found("Prices rose over the last three months.") == [
        ("the last three months", "DURATION", "P3M")
    ]


def test_over_the_years() -> None:
    # MEANTIME keeps "over" in the span: "[over the years]" DURATION PXY
    assert found("for their hard work and dedication over the years") == [
        ("over the years", "DURATION", "PXY")
    ]
    assert found("prices have risen through the decades") == [
        ("through the decades", "DURATION", "PXY")  # vague decades: years, as "for decades"
    ]


# ---- named crash days --------------------------------------------------------------------------


def test_black_monday_is_the_1987_crash() -> None:
    assert found("It was the worst day since Black Monday.") == [
        ("Black Monday", "DATE", "1987-10-19")
    ]
    assert found("Black Monday was a crash.") == [("Black Monday", "DATE", "1987-10-19")]
    assert found("the Black Tuesday crash") == [("Black Tuesday", "DATE", "1929-10-29")]


def test_a_new_black_monday_is_the_latest_monday() -> None:
    assert found("Markets suffered another Black Monday as the FTSE fell 5%.") == [
        ("Black Monday", "DATE", "2008-10-06")
    ]
    assert found("what traders dubbed Black Monday") == [("Black Monday", "DATE", "2008-10-06")]


def test_other_named_weekdays_are_not_times() -> None:
    # "Good Friday" is no Friday of the DCT's week but a movable holiday (Easter Sunday - 2 days)
    assert found("Good Friday is a holiday.") == [("Good Friday", "DATE", "2008-03-21")]
    assert found("black monday") == []


# ---- trading sessions, "in years", baselines ---------------------------------------------------


def test_counted_trading_sessions_are_days() -> None:
    # a trading session is a trading day: counted sessions are durations in days, like "days"
    assert found("The rupee gained 1% in the past three sessions.") == [
        ("the past three sessions", "DURATION", "P3D")
    ]
    assert found("The index fell for the fourth consecutive session.") == [
        ("the fourth consecutive session", "DURATION", "P4D")
    ]
    assert found("Stocks rose for five straight sessions.") == [
        ("five straight sessions", "DURATION", "P5D")
    ]
    # a session of parliament is no trading day
    assert found("The first session of parliament opened.") == []
    assert found("They attended two sessions.") == []


def test_in_years_after_a_superlative_is_a_vague_duration() -> None:
    assert found("The dollar is at its lowest level in years.") == [("years", "DURATION", "PXY")]
    assert found("It was the first rise in decades, analysts said.") == [
        ("decades", "DURATION", "PXY")
    ]
    assert found("The crisis was decades in the making.") == [("decades", "DURATION", "PXY")]
    # "in years to come" speaks about the future, not a stretch up to now
    assert found("Shares will rise in years to come.") == []


def test_a_since_baseline_does_not_become_the_reference_time() -> None:
    # "its lowest level since 2003" compares with 2003; "the year" is still the DCT's year
    text = "The index closed at its lowest level since 2003. For the year, it is down 30%."
    assert found(text) == [("2003", "DATE", "2003"), ("the year", "DATE", "2008")]
    text = "The Nikkei had its worst day since the 1987 crash. For the year, it is down 40%."
    assert found(text)[-1] == ("the year", "DATE", "2008")
    # a plain mention still does
    text = "The bank was founded in 1987. During the year, it opened ten branches."
    assert found(text)[-1] == ("the year", "DATE", "1987")


def test_a_comparison_baseline_leaves_the_year_in_focus() -> None:
    text = (
        "Sales fell 35% in January, compared to the same month a year ago, as makers "
        "reported their January sales."
    )
    assert [v for v in found(text, date(2009, 2, 3)) if v[0] == "January"] == [
        ("January", "DATE", "2009-01"),
        ("January", "DATE", "2009-01"),
    ]


def test_month_before_a_noun() -> None:
    assert found("Stocks fell below their March lows.") == [("March", "DATE", "2008-03")]
    assert found("Minutes of the Fed's September meeting were released.") == [
        ("September", "DATE", "2008-09")
    ]
    assert found("Ford's December sales fell.", date(2009, 1, 5)) == [
        ("December", "DATE", "2008-12")
    ]
    # a name, not a month
    assert found("The March of Dimes raised money.") == []
    assert found("the May government resigned") == []
