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
