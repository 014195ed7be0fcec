"""Score a report against gold items: per-item results, recall, and unmatched conflicts.

The result (`EvalResult`) is the public JSON output of `checker eval` (`schema_version`
1): fields may be added under a new version, never renamed or removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from checker.errors import CheckerError, CheckerWarning
from checker.eval.gold import GoldEntry, GoldKind, GoldSet
from checker.eval.match import (
    GoldSide,
    article_index,
    find_article,
    match_item,
    quotes_both,
)
from checker.models.report import Finding, Report, Verdict

SCHEMA_VERSION = 1


class Ratio(BaseModel):
    passed: int
    total: int
    rate: float | None = Field(description="passed / total; null when there is no item")

    @classmethod
    def of(cls, passed: int, total: int) -> Ratio:
        return cls(passed=passed, total=total, rate=passed / total if total else None)


class SideResult(BaseModel):
    file: str = Field(description="as written in the gold file")
    path: str = Field(description="resolved article path")
    article: str = Field(description="the report's article id")
    line: int = Field(description="line of the gold quote in the article")
    sentence_start: int
    sentence_end: int
    sentence: str = Field(description="the article sentence holding the gold quote")


class ItemResult(BaseModel):
    id: str
    gold_file: str
    kind: GoldKind
    verdict: Verdict
    description: str
    note: str | None
    status: Literal["pass", "fail"]
    matched: list[str] = Field(
        description="finding ids: the matching findings (for a failed no_conflict item, "
        "the conflict findings that broke it)"
    )
    reason: str
    a: SideResult
    b: SideResult


class VerdictScores(BaseModel):
    conflict: Ratio = Field(description="recall of conflict items")
    agreement: Ratio = Field(description="recall of agreement items")
    no_conflict: Ratio = Field(description="pass rate of no_conflict items")


class Scores(VerdictScores):
    by_kind: dict[str, VerdictScores] = Field(description="gold kinds present, in fixed order")


class UnmatchedFinding(BaseModel):
    id: str
    rule: str
    rule_name: str
    kind: str
    subject: str
    articles: list[str]
    contradicts: list[str] = Field(
        description="gold agreement/no_conflict items whose sentences this finding quotes"
    )


class Unmatched(BaseModel):
    count: int = Field(description="conflict findings that match no gold conflict item")
    conflict_findings: int = Field(description="all conflict findings in the report")
    rate: float | None
    findings: list[UnmatchedFinding]


class ReportSource(BaseModel):
    source: Literal["run", "file"]
    path: str | None = Field(description="the --report file, or null when checker ran")
    tool_version: str
    articles: int
    findings: int


def report_source(report: Report, path: str | None = None) -> ReportSource:
    """Where the scored report came from: a `--report` file (`path`), or a run of checker."""
    return ReportSource(
        source="file" if path is not None else "run",
        path=path,
        tool_version=report.tool_version,
        articles=len(report.articles),
        findings=len(report.findings),
    )


class EvalResult(BaseModel):
    schema_version: int = SCHEMA_VERSION
    gold_files: list[str]
    report: ReportSource
    items: list[ItemResult]
    scores: Scores
    unmatched_conflicts: Unmatched
    warnings: list[str] = Field(default_factory=list)


def evaluate(
    gold: GoldSet, report: Report, gold_files: Sequence[Path], source: ReportSource
) -> EvalResult:
    """Score `report` against `gold`. Raises `CheckerError` (E218) for an article the
    report does not hold, since no finding could then match its items."""
    _assign_articles(gold.entries, report)
    warnings = [w.one_line() for w in _stale_claims(gold, report)]
    items = [_score_item(entry, report.findings) for entry in gold.entries]
    return EvalResult(
        gold_files=[str(p) for p in gold_files],
        report=source,
        items=items,
        scores=_scores(items),
        unmatched_conflicts=_unmatched(gold.entries, report.findings),
        warnings=warnings,
    )


def _assign_articles(entries: Sequence[GoldEntry], report: Report) -> None:
    by_path, ids = article_index(report)
    for entry in entries:
        for name, side in (("a", entry.a), ("b", entry.b)):
            article = find_article(side.path, by_path, ids)
            if article is None:
                raise CheckerError.make(
                    "E218",
                    path=str(entry.gold_path),
                    line=entry.line,
                    item_id=entry.item.id,
                    file=side.file,
                    detail=_why_missing(side, name, report),
                )
            side.article = article


def _why_missing(side: GoldSide, name: str, report: Report) -> str:
    for problem in report.problems:
        try:
            same = Path(problem.path).resolve() == side.path
        except (OSError, RuntimeError):
            same = False
        if same:
            return f" (the checker skipped it: [{problem.code}] {problem.message})"
    held = ", ".join(a.id for a in report.articles) or "none"
    return f" (side '{name}'; the report's articles: {held})"


def _stale_claims(gold: GoldSet, report: Report) -> list[CheckerWarning]:
    """Claims whose quote is no longer the article text at its offsets (edited article)."""
    paths = {side.article: side.path for e in gold.entries for side in (e.a, e.b)}
    out: list[CheckerWarning] = []
    for finding in report.findings:
        for claim in finding.claims:
            path = paths.get(claim.article)
            if path is None:
                continue
            if gold.texts[path][claim.start : claim.end] != claim.quote:
                out.append(
                    CheckerWarning.make(
                        "W210",
                        finding=finding.id,
                        file=path.name,
                        start=claim.start,
                        end=claim.end,
                    )
                )
    return out


def _side(side: GoldSide) -> SideResult:
    first = side.sentences[0]
    return SideResult(
        file=side.file,
        path=str(side.path),
        article=side.article,
        line=side.line,
        sentence_start=first[0],
        sentence_end=first[1],
        sentence=side.sentence_text,
    )


def _score_item(entry: GoldEntry, findings: list[Finding]) -> ItemResult:
    item = entry.item
    outcome = match_item(item.verdict, entry.a, entry.b, findings)
    return ItemResult(
        id=item.id,
        gold_file=str(entry.gold_path),
        kind=item.kind,
        verdict=item.verdict,
        description=item.description,
        note=item.note,
        status="pass" if outcome.passed else "fail",
        matched=outcome.matched,
        reason=outcome.reason,
        a=_side(entry.a),
        b=_side(entry.b),
    )


def _verdict_scores(items: Sequence[ItemResult]) -> VerdictScores:
    def ratio(verdict: Verdict) -> Ratio:
        chosen = [i for i in items if i.verdict is verdict]
        return Ratio.of(sum(i.status == "pass" for i in chosen), len(chosen))

    return VerdictScores(
        conflict=ratio(Verdict.CONFLICT),
        agreement=ratio(Verdict.AGREEMENT),
        no_conflict=ratio(Verdict.NO_CONFLICT),
    )


def _scores(items: Sequence[ItemResult]) -> Scores:
    overall = _verdict_scores(items)
    by_kind = {
        kind.value: _verdict_scores([i for i in items if i.kind is kind])
        for kind in GoldKind
        if any(i.kind is kind for i in items)
    }
    return Scores(**overall.model_dump(), by_kind=by_kind)


def _unmatched(entries: Sequence[GoldEntry], findings: list[Finding]) -> Unmatched:
    conflicts = [f for f in findings if f.verdict is Verdict.CONFLICT]
    gold_conflicts = [e for e in entries if e.item.verdict is Verdict.CONFLICT]
    # A conflict finding on the sentences of a gold agreement or no_conflict item is not
    # just unconfirmed: the gold says it is wrong. Those items are named with it.
    gold_others = [e for e in entries if e.item.verdict is not Verdict.CONFLICT]
    out: list[UnmatchedFinding] = []
    for finding in conflicts:
        if any(quotes_both(finding, e.a, e.b) for e in gold_conflicts):
            continue
        articles = list(dict.fromkeys(c.article for c in finding.claims))
        out.append(
            UnmatchedFinding(
                id=finding.id,
                rule=finding.rule,
                rule_name=finding.rule_name,
                kind=finding.kind,
                subject=finding.subject,
                articles=articles,
                contradicts=[e.item.id for e in gold_others if quotes_both(finding, e.a, e.b)],
            )
        )
    return Unmatched(
        count=len(out),
        conflict_findings=len(conflicts),
        rate=len(out) / len(conflicts) if conflicts else None,
        findings=out,
    )
