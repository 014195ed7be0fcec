"""Table of sentences -> expected TIMEX3 (type, value, mod) for a named span.

The first two blocks are the seed-article expectations (DCT 2024-09-12 and 2020-07-09).
"""

from __future__ import annotations

from datetime import date

import pytest

from checker.extract.timex import tag

D1 = date(2024, 9, 12)
D2 = date(2020, 7, 9)  # a Thursday
ANY = object()

# (text, dct, span text, type, value, mod)
TABLE: list[tuple[str, date | None, str, str, str, object]] = [
    # seed article 1, DCT 2024-09-12
    (
        "announced the Serbian Ministry of Internal Affairs (MIA) on September 11.",
        D1,
        "September 11",
        "DATE",
        "2024-09-11",
        None,
    ),
    (
        "In 2019, a training exercise was held with the Serbian MIA.",
        D1,
        "2019",
        "DATE",
        "2019",
        None,
    ),
    (
        "an agreement for joint police patrols since 2019.",
        D1,
        "2019",
        "DATE",
        "2019",
        "ON_OR_AFTER",
    ),
    (
        "On September 11, 2024, Serbian Deputy Prime Minister Dacic participated.",
        D1,
        "September 11, 2024",
        "DATE",
        "2024-09-11",
        None,
    ),
    (
        "the patrols, which will last for a month and will also be held",
        D1,
        "a month",
        "DURATION",
        "P1M",
        None,
    ),
    (
        "was signed in May 2019, and the joint patrols began operations in September of the same "
        "year.",
        D1,
        "May 2019",
        "DATE",
        "2019-05",
        None,
    ),
    (
        "was signed in May 2019, and the joint patrols began operations in September of the same "
        "year.",
        D1,
        # two expressions, as MEANTIME annotates "[October] of [next year]"
        "September",
        "DATE",
        "2019-09",
        None,
    ),
    (
        "was signed in May 2019, and the joint patrols began operations in September of the same "
        "year.",
        D1,
        "the same year",
        "DATE",
        "2019",
        None,
    ),
    (
        "published in China Daily, on September 10, 2024.",
        D1,
        "September 10, 2024",
        "DATE",
        "2024-09-10",
        None,
    ),
    (
        "Under the 2016 agreement, Chinese citizens do not need a visa.",
        D1,
        "2016",
        "DATE",
        "2016",
        None,
    ),
    # seed article 2, DCT 2020-07-09
    (
        "squads that Chinese special police trained late last year, DW reported.",
        D2,
        "late last year",
        "DATE",
        "2019",
        "END",
    ),
    ("Deutsche Welle (DW) reported on Wednesday.", D2, "Wednesday", "DATE", "2020-07-08", None),
    (
        "The revelation comes four days after China made its first arms deal",
        D2,
        "four days",
        "DURATION",
        "P4D",
        None,
    ),
    (
        "made its first European arms deal with Serbia on Saturday.",
        D2,
        "Saturday",
        "DATE",
        "2020-07-04",
        None,
    ),
    (
        "Vucic announced on Tuesday that a lockdown would be reimposed",
        D2,
        "Tuesday",
        "DATE",
        "2020-07-07",
        None,
    ),
    # "recent days/years": a vague past, DATE PAST_REF as TimeBank writes it (no interval, so
    # timeref, which only uses DATE/TIME expressions that have one, ignores it)
    (
        "an upsurge in the number of new virus cases in recent days.",
        D2,
        "recent days",
        "DATE",
        "PAST_REF",
        None,
    ),
    (
        "to protest the new restrictions on Tuesday night in the capital",
        D2,
        "Tuesday night",
        "TIME",
        "2020-07-07TNI",
        None,
    ),
    (
        "The riots continued on Wednesday night in Belgrade",
        D2,
        "Wednesday night",
        "TIME",
        "2020-07-08TNI",
        None,
    ),
    (
        "backtracking on his plans to implement a new lockdown earlier on Wednesday.",
        D2,
        "Wednesday",
        "DATE",
        "2020-07-08",
        None,
    ),
    (
        "made international headlines in late November 2019, when",
        D2,
        "late November 2019",
        "DATE",
        "2019-11",
        "END",
    ),
    (
        "Last fall, Serbian police began joint police patrols",
        D2,
        "Last fall",
        "DATE",
        "2019-FA",
        None,
    ),
    (
        "Stefanovic told reporters in September 2019, indicating",
        D2,
        "September 2019",
        "DATE",
        "2019-09",
        None,
    ),
    (
        "that the joint patrols would begin in October 2019.",
        D2,
        "October 2019",
        "DATE",
        "2019-10",
        None,
    ),
    (
        "Beijing has invested billions in recent years.",
        D2,
        "recent years",
        "DATE",
        "PAST_REF",
        None,
    ),
    (
        "Since at least August 2018, Serbia has bought drones",
        D2,
        "August 2018",
        "DATE",
        "2018-08",
        "ON_OR_AFTER",
    ),
    ("the deal was agreed in January 2019.", D2, "January 2019", "DATE", "2019-01", None),
    (
        "Serbia plans to buy more over the next two years.",
        D2,
        "the next two years",
        "DURATION",
        "P2Y",
        None,
    ),
    ("The drones were delivered in June 2019.", D2, "June 2019", "DATE", "2019-06", None),
    (
        "in the first half of 2019 it bought arms, and in April of that year it",
        D2,
        "the first half of 2019",
        "DATE",
        "2019-H1",
        None,
    ),
    (
        "in the first half of 2019 it bought arms, and in April of that year it",
        D2,
        "April",
        "DATE",
        "2019-04",
        None,
    ),
    (
        "in the first half of 2019 it bought arms, and in April of that year it",
        D2,
        "that year",
        "DATE",
        "2019",
        None,
    ),
    ("On July 4, the missiles arrived.", D2, "July 4", "DATE", "2020-07-04", None),
    ("Now we are starting a new phase.", D2, "Now", "DATE", "PRESENT_REF", None),
    # further forms
    ("The report of 2019-09-18 was leaked.", D2, "2019-09-18", "DATE", "2019-09-18", None),
    (
        "Sales rose in the third quarter of 2008.",
        D2,
        "the third quarter of 2008",
        "DATE",
        "2008-Q3",
        None,
    ),
    ("Q3 2008 results were poor.", D2, "Q3 2008", "DATE", "2008-Q3", None),
    ("Revenue in fiscal 2007 fell.", D2, "fiscal 2007", "DATE", "FY2007", None),
    # TimeML (and MEANTIME: "70s" -> 197) writes decades and centuries without X padding
    ("Prices peaked in the 1990s.", D2, "1990s", "DATE", "199X", None),
    ("It was built in the 19th century.", D2, "19th century", "DATE", "18XX", None),
    ("The contract was signed two years ago.", D2, "two years ago", "DATE", "2018", None),
    ("The company reported losses yesterday.", D2, "yesterday", "DATE", "2020-07-08", None),
    ("Sales fell this month.", D2, "this month", "DATE", "2020-07", None),
    ("The summit is next week.", date(2019, 12, 30), "next week", "DATE", "2020-W02", None),
    ("The meeting will be held on Monday.", D2, "Monday", "DATE", "2020-07-13", None),
    ("The meeting was held on Monday.", D2, "Monday", "DATE", "2020-07-06", None),
    ("The invoice is dated 19-Nov-12.", D2, "19-Nov-12", "DATE", "2012-11-19", None),
    ("The shop is open every Monday.", D2, "every Monday", "SET", "XXXX-WXX-1", None),
    ("The report is published annually.", D2, "annually", "SET", "P1Y", None),
    ("The flight took 4 hours.", D2, "4 hours", "DURATION", "PT4H", None),
    ("The plan is currently under review.", D2, "currently", "DATE", "PRESENT_REF", None),
    (
        "They have worked together for at least three years.",
        D2,
        "three years",
        "DURATION",
        "P3Y",
        "EQUAL_OR_MORE",
    ),
    ("The strike lasted more than a week.", D2, "a week", "DURATION", "P1W", "MORE_THAN"),
    ("The strike lasted about two weeks.", D2, "about two weeks", "DURATION", "P2W", "APPROX"),
    ("It happened in the spring of 2019.", D2, "the spring of 2019", "DATE", "2019-SP", None),
    ("They met at 14:30 on the same day.", D2, "14:30", "TIME", "2020-07-09T14:30", None),
    ("The office opened in mid-2011.", D2, "mid-2011", "DATE", "2011", "MID"),
    (
        "The plant closes at the end of next year.",
        D2,
        "the end of next year",
        "DATE",
        "2021",
        "END",
    ),
    ("The company was founded on 7/8/07 in Seattle.", D2, "7/8/07", "DATE", "2007-07-08", None),
    ("She arrived the previous day.", D2, "the previous day", "DATE", "2020-07-08", None),
]


def _find(text: str, dct: date | None, span: str):
    found = tag(text, dct)
    for t in found:
        if t.text == span:
            return t
    raise AssertionError(f"{span!r} not tagged in {text!r}; got {[t.text for t in found]}")


@pytest.mark.parametrize(("text", "dct", "span", "type_", "value", "mod"), TABLE)
def test_table(text: str, dct: date | None, span: str, type_: str, value: str, mod: object) -> None:
    t = _find(text, dct, span)
    assert (t.type, t.value) == (type_, value)
    if mod is not ANY:
        assert t.mod == mod


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 40


def test_anaphora_is_marked_previous() -> None:
    t = _find(
        "was signed in May 2019, and the joint patrols began operations in September of the "
        "same year.",
        D1,
        "September",
    )
    assert t.anchor == "previous"
    t = _find(
        "in the first half of 2019 it bought arms, and in April of that year it",
        D2,
        "April",
    )
    assert t.anchor == "previous"
