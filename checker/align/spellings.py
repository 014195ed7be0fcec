"""One person's name spelled two ways by two articles of a story.

Two full names with one name in common (the family name, first or last) and the rest a letter or
two apart ("Martin" / "Marvin", "Sung-min" / "Seong-min") in two articles of one story name one
person, unless each article also uses the other's form (an article that writes both forms has
one of them wrong). Forms that differ only in vowels, hyphens or spaces are transliterations (an
agreement: the same person); forms that differ in a consonant are a misspelling in one of them
(a conflict of low severity: check the spelling).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from checker.align.blocking import ArticlePairs
from checker.align.comparison import Comparison, Side
from checker.align.story import Story
from checker.models.facts import ArticleFacts
from checker.textutil import fold

# given names at most this many edits apart are one name spelled two ways
MAX_EDITS = 2
# shorter given names are too alike by chance ("Ann" / "Dan")
MIN_GIVEN = 4
_VOWELS = re.compile(r"[aeiouy\-\s']")
_POSSESSIVE = re.compile(r"['’]s?$")


def spelling_comparisons(
    facts: Sequence[ArticleFacts], stories: Sequence[Story], pairs: ArticlePairs
) -> list[Comparison]:
    """A comparison for each pair of articles of one story that spell one name two ways."""
    forms = {f.article: _full_names(f) for f in facts}
    out: list[Comparison] = []
    for x, y in pairs.within_stories(forms, stories):
        for key_a, side_a in sorted(forms[x].items()):
            for key_b, side_b in sorted(forms[y].items()):
                if key_a in forms[y] and key_b in forms[x]:
                    continue  # both use both forms: they do not disagree with each other
                rel = _relation(key_a, key_b)
                if rel is not None:
                    comp = _comparison(side_a[0], side_b[0], rel)
                    comp.extra = side_a[1:] + side_b[1:]
                    out.append(comp)
    return out


def _relation(a: str, b: str) -> str | None:
    pa, pb = a.split(), b.split()
    if len(pa) != len(pb) or len(pa) < 2 or pa == pb:
        return None
    # one name in common, first or last ("Martin Okafor", "Park Sung-min"); the rest differs
    same = [x == y for x, y in zip(pa, pb, strict=True)]
    if not (same[0] or same[-1]):
        return None
    given_a = " ".join(x for x, s in zip(pa, same, strict=True) if not s)
    given_b = " ".join(y for y, s in zip(pb, same, strict=True) if not s)
    if min(len(given_a), len(given_b)) < MIN_GIVEN:
        return None
    if Levenshtein.distance(given_a, given_b) > MAX_EDITS:
        return None
    if given_a.startswith(given_b) or given_b.startswith(given_a):
        return None  # a short form ("Steve" / "Steven"), not another spelling
    if _skeleton(given_a) == _skeleton(given_b):
        return "name_transliterated"
    return "name_misspelled"


def _skeleton(name: str) -> str:
    """The consonants of a name, with the letters transliterations swap made one ('Costas' /
    'Kostas', 'Stephan' / 'Stefan')."""
    return _VOWELS.sub("", name.replace("ph", "f").replace("k", "c"))


# sentences quoted for one name form: its first uses (the headline, the lead)
MAX_USES = 3


def _full_names(f: ArticleFacts) -> dict[str, list[Side]]:
    """Each full name form the article uses (folded), with the sentences of its first uses."""
    out: dict[str, list[Side]] = {}
    for person in f.people:
        for m in person.mentions:
            key = fold(_POSSESSIVE.sub("", m.text))
            if len(key.split()) < 2 or len(out.get(key, [])) >= MAX_USES:
                continue
            st = next(
                (s for s in f.statements if s.evidence.start <= m.start < s.evidence.end), None
            )
            if st is not None:
                side = Side(f.article, st.evidence, m.text, (m.start, m.end), {"display": m.text})
                out.setdefault(key, []).append(side)
    return out


def _comparison(a: Side, b: Side, rel: str) -> Comparison:
    if rel == "name_transliterated":
        detail = f"{a.value} and {b.value} differ only in vowels or hyphens: one name spelled twice"
    else:
        detail = f"{a.value} and {b.value} differ in a letter that changes the name: check it"
    return Comparison(
        "person_role", f"name of {b.value}", a, b, {"role_relation": rel}, detail, 0.7
    )
