"""Time tagger, third pass of issue 15: the period in focus of company results, tense of bare
weekdays and dates, compounds of comparison periods (invented sentences)."""

from __future__ import annotations

from datetime import date

from checker.extract.timex import tag

DCT = date(1995, 10, 30)  # Monday


def values(text: str, dct: date | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


def test_a_quarter_ended_on_a_date_stays_in_focus() -> None:
    # the date only bounds the quarter: "a year ago" compares with that quarter, also a fiscal
    # quarter that ends in another calendar quarter
    text = (
        "The toy maker earned $3 million in its fiscal first quarter ended Sept. 30. It lost"
        " $1 million a year ago. Sales rose from a year earlier."
    )
    assert values(text) == [
        ("first quarter", "1995-Q1"),
        ("Sept. 30", "1995-09-30"),
        ("a year ago", "1994-Q1"),
        ("a year earlier", "1994-Q1"),
    ]
    text = "Profit rose in the third quarter ended Sept. 30 from the year-ago period."
    assert values(text)[-1] == ("the year-ago period", "1994-Q3")


def test_comparison_periods_written_as_one_expression() -> None:
    # "the year-ago third quarter" is one expression: that quarter one year back
    text = "Net fell in the third quarter from $5 million in the year-ago third quarter."
    assert values(text) == [
        ("the third quarter", "1995-Q3"),
        ("the year-ago third quarter", "1994-Q3"),
    ]
    text = "Sales rose in the second quarter, compared with the comparable year-ago quarter."
    assert values(text)[-1] == ("the comparable year-ago quarter", "1994-Q2")


def test_the_period_of_a_named_year() -> None:
    # "the 1994 quarter": the quarter in focus, in that year; it does not take the focus
    text = (
        "Net rose in the third quarter. There was a gain of $3 million in the 1994 quarter."
        " Sales rose in the quarter."
    )
    assert values(text) == [
        ("the third quarter", "1995-Q3"),
        ("the 1994 quarter", "1994-Q3"),
        ("the quarter", "1995-Q3"),
    ]
    assert values("Net rose in the first half of 1995. It fell in the 1994 period.")[-1] == (
        "the 1994 period",
        "1994-H1",
    )
    # nothing in focus: the year
    assert values("There was no gain in the 1994 period.") == [("the 1994 period", "1994")]


def test_a_schedule_in_the_simple_present_lies_ahead() -> None:
    dct = date(1995, 11, 3)  # Friday
    text = "Talks stalled again. The two ministers meet the envoy on Monday."
    assert values(text, dct)[-1] == ("Monday", "1995-11-06")
    text = "The strike ended. The plant reopens Tuesday."
    assert values(text, dct)[-1] == ("Tuesday", "1995-11-07")
    # a past cue decides; a noun ("its launch", "the visit") or an infinitive is no verb
    text = "Talks stalled again. The two ministers met the envoy on Monday."
    assert values(text, dct)[-1] == ("Monday", "1995-10-30")
    text = "Sales rose. The visit Monday drew crowds."
    assert values(text, dct)[-1] == ("Monday", "1995-10-30")
    text = "Sales rose. It was hard to meet demand well into the summer."
    assert values(text, dct)[-1] == ("summer", "1995-SU")
    # a headline tells past news in the present
    assert values("Ministers meet envoy Monday", dct) == [("Monday", "1995-10-30")]


def test_the_corresponding_period_and_last_years_quarter_are_the_focus_a_year_back() -> None:
    text = "The mill earned more in the third quarter than in the corresponding period last year."
    assert values(text)[-1] == ("the corresponding period last year", "1994-Q3")
    text = "Its third-quarter sales beat last year's quarter by a wide margin."
    assert values(text)[-1] == ("last year's quarter", "1994-Q3")


def test_a_stretch_in_just_minutes() -> None:
    assert values("The index gave back its gains in just minutes.") == [("minutes", "PTXM")]


def test_a_part_of_the_day_before_yesterday_or_today() -> None:
    assert [
        (t.text, t.type, t.value)
        for t in tag("The invented pier shut mid-afternoon yesterday.", DCT)
    ] == [("mid-afternoon yesterday", "TIME", "1995-10-29TAF")]
    assert values("Fog lifted morning today.") == [("morning today", "1995-10-30TMO")]


def test_an_amount_or_so_ago_is_an_approximate_date() -> None:
    t = tag("The invented barn burned a week or so ago.", DCT)[0]
    assert (t.text, t.type, t.value, t.mod) == ("a week or so ago", "DATE", "1995-10-23", "APPROX")


def test_one_day_after_a_modal_is_a_day_to_come() -> None:
    assert values("The invented village will one day be a city.") == [("one day", "FUTURE_REF")]
    assert values("She had been in the invented post one day.") == [("one day", "P1D")]
