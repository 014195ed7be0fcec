"""Forms of time expressions found in broadcast transcripts and wire copy (issue 15, second
pass): years said in words, a clock word with its day, "a couple of" units.

Sentences are invented; each checks one reading (text, type, value).
"""

from __future__ import annotations

from datetime import date

from checker.extract.timex import tag


def found(text: str, dct: date) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


DCT = date(1998, 2, 13)  # a Friday


def test_years_said_in_words() -> None:
    text = "The plant opened in nineteen seventy-nine and closed in March nineteen ninety-six."
    result = found(text, DCT)
    assert ("nineteen seventy-nine", "DATE", "1979") in result
    assert ("March nineteen ninety-six", "DATE", "1996-03") in result
    assert ("the year two thousand", "DATE", "2000") in found(
        "The computers may fail in the year two thousand.", DCT
    )
    assert ("the winter of nineteen ninety-four", "DATE", "1994-WI") in found(
        "Prices rose in the winter of nineteen ninety-four.", DCT
    )


def test_number_words_that_are_no_year() -> None:
    assert found("Nineteen ninety-six people voted.", DCT) == []
    assert found("He rang nineteen twenty-one times.", DCT) == []


def test_a_clock_word_with_its_day_is_one_time() -> None:
    assert ("noon Thursday", "TIME", "1998-02-12T12:00") in found(
        "The deadline passed at noon Thursday.", DCT
    )
    assert ("noon tomorrow", "TIME", "1998-02-14T12:00") in found(
        "The ultimatum runs out at noon tomorrow.", DCT
    )


def test_a_plan_told_in_the_past_perfect_is_past() -> None:
    # the offer "had been scheduled" to end on the Friday before the DCT (a Monday)
    text = "The offer had been scheduled to expire at midnight Friday."
    assert ("midnight Friday", "TIME", "1989-10-27T24:00") in found(text, date(1989, 10, 30))
    text = "The offer is scheduled to expire Friday."
    assert ("Friday", "DATE", "1989-11-03") in found(text, date(1989, 10, 30))


def test_a_couple_of_units_is_two() -> None:
    assert ("a couple of years", "DURATION", "P2Y") in found("It took a couple of years.", DCT)
    assert ("the next couple of months", "DURATION", "P2M") in found(
        "Over the next couple of months, sales will grow.", DCT
    )


def test_a_season_after_into_or_over_is_a_date() -> None:
    dct = date(1989, 10, 26)
    assert ("summer", "DATE", "1989-SU") in found("Demand was strong well into the summer.", dct)
    assert ("summer", "DATE", "1989-SU") in found("Over the summer, rivals cut prices.", dct)
    # a fall in prices is no season
    assert found("Before the fall in prices, it sold well.", dct) == []


def test_a_year_before_a_singular_unit_is_no_count_of_units() -> None:
    dct = date(1989, 10, 26)
    # (one expression, the quarter of that year in focus, or the year: tests/test_timex_focus.py)
    assert found("Profit fell from the 1988 quarter.", dct) == [
        ("the 1988 quarter", "DATE", "1988")
    ]
    assert ("1500 years", "DURATION", "P1500Y") in found("The church stood 1500 years.", dct)


def test_recurring_weekday_nights_and_months_are_sets() -> None:
    result = found("The show airs on Tuesday nights and Sundays.", DCT)
    assert ("Tuesday nights", "SET", "XXXX-WXX-2TNI") in result
    assert ("Sundays", "SET", "XXXX-WXX-7") in result
    assert ("Each July", "SET", "XXXX-07") in found("Each July, the town holds a fair.", DCT)


def test_that_night_and_overnight_are_the_night_of_the_day_in_focus() -> None:
    text = "Rebels attacked on Tuesday. That night, villagers fled. Overnight losses were heavy."
    result = found(text, DCT)
    assert ("That night", "TIME", "1998-02-10TNI") in result
    assert ("Overnight", "TIME", "1998-02-10TNI") in result
    # a kind of loan or rate is no time
    assert found("The overnight rate rose.", DCT) == []


def test_a_weekday_after_a_clock_time_in_two_zones() -> None:
    # wire copy gives local time, then GMT in brackets, then the day
    text = "The truce took effect at 6 a.m. (0400 GMT) Thursday."
    result = found(text, DCT)
    assert ("6 a.m.", "TIME", "1998-02-12T06:00") in result
    assert ("0400 GMT", "TIME", "1998-02-12T04:00Z") in result


def test_a_month_then_last_year_without_of_is_one_expression() -> None:
    dct = date(1998, 2, 19)
    assert found("In June last year, the leaders split.", dct) == [
        ("June last year", "DATE", "1997-06")
    ]
    # with "of", two expressions (as MEANTIME annotates them)
    assert found("It ends in October of next year.", dct) == [
        ("October", "DATE", "1999-10"),
        ("next year", "DATE", "1999"),
    ]


def test_a_mixed_number_of_units() -> None:
    assert ("2 1/2 years", "DURATION", "P2Y6M") in found("He served 2 1/2 years in jail.", DCT)


def test_quarters_counted_are_written_in_quarters() -> None:
    dct = date(2008, 11, 18)
    assert ("two consecutive quarters", "DURATION", "P2Q") in found(
        "Japan posted two consecutive quarters of negative growth.", dct
    )
    assert ("the first three quarters", "DURATION", "P3Q") in found(
        "In the first three quarters of the year, sales rose.", dct
    )
    assert ("several quarters", "DURATION", "PXQ") in found("Sales fell for several quarters.", dct)
    assert ("every quarter", "SET", "P1Q") in found("Interest is paid every quarter.", dct)
    # a fraction of something is no time
    assert found("Three quarters of the food is imported.", dct) == []


def test_a_year_with_an_apostrophe_after_a_preposition() -> None:
    dct = date(2008, 10, 27)
    assert ("'82", "DATE", "1982") in found("The index is at its lowest level since '82.", dct)
    assert found("He said '82 percent' of them.", dct) == []


def test_for_the_time_being_is_now() -> None:
    assert ("the time being", "DATE", "PRESENT_REF") in found(
        "Rates will stay low for the time being.", DCT
    )


def test_more_additional_and_extra_units_are_durations() -> None:
    assert ("20 more years", "DURATION", "P20Y") in found("It will take 20 more years.", DCT)
    assert ("an additional year", "DURATION", "P1Y") in found("He got an additional year.", DCT)
    assert found("It was a more serious day.", DCT) == []
