"""Time tagger, fifth pass of issue 15: anchors, spans and modifiers (invented sentences)."""

from __future__ import annotations

from datetime import date

from checker.extract.timex import tag

DCT = date(1995, 10, 30)  # Monday


def found(text: str, dct: date | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in tag(text, dct)]


def test_the_day_after_a_clause_is_not_the_next_day() -> None:
    # "after falling" starts a clause: "late in the day" is the day in focus, not the day after
    text = "The index recovered late in the day after falling 3%, and ended the day up."
    assert found(text) == [
        ("late in the day", "1995-10-30", "END"),
        ("the day", "1995-10-30", None),
    ]
    text = "Prices dipped earlier in the day before rallying."
    assert found(text)[-1] == ("the day", "1995-10-30", None)
    # a name ending in -ing ("Boxing Day") is no clause: "the day after" still counts on
    assert [t for t, _, _ in found("The guests left the day after Boxing Day.")] == [
        "the day after",
        "Boxing Day",
    ]
    assert found("They met on Friday and left the day after.")[-1][:2] == (
        "the day after",
        "1995-10-28",
    )


def test_early_in_and_late_in_join_the_expression() -> None:
    assert found("The plant closed early in March.") == [("early in March", "1995-03", "START")]
    assert found("Rates rose late in the year.")[0][2] == "END"


def test_no_more_than_is_at_most() -> None:
    # "no more than" is an upper bound, not "more than"; "no fewer than" a lower bound
    assert found("The troops may stay for no more than 60 days.")[0][2] == "EQUAL_OR_LESS"
    assert found("The talks lasted not more than three hours.")[0][2] == "EQUAL_OR_LESS"
    assert found("It takes no fewer than five days.")[0][2] == "EQUAL_OR_MORE"
    assert found("It took more than five days.")[0][2] == "MORE_THAN"


def test_vague_centuries_are_written_in_centuries() -> None:
    # TimeML's century unit, as TimeBank writes it (and millennia as L)
    assert found("The abbey stood there for centuries.") == [("centuries", "PXC", None)]


def test_a_date_right_after_a_clock_time_is_its_day() -> None:
    text = "The offer expires at 5 p.m. EST Nov. 2, the company said."
    assert found(text)[0] == ("5 p.m. EST", "1995-11-02T22:00Z", None)


def test_the_latest_period_after_a_day_that_bounds_it() -> None:
    # "the six months ended Oct. 1" names a day that only bounds the period: "the latest
    # period" is the last quarter completed, and "the 1994 period" that quarter in 1994
    text = (
        "Profit fell in the six months ended Oct. 1. There were no gains in the latest"
        " period, but a gain in the 1994 period."
    )
    assert [(t, v) for t, v, _ in found(text)][-2:] == [
        ("the latest period", "1995-Q3"),
        ("the 1994 period", "1994-Q3"),
    ]
    # a fiscal quarter numbered ahead of the calendar stays the latest period
    text = "The firm posted a loss in the fiscal fourth quarter. Sales in the latest period fell."
    assert [v for _, v, _ in found(text)] == ["1995-Q4", "1995-Q4"]


def test_year_ago_period_after_an_outlook_quarter() -> None:
    # a quarter still ahead is an outlook: the year-ago figures compare with the quarter
    # already reported
    text = (
        "Analysts expect weakness through the second quarter of 1996. In the year-ago period,"
        " the company earned $5 million."
    )
    assert found(text)[-1] == ("the year-ago period", "1994-Q3", None)


def test_a_named_deadline_lies_ahead() -> None:
    # a deadline after a verb is still to come, like what a state lasts until
    assert found("The bank has extended the credit line through January.")[0][1] == "1996-01"
    assert found("Voters need to register by Feb. 11.")[0][1] == "1996-02-11"
    # a past-tense auxiliary, or a deadline that opens the sentence, looks back
    assert found("Sales had doubled by February.")[0][1] == "1995-02"
    assert found("Markets are calm. By February, sales rose.")[0][1] == "1995-02"


def test_halves_named_otherwise() -> None:
    assert found("Earnings will be lower for the last half of 1995.")[0][:2] == (
        "the last half of 1995",
        "1995-H2",
    )
    text = "The slump should last through the first two quarters of 1996."
    assert found(text)[0][:2] == ("the first two quarters of 1996", "1996-H1")
    # a count of quarters without a year stays a duration
    assert found("In the last two quarters, sales fell.")[0][:2] == ("the last two quarters", "P2Q")


