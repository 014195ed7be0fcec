"""Text folding: compare names and terms the way a reader would, ignoring case and accents.

`fold("  Ministar unutrašnjih   poslova ") == "ministar unutrasnjih poslova"`.

`fold_with_offsets` also returns, for every character of the folded text, the index of the
character of the original text it came from, so a match found in folded text can be quoted
verbatim (evidence offsets always point into the original article).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Curly quotes and primes people and editors swap for straight ones.
STRAIGHT_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
}

# Letters NFKD does not decompose into a base letter plus a combining mark, then quotes and dashes.
_SPECIAL = {
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
    "ø": "o",
    "Ø": "o",
    "ß": "ss",
    "ẞ": "ss",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ħ": "h",
    "ı": "i",
    "þ": "th",
    "ð": "d",
    **STRAIGHT_QUOTES,
    # Dashes to a hyphen, so "Austria–Hungary" and "Austria-Hungary" fold alike.
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
}


def _fold_char(ch: str) -> str:
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isascii():
        return ch.lower()
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Lower-casing can itself produce combining marks (e.g. 'İ'), so drop them again.
    lowered = "".join(c for c in kept.lower() if not unicodedata.combining(c))
    return "".join(_SPECIAL.get(c, c) for c in lowered)


_SPACES = re.compile(r"\s+")  # the characters str.isspace() accepts, in runs


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold `text` and map each folded character back to its index in `text`.

    Whitespace runs become one space; leading and trailing whitespace is kept (as one
    space) so that offsets stay simple. `offsets` has one more element than the folded
    text: the last one is `len(text)`, so `offsets[end]` works for exclusive ends.
    """
    if text.isascii():
        return _fold_ascii_with_offsets(text)
    return _fold_chars_with_offsets(text)


def _fold_chars_with_offsets(text: str) -> tuple[str, list[int]]:
    """The character loop behind `fold_with_offsets`, for any text."""
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
            if c.isspace():  # e.g. NFKD of a no-break space inside a ligature
                c = " "
            out.append(c)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def _fold_ascii_with_offsets(text: str) -> tuple[str, list[int]]:
    # ASCII folds to its lower case (no ASCII character is special): the same result as the
    # character loop, many times faster, for the words and sentences extraction folds.
    lowered = text.lower()
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACES.finditer(text):
        start, end = m.span()
        out.append(lowered[pos:start])
        offsets.extend(range(pos, start))
        out.append(" ")
        offsets.append(start)
        pos = end
    out.append(lowered[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(out), offsets


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive key: NFKD, no combining marks, lower case, đ→d, ł→l,
    ø→o, ß→ss, curly→straight quotes, dashes→hyphen, whitespace collapsed and trimmed."""
    # Extraction folds the same words again and again: hence the cache.
    if text.isascii():
        return " ".join(text.lower().split())
    return fold_with_offsets(text)[0].strip()


def original_span(text: str, offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of `text` that produced the folded characters `[start, end)`.

    The end is pushed past combining marks that folding dropped, so a quote of a
    decomposed "é" keeps its accent.
    """
    if end <= start:
        return offsets[start], offsets[start]
    orig_end = offsets[end - 1] + 1
    while orig_end < len(text) and unicodedata.combining(text[orig_end]):
        orig_end += 1
    return offsets[start], orig_end


def safe_terminal(text: str, keep: str = "") -> str:
    """Text for a terminal line: control characters (ESC, BEL, CR, LF…) shown as escapes.

    Characters in `keep` (say "\\n") are left for the caller to deal with.
    """
    return "".join(
        ch
        if ch.isprintable() or ch == " " or ch in keep
        else (f"\\x{ord(ch):02x}" if ord(ch) < 256 else "?")
        for ch in text
    )
