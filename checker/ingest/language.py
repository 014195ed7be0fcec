"""Is a text English? A function-word count, enough to skip an article in another language.

English news text is about 35-45% function words ("the", "of", "and", …); German or French
text scores under 5% on this list even when it shares names and numbers with English.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
ENGLISH_FUNCTION_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "the of and to in a is was for on that with as by at from it said has have are were be "
        "this will an its their after but not which who had been would or they he she"
    ).split()
)
MIN_WORDS = 25  # shorter texts are too short to judge
MIN_RATIO = 0.08  # German or French text scores under 0.05; English team sheets about 0.14


def looks_english(text: str) -> bool:
    """False when a text of some length has too few English function words to be English."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return True
    hits = sum(w in ENGLISH_FUNCTION_WORDS for w in words)
    return hits / len(words) >= MIN_RATIO