def test_an_age_is_not_tagged() -> None:
    # "Mr. Smith, 52 years old": TimeBank leaves ages untagged
    assert found("Mr. Smith, 52 years old, will retire.") == []
    assert found("He worked there for 52 years.") == [("52 years", "P52Y", None)]


def test_a_weekday_that_is_not_the_dates_own() -> None:
    # a headline's "until Friday" over a dateline: the weekday is not that date's, so they
    # are two expressions (a weekday that is the date's joins it)
    text = "Banks to stay shut until Friday\nOctober 26, 1995 Banks stayed shut."
    assert [(t, v) for t, v, _ in found(text, date(1995, 10, 26))] == [
        ("Friday", "1995-10-27"),
        ("October 26, 1995", "1995-10-26"),
    ]
    assert found("It opened on Thursday, October 26, 1995.")[0][:2] == (
        "Thursday, October 26, 1995",
        "1995-10-26",
    )
    # the day of a match on one line, its kick-off time on the next
    assert [v for _, v, _ in found("Tuesday, 1 March\n\n1945 GMT")] == [
        "1995-03-01",
        "1995-03-01T19:45Z",
    ]


def test_a_number_before_index_is_a_name() -> None:
    # "the Wilshire 5000 Index", a misspelt "Russel 2000 Index": not years
    assert found("The Russel 2000 Index of small companies fell.") == []
    assert found("Sales rose in 2000 and index funds grew.")[0][:2] == ("2000", "2000")


def test_the_period_a_year_back_of_a_stretch_of_months() -> None:
    # "for the nine months ... in the year-earlier period": that stretch a year back, written
    # as its length (TimeML has no value for nine calendar months; TimeBank writes P9M)
    text = (
        "Profit rose in the third quarter. For the nine months, net was $5 million. In the"
        " year-earlier period, net was $4 million, and year-earlier sales were lower."
    )
    got = [(t.text, t.type, t.value) for t in tag(text, DCT)]
    assert got[1:] == [
        ("nine months", "DURATION", "P9M"),
        ("the year-earlier period", "DURATION", "P9M"),
        # the adjective compares the nine months too: no value names nine calendar months,
        # so the year they fall in, one year back
        ("year-earlier", "DATE", "1994"),
    ]
    text = "For the nine months, net rose to $9 million from $7 million a year earlier."
    assert found(text)[-1][:2] == ("a year earlier", "1994")
    # a date mentioned after the stretch is the focus again
    text = "For the six months, sales rose. In the third quarter, from the year-ago period, too."
    assert found(text)[-1][:2] == ("the year-ago period", "1994-Q3")
    assert found("Net for the year-earlier nine months was lower.")[0][:2] == (
        "the year-earlier nine months",
        "P9M",
    )


def test_the_quarter_a_year_ago_is_one_expression() -> None:
    text = "Sales rose in the third quarter. For the quarter a year ago, it earned $5 million."
    assert found(text)[-1][:2] == ("the quarter a year ago", "1994-Q3")


def test_a_year_in_focus_does_not_give_the_compared_quarter() -> None:
    # "next year" is in focus, but "the year-earlier quarter" is the quarter talked about
    text = (
        "Sales fell in the third quarter. A recovery is seen next year. Revenue rose in the"
        " quarter from the year-earlier quarter."
    )
    assert found(text)[-1][:2] == ("the year-earlier quarter", "1994-Q3")


def test_the_quarter_before_an_amount() -> None:
    # "to" before an amount is where a figure went, not the end of the quarter
    text = "Sales fell in the third quarter. Revenue rose in the quarter to $2 billion."
    assert found(text)[-1][:2] == ("the quarter", "1995-Q3")


def test_a_quarter_ending_off_the_calendar() -> None:
    # "the quarter ended July 31" runs May to July: mostly the second calendar quarter
    got = found("In the quarter ended July 31, 1995, the firm lost money.")
    assert [v for _, v, _ in got] == ["1995-Q2", "1995-07-31"]
    got = found("In the quarter ended Sept. 30, 1995, the firm lost money.")
    assert [v for _, v, _ in got] == ["1995-Q3", "1995-09-30"]


def test_latest_quarter_possessive_and_mid_afternoon() -> None:
    text = "Sales rose. The latest quarter's results included a gain."
    assert found(text)[0][:2] == ("The latest quarter", "1995-Q3")
    assert found("By mid afternoon, the talks were over.")[0][:2] == (
        "mid afternoon",
        "1995-10-30TAF",
    )
