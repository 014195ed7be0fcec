"""Unit tests for the time tagger: value forms, resolution, modifiers, precision, offsets."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from checker.extract.timex import tag
from checker.extract.timex.rules import load_table
from checker.extract.timex.values import interval_of
from checker.models.time import Granularity

DCT = date(2020, 7, 9)  # Thursday
REPO = Path(__file__).resolve().parent.parent


def values(text: str, dct: date | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


def one(text: str, dct: date | None = DCT):
    found = tag(text, dct)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


# ---- value forms and intervals -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "begin", "end", "gran"),
    [
        ("2019-09-18", date(2019, 9, 18), date(2019, 9, 18), Granularity.DAY),
        ("2019-09", date(2019, 9, 1), date(2019, 9, 30), Granularity.MONTH),
        ("2019-FA", date(2019, 9, 1), date(2019, 11, 30), Granularity.SEASON),
        ("2019-WI", date(2019, 12, 1), date(2020, 2, 29), Granularity.SEASON),
        ("2019-Q3", date(2019, 7, 1), date(2019, 9, 30), Granularity.QUARTER),
        ("2019-H1", date(2019, 1, 1), date(2019, 6, 30), Granularity.HALF),
        ("2019", date(2019, 1, 1), date(2019, 12, 31), Granularity.YEAR),
        ("199", date(1990, 1, 1), date(1999, 12, 31), Granularity.DECADE),
        ("19", date(1900, 1, 1), date(1999, 12, 31), Granularity.CENTURY),
        # the older X-padded forms are still read
        ("199X", date(1990, 1, 1), date(1999, 12, 31), Granularity.DECADE),
        ("19XX", date(1900, 1, 1), date(1999, 12, 31), Granularity.CENTURY),
        ("2019-W37", date(2019, 9, 9), date(2019, 9, 15), Granularity.WEEK),
        ("2020-07-07TNI", date(2020, 7, 7), date(2020, 7, 7), Granularity.DAY),
    ],
)
def test_interval_of(value: str, begin: date, end: date, gran: Granularity) -> None:
    iv = interval_of(value)
    assert iv is not None
    assert (iv.begin, iv.end, iv.granularity) == (begin, end, gran)


@pytest.mark.parametrize("value", ["P2Y", "PRESENT_REF", "FY2007", "XXXX-09", "2019-02-30"])
def test_interval_of_non_calendar(value: str) -> None:
    assert interval_of(value) is None


def test_explicit_forms() -> None:
    assert values("The 2019-W37 schedule") == [("2019-W37", "2019-W37")]
    assert values("The H1 2019 results") == [("H1 2019", "2019-H1")]
    assert values("Sales in the winter of 2019 rose.") == [("the winter of 2019", "2019-WI")]
    # a clock time takes the day mentioned before it in the same sentence
    assert values("On 5 March 2018 it ended at 2:30 p.m. UTC.") == [
        ("5 March 2018", "2018-03-05"),
        ("2:30 p.m. UTC", "2018-03-05T14:30Z"),
    ]


def test_durations() -> None:
    assert one("It took two and a half years.").value == "P2Y6M"
    assert one("a 27-year contract").value == "P27Y"
    assert one("They waited several years.").value == "PXY"
    assert one("The flight lasted 90 minutes.").value == "PT90M"
    assert one("over the past decade").value == "P10Y"


# ---- DCT-relative ------------------------------------------------------------------------------


def test_dct_relative() -> None:
    assert one("Last year sales fell.").value == "2019"
    assert one("Sales will rise next year.").value == "2021"
    assert one("It happened yesterday.").value == "2020-07-08"
    assert one("It happens tomorrow.").value == "2020-07-10"
    assert one("Sales fell last week.").value == "2020-W27"
    assert one("Sales fell last month.").value == "2020-06"
    assert one("It happened three days ago.").value == "2020-07-06"
    # two months after the DCT in a past-tense clause: last year's
    assert one("on September 11 officials met").value == "2019-09-11"
    # 'is due' looks ahead: the coming October, not the last one
    assert one("Deliveries are not due until October.").value == "2020-10"
    assert one("The next payment is due in March.").value == "2021-03"


def test_next_week_across_year_end() -> None:
    t = one("The talks resume next week.", date(2019, 12, 30))
    assert t.value == "2020-W02"
    assert t.interval is not None and t.interval.begin == date(2020, 1, 6)
    t = one("The talks ended last week.", date(2020, 1, 2))
    assert t.value == "2019-W52"


def test_last_season() -> None:
    assert one("Last fall, police began patrols.").value == "2019-FA"
    assert one("Last winter was cold.").value == "2019-WI"
    assert one("Last fall was wet.", date(2020, 12, 15)).value == "2020-FA"
    assert one("This summer is hot.").value == "2020-SU"


def test_weekdays_before_and_after_dct() -> None:
    # past-tense news: the most recent such day, the DCT's own weekday being the DCT itself
    assert one("They met on Monday.").value == "2020-07-06"
    assert one("They met on Thursday.").value == "2020-07-09"
    assert one("They met on Friday.").value == "2020-07-03"
    # future clause: the next such day
    assert one("They will meet on Friday.").value == "2020-07-10"
    assert one("The trial is set to begin on Wednesday.").value == "2020-07-15"
    assert one("They meet next Monday.").value == "2020-07-13"
    assert one("They met last Monday.").value == "2020-07-06"


def test_month_day_without_year_uses_dct_year_and_tense() -> None:
    assert one("The ministry announced it on September 11.", date(2024, 9, 12)).value == (
        "2024-09-11"
    )
    # a December date mentioned in January in a past clause is last year's
    assert one("The deal closed on December 28.", date(2008, 1, 5)).value == "2007-12-28"
    # a date shortly after the DCT is upcoming
    assert one("The plane lands in Sydney on October 25.", date(2007, 10, 15)).value == (
        "2007-10-25"
    )
    assert one("Sales fell in January.", date(2005, 9, 7)).value == "2005-01"
    assert one("The sale will be completed in March.", date(2009, 6, 5)).value == "2010-03"


# ---- anaphora ----------------------------------------------------------------------------------


def test_anaphoric_reference_tracking() -> None:
    found = tag(
        "The firm was founded in 1998. The same year it listed. In 2005 it grew; "
        "the following year it shrank.",
        DCT,
    )
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("1998", "1998", "explicit"),
        ("The same year", "1998", "previous"),
        ("2005", "2005", "explicit"),
        ("the following year", "2006", "previous"),
    ]


def test_previous_day_relative_to_reference() -> None:
    found = tag("The vote was on March 3, 2015. Talks had ended the previous day.", DCT)
    assert found[1].value == "2015-03-02"
    assert found[1].anchor == "previous"


def test_same_period_last_year() -> None:
    found = tag("Sales rose in February compared to the same period last year.", date(2010, 3, 3))
    assert [t.value for t in found] == ["2010-02", "2009-02"]


# ---- modifiers ---------------------------------------------------------------------------------


def test_modifiers() -> None:
    assert (one("in early 2009").value, one("in early 2009").mod) == ("2009", "START")
    t = one("by the end of this year")
    assert (t.text, t.value, t.mod) == ("the end of this year", "2020", "END")
    t = one("prices have doubled since 2015")
    assert (t.text, t.mod) == ("2015", "ON_OR_AFTER")
    t = one("no changes until March 2021")
    assert (t.text, t.mod) == ("March 2021", "ON_OR_BEFORE")
    t = one("before 2010 it was legal")
    assert t.mod == "BEFORE"
    t = one("in less than two years")
    assert (t.text, t.mod) == ("two years", "LESS_THAN")
    t = one("almost two and a half years late")
    assert (t.text, t.value, t.mod) == ("almost two and a half years", "P2Y6M", "APPROX")


def test_end_modifier_keeps_whole_interval() -> None:
    t = one("in late November 2019")
    assert t.mod == "END"
    assert t.interval is not None
    assert (t.interval.begin, t.interval.end) == (date(2019, 11, 1), date(2019, 11, 30))


# ---- missing DCT -------------------------------------------------------------------------------


def test_missing_dct_never_crashes_and_marks_unresolved() -> None:
    found = tag(
        "Last year, on Saturday and September 11 and next week; in May 2019 and two "
        "years ago, the same year.",
        None,
    )
    by_text = {t.text: t for t in found}
    assert by_text["Last year"].value == "XXXX"
    assert by_text["Saturday"].value == "XXXX-WXX-6"
    assert by_text["September 11"].value == "XXXX-09-11"
    assert by_text["next week"].value == "XXXX-WXX"
    for key in ("Last year", "Saturday", "next week", "two years ago"):
        assert by_text[key].anchor == "unresolved"
        assert by_text[key].interval is None
    assert by_text["May 2019"].value == "2019-05"
    # anaphora still works against an explicit date without a DCT
    assert by_text["the same year"].value == "2019"


# ---- two-digit years, ranges, fiscal, decades, now ---------------------------------------------


def test_two_digit_years() -> None:
    assert one("dated 19-Nov-12").value == "2012-11-19"
    assert one("dated 5 Jan 98").value == "1998-01-05"
    assert one("FY08 revenue").value == "FY2008"


def test_ranges_are_two_expressions() -> None:
    assert values("from 2019 to 2021") == [("2019", "2019"), ("2021", "2021")]
    assert values("in 2009-11") == [("2009", "2009"), ("11", "2011")]
    # the shared year applies to both months
    assert values("between May and July 2019") == [("May", "2019-05"), ("July 2019", "2019-07")]


def test_fiscal_quarters() -> None:
    assert one("profits in the fourth quarter of 2005").value == "2005-Q4"
    assert one("the first quarter of last year").value == "2019-Q1"
    assert one("the third quarter of fiscal 2008").value == "FY2008-Q3"
    assert one("the last quarter", date(2007, 1, 18)).value == "2006-Q4"
    assert one("its third-quarter results", date(2009, 11, 3)).value == "2009-Q3"


def test_decades_and_centuries() -> None:
    # TimeML values, as MEANTIME annotates them ("80s" -> 198): no X padding; the interval is
    # unchanged, so downstream dating is not affected
    assert one("in the 1990s").value == "199X"
    assert one("in the 1990s").interval.granularity == "decade"
    assert one("cars of the '70s").value == "197X"
    assert one("the 21st century").value == "20XX"
    assert one("the 21st century").interval.begin == date(2000, 1, 1)
    assert values("in his 70s") == []


def test_now_and_currently() -> None:
    assert one("Now we are starting").value == "PRESENT_REF"
    assert one("is currently the head").value == "PRESENT_REF"
    assert one("at present").value == "PRESENT_REF"
    assert one("in the future").value == "FUTURE_REF"


# ---- precision ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "RKS 4 Min Read",
        "the CH-92A drone",
        "FT-8C missiles",
        "Pegaz-011 drones",
        "2,000 cameras",
        "800 locations",
        "Theresa May said so.",
        "It may be late.",
        "Prime Minister Theresa May and her cabinet.",
        "published in China Daily",
        "a Boeing 737 and an Airbus A380",
        "It cost $2019 and rose 2019%.",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert values(text) == []


def test_offsets_slice_input_exactly() -> None:
    text = (
        "Serbian police\u2019s \u201cunits\u201d trained late last year.\n\nOn July 24 , 2003 "
        "and on Tuesday night, for the next two years, since 2019."
    )
    found = tag(text, DCT)
    assert len(found) == 5
    for t in found:
        assert text[t.start : t.end] == t.text
    assert found[1].value == "2003-07-24"  # tokenized "24 , 2003" is tolerated


def test_rule_table_is_data() -> None:
    table = load_table()
    names = [r.name for r in table.rules]
    assert len(names) == len(set(names))
    assert all(r.regex.pattern for r in table.rules)


# ---- command -----------------------------------------------------------------------------------


def _run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    code = (
        "import typer, sys\n"
        "from checker.commands.timex import timex\n"
        "app = typer.Typer()\napp.command()(timex)\napp()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def test_command_jsonl_from_stdin() -> None:
    text = "It was signed in May 2019 and ended last year."
    r = _run(["--dct", "2020-07-09"], text)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(row["value"], row["schema_version"]) for row in rows] == [("2019-05", 1), ("2019", 1)]
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
        assert set(row) >= {"start", "end", "text", "type", "value", "mod", "interval", "anchor"}


def test_command_bad_input(tmp_path: Path) -> None:
    r = _run(["--dct", "2020-13-40"])
    assert r.returncode == 2 and "--dct" in r.stderr and "Traceback" not in r.stderr
    missing = tmp_path / "nope.txt"
    r = _run(["--dct", "2020-01-01", str(missing)])
    assert r.returncode == 2 and "nope.txt" in r.stderr and "Traceback" not in r.stderr


def test_nth_weekday_and_easter() -> None:
    from checker.extract.timex.values import easter, floating_day, nth_weekday

    assert nth_weekday(2008, 11, 4, 4) == date(2008, 11, 27)  # 4th Thursday: Thanksgiving
    assert nth_weekday(2008, 5, 1, -1) == date(2008, 5, 26)  # last Monday of May
    assert nth_weekday(2024, 3, 7, -1) == date(2024, 3, 31)  # last Sunday, on the last day
    assert [easter(y) for y in (2008, 2009, 2011, 2024)] == [
        date(2008, 3, 23),
        date(2009, 4, 12),
        date(2011, 4, 24),
        date(2024, 3, 31),
    ]
    assert floating_day(2008, (11, 4, 4, 1)) == date(2008, 11, 28)  # Black Friday
    assert floating_day(2009, (0, 7, 0, -2)) == date(2009, 4, 10)  # Good Friday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The lease runs two and a half years.", "P2Y6M"),
        ("The speech lasted a minute and a half.", "PT1M30S"),
        ("The rescue took one and a half hours.", "PT1H30M"),
        ("The fair went on for a day and a half.", "P1DT12H"),
        ("The queue moved after half an hour.", "PT30M"),
        # no smaller unit holds half a week exactly: the fraction stays
        ("The repair took a week and a half.", "P1.5W"),
    ],
)
def test_fractions_are_written_in_the_next_smaller_unit(text: str, value: str) -> None:
    assert one(text).value == value


def test_thousands_of_years_are_millennia() -> None:
    t = one("The invented temple stood for more than two thousand years.")
    assert (t.text, t.value, t.mod) == ("two thousand years", "P2L", "MORE_THAN")
    assert one("The vault was sealed for three thousand five hundred years.").value == "P3500Y"
