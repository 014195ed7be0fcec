"""Read a saved web page (`.html`, `.htm`): its main text, title, author, site, URL, language
and publication date, from the local file only (nothing is fetched).

trafilatura extracts the main text, leaving out navigation, footers and other boilerplate,
and reads the title, author, site name and URL from the page's metadata. Offsets and quotes
refer to that extracted text (`Article.text`, its title on the first line), not to the HTML:
the report says so (`origin: html`) and a copy of the text can be kept beside it. The date and
language come from `page_meta`; the page's own metadata wins over an `articles.yaml` entry, as
front matter does for a text file.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.errors import CheckerError
from checker.ingest.files import DEFAULT_LIMITS, ReadLimits, check_file, read_article_bytes
from checker.ingest.page_meta import stated_date, stated_language
from checker.ingest.pubdate import DateGuesser, guess_published
from checker.ingest.reader import Meta, Sidecar, described, sidecar_entry
from checker.models.article import Article, Origin

# trafilatura and htmldate log odd markup; a page's problems are reported as checker problems.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

TEXT_NOTE = "main text extracted from the page by trafilatura"
MIN_WORDS = 20  # fewer words besides the title: a menu, a portal or a cookie wall, not a story


def load_page(
    path: Path,
    sidecars: Sequence[Sidecar] = (),
    root: Path | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    guess: DateGuesser = guess_published,
) -> Article:
    """Read one saved page. Raises CheckerError (E017 when the page holds no article text)."""
    import trafilatura

    check_file(path, root, limits)
    raw = read_article_bytes(path, limits)
    tree = trafilatura.load_html(raw)
    if tree is None:
        raise CheckerError.make("E017", path=str(path), reason="it could not be read as HTML")
    # Read before extraction, which prunes the tree it is given.
    stated = _stated(tree)
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,  # rather lose a paragraph than take a menu for the story
    )
    extracted = (doc.text or "").strip() if doc is not None else ""
    title = (doc.title or "").strip() if doc is not None else ""
    words = len(extracted.removeprefix(title).split())
    if words < MIN_WORDS:
        reason = f"{words} words besides the title: navigation or boilerplate, it seems"
        raise CheckerError.make("E017", path=str(path), reason=reason)
    # The title is the first line, as in a text file, so that it is read and quoted too.
    text = extracted if not title or extracted.startswith(title) else f"{title}\n\n{extracted}"
    front = {
        **stated,
        "title": title or None,
        "source": doc.sitename or doc.hostname,
        "url": doc.url,
        "author": doc.author,
    }
    front = {k: v for k, v in front.items() if v}
    meta = Meta(path, front, {}, sidecar_entry(path, raw, sidecars), place="in the page")
    return Article(
        id=path.stem,
        path=path,
        text=text,
        origin=Origin.HTML,
        text_note=TEXT_NOTE,
        **described(meta, text, default_title=path.stem, guess=guess),
    )


def _stated(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    day = stated_date(tree)
    if day is not None:
        out["published"] = day.day.isoformat()
        out["published_note"] = day.note
    language = stated_language(tree)
    if language is not None:
        out["language"] = language
    return out
