"""Where each article's text and publication date came from, for the reports and `facts`."""

from __future__ import annotations

import hashlib

from checker.models.article import Article, Origin
from checker.models.report import ArticleEntry


def text_sha256(article: Article) -> str:
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def article_entry(article: Article) -> ArticleEntry:
    """The report's entry for `article`. A plain text file holds the text its offsets refer
    to; for a page or an export record, `text_file` is set when a copy is written."""
    return ArticleEntry(
        id=article.id,
        path=str(article.path),
        title=article.title,
        published=article.published,
        published_inferred=article.published_inferred,
        published_note=article.published_note,
        published_earliest=article.published_earliest,
        published_latest=article.published_latest,
        origin=article.origin.value,
        row=article.row,
        source_line=article.source_line,
        text_note=article.text_note,
        text_sha256=text_sha256(article),
        text_file=str(article.path) if article.origin is Origin.FILE else None,
    )


def text_origin(entry: ArticleEntry) -> str:
    """In words: the file, and for a page or an export record how its text was taken."""
    if entry.origin == Origin.HTML:
        return f"saved page {entry.path}: {entry.text_note or 'main text'}"
    if entry.origin == Origin.EXPORT:
        line = f", line {entry.source_line}" if entry.source_line is not None else ""
        return f"export {entry.path}, row {entry.row}{line}: {entry.text_note or 'its text'}"
    return f"file {entry.path}"


def date_origin(entry: ArticleEntry) -> str:
    """In words: how the publication date was found."""
    if entry.published is None:
        return "no date found"
    if entry.published_note:
        return entry.published_note
    if entry.published_inferred:
        return "estimated"
    return "given in the article's metadata"
