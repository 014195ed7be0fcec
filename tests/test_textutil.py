"""Folding: the fast path for ASCII text folds exactly as the character-by-character one."""

from __future__ import annotations

import random

from checker.textutil import _fold_chars_with_offsets, fold, fold_with_offsets


def _slow(text: str) -> tuple[str, list[int]]:
    """The character loop, which `fold_with_offsets` skips for ASCII text."""
    return _fold_chars_with_offsets(text)


def test_ascii_folds_as_the_character_loop_does() -> None:
    rng = random.Random(7)
    ascii_chars = [chr(i) for i in range(128)]
    samples = ["", " ", "  Two  words ", "Tab\tand\x1cunit\x1fseparators", "A-B 'c' \"D\""]
    samples += [f" a{ch}b " for ch in ascii_chars]
    samples += [
        "".join(rng.choice(ascii_chars) for _ in range(rng.randrange(30))) for _ in range(2000)
    ]
    for text in samples:
        assert fold_with_offsets(text) == _slow(text), repr(text)
        assert fold(text) == _slow(text)[0].strip(), repr(text)


def test_other_text_still_folds_accents_quotes_and_dashes() -> None:
    text = "  Ministar unutrašnjih\u00a0 poslova \u2013 \u201cİstanbul\u201d Straße "
    folded, offsets = fold_with_offsets(text)
    assert folded.strip() == fold(text)
    assert len(offsets) == len(folded) + 1 and offsets[-1] == len(text)
    assert text[offsets[folded.index("strasse")]] == "S"  # each character maps to its source
    assert fold(text) == 'ministar unutrasnjih poslova - "istanbul" strasse'
