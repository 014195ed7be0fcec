"""Tense and anchoring of partial dates (issue 15, second pass): which cue words speak of the
future, where a sentence really ends, ranges of dates, days counted from the day in focus.

Sentences are invented; each checks one reading (text, type, value).
"""

from __future__ import annotations

from datetime import date

import pytest

from checker.extract.timex import tag


def found(text: str, dct: date) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


DCT = date(1996, 10, 24)  # a Thursday


def test_words_ending_in_eed_are_no_past_tense() -> None:
    text = "Ms. Lane will succeed the founder Feb. 1."
    assert ("Feb. 1", "DATE", "1997-02-01") in found(text, DCT)
    text = "The bank will proceed with the sale Jan. 15."
    assert ("Jan. 15", "DATE", "1997-01-15") in found(text, DCT)


def test_a_participle_after_an_article_is_an_adjective() -> None:
    text = "The shares would be issued on a still unspecified date in January."
    assert ("January", "DATE", "1997-01") in found(text, DCT)


def test_expect_set_to_and_supposed_to_speak_of_the_future() -> None:
    text = "They said they expect the merger to be completed by Dec. 20."
    assert ("Dec. 20", "DATE", "1996-12-20") in found(text, DCT)
    text = "The talks, set to resume Monday, stalled again."
    assert ("Monday", "DATE", "1996-10-28") in found(text, DCT)
    text = "The two sides are supposed to agree by May."
    assert ("May", "DATE", "1997-05") in found(text, DCT)


def test_what_a_since_phrase_starts_from_lies_in_the_past() -> None:
    # a future cue after the date does not move it ahead
    text = "The ship has been at sea since March and will dock soon."
    assert ("March", "DATE", "1996-03") in found(text, DCT)


def test_titles_middle_initials_and_month_abbreviations_end_no_sentence() -> None:
    # the future cue "will" is before the title and the initial
    text = "Mr. Ray will replace John Q. Smith Jan. 2, the company said."
    assert ("Jan. 2", "DATE", "1997-01-02") in found(text, DCT)
    # "U.S." may still end a sentence: the weekday's cue is in the next one
    text = "Sales fell in the U.S. On Monday prices will rise."
    assert ("Monday", "DATE", "1996-10-28") in found(text, DCT)


def test_the_end_of_a_range_of_dates_follows_its_start() -> None:
    text = "It bought 50,000 shares from Aug. 12 to Oct. 18 for $20 a share."
    result = found(text, DCT)
    assert ("Aug. 12", "DATE", "1996-08-12") in result
    assert ("Oct. 18", "DATE", "1996-10-18") in result


def test_a_weekday_then_to_a_month_is_no_range() -> None:
    text = "After a revision Friday to December's figures, the rate held."
    # the December before the DCT, not the one after that Friday
    assert ("December", "DATE", "1996-12") in found(text, date(1997, 2, 7))


def test_the_previous_weekday_counts_from_the_day_in_focus() -> None:
    text = "The index fell 2% on Friday from the previous Friday."
    result = found(text, DCT)
    assert ("Friday", "DATE", "1996-10-18") in result
    assert ("the previous Friday", "DATE", "1996-10-11") in result
    text = "The deal was signed on Oct. 2 and closed the following Monday."
    assert ("the following Monday", "DATE", "1996-10-07") in found(text, DCT)


def test_a_quarter_just_ended_is_still_the_one_to_be_reported() -> None:
    text = "The company expects to report a third-quarter loss."
    assert ("third-quarter", "DATE", "1996-Q3") in found(text, DCT)
    # a quarter long over is not: the next one is meant
    text = "The company expects to report a first-quarter loss."
    assert ("first-quarter", "DATE", "1997-Q1") in found(text, DCT)


def test_the_latest_quarter_is_over_even_after_a_quarter_to_come() -> None:
    text = (
        "The storm will cause a fourth-quarter charge. "
        "Earnings fell 30% in the latest quarter, compared with a year ago."
    )
    result = found(text, DCT)
    assert ("the latest quarter", "DATE", "1996-Q3") in result
    assert ("a year ago", "DATE", "1995-Q3") in result


def test_a_number_word_ending_in_ed_is_no_past_tense() -> None:
    text = "The union will send three hundred workers to the plant on Monday."
    assert ("Monday", "DATE", "1996-10-28") in found(text, DCT)


def test_year_ago_results_after_last_year_are_last_years() -> None:
    dct = date(1996, 10, 28)
    text = "Last year storm losses were small. The year-earlier results were restated."
    assert ("year-earlier", "DATE", "1995") in found(text, dct)
    # with a quarter of this year in focus, the same quarter a year before
    text = "Third-quarter profit rose. The year-ago quarter had a charge."
    assert ("The year-ago quarter", "DATE", "1995-Q3") in found(text, dct)


def test_the_full_year_is_the_dcts_not_a_year_named_before() -> None:
    text = "The firm aims for a 50% share by 1999. He forecast higher profit for the full year."
    assert ("the full year", "DATE", "1996") in found(text, date(1996, 10, 28))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "until" bounds a state still going on: its day is the next one, whatever the tense of
        # the verb that set it up (a participle, a present perfect, a report) ...
        ("The vote was postponed until Monday.", ("Monday", "DATE", "1996-10-28")),
        (
            "The ministry has kept the bridge closed until Saturday.",
            ("Saturday", "DATE", "1996-10-26"),
        ),
        ("Officials said the ferry stays docked until December.", ("December", "DATE", "1996-12")),
        # ... unless a past-tense auxiliary puts it behind
        ("The museum was open until Monday, when a storm hit.", ("Monday", "DATE", "1996-10-21")),
        ("The road had been shut until June.", ("June", "DATE", "1996-06")),
    ],
)
def test_what_a_state_lasts_until(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text, DCT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrangement in the present progressive lies ahead, also after a report's "said"
        (
            "The invented guild said it is holding its vote on Dec. 7.",
            ("Dec. 7", "DATE", "1996-12-07"),
        ),
        ("The ministers are meeting on Monday in Lisbon.", ("Monday", "DATE", "1996-10-28")),
        ("A bakery is opening its second shop in March.", ("March", "DATE", "1997-03")),
        # a holiday is no arrangement: it keeps the reading of news (the last one)
        ("Shops are selling Christmas cards.", ("Christmas", "DATE", "1995-12-25")),
    ],
)
def test_an_arrangement_in_the_present_progressive(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text, DCT)
