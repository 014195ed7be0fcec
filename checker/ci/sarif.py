"""SARIF 2.1.0 output of `checker ci`: one run, checker's rules, one result per new conflict.

Each result points at the quote of the article that changed (or the first claim when nothing
is known to have changed) and lists the other article's quote under `relatedLocations`. Columns
count Unicode code points (`run.columnKind`), as Python offsets do. The finding's content
fingerprint goes to `partialFingerprints`, so code scanning tracks it across line moves.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from checker import __version__
from checker.ci.location import position, shown_path
from checker.ci.triage import CiOutcome, Triaged, primary_claim
from checker.models.report import Claim, Severity
from checker.report.text import clean
from checker.rules.schema import Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "checkerContentHash/v1"


def level(severity: Severity) -> str:
    return "error" if severity is Severity.HIGH else "warning"


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    for end in (". ", "? ", "! "):
        cut = flat.find(end)
        if cut != -1:
            return flat[: cut + 1]
    return flat


def _rule(rule: Rule) -> dict[str, Any]:
    explanation = " ".join(rule.explanation.split()) or rule.name
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": _first_sentence(explanation)},
        "fullDescription": {"text": explanation},
        "defaultConfiguration": {"level": level(rule.severity)},
        "properties": {"verdict": rule.verdict.value, "kind": rule.applies_to.value},
    }


def _location(claim: Claim, outcome: CiOutcome, texts: Mapping[str, str]) -> dict[str, Any]:
    text = texts.get(claim.article)
    region: dict[str, Any] = {"startLine": outcome.file_line(claim), "startColumn": 1}
    if text is not None:
        start, end = position(text, claim.start), position(text, claim.end)
        region = {
            "startLine": start.line,
            "startColumn": start.column,
            "endLine": end.line,
            "endColumn": end.column,
        }
    region["snippet"] = {"text": claim.quote}
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": shown_path(outcome.article_path(claim.article))},
            "region": region,
        },
        "message": {"text": clean(f"{claim.article}: {claim.value}")},
    }


def _result(
    item: Triaged, outcome: CiOutcome, texts: Mapping[str, str], index: dict[str, int]
) -> dict[str, Any]:
    finding = item.finding
    main, others = primary_claim(item)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": {"text": clean(f"{finding.subject}: {finding.explanation}")},
        "locations": [_location(main, outcome, texts)],
        "relatedLocations": [
            {"id": i + 1, **_location(claim, outcome, texts)} for i, claim in enumerate(others)
        ],
        "partialFingerprints": {FINGERPRINT_KEY: item.fingerprint},
        "baselineState": "new",
        "properties": {
            "subject": finding.subject,
            "kind": finding.kind,
            "severity": finding.severity.value,
            "confidence": finding.confidence,
        },
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result


def sarif_log(
    outcome: CiOutcome, rules: Sequence[Rule], texts: Mapping[str, str]
) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict. `texts` maps article id to its text (for columns)."""
    driver_rules = [_rule(r) for r in sorted(rules, key=lambda r: r.id)]
    index = {r["id"]: i for i, r in enumerate(driver_rules)}
    results = [_result(item, outcome, texts, index) for item in outcome.new]
    notifications = [
        {
            "descriptor": {"id": p.code},
            "level": "warning",
            "message": {"text": clean(f"{p.path}: {p.message}")},
        }
        for p in outcome.problems
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "checker",
                        "version": __version__,
                        "rules": driver_rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(outcome: CiOutcome, rules: Sequence[Rule], texts: Mapping[str, str]) -> str:
    return json.dumps(sarif_log(outcome, rules, texts), indent=2, ensure_ascii=False) + "\n"


__all__ = ["FINGERPRINT_KEY", "render_sarif", "sarif_log"]
