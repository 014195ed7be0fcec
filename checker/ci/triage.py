"""Sort a run's conflicts into new, baseline, acknowledged and context; decide the exit code.

A conflict is
- `acknowledged` when its fingerprint is acknowledged in the baseline (never fails);
- `baseline` when the baseline records it (reviewed; does not fail);
- `context` when `--since` could tell what changed and none of its articles did;
- `new` otherwise. A new conflict at or above the `--fail-on` severity fails the build.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, Field

from checker.ci.baseline import Acknowledgement, Baseline, BaselineEntry
from checker.ci.fingerprint import fingerprint
from checker.ci.since import Changes
from checker.errors import EXIT_FINDINGS, EXIT_OK
from checker.models.report import ArticleEntry, Claim, Finding, Problem, Report, Severity, Verdict

CI_SCHEMA_VERSION = 1

SEVERITY_RANK: dict[Severity, int] = {Severity.LOW: 0, Severity.MEDIUM: 1, Severity.HIGH: 2}


class Status(StrEnum):
    NEW = "new"
    BASELINE = "baseline"
    ACKNOWLEDGED = "acknowledged"
    CONTEXT = "context"


class Triaged(BaseModel):
    fingerprint: str
    status: Status
    fails: bool = Field(description="new and at or above the --fail-on severity")
    reason: str | None = Field(None, description="why it was acknowledged")
    changed_articles: list[str] = Field(
        default_factory=list, description="ids of its articles changed since --since"
    )
    finding: Finding


class CiOutcome(BaseModel):
    """What `checker ci` found: the `--format json` output."""

    schema_version: int = CI_SCHEMA_VERSION
    fail_on: Severity
    since: str | None = None
    since_applied: bool = Field(False, description="git told which articles changed")
    since_note: str | None = Field(None, description="why --since could not be applied")
    baseline: str | None = None
    exit_code: int
    results: list[Triaged]
    stale: list[BaselineEntry] = Field(
        default_factory=list, description="baseline entries no longer found"
    )
    stale_acknowledged: list[Acknowledgement] = Field(default_factory=list)
    articles: list[ArticleEntry]
    problems: list[Problem] = Field(default_factory=list)

    def with_status(self, status: Status) -> list[Triaged]:
        return [t for t in self.results if t.status is status]

    @property
    def new(self) -> list[Triaged]:
        return self.with_status(Status.NEW)

    @property
    def failing(self) -> list[Triaged]:
        return [t for t in self.results if t.fails]

    def article_path(self, article_id: str) -> str:
        for article in self.articles:
            if article.id == article_id:
                return article.path
        return article_id

    def file_line(self, claim: Claim) -> int:
        """The line of the article's file to point at: the claim's own line for a plain text
        file; for a saved page or an export record, whose quotes are in the text taken from
        it, the line where the record starts (1 for a page)."""
        for article in self.articles:
            if article.id == claim.article and article.origin != "file":
                return article.source_line or 1
        return claim.line


def at_or_above(severity: Severity, threshold: Severity) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]


def triage(
    report: Report,
    *,
    fail_on: Severity = Severity.LOW,
    baseline: Baseline | None = None,
    baseline_path: str | None = None,
    changes: Changes | None = None,
) -> CiOutcome:
    recorded = baseline.recorded() if baseline else {}
    reasons = baseline.reasons() if baseline else {}
    paths = {a.id: Path(a.path) for a in report.articles}
    applied = changes is not None and changes.known
    results: list[Triaged] = []
    for finding in report.findings:
        if finding.verdict is not Verdict.CONFLICT:
            continue
        fp = fingerprint(finding)
        changed: list[str] = []
        if applied and changes is not None:
            ids = dict.fromkeys(c.article for c in finding.claims)
            changed = [i for i in ids if i in paths and changes.touches(paths[i])]
        if fp in reasons:
            status = Status.ACKNOWLEDGED
        elif fp in recorded:
            status = Status.BASELINE
        elif applied and not changed:
            status = Status.CONTEXT
        else:
            status = Status.NEW
        results.append(
            Triaged(
                fingerprint=fp,
                status=status,
                fails=status is Status.NEW and at_or_above(finding.severity, fail_on),
                reason=reasons.get(fp),
                changed_articles=changed,
                finding=finding,
            )
        )
    found = {t.fingerprint for t in results}
    return CiOutcome(
        fail_on=fail_on,
        since=changes.rev if changes else None,
        since_applied=applied,
        since_note=changes.reason if changes else None,
        baseline=baseline_path,
        exit_code=EXIT_FINDINGS if any(t.fails for t in results) else EXIT_OK,
        results=results,
        stale=[e for fp, e in recorded.items() if fp not in found],
        stale_acknowledged=[
            a for a in (baseline.acknowledged if baseline else []) if a.fingerprint not in found
        ],
        articles=report.articles,
        problems=report.problems,
    )


def primary_claim(item: Triaged) -> tuple[Claim, list[Claim]]:
    """The claim to point at (in a changed article when there is one) and the others."""
    claims = item.finding.claims
    index = next(
        (i for i, c in enumerate(claims) if c.article in item.changed_articles),
        0,
    )
    return claims[index], [c for i, c in enumerate(claims) if i != index]
