"""A folder mixing every input type, checked end to end: `.txt`, `.md`, saved `.html` pages
(with and without date metadata, and one that is mostly navigation), a `.jsonl` feed export
and a `.csv` export, plus a file checker does not read (tests/data/mixed, Wikinews text)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.models.report import Report
from checker.report.html import render_html

MIXED = Path(__file__).parent / "data" / "mixed"
runner = CliRunner()


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path, str]:
    """One `checker run tests/data/mixed -o report.json`: the report, its path and stderr."""
    out = tmp_path_factory.mktemp("mixed") / "report.json"
    result = runner.invoke(app, ["run", str(MIXED), "--output", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8")), out, result.stderr


def _entries(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in report["articles"]}


def _claims_of(report: dict[str, Any], article_id: str) -> list[dict[str, Any]]:
    return [c for f in report["findings"] for c in f["claims"] if c["article"] == article_id]


# Which article of the folder comes from which file type.
BY_TYPE = {
    ".txt": "jobs_leave",
    ".md": "iphone_unveiled",
    ".html (date metadata)": "jobs_resigns",
    ".html (no date metadata)": "iphone_cases",
    ".jsonl": "feed#1",
    ".csv (id column)": "preorders",
    ".csv (no id)": "scraped#2",
}


def test_every_readable_file_type_gives_articles(run: tuple[dict[str, Any], Path, str]) -> None:
    report, _, _ = run
    entries = _entries(report)
    assert sorted(entries) == sorted(BY_TYPE.values())
    assert {a["origin"] for a in report["articles"]} == {"file", "html", "export"}
    assert entries["jobs_leave"]["origin"] == entries["iphone_unveiled"]["origin"] == "file"
    assert entries["jobs_resigns"]["origin"] == entries["iphone_cases"]["origin"] == "html"
    assert (entries["feed#1"]["row"], entries["feed#1"]["source_line"]) == (1, 1)
    assert (entries["scraped#2"]["row"], entries["preorders"]["row"]) == (2, 1)
    assert entries["preorders"]["path"].endswith("scraped.csv")
    assert report["schema_version"] == 5


@pytest.mark.parametrize("kind", list(BY_TYPE))
def test_each_file_type_takes_part_in_findings_with_verbatim_quotes(
    run: tuple[dict[str, Any], Path, str], kind: str
) -> None:
    report, _, _ = run
    entry = _entries(report)[BY_TYPE[kind]]
    claims = _claims_of(report, entry["id"])
    assert claims, f"no finding quotes {kind}"
    text = Path(entry["text_file"]).read_text(encoding="utf-8")
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == entry["text_sha256"]
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["quote"]
        assert text.count("\n", 0, claim["start"]) + 1 == claim["line"]


def test_findings_across_types_name_what_both_say(run: tuple[dict[str, Any], Path, str]) -> None:
    report, _, _ = run
    pairs = {
        (f["rule"], frozenset(c["article"] for c in f["claims"])): f for f in report["findings"]
    }
    # The saved page and the JSONL record both call Jobs Apple's founder.
    founder = pairs[("P110", frozenset({"feed#1", "jobs_resigns"}))]
    assert founder["verdict"] == "agreement" and founder["subject"] == "Founder of Apple"
    quotes = {c["article"]: c["quote"] for c in founder["claims"]}
    assert quotes["jobs_resigns"].startswith("Steve Jobs, founder of Apple, has chosen")
    assert quotes["feed#1"] == "Apple Inc. co-founder Steve Jobs dies aged 56"  # the title line
    # The text file and the JSONL record agree on when the cancer began.
    cancer = pairs[("T110", frozenset({"feed#1", "jobs_leave"}))]
    assert {c["value"] for c in cancer["claims"]} >= {"2004"}
    assert "He has been fighting pancreatic cancer since 2004." in {
        c["quote"] for c in cancer["claims"]
    }
    # The page without a date and a CSV row both quote the free bumpers.
    bumpers = pairs[("V110", frozenset({"iphone_cases", "scraped#2"}))]
    assert all("bumper" in c["quote"] and "free" in c["quote"] for c in bumpers["claims"])


def test_unsupported_file_broken_row_and_navigation_page_are_one_line_each(
    run: tuple[dict[str, Any], Path, str],
) -> None:
    report, _, stderr = run
    problems = {(Path(p["path"]).name, p["code"]): p["message"] for p in report["problems"]}
    assert problems == {
        ("notes.docx", "E014"): "skipped: .docx is not a supported type; supported: "
        ".csv, .htm, .html, .json, .jsonl, .md, .txt",
        ("feed.jsonl", "E015"): "row 2 has no 'text' or 'maintext'; skipped",
        ("portal.html", "E017"): "no article text found in the page (0 words besides the "
        "title: navigation or boilerplate, it seems); skipped",
    }
    # ATTRIBUTION.md is a note, not an article, and is passed over silently.
    assert "ATTRIBUTION" not in stderr
    assert sorted(line.split("]")[0] for line in stderr.splitlines() if line.startswith("[")) == [
        "[E014",
        "[E015",
        "[E017",
    ]


def test_dates_say_how_they_were_found(run: tuple[dict[str, Any], Path, str]) -> None:
    entries = _entries(run[0])
    page = entries["jobs_resigns"]
    assert (page["published"], page["published_inferred"]) == ("2011-08-25", False)
    assert page["published_note"] == "page metadata: article:published_time"
    undated = entries["iphone_cases"]  # no metadata and no full date in its text
    # a page with no date of its own takes the earliest date its folder states
    assert undated["published_inferred"] and undated["published"] == "2010-06-08"
    assert undated["published_note"].startswith("inferred from the folder")
    assert entries["feed#1"]["published"] == "2011-10-06"
    assert entries["feed#1"]["published_note"] == "given in the record ('date_publish')"
    assert entries["preorders"]["published_note"] == "given in the record ('published')"


def test_extracted_texts_are_kept_beside_the_report(run: tuple[dict[str, Any], Path, str]) -> None:
    report, out, _ = run
    entries = _entries(report)
    kept = out.parent / "report.texts"
    assert sorted(p.name for p in kept.iterdir()) == [
        ".checker-texts",  # so that the copies are never read as articles
        "feed#1.txt",
        "iphone_cases.txt",
        "jobs_resigns.txt",
        "preorders.txt",
        "scraped#2.txt",
    ]
    assert entries["jobs_leave"]["text_file"] == entries["jobs_leave"]["path"]
    page = (kept / "jobs_resigns.txt").read_text(encoding="utf-8")
    assert page.startswith("Apple executive Steve Jobs resigns\nSteve Jobs, founder of Apple")
    # Navigation, sidebar, share links and footer are not part of the text.
    for boilerplate in ("Main page", "Related news", "Share this article", "Privacy policy"):
        assert boilerplate not in page
    row = (kept / "feed#1.txt").read_text(encoding="utf-8")
    assert row.startswith("Apple Inc. co-founder Steve Jobs dies aged 56\n\nThe co-founder")


def test_html_report_shows_where_texts_and_dates_came_from(
    run: tuple[dict[str, Any], Path, str],
) -> None:
    page = render_html(Report.model_validate(run[0]))
    table = page[page.index('id="articles"') :]
    assert "<th>date found</th><th>text from</th>" in table
    assert "page metadata: article:published_time" in table
    assert "given in the record (&#x27;date_publish&#x27;)" in table
    assert "<code>" + str(MIXED / "feed.jsonl") + "</code> · row 1 · field" in table
    assert "main text extracted from the page by trafilatura" in table
    assert "text kept in <code>" + str(run[1].parent / "report.texts" / "feed#1.txt") in table
    assert "inferred from the folder" in table  # iphone_cases.html


def test_facts_say_where_the_text_came_from() -> None:
    result = runner.invoke(app, ["facts", str(MIXED / "jobs_resigns.html")])
    assert result.exit_code == 0, result.output
    head = result.stdout.splitlines()[:5]
    assert head[0] == "jobs_resigns: Apple executive Steve Jobs resigns"
    assert head[1:4] == [
        "published 2011-08-25",
        "  date from: page metadata: article:published_time",
        f"  text from: saved page {MIXED / 'jobs_resigns.html'}: main text extracted from the "
        "page by trafilatura",
    ]
    as_json = runner.invoke(app, ["facts", str(MIXED / "scraped.csv"), "--format", "json"])
    data = json.loads(as_json.stdout)
    assert data["schema_version"] == 2
    assert data["article"]["origin"] == "export" and data["article"]["row"] == 1
    assert data["article"]["text_note"] == "field 'text' of row 1 after its title"
