"""Conflicts that rest on a guessed publication date are said to, and weigh less.

"Last fall" means a different season depending on when the article appeared. When that date was
inferred from the text rather than given, a conflict over such an expression may be the guess's
fault, so its explanation names the guess and its range, and its severity drops one level.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.models.article import Article
from checker.models.facts import ArticleFacts
from checker.models.report import Claim, Finding, Severity, Verdict, highlight_span

_LOWER = {Severity.HIGH: Severity.MEDIUM, Severity.MEDIUM: Severity.LOW, Severity.LOW: Severity.LOW}


def _marked(c: Claim) -> tuple[int, int]:
    """File offsets of the compared words of a claim (the whole quote when none are marked)."""
    span = highlight_span(c)
    return (c.start + span[0], c.start + span[1]) if span else (c.start, c.end)


def _depends(c: Claim, art: Article | None, facts: ArticleFacts | None) -> str | None:
    """The guessed date a claim's time was resolved from, in words, if it was."""
    if art is None or facts is None or not art.published_inferred or art.published is None:
        return None
    start, end = _marked(c)
    if not any(t.anchor == "dct" and t.start < end and start < t.end for t in facts.timexes):
        return None
    low = art.published_earliest.isoformat() if art.published_earliest else "?"
    high = art.published_latest.isoformat() if art.published_latest else "…"
    return f"{art.id} dated {art.published.isoformat()} by inference (could be {low} – {high})"


def mark_inferred_dates(
    findings: Iterable[Finding], articles: dict[str, Article], facts: dict[str, ArticleFacts]
) -> list[Finding]:
    """Findings, with each conflict that depends on an inferred publication date saying so."""
    out: list[Finding] = []
    for f in findings:
        reasons = (
            [
                r
                for c in f.claims
                if (r := _depends(c, articles.get(c.article), facts.get(c.article)))
            ]
            if f.verdict == Verdict.CONFLICT
            else []
        )
        if reasons:
            f = f.model_copy(
                update={
                    "severity": _LOWER[f.severity],
                    "explanation": f"{f.explanation}; depends on an inferred publication date: "
                    + "; ".join(dict.fromkeys(reasons)),
                }
            )
        out.append(f)
    return out
