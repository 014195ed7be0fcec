"""The command line: exit codes, output formats, errors as one line."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app
from checker.models.report import Report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
runner = CliRunner()


def test_run_json_to_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["run", str(SEEDS), "--format", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == 5
    report = Report.model_validate(data)
    assert {a.id for a in report.articles} == {"000_eec35cb6180b1d60", "001_5331dbfdcb5f601d"}
    # schema 4 says which text the offsets refer to: for plain files, the file itself
    for entry in data["articles"]:
        assert entry["origin"] == "file" and entry["text_file"] == entry["path"]
        text = Path(entry["path"]).read_text(encoding="utf-8")
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == entry["text_sha256"]
    assert not (tmp_path / "report.texts").exists()  # nothing to copy for plain text files
    # schema 2 lists the stories: the two seed articles tell one
    assert [sorted(s["articles"]) for s in data["stories"]] == [
        ["000_eec35cb6180b1d60", "001_5331dbfdcb5f601d"]
    ]
    # schema 3 lists copies: the two seed articles are separate reports, not copies
    assert data["copies"] == []
    for finding in data["findings"]:
        assert {
            "id",
            "rule",
            "kind",
            "verdict",
            "subject",
            "explanation",
            "confidence",
            "claims",
        } <= set(finding)
        for claim in finding["claims"]:
            assert {"article", "quote", "start", "end", "line", "value"} <= set(claim)


def test_run_markdown_and_text(tmp_path: Path) -> None:
    md = tmp_path / "r.md"
    result = runner.invoke(app, ["run", str(SEEDS), "-f", "markdown", "-o", str(md)])
    assert result.exit_code == 0
    assert "Conflicts" in md.read_text(encoding="utf-8")
    result = runner.invoke(app, ["run", str(SEEDS)])
    assert result.exit_code == 0
    assert "CONFLICT" in result.stdout and "T102" in result.stdout


def test_missing_folder_is_usage_error() -> None:
    result = runner.invoke(app, ["run", "no/such/folder"])
    assert result.exit_code == 2
    assert "no/such/folder" in result.output
    assert "Traceback" not in result.output


def test_bad_rules_folder_reports_file_and_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules" / "time"
    rules.mkdir(parents=True)
    (rules / "T101.yaml").write_text(
        "id: T101\nname: x\nstatus: stable\napplies_to: time\nverdit: conflict\n"
        "severity: high\nwhen: {time_relation: [disjoint]}\nmessage: m\nexplanation: e\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["run", str(SEEDS), "--rules", str(tmp_path / "rules")])
    assert result.exit_code == 2
    assert "T101.yaml:5" in result.output and "verdit" in result.output


def test_one_broken_article_is_skipped(tmp_path: Path) -> None:
    for f in SEEDS.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe bad bytes")
    result = runner.invoke(app, ["run", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0
    assert "[E002]" in result.output and "broken.txt" in result.output
    report = Report.model_validate_json(result.stdout)
    assert len(report.articles) == 2 and report.problems[0].code == "E002"


def test_facts_command() -> None:
    result = runner.invoke(app, ["facts", str(SEEDS / "001_5331dbfdcb5f601d.txt")])
    assert result.exit_code == 0
    assert "Nebojša Stefanović" in result.stdout
    assert "2019-FA" in result.stdout


def test_rule_command() -> None:
    result = runner.invoke(app, ["rule", "T102"])
    assert result.exit_code == 0
    assert "planned-date-differs" in result.stdout
    result = runner.invoke(app, ["rule", "T999"])
    assert result.exit_code == 2


def test_console_script_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "--help"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert "Usage" in proc.stdout and "run" in proc.stdout
