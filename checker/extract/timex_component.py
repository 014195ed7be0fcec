"""Component: time expressions of the article body, resolved against the publication date."""

from __future__ import annotations

from checker.extract.document import ArticleDoc
from checker.extract.pipeline import Context, component
from checker.extract.timex import tag


@component("timex", assigns=("timexes",))
def timex(adoc: ArticleDoc, ctx: Context) -> None:
    shift = adoc.offset
    adoc.timexes = [
        t.model_copy(update={"start": t.start + shift, "end": t.end + shift})
        for t in tag(adoc.article.body, adoc.article.published)
    ]
