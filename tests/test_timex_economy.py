"""Conventions found by annotating economy and market news by hand (a dev set outside MEANTIME).

Sentences are invented; each checks one reading (text, type, value).
"""

from __future__ import annotations

from datetime import date

from checker.extract.timex import tag


def found(text: str, dct: date) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def test_a_month_in_a_future_clause_comes_after_the_time_named_before_it() -> None:
    text = "The scheme, begun in March 2009, will continue in January."
    assert ("January", "DATE", "2010-01") in found(text, date(2010, 1, 7))


def test_a_month_in_a_past_clause_after_a_year_keeps_that_year() -> None:
    text = "The scheme, begun in March 2009, was extended in January."
    assert ("January", "DATE", "2009-01") in found(text, date(2010, 1, 7))


def test_the_previous_quarter_is_the_one_before_the_last_quarter_mentioned() -> None:
    # a day named in between ("today") does not move the quarter in focus
    text = (
        "Output shrank in the third quarter of 2008 and fell again in the following quarter, "
        "the office said today. Services fell 1.6 per cent in the previous quarter."
    )
    result = found(text, date(2009, 1, 23))
    assert ("the following quarter", "DATE", "2008-Q4") in result
    assert ("the previous quarter", "DATE", "2008-Q3") in result


def test_the_previous_quarter_without_a_quarter_in_focus_counts_from_the_dct() -> None:
    text = "Sales fell 2% compared with the previous quarter, the firm said today."
    assert ("the previous quarter", "DATE", "2008-Q4") in found(text, date(2009, 1, 23))


def test_another_unit_is_a_duration() -> None:
    text = "Rates were held for another month and may stay there another two years."
    result = found(text, date(2010, 1, 7))
    assert ("another month", "DURATION", "P1M") in result
    assert ("another two years", "DURATION", "P2Y") in result


def test_a_start_to_the_year_is_the_year_in_focus() -> None:
    text = "It was a worse start to the year than anyone had imagined."
    assert ("the year", "DATE", "2009") in found(text, date(2009, 5, 16))
