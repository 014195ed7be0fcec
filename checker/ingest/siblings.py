"""Date an article its own text cannot date from the articles kept beside it.

A folder normally holds one story, told by several outlets within a few days. When an article
states no date and its text pins no day (only "on Sunday" and a year, or "on or after March
2021"), the earliest date stated by the other articles of its folder that its text allows is a
far better guess: relative days then resolve to the story's week, not to a month's first day
or not at all. Only dates given
in metadata are used, never other guesses, and the note says where the date came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from checker.models.article import Article


def _allowed(art: Article, day: date) -> bool:
    low, high = art.published_earliest, art.published_latest
    return (low is None or low <= day) and (high is None or day <= high)


def _loose(art: Article) -> bool:
    """A date the text gave without pinning a day ('on or after March 2021' read as March 1)."""
    return art.published_inferred and art.published_precision not in (None, "day")


def date_from_siblings(articles: Sequence[Article]) -> list[Article]:
    """`articles`, each undated one dated by the earliest stated date of its folder it allows."""
    stated: dict[object, list[tuple[date, str]]] = defaultdict(list)
    for art in articles:
        if art.published is not None and not art.published_inferred:
            stated[art.path.parent].append((art.published, art.id))
    out = []
    for art in articles:
        if art.published is None or _loose(art):
            options = sorted(
                (d, aid) for d, aid in stated.get(art.path.parent, []) if _allowed(art, d)
            )
            if options:
                day, source = options[0]
                every = [d for d, _ in options]
                why = (
                    f"inferred from the folder: the earliest date stated by its other articles "
                    f"that the text allows ({source}; they span {min(every)} – {max(every)})"
                )
                if art.published_note:
                    why += f"; the text alone: {art.published_note}"
                art = art.model_copy(
                    update={"published": day, "published_inferred": True, "published_note": why}
                )
        out.append(art)
    return out
