"""One person's name spelled two ways by two articles of a story."""

from __future__ import annotations

import pytest

from checker.align.spellings import _relation


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("martin okafor", "marvin okafor", "name_misspelled"),  # a consonant: a typo
        ("park sung-min", "park seong-min", "name_transliterated"),  # family name first
        ("daniel okafor", "danial okafor", "name_transliterated"),  # a vowel
        ("venus hartley", "serena hartley", None),  # sisters: names far apart
        ("ann hartley", "dan hartley", None),  # short names are alike by chance
        ("martin okafor", "martin okafor", None),
        ("martin okafor", "marvin okoro", None),  # no name in common
        ("martin okafor", "okafor", None),  # a surname alone is no second spelling
        ("steven okafor", "steve okafor", None),  # a short form
        ("costas okafor", "kostas okafor", "name_transliterated"),  # c / k
    ],
)
def test_two_spellings_of_one_name(a: str, b: str, want: str | None) -> None:
    assert _relation(a, b) == want


def test_a_possessive_is_no_second_spelling(tmp_path) -> None:
    from checker.run import check

    for name, body in (
        ("a", "Martin Okafor won the race in Valmora on Sunday, the organisers said."),
        ("b", "Martin Okafor's win in Valmora on Sunday was his third, the organisers said."),
    ):
        (tmp_path / f"{name}.txt").write_text(
            f"---\npublished: 2023-10-09\n---\nRace in Valmora\n\n{body}\n", encoding="utf-8"
        )
    found = [f for f in check([tmp_path]).report.findings if f.rule in ("P104", "P112")]
    assert found == []
