"""Folding: the fast path for ASCII text folds exactly as the character-by-character one."""

from __future__ import annotations

import random

from checker.textutil import _fold_char, fold, fold_with_offsets


def _slow(text: str) -> tuple[str, list[int]]:
    """The character loop, for any text (what `fold_with_offsets` does for non-ASCII text)."""
    out: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                offsets.append(i)
            in_space = True
            continue
        in_space = False
        for c in _fold_char(ch):
            out.append(" " if c.isspace() else c)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


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
    assert fold_with_offsets(text) == _slow(text)
    assert fold(text) == 'ministar unutrasnjih poslova - "istanbul" strasse'
