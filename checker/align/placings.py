"""Who came second: a placing in a race, a contest or a vote, held by one person at a time.

"Tomas Reyes came in second", "the second-place finisher, Ana Ruiz", "Lee Park claimed third",
"runner-up Ana Ruiz": each sentence of a story that gives a person a placing (second, third…)
becomes a placing. Two articles of one story that give the same placing, in the same division
("women's", "men's" or none named), to different people conflict; to the same person, agree.
First place is left out: "won" says too little about what was won (the race, a stage, a prize).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.align.blocking import ArticlePairs
from checker.align.comparison import Comparison, Side
from checker.align.role_names import same_person
from checker.align.story import Story
from checker.models.facts import ArticleFacts
from checker.textutil import fold

# the placings read, each with its rank; the first word of a rank names it in a finding
_ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5}
_ORD = rf"(?P<ord>{'|'.join(_ORDINALS)})"
_PLACE_NAMES = {rank: word for word, rank in reversed(_ORDINALS.items())}
# a person's name as written: two to four capitalised words ("Ana Ruiz", "Ana María Ruiz")
_NAME = r"(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)"
# the placing after the name: "came in second", "was second in 2:10", "claimed third place"
_AFTER = re.compile(
    rf"{_NAME}(?:\s+of\s+[A-Z][\w'’-]+)?,?\s+(?:(?:also|then|only)\s+)?(?:came|finished|was|placed|ended|secured|"
    rf"claimed|took|earned|grabbed|settled for)\s+(?:in\s+)?{_ORD}\b"
)
# the placing before the name: "the second-place finisher, Ana Ruiz", "runner-up Tomas Reyes"
_BEFORE = re.compile(
    rf"(?:\b{_ORD}[- ]place(?:d)?(?: finisher)?|\b(?P<ru>runner-up))\W{{0,3}}{_NAME}",
    re.IGNORECASE,
)
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its"}
_DIVISION = re.compile(r"\b(women|men|girls|boys)['’]s\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Placing:
    rank: int
    division: str | None
    person: str  # folded full name
    side: Side


def placing_comparisons(
    facts: Sequence[ArticleFacts], stories: Sequence[Story], pairs: ArticlePairs
) -> list[Comparison]:
    found = {f.article: _placings(f) for f in facts}
    out: list[Comparison] = []
    for x, y in pairs.within_stories(found, stories):
        seen: set[tuple] = set()
        for a in found[x]:
            for b in found[y]:
                key = (a.rank, a.division, a.person, b.person)
                if (a.rank, a.division) != (b.rank, b.division) or key in seen:
                    continue
                seen.add(key)
                out.append(_comparison(a, b))
    return out


def _placings(f: ArticleFacts) -> list[_Placing]:
    out: list[_Placing] = []
    for st in f.statements:
        quote, base = st.evidence.quote, st.evidence.start
        division = _DIVISION.search(quote)
        for m in [*_AFTER.finditer(quote), *_BEFORE.finditer(quote)]:
            words = m.group("name").split()
            while words and words[0].lower() in _DETERMINERS:
                words = words[1:]
            if len(words) < 2 or m.group("name")[0].islower():
                continue
            name = " ".join(words)
            at = base + m.start("name") + m.group("name").index(name)
            rank = _ORDINALS[m.group("ord").lower()] if m.group("ord") else 2  # runner-up
            side = Side(f.article, st.evidence, name, (at, at + len(name)), {"display": name})
            division_name = division.group(1).lower() if division else None
            out.append(_Placing(rank, division_name, fold(name), side))
    return out


def _comparison(a: _Placing, b: _Placing) -> Comparison:
    place = _PLACE_NAMES[a.rank]
    where = f"{a.division}'s " if a.division else ""
    subject = f"{where}{place} place"
    if same_person(a.person, b.person):
        rel, detail = "same_person", f"both give {subject} to {b.side.value}"
    else:
        rel = "different_person_overlapping"
        detail = f"{subject} is held by one person: {a.side.value} / {b.side.value}"
    return Comparison("person_role", subject, a.side, b.side, {"role_relation": rel}, detail, 0.7)
