"""Invented articles built in memory for extraction tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checker.models.article import Article


def article(body: str, published: date = date(2023, 5, 10), article_id: str = "t") -> Article:
    """An article whose first line is its title."""
    return Article(
        id=article_id,
        path=Path(f"{article_id}.txt"),
        text=body,
        title=body.splitlines()[0],
        published=published,
    )
