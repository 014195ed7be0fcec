"""Where a gold quote sits in its article, and which findings match a gold item.

Gold quotes are typed by people, so they are compared after a light normalisation that
keeps every character's origin: Unicode NFKC (ligatures, full-width forms, no-break
spaces), curly quotes to straight ones, and whitespace runs folded to one space. Letter
case is kept: a gold quote is meant to be verbatim.

A quote is widened to the sentence that holds it, because the checker quotes whole
sentences and a gold annotator usually quotes just the words that matter. Sentences end
at '.', '!' or '?' (with any closing quotes or brackets) followed by whitespace, and at
line breaks. Abbreviations such as "Mr." end a sentence too; that only ever makes a gold
sentence shorter, and a claim that holds the quote still overlaps it.

A finding matches a gold item when its verdict is the item's and it has a claim in each
of the two articles whose character span overlaps that article's gold sentence. The
kind is not compared: a `venue` finding can match a `place` or `other` item.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from checker.models.report import Finding, Report, Verdict
from checker.textutil import STRAIGHT_QUOTES

Span = tuple[int, int]


# End of a sentence: terminal punctuation, optional closing quotes/brackets, then a space
# or the end of the text; or a line break.
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u2019\u201d\u00bb)\]]*(?=\s|$)|\n")


@dataclass(frozen=True)
class Normalized:
    """Normalised text; `starts[i]`/`ends[i]` is the original span of character `i`."""

    text: str
    starts: list[int]
    ends: list[int]

    def original(self, start: int, end: int) -> Span:
        """The span of the original text that produced normalised `[start, end)`."""
        return self.starts[start], self.ends[end - 1]


def normalize(text: str) -> Normalized:
    """NFKC, curly→straight quotes and folded whitespace, with an offset map to `text`."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    in_space = False
    i = 0
    while i < len(text):
        # A base character with its combining marks is normalised as one unit, so that
        # "e" + U+0301 composes to "é" like a precomposed "é" typed in the gold file.
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        for ch in unicodedata.normalize("NFKC", text[i:j]):
            ch = STRAIGHT_QUOTES.get(ch, ch)
            if ch.isspace():
                if in_space:
                    ends[-1] = j  # the folded space stands for the whole run
                    continue
                ch = " "
                in_space = True
            else:
                in_space = False
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return Normalized("".join(out), starts, ends)


def normalize_quote(quote: str) -> str:
    """The form a gold quote is searched in (normalised, trimmed)."""
    return normalize(quote).text.strip()


def find_quote(text: str, quote: str) -> list[Span]:
    """Every place `quote` occurs in `text` after normalisation, as spans of `text`."""
    needle = normalize_quote(quote)
    if not needle:
        return []
    hay = normalize(text)
    spans: list[Span] = []
    at = hay.text.find(needle)
    while at >= 0:
        spans.append(hay.original(at, at + len(needle)))
        at = hay.text.find(needle, at + 1)
    return spans


def case_insensitive_line(text: str, quote: str) -> int | None:
    """The line where `quote` occurs ignoring letter case, for a 'did you mean' hint."""
    needle = normalize_quote(quote).casefold()
    hay = normalize(text)
    at = hay.text.casefold().find(needle) if needle else -1
    # casefold can change lengths (ß → ss); then the offset is approximate, fine for a hint.
    if at < 0 or at >= len(hay.starts):
        return None
    return text.count("\n", 0, hay.starts[at]) + 1


def sentence_span(text: str, start: int, end: int) -> Span:
    """The sentence(s) of `text` holding `[start, end)`, without surrounding whitespace."""
    s, e = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= start:
            s = m.end()
        elif m.end() >= end:
            e = m.end()
            break
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


@dataclass
class GoldSide:
    """One side of a gold item, located: the article and the sentences holding the quote."""

    file: str  # as written in the gold file
    path: Path  # resolved
    quote: str
    quote_spans: list[Span]
    sentences: list[Span]
    line: int  # 1-based line of the first occurrence
    sentence_text: str  # the first sentence, for reports
    article: str = ""  # the report's article id, set by `assign_articles`


@dataclass
class ItemOutcome:
    passed: bool
    matched: list[str] = field(default_factory=list)  # finding ids
    reason: str = ""


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quotes_side(finding: Finding, side: GoldSide) -> bool:
    return any(
        claim.article == side.article
        and any(overlaps((claim.start, claim.end), s) for s in side.sentences)
        for claim in finding.claims
    )


def quotes_both(finding: Finding, a: GoldSide, b: GoldSide) -> bool:
    """True when the finding quotes the gold sentence of both articles (verdict aside)."""
    return _quotes_side(finding, a) and _quotes_side(finding, b)


def _between(finding: Finding, a: GoldSide, b: GoldSide) -> bool:
    articles = {c.article for c in finding.claims}
    return a.article in articles and b.article in articles


def match_item(verdict: Verdict, a: GoldSide, b: GoldSide, findings: list[Finding]) -> ItemOutcome:
    """Whether the report satisfies one gold item, with the finding ids and a reason."""
    same_sentences = [f for f in findings if quotes_both(f, a, b)]
    pair = f"{a.article} and {b.article}"
    if verdict is Verdict.NO_CONFLICT:
        wrong = [f.id for f in same_sentences if f.verdict is Verdict.CONFLICT]
        if wrong:
            return ItemOutcome(False, wrong, f"conflict finding {', '.join(wrong)} between {pair}")
        right = [f.id for f in same_sentences if f.verdict is Verdict.NO_CONFLICT]
        reason = f"no conflict finding between {pair}"
        if right:
            reason += f" ({', '.join(right)} says no_conflict)"
        return ItemOutcome(True, right, reason)

    hits = [f.id for f in same_sentences if f.verdict is verdict]
    if hits:
        return ItemOutcome(True, hits, f"matched {', '.join(hits)}")
    # Say why it failed: the right sentences with another verdict, or the right verdict
    # elsewhere in the pair, are the two near misses worth looking at.
    others = [f"{f.id} says {f.verdict.value}" for f in same_sentences]
    if others:
        return ItemOutcome(
            False, [], f"no {verdict.value} finding between {pair} ({'; '.join(others)})"
        )
    elsewhere = [f.id for f in findings if f.verdict is verdict and _between(f, a, b)]
    reason = f"no {verdict.value} finding between {pair}"
    if elsewhere:
        reason += f" (other sentences: {', '.join(elsewhere)})"
    return ItemOutcome(False, [], reason)


def article_index(report: Report) -> tuple[dict[Path, str], set[str]]:
    """Report articles by resolved path, and the set of article ids (for the stem fallback).

    Relative paths in a report are resolved against the current folder, where `checker run`
    was most likely run.
    """
    by_path: dict[Path, str] = {}
    for entry in report.articles:
        try:
            by_path[Path(entry.path).resolve()] = entry.id
        except (OSError, RuntimeError):  # a path that cannot be resolved only loses that route
            continue
    return by_path, {entry.id for entry in report.articles}


def find_article(path: Path, by_path: dict[Path, str], ids: set[str]) -> str | None:
    """The report's id of the article file `path`: same path, else file stem = article id."""
    if path in by_path:
        return by_path[path]
    return path.stem if path.stem in ids else None
