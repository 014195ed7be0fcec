"""JSON report: the public, versioned form of `Report` (see `schema_version`).

The output is `Report.model_dump_json(indent=2)` of a copy put in a canonical order, so that
the same report always serializes to the same bytes whatever order its parts were built in
(diff-friendly, testable). Field order and names are the model's; dates are ISO 8601.
"""

from __future__ import annotations

import re
from typing import Any

from checker.models.report import Report


def natural_key(value: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key where "a2" < "a10" and "F9" < "F010", so ids order as people expect."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", value)
        if part
    )


def _sorted_mapping(value: Any) -> Any:
    """Dicts with keys sorted, recursively; other values unchanged."""
    if isinstance(value, dict):
        return {key: _sorted_mapping(value[key]) for key in sorted(value, key=str)}
    if isinstance(value, list):
        return [_sorted_mapping(item) for item in value]
    return value


def canonical(report: Report) -> Report:
    """A copy of `report` in canonical order.

    Articles and findings by id, problems by path then code, dict keys sorted. The claims in a
    finding keep their order: which side comes first is the producer's choice and may matter.
    """
    findings = [
        finding.model_copy(
            update={
                "claims": [
                    claim.model_copy(update={"detail": _sorted_mapping(claim.detail)})
                    for claim in finding.claims
                ]
            }
        )
        for finding in sorted(report.findings, key=lambda finding: natural_key(finding.id))
    ]
    return report.model_copy(
        update={
            "articles": sorted(report.articles, key=lambda article: natural_key(article.id)),
            "findings": findings,
            "problems": sorted(
                report.problems,
                key=lambda problem: (problem.path, problem.code, problem.message),
            ),
            "summary": _sorted_mapping(report.summary),
        }
    )


def render_json(report: Report) -> str:
    """The report as indented JSON, ending with a newline."""
    return canonical(report).model_dump_json(indent=2) + "\n"
