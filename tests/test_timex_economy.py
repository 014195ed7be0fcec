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


def test_a_baseline_counted_back_leaves_the_time_in_focus_alone() -> None:
    text = (
        "Output weakened in July. Factory output rose 4.8% over a year earlier, a marked "
        "decline from June's 6.3%. Sales slowed to 7.6% from the previous month's 9.8%."
    )
    result = found(text, date(2019, 8, 14))
    assert ("a year earlier", "DATE", "2018") in result
    assert ("June", "DATE", "2019-06") in result
    # June was only a baseline: the month before is counted from July
    assert ("the previous month", "DATE", "2019-06") in result


def test_a_time_counted_back_that_starts_a_clause_is_the_new_focus() -> None:
    text = "Sales fell in 2006. A year earlier, in March, they had risen."
    assert ("March", "DATE", "2005-03") in found(text, date(2008, 10, 8))


def test_the_day_of_a_market_report_is_the_news_day() -> None:
    # (the rally "10 days ago" is recalled in passing)
    text = (
        "The FTSE 100 fell 5% yesterday, below where it was before its rally 10 days ago. "
        "That meant it ended the day at 4818.8 points."
    )
    assert ("the day", "DATE", "2008-10-07") in found(text, date(2008, 10, 8))


def test_that_day_follows_the_story_into_the_past() -> None:
    text = "On Oct. 19, 1987, the Dow lost 22%. That day, it ended down 508 points."
    assert ("That day", "DATE", "1987-10-19") in found(text, date(2008, 10, 8))


def test_the_day_without_a_news_day_is_the_last_day_mentioned() -> None:
    text = "On Oct. 19, 1987, the Dow lost 22%. It ended the day down 508 points."
    assert ("the day", "DATE", "1987-10-19") in found(text, date(2008, 10, 8))


def test_would_speaks_of_a_later_time() -> None:
    text = "On Tuesday, the office said it would delay the tariffs until Dec. 15."
    assert ("Dec. 15", "DATE", "2019-12-15") in found(text, date(2019, 8, 14))


def test_would_have_is_no_future() -> None:
    text = "On Tuesday, the office said it would have cut tariffs in March."
    assert ("March", "DATE", "2019-03") in found(text, date(2019, 8, 14))


def test_possessives_written_apart_in_tokenized_text() -> None:
    text = "The day 's high came early , above December 's level ."
    result = found(text, date(2008, 10, 8))
    assert ("The day", "DATE", "2008-10-08") in result
    assert ("December", "DATE", "2007-12") in result
    assert ("the year 's end", "DATE", "2008") in found(
        "Sales rose by the year 's end .", date(2008, 10, 8)
    )


def test_a_participle_after_will_remain_keeps_the_future() -> None:
    # DCT Wednesday: the Friday ahead, not the one before
    text = "Russian markets will remain closed until Friday."
    assert ("Friday", "DATE", "2008-10-10") in found(text, date(2008, 10, 8))


def test_tense_cues_stop_at_a_clause_break() -> None:
    text = "Trading will resume on Friday, and on Tuesday the markets were shut."
    result = found(text, date(2008, 10, 8))
    assert ("Friday", "DATE", "2008-10-10") in result
    assert ("Tuesday", "DATE", "2008-10-07") in result


def test_vague_stretches_of_minutes_hours_and_days() -> None:
    text = "It lost them within minutes and traders worked for hours; a deal could come in days."
    result = found(text, date(2008, 10, 8))
    assert ("minutes", "DURATION", "PTXM") in result
    assert ("hours", "DURATION", "PTXH") in result
    assert ("days", "DURATION", "PXD") in result
    # "days to come" is no stretch up to now
    assert found("Prices will rise in days to come.", date(2008, 10, 8)) == []
