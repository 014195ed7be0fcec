"""Every file under a folder is accounted for: read by the reader of its type, one problem line
(E014) when checker cannot read its type, or passed over as documented; --include/--exclude."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.ci.lines import render_lines
from checker.ci.sarif import render_sarif
from checker.ci.triage import triage
from checker.cli import app
from checker.ingest import find_article_files, load_folder
from checker.ingest.files import ReadLimits
from checker.models.report import ArticleEntry, Claim, Finding, Report

TEXT = "Jobs on leave\n\nSteve Jobs announced Monday that he would be on medical leave.\n"
FILES = {
    "a.txt": TEXT,
    "b.md": TEXT,
    "pages/c.html": "<html><body><p>menu</p></body></html>",
    "feed.jsonl": json.dumps({"text": TEXT}) + "\n",
    "rows.csv": "text\nOne row of text.\n",
    "notes.docx": "PK",
    "scan.pdf": "%PDF",
    "Makefile": "all:",
    "README.md": "# notes",
    "LICENSE": "CC BY",
    ".DS_Store": "x",
    ".git/config": "[core]",
    "gold.yaml": "items: []",
    "articles.yaml": "articles: []",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_files_of_other_types_are_one_line_each_and_notes_are_passed_over(folder: Path) -> None:
    assert _names(find_article_files(folder), folder) == [
        "a.txt",
        "b.md",
        "feed.jsonl",
        "pages/c.html",
        "rows.csv",
    ]
    articles, problems = load_folder(folder)
    skipped = {Path(p.path).name: p.message for p in problems if p.code == "E014"}
    supported = "supported: .csv, .htm, .html, .json, .jsonl, .md, .txt"
    assert skipped == {
        "Makefile": f"skipped: a file without a suffix is not a supported type; {supported}",
        "notes.docx": f"skipped: .docx is not a supported type; {supported}",
        "scan.pdf": f"skipped: .pdf is not a supported type; {supported}",
    }
    # Hidden files, YAML files (sidecars, gold) and capitalised notes are not mentioned at all.
    mentioned = {Path(p.path).name for p in problems}
    assert mentioned == {"Makefile", "notes.docx", "scan.pdf", "c.html"}
    assert sorted(a.id for a in articles) == ["a", "b", "feed#1", "rows#1"]


@pytest.mark.parametrize(
    ("include", "exclude", "expected"),
    [
        (("*.txt", "*.md"), (), ["a.txt", "b.md"]),
        ((), ("*.csv", "feed.*"), ["a.txt", "b.md", "pages/c.html"]),
        (("pages/*",), (), ["pages/c.html"]),
        ((), ("pages/*",), ["a.txt", "b.md", "feed.jsonl", "rows.csv"]),
        (("*.html", "*.txt"), ("a.*",), ["pages/c.html"]),
    ],
)
def test_include_and_exclude_choose_files(
    folder: Path, include: tuple[str, ...], exclude: tuple[str, ...], expected: list[str]
) -> None:
    limits = ReadLimits(include=include, exclude=exclude)
    assert _names(find_article_files(folder, limits), folder) == expected


def test_a_file_left_out_by_the_user_is_not_reported(folder: Path) -> None:
    _, problems = load_folder(folder, ReadLimits(exclude=("*.docx", "*.pdf", "Makefile")))
    assert {p.code for p in problems} == {"E017"}  # only the menu page is left


def test_include_and_exclude_on_the_command_line(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(TEXT.replace("Jobs", name[0].upper()), encoding="utf-8")
    runner = CliRunner()
    args = ["run", str(tmp_path), "-f", "json", "--include", "*.txt", "--exclude", "b.*"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["a"]


def _report(origin: str) -> Report:
    entries = [
        ArticleEntry(
            id=i,
            path=f"news/{path}",
            title=i,
            published=None,
            published_inferred=False,
            origin=origin if i == "row" else "file",
            row=4 if i == "row" else None,
            source_line=9 if i == "row" and origin == "export" else None,
        )
        for i, path in (("row", "feed.jsonl"), ("plain", "b.txt"))
    ]
    claims = [
        Claim(article="row", quote="in May", start=30, end=36, line=3, value="2019-05"),
        Claim(article="plain", quote="in June", start=10, end=17, line=2, value="2019-06"),
    ]
    finding = Finding(
        id="F001",
        rule="T101",
        rule_name="event-date-differs",
        kind="time",
        verdict="conflict",
        severity="high",
        subject="bridge: opening",
        explanation="May vs June",
        confidence=0.9,
        claims=claims,
    )
    return Report(tool_version="0", articles=entries, findings=[finding])


@pytest.mark.parametrize(("origin", "line"), [("export", 9), ("html", 1), ("file", 3)])
def test_ci_points_at_the_record_in_its_file(origin: str, line: int) -> None:
    # A claim's line counts lines of the extracted text; in the file, the record's line is
    # what can be shown (the first line for a saved page).
    outcome = triage(_report(origin))
    assert render_lines(outcome).startswith(f"news/feed.jsonl:{line}: [T101] bridge: opening")
    sarif = json.loads(render_sarif(outcome, [], {}))
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == line and region["snippet"] == {"text": "in May"}


def test_a_report_written_into_the_folder_is_not_read_back(folder: Path) -> None:
    from checker.report.json import render_json
    from checker.report.provenance import article_entry
    from checker.report.texts import save_texts

    articles, _ = load_folder(folder)
    report = Report(tool_version="0", articles=[article_entry(a) for a in articles], findings=[])
    out = folder / "report.json"
    report = save_texts(report, articles, out)
    out.write_text(render_json(report), encoding="utf-8")
    kept = {e.id: e.text_file for e in report.articles}
    assert kept["a"] == str(folder / "a.txt")  # a plain text file is its own copy
    copy = Path(kept["feed#1"] or "")
    assert copy == folder / "report.texts" / "feed#1.txt"
    assert copy.read_text(encoding="utf-8") == TEXT.strip()
    again, problems = load_folder(folder)
    assert sorted(a.id for a in again) == sorted(a.id for a in articles)
    assert [p.message for p in problems if Path(p.path).name == "report.json"] == [
        "export file is invalid: it is a checker report, not an export (see --exclude)"
    ]
