"""Unit tests for the business-news rule families of the time tagger (MEANTIME conventions)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.extract.timex import tag
from checker.extract.timex.normalize import week_in_month
from checker.extract.timex.rules import load_table
from checker.extract.timex.tagger import _windows

DCT = date(2008, 10, 15)  # Wednesday


def found(text: str, dct: date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def one(text: str, dct: date | None = DCT):
    out = tag(text, dct)
    assert len(out) == 1, [t.text for t in out]
    return out[0]


# ---- figures over a period ---------------------------------------------------------------------


def test_period_figures_are_durations() -> None:
    assert found("Ford posts its first annual profit", date(2010, 1, 28)) == [
        ("annual", "DURATION", "P1Y")
    ]
    assert found("the biggest weekly loss") == [("weekly", "DURATION", "P1W")]
    assert found("a second quarterly decline") == [("quarterly", "DURATION", "P3M")]
    # an adjective that only classifies a noun is no expression (TimeBank, TimeML's reference
    # corpus); the adverb is a SET
    assert found("at the annual conference") == []
    assert found("The fund reviews its holdings annually.") == [("annually", "SET", "P1Y")]
    assert found("It pays a quarterly dividend of 5 cents.") == []
    assert found("Interest is paid quarterly.") == [("quarterly", "SET", "P3M")]
    assert found("Prices are set on a daily basis.") == [("daily", "SET", "P1D")]


def test_quarterly_is_not_a_quarter() -> None:
    assert found("its first quarterly loss") == [("quarterly", "DURATION", "P3M")]


def test_year_on_year() -> None:
    assert found("Exports rose 5% year-on-year.") == [("year-on-year", "DURATION", "P1Y")]
    assert found("sales fell month-over-month") == [("month-over-month", "DURATION", "P1M")]


# ---- vague adjectives and nouns ----------------------------------------------------------------


def test_present_and_past_adjectives() -> None:
    assert found("given the current weakened state of the economy") == [
        ("current", "DATE", "PRESENT_REF")
    ]
    assert found("hit by the ongoing recession") == [("ongoing", "DATE", "PRESENT_REF")]
    assert found("hard hit in the recent economic downturn") == [("recent", "DATE", "PAST_REF")]
    # "current" before other nouns is not a time
    assert found("its five current models") == []
    assert found("the current account deficit") == []


def test_history() -> None:
    assert found("the fourth largest bankruptcy in recent U.S. history") == [
        ("recent U.S. history", "DATE", "PAST_REF")
    ]
    assert found("The GM that let you down is history.") == [("history", "DATE", "PAST_REF")]
    assert found("the worst day in its history") == [("its history", "DATE", "PAST_REF")]
    assert found("a defining moment in the history of General Motors") == []
    assert found("He has a degree in history.") == []


def test_later() -> None:
    # a bare adverb only orders events: not tagged, as in TimeBank (MEANTIME tags it)
    assert found("The Dow later recovered.") == []
    assert found("Please call back at a later time.") == [("a later time", "DATE", "FUTURE_REF")]
    # "later in the day" is a time within the day: MEANTIME types it TIME
    assert ("later", "TIME", "FUTURE_REF") in found("before declining later in the day")
    # "three days later" is a date shifted from the time in focus (TimeML DATE; MEANTIME tags
    # "three days later than originally planned" DATE), no longer a bare DURATION "three days":
    # as a DATE with an interval, downstream dating can use it
    assert found("It arrived three days later.") == [("three days later", "DATE", "2008-10-18")]
    assert found("Sooner or later, stocks will rise.") == []
    assert found("no later than Friday") == [("Friday", "DATE", "2008-10-10")]
    assert found("The company will list later this year.") == [("later this year", "DATE", "2008")]


def test_future_phrases() -> None:
    assert found("more volatility in the weeks ahead") == [
        ("the weeks ahead", "DATE", "FUTURE_REF")
    ]
    assert found("Stocks will recover in the long term.") == [
        ("the long term", "DATE", "FUTURE_REF")
    ]
    assert found("Growth looks good in the near term.") == [("the near term", "DATE", "FUTURE_REF")]
    # "the long run" is an idiom TimeBank does not tag
    assert found("Stocks will recover in the long run.") == []


# ---- calendar units in business news -----------------------------------------------------------


def test_week_of_month() -> None:
    assert found("in the last week of March", date(2009, 4, 1)) == [
        ("the last week of March", "DATE", "2009-W13")
    ]
    assert found("the first week of June 2009") == [
        ("the first week of June 2009", "DATE", "2009-W23")
    ]
    assert week_in_month(2009, 3, -1) == "2009-W13"
    assert week_in_month(2009, 6, 1) == "2009-W23"


def test_first_half_adjective() -> None:
    assert found("Qantas posted a record first-half profit.", date(2005, 8, 20)) == [
        ("first-half", "DATE", "2005-H1")
    ]
    # a bare "second half" is usually sport, not a half-year
    assert found("Chelsea scored in the second half.") == []


def test_past_tense_quarter_is_not_in_the_future() -> None:
    assert found("The index lost 4% in the first quarter.") == [
        ("the first quarter", "DATE", "2008-Q1")
    ]
    assert found("Profit will rise in the first quarter.") == [
        ("the first quarter", "DATE", "2009-Q1")
    ]


def test_year_ago_and_same_period() -> None:
    assert found("Sales fell 5% in the third quarter from the year-ago quarter.") == [
        ("the third quarter", "DATE", "2008-Q3"),
        ("the year-ago quarter", "DATE", "2007-Q3"),
    ]
    # nothing in focus: the year before the DCT's, not an unresolved placeholder
    assert found("Sales fell compared with the same period last year.") == [
        ("the same period last year", "DATE", "2007")
    ]
    assert found("up from the same quarter last year") == [
        ("the same quarter last year", "DATE", "2007-Q4")
    ]


def test_year_end() -> None:
    t = one("a national rollout by year-end")
    assert (t.text, t.value, t.mod) == ("year-end", "2008", "END")
    assert found("at the year's end") == [("the year's end", "DATE", "2008")]


def test_fiscal_year_relative() -> None:
    assert found("Profit fell this fiscal year.") == [("this fiscal year", "DATE", "FY2008")]
    assert found("in the next fiscal year") == [("the next fiscal year", "DATE", "FY2009")]
    assert found("the very beginning of the financial year", date(2007, 1, 17))[0][2] == "FY2007"


def test_the_weekend() -> None:
    assert found("The market dropped over the weekend.") == [("the weekend", "DATE", "2008-W41-WE")]
    assert found("The Fed will meet over the weekend.") == [("the weekend", "DATE", "2008-W42-WE")]


def test_that_time_takes_the_reference() -> None:
    text = "a deal that will be finalized by June 10. If no price is agreed by that time,"
    assert found(text, date(2011, 5, 29))[-1] == ("that time", "DATE", "2011-06-10")
    assert found("At the time, the index was at 14,000.", None) == [("the time", "DATE", "XXXX")]


def test_possessive_units() -> None:
    assert found("It was the year's biggest gain.") == [("the year", "DATE", "2008")]
    assert found("He was named Car of the Year's winner.") == []


# ---- durations ---------------------------------------------------------------------------------


def test_consecutive_and_ranged_durations() -> None:
    assert found("three consecutive days") == [("three consecutive days", "DURATION", "P3D")]
    assert found("in the last three trading days")[0][2] == "P3D"
    assert found("take between 60 and 90 days") == [
        ("60", "DURATION", "P60D"),
        ("90 days", "DURATION", "P90D"),
    ]
    assert found("16 to 35-year-olds") == []


# ---- times and named dates ---------------------------------------------------------------------


def test_clock_time_takes_the_following_date() -> None:
    out = found("At 16:15 UTC, June 1st, the CEO spoke.", date(2009, 6, 4))
    assert out == [("16:15 UTC", "TIME", "2009-06-01T16:15Z"), ("June 1st", "DATE", "2009-06-01")]
    assert found("at 3 p.m. on October 3, 2007")[0] == ("3 p.m.", "TIME", "2007-10-03T15:00")


def test_military_clock() -> None:
    assert found("Trading resumed at 1430 GMT.") == [("1430 GMT", "TIME", "2008-10-15T14:30Z")]
    assert found("It cost $1430 GMT-wide.") == []


def test_day_reference_for_times_of_day() -> None:
    text = (
        "Ford said on Tuesday that sales rose. The stock rose in morning trading, before "
        "declining later in the day."
    )
    out = {t.text: t.value for t in tag(text, date(2010, 3, 3))}
    assert out["Tuesday"] == "2010-03-02"
    assert out["morning"] == "2010-03-02TMO"
    assert out["the day"] == "2010-03-02"
    assert found("Trading resumed in mid-afternoon trading.") == [
        ("mid-afternoon", "TIME", "2008-10-15TAF")
    ]


def test_september_eleven() -> None:
    assert found("the worst drop since the September 11 attacks") == [
        ("September 11", "DATE", "2001-09-11")
    ]
    assert found("Markets reopened after 9/11.") == [("9/11", "DATE", "2001-09-11")]
    assert found("It fell on September 11.")[0][2] == "2008-09-11"


# ---- speed helpers stay exact ------------------------------------------------------------------


def test_local_trigger_opens_narrow_windows() -> None:
    table = load_table()
    text = "x " * 200 + "the worst slump in its history" + " y" * 200
    windows = _windows(text, table)
    assert len(windows) == 1
    start, end = windows[0]
    assert start <= text.index("its history") and end >= text.index("history") + len("history")
    assert end - start < 150


def test_words_that_only_start_like_a_month_or_weekday_open_no_window() -> None:
    # "money", "market", "currency", "decline" begin like "Mon", "Mar", "current", "Dec" but
    # hold no time: scanning around them was most of the tagger's time on business news
    text = "Money markets saw the currency decline as friends met the monitor at the summit."
    assert _windows(text, load_table()) == []


def test_the_lower_cased_trigger_finds_what_the_case_blind_one_finds() -> None:
    from dataclasses import replace

    from checker.extract.timex.rules import _folded

    table = load_table()
    assert table.trigger_folded is not None
    assert _folded(r"\bQ[1-4]\S") is None  # lower-casing \S would make it \s
    blind = replace(table, trigger_folded=None)
    # "İ" grows when lower-cased: such a text is scanned case-blind instead
    for text in ("Results for FY2004 and Q3 came on Monday.", "İstanbul talks end in MARCH."):
        assert _windows(text, table) == _windows(text, blind) != []


def test_at_the_time_is_found_far_from_other_time_words() -> None:
    # "at the time" opens its own narrow window: it is tagged whatever its neighbours are
    pad = "word " * 60
    text = f"Sales rose in 2003. {pad}Prices were high at the time, traders said. {pad}"
    assert [(t.text, t.value) for t in tag(text, date(2005, 1, 1))] == [
        ("2003", "2003"),
        ("the time", "2003"),
    ]


@pytest.mark.parametrize("name", ["duration", "month_day", "month_bare", "ago"])
def test_first_character_prefilter_is_only_a_hint(name: str) -> None:
    import re

    rule = next(r for r in load_table().rules if r.name == name)
    bare = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", rule.regex.pattern), rule.regex.flags)
    assert bare.pattern != rule.regex.pattern
    text = "In May, two years ago, for 3 weeks, on June 4 and 12 months later, Theresa May said."
    assert [m.span() for m in rule.regex.finditer(text)] == [m.span() for m in bare.finditer(text)]


# ---- movable holidays --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dct", "span", "value"),
    [
        (
            "US markets were closed on Thanksgiving.",
            date(2008, 11, 28),
            "Thanksgiving",
            "2008-11-27",
        ),
        ("Retailers cut prices on Black Friday.", date(2008, 11, 30), "Black Friday", "2008-11-28"),
        ("Markets were shut for Labor Day.", date(2009, 9, 8), "Labor Day", "2009-09-07"),
        ("The exchange closed for Memorial Day.", date(2008, 5, 27), "Memorial Day", "2008-05-26"),
        (
            "Markets were shut for Martin Luther King, Jr. Day.",
            date(2011, 1, 18),
            "Martin Luther King, Jr. Day",
            "2011-01-17",
        ),
        (
            "Trading resumed after Presidents' Day.",
            date(2009, 2, 17),
            "Presidents' Day",
            "2009-02-16",
        ),
        ("Sales rose at Easter.", date(2011, 5, 2), "Easter", "2011-04-24"),
        ("The markets closed on Good Friday.", date(2009, 4, 14), "Good Friday", "2009-04-10"),
        ("Markets reopen on Easter Monday.", date(2009, 4, 10), "Easter Monday", "2009-04-13"),
        # the tense picks the year, as for a month and day: a past Easter, an upcoming one
        ("Shops will open at Easter.", date(2008, 11, 28), "Easter", "2009-04-12"),
    ],
)
def test_movable_holidays(text: str, dct: date, span: str, value: str) -> None:
    assert (span, "DATE", value) in found(text, dct)


def test_movable_holiday_without_dct() -> None:
    assert found("It closed on Thanksgiving.", None) == [("Thanksgiving", "DATE", "XXXX-XX-XX")]
    assert found("They flew to Easter Island.") == []


# invented sentences holding one or more forms of nearly every rule
_SCAN_TEXTS = [
    "On Monday, March 3, 2014 the invented guild met at 10:30 a.m. EST, two days after 3 March.",
    "In the 1990s and the '80s sales rose 5% a year; in fiscal 2003 they fell in the third quarter",
    "Two years ago, last week, this summer and in recent years prices rose for three straight days",
    "Every Tuesday, twice a month and quarterly the plant shut at midnight; it reopens next spring",
    "From 2001 to 2004, in mid-2008 and by 1430 GMT on 9/11 the markets were currently calm.",
    "The year-ago quarter, the first half of 2019 and the week ending March 7 were weak.",
    "Now, in the near future and at the time, the 20th century feels like a decade ago.",
]


def _timex_test_sentences() -> list[str]:
    """The invented sentences of every time-tagger test module (string constants)."""
    import ast

    out = list(_SCAN_TEXTS)
    for path in sorted(Path(__file__).resolve().parent.glob("test_timex_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        out += [
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value) > 8
        ]
    return out


def test_rules_scan_only_where_their_matches_can_be() -> None:
    # a rule marked "words" must only match text holding a trigger word, one marked "digits"
    # text holding a digit: otherwise skipping the other windows would lose expressions
    table = load_table()
    words = [(r, r.regex) for r in table.rules if r.scan == "words"]
    digits = [(r, r.regex) for r in table.rules if r.scan == "digits"]
    assert len(words) > 50 and len(digits) > 5
    for text in _timex_test_sentences():
        for rule, regex in words:
            for m in regex.finditer(text):
                found = [t.group(0) for t in table.trigger.finditer(m.group(0))]
                if table.trigger_local is not None:
                    found += [t.group(0) for t in table.trigger_local.finditer(m.group(0))]
                # (the tagger files a trigger that starts with a digit under digits)
                assert any(not t[0].isdigit() for t in found), (rule.name, m.group(0))
        for rule, regex in digits:
            for m in regex.finditer(text):
                assert any(ch.isdigit() for ch in m.group(0)), (rule.name, m.group(0))


def test_a_rule_with_an_unknown_scan_is_refused() -> None:
    import yaml

    from checker.extract.timex.rules import parse_table

    raw = yaml.safe_load(
        (
            Path(__file__).resolve().parent.parent / "checker/extract/timex/data/rules.yaml"
        ).read_text()
    )
    raw["rules"][0]["scan"] = "sometimes"
    with pytest.raises(ValueError, match="scan must be"):
        parse_table(raw)
