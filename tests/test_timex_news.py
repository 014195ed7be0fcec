"""General rules found on the TimeBank part of TBAQ (the tuning set of benchmarks/timex_tbaq.py)
and on MEANTIME: company notices, results compared with a year before, tense across a sentence.

Sentences are invented; each checks one reading (text, type, value).
"""

from __future__ import annotations

from datetime import date

from checker.extract.timex import tag


def found(text: str, dct: date) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def test_dates_a_notice_sets_lie_ahead() -> None:
    text = "The board declared a dividend of 5 cents, payable Dec. 1 to holders of record Nov. 10."
    result = found(text, date(1995, 10, 20))
    assert ("Dec. 1", "DATE", "1995-12-01") in result
    assert ("Nov. 10", "DATE", "1995-11-10") in result
    assert ("March 1", "DATE", "1996-03-01") in found(
        "The merged bank opened a new office, effective March 1.", date(1995, 10, 20)
    )


def test_a_future_date_after_a_near_one_is_the_next_after_the_dct() -> None:
    # the record date comes before the payment date, both within weeks of the DCT
    text = "The dividend is payable Jan. 4 to holders of record Dec. 12."
    result = found(text, date(1995, 11, 2))
    assert ("Jan. 4", "DATE", "1996-01-04") in result
    assert ("Dec. 12", "DATE", "1995-12-12") in result


def test_a_past_clause_does_not_report_a_month_after_the_dct() -> None:
    text = "The jobless rate fell to 5.1 percent last month from 5.4 percent in November."
    assert ("November", "DATE", "2003-11") in found(text, date(2004, 2, 6))


def test_a_year_ago_compares_with_the_quarter_in_focus() -> None:
    text = (
        "Third-quarter profit rose 8% to $40 million from $37 million a year ago. "
        "A year earlier, the company had sold its paper unit. "
        "Sales in the year-earlier quarter were $300 million."
    )
    result = found(text, date(1995, 10, 20))
    assert ("Third-quarter", "DATE", "1995-Q3") in result
    assert ("a year ago", "DATE", "1994-Q3") in result
    assert ("A year earlier", "DATE", "1994-Q3") in result
    # a comparison does not move the focus: the year-earlier quarter is still 1994's
    assert ("the year-earlier quarter", "DATE", "1994-Q3") in result


def test_a_year_ago_without_a_quarter_in_focus_is_a_year() -> None:
    assert ("a year ago", "DATE", "1994") in found(
        "Prices are 8% higher than a year ago.", date(1995, 10, 20)
    )


def test_the_quarter_ended_a_date_is_two_expressions() -> None:
    # TimeML does not nest TIMEX3: the quarter and the date that ends it are tagged apart
    text = "Net income rose 5% in the quarter ended Sept. 30."
    assert found(text, date(1995, 10, 20)) == [
        ("the quarter", "DATE", "1995-Q3"),
        ("Sept. 30", "DATE", "1995-09-30"),
    ]
    # a fiscal quarter keeps the number it is given
    text = "Profit fell in its fourth quarter ended June 30, 1995."
    assert found(text, date(1995, 8, 1)) == [
        ("fourth quarter", "DATE", "1995-Q4"),
        ("June 30, 1995", "DATE", "1995-06-30"),
    ]


def test_the_latest_quarter_is_the_last_one_completed() -> None:
    text = "The bank took a charge of $8 million in the latest quarter."
    assert found(text, date(1995, 10, 20)) == [("the latest quarter", "DATE", "1995-Q3")]
    # with a quarter in focus, it is that quarter
    text = "Sales rose in the second quarter. Costs fell in the latest quarter."
    assert ("the latest quarter", "DATE", "1995-Q2") in found(text, date(1995, 10, 20))


def test_the_quarter_in_a_past_clause_without_focus_is_the_last_one_completed() -> None:
    text = "New loans were $6 million in the quarter."
    assert found(text, date(1995, 10, 20)) == [("the quarter", "DATE", "1995-Q3")]
    # in a future clause it is the current one
    text = "New loans will slow in the quarter."
    assert found(text, date(1995, 10, 20)) == [("the quarter", "DATE", "1995-Q4")]


def test_the_year_ended_a_date_is_a_year_long_stretch_and_the_date() -> None:
    text = "Revenue was $80 million for the year ended March 31."
    assert found(text, date(1995, 10, 20)) == [
        ("the year", "DURATION", "P1Y"),
        ("March 31", "DATE", "1995-03-31"),
    ]


def test_the_past_year_is_the_year_before() -> None:
    assert found("Exports grew 8% in the past year.", date(1998, 3, 3)) == [
        ("the past year", "DATE", "1997")
    ]


def test_a_fraction_of_something_is_no_duration() -> None:
    assert found("The country imports about three-quarters of its food.", date(1990, 8, 15)) == []
    assert found("The work took three quarters.", date(1990, 8, 15)) == [
        ("three quarters", "DURATION", "P3Q")
    ]


def test_weeks_ago_is_a_day() -> None:
    assert found("The talks broke down two weeks ago.", date(1998, 3, 22)) == [
        ("two weeks ago", "DATE", "1998-03-08")
    ]
