"""The area a value is given for, when its words say so: the whole country or a part of it.

"More than a million marched across France, with 119,000 in Paris": the first figure is for the
whole and the second for a part, and a part's figure is no report of the whole's. Only what the
words say is read: a scope word next to the value ('nationwide', 'across the country', 'in all
of France'), or 'in' + a city or region (or 'the capital') right after it. A value with no such
words has no scope, and nothing is decided for it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from checker.extract.document import ArticleDoc
from checker.models.place import PlaceKind

WHOLE = "whole"
PART = "part"

# words that give a value for a whole country (or the whole area the story is about)
_WHOLE = re.compile(
    r"\b(?:(?i:nationwide|countrywide|nationally|in total)|(?i:across|all over|throughout) "
    r"the (?i:country|nation)|(?i:in) the (?:whole )?(?i:country|nation)|(?i:in all of|across|"
    r"throughout|all over) [A-Z]\w+)\b"
)
# 'in the capital', 'in that city': a part named without its name
_PART_WORDS = re.compile(r"^\s*in (?:the|that|this) (?:capital|city|town)\b", re.IGNORECASE)
WINDOW = 10  # tokens either side of the value in which a scope word counts


def scope(adoc: ArticleDoc, sent: Span, first: Token, last: Token) -> tuple[str, str] | None:
    """(WHOLE or PART, the words) for the value on tokens first..last, or None.

    Scope words attached to the value's own clause win ('tear gas at protesters in the capital,
    and 80 were arrested across the country': 80 is for the country), then the nearest."""
    lo, hi = _between_numbers(sent, first, last)
    own = _own_clause(last)
    found: list[tuple[bool, int, str, str]] = []
    after = _part(adoc, range(last.i + 1, hi))
    if after is not None:
        found.append((after[0].head.i not in own, after[0].i - last.i, PART, after[1]))
    before = _part(adoc, range(first.i - 1, lo - 1, -1))
    if before is not None:
        found.append((before[0].head.i not in own, first.i - before[0].i, PART, before[1]))
    text = adoc.article.text
    for m in _WHOLE.finditer(text, adoc.char(adoc.doc[lo]), _end(adoc, adoc.doc[hi - 1])):
        starts = [k for k in range(lo, hi) if m.start() <= adoc.char(adoc.doc[k]) < m.end()]
        if starts:
            k0, k1 = starts[0], starts[-1]
            distance = k0 - last.i if k0 > last.i else first.i - k1
            found.append((adoc.doc[k0].head.i not in own, distance, WHOLE, m.group(0)))
    if not found:
        return None
    _, _, level, words = min(found)
    return level, words


def _own_clause(tok: Token) -> set[int]:
    """The value's token and its heads up to its clause's verb."""
    out = {tok.i}
    for up in tok.ancestors:
        out.add(up.i)
        if up.pos_ in ("VERB", "AUX"):
            break
    return out


def _end(adoc: ArticleDoc, tok: Token) -> int:
    return adoc.char(tok) + len(tok.text)


def _between_numbers(sent: Span, first: Token, last: Token) -> tuple[int, int]:
    """The window around the value, cut at the nearest other number on each side: a scope
    word beyond another figure is that figure's."""
    lo = max(sent.start, first.i - WINDOW)
    for k in range(first.i - 1, lo - 1, -1):
        if sent.doc[k].like_num:
            lo = k + 1
            break
    hi = min(sent.end, last.i + 1 + WINDOW)
    for k in range(last.i + 1, hi):
        if sent.doc[k].like_num:
            hi = k
            break
    return lo, hi


def _part(adoc: ArticleDoc, tokens: range) -> tuple[Token, str] | None:
    """'in Paris', 'in the capital': the first 'in' + a city or region among `tokens` (in the
    order given), with the 'in'."""
    for k in tokens:
        tok = adoc.doc[k]
        if tok.lower_ != "in":
            continue
        at = adoc.char(tok)
        m = _PART_WORDS.match(adoc.article.text[at : at + 24])
        if m:
            return tok, m.group(0).strip()
        for ref in adoc.starting_in("places", at + 1, at + 5):
            if ref.place is not None and ref.place.kind in (PlaceKind.CITY, PlaceKind.REGION):
                return tok, ref.mention.text
    return None
