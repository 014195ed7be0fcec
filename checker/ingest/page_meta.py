"""What a saved web page states about itself: its publication date and its language.

Only what the page states in its markup counts: `<meta>` tags (`article:published_time` and
the other names news sites use), JSON-LD `datePublished`, and a `<time datetime>` element marked
as the publication date or inside the `<article>`. htmldate (which trafilatura uses) goes on to
guess from the URL and the visible text; such a guess is not a stated date, and it cannot say
where it came from, so checker reads these few places itself and names the one it used. A page
without any of them is dated like a text file, from its text, and flagged as inferred.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml.html import HtmlElement

from checker.ingest.dates import parse_published
from checker.safeload import DataError, load_json

# <meta> names and properties that state when a page was first published, most specific first.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dcterms.issued",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_META_RANK = {name: i for i, name in enumerate(PUBLISHED_META)}
MAX_JSON_LD = 1_000_000  # characters of one JSON-LD script read


@dataclass(frozen=True)
class StatedDate:
    day: date
    where: str  # for the note: "article:published_time", "JSON-LD datePublished", …

    @property
    def note(self) -> str:
        return f"page metadata: {self.where}"


def stated_date(tree: HtmlElement) -> StatedDate | None:
    """The first valid publication date the page states, by the order of `_candidates`."""
    for value, where in _candidates(tree):
        try:
            return StatedDate(parse_published(value.strip()), where)
        except ValueError:
            continue  # a malformed or implausible value: try the next place
    return None


def _candidates(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    metas: list[tuple[int, str, str]] = []
    for elem in tree.iter("meta"):
        for attr in ("property", "name", "itemprop"):
            key = (elem.get(attr) or "").strip().lower()
            value = elem.get("content") or elem.get("datetime")
            if key in _META_RANK and value:
                metas.append((_META_RANK[key], value, key))
    for _, value, key in sorted(metas, key=lambda m: m[0]):
        yield value, key
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            value = _json_ld_date(script.text or "")
            if value:
                yield value, "JSON-LD datePublished"
    for elem in tree.iter("time"):
        value = elem.get("datetime")
        marked = elem.get("pubdate") is not None or elem.get("itemprop") == "datePublished"
        if value and marked:
            yield value, "<time> marked as the publication date"
    for article in tree.iter("article"):
        for elem in article.iter("time"):
            if elem.get("datetime"):
                yield elem.get("datetime"), "<time datetime> in the <article>"
                break  # the first one: the dateline, not a date the story mentions
        break


def _json_ld_date(text: str) -> str | None:
    if len(text) > MAX_JSON_LD:
        return None
    try:
        data = load_json(text)
    except DataError:
        return None
    return _find_key(data, "datePublished")


def _find_key(data: Any, key: str) -> str | None:
    """The first text value of `key` in nested JSON data, outermost first (`@graph` too)."""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                return value
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def stated_language(tree: HtmlElement) -> str | None:
    """The language the page declares: `<html lang>`, `Content-Language`, or `og:locale`."""
    lang = (tree.get("lang") or tree.get("xml:lang") or "").strip()
    if lang:
        return lang
    for elem in tree.iter("meta"):
        key = (elem.get("http-equiv") or elem.get("property") or "").strip().lower()
        value = (elem.get("content") or "").strip()
        if key in ("content-language", "og:locale") and value:
            return value.split(",")[0].strip()
    return None
