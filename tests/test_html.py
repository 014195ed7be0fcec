"""The HTML report: self-contained, escaped, and working in a real browser.

The browser test drives Debian's `chromium` (installed by `.ci/run`) headless through the
`playwright` package pointed at the system binary; it never downloads a browser. It is skipped
only when chromium is missing outside CI; in CI (`CI` set) a missing browser fails it.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.models.report import ArticleEntry, Claim, Finding, Report, Severity, Verdict
from checker.report import RENDERERS, render
from checker.report.html import render_html, sentence_context
from checker.run import RunResult, check
from tools.report_screenshot import CHROMIUM_FLAGS, chromium_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">'

# Invented: its conflict sentence, its title and a neighbouring sentence carry the payloads.
EVIL_ARTICLE = f"""\
---
title: '{PAYLOAD_SCRIPT} Patrols {PAYLOAD_IMG}'
published: 2019-12-20
---
Chinese police patrol Belgrade streets {PAYLOAD_SCRIPT}

The Memorandum of Understanding on joint police patrols between Serbia and China was signed in \
May 2019, and the joint patrols began operations in October 2019 {PAYLOAD_IMG} {PAYLOAD_SCRIPT}.

Officers walk the streets {PAYLOAD_IMG} of Belgrade.
"""


@pytest.fixture(scope="module")
def evil_run(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    folder = tmp_path_factory.mktemp("evil")
    for src in SEEDS.iterdir():
        shutil.copy2(src, folder / src.name)
    (folder / "002_evil.md").write_text(EVIL_ARTICLE, encoding="utf-8")
    return check([folder])


@pytest.fixture(scope="module")
def evil_html(evil_run: RunResult) -> str:
    return render_html(evil_run.report, evil_run.articles, evil_run.facts)


# ---- the document ------------------------------------------------------------------------------


def test_registered_and_self_contained(evil_html: str) -> None:
    assert RENDERERS["html"] is render_html
    page = evil_html
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page)  # nothing fetched
    assert "<link" not in page and "@import" not in page
    assert "Content-Security-Policy" in page


def test_article_text_is_escaped(evil_html: str, evil_run: RunResult) -> None:
    assert evil_run.report.articles[-1].id == "002_evil"
    assert any(c.article == "002_evil" for f in evil_run.report.findings for c in f.claims)
    assert evil_html.count("<script") == 1  # ours, at the end
    assert "<img" not in evil_html
    assert 'onerror="window' not in evil_html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in evil_html
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in evil_html


def test_findings_grouped_conflicts_first_with_context(evil_html: str) -> None:
    verdicts = re.findall(r'<article class="finding v-(\w+)"', evil_html)
    assert verdicts[0] == "conflict"
    groups = re.findall(r'<section class="group"><h2>([^<]*)</h2>', evil_html)
    assert groups[0] == "joint patrol: start"
    assert len(groups) == len(set(groups))
    # The compared value is highlighted and the neighbouring sentences are shown.
    assert "<mark>September</mark>" in evil_html
    assert '<span class="ctx">The aim of the joint patrols, as announced' in evil_html
    # Timeline and article list with inferred dates flagged.
    assert 'id="timeline"' in evil_html and "<time>2019-09</time>" in evil_html
    assert '<time>2024-09-12</time> <span class="inferred">(inferred)</span>' in evil_html


def test_sentence_context() -> None:
    text = "Title\n\nFirst one. Second one! The quote here. After it. Later."
    start = text.index("The quote")
    end = start + len("The quote here.")
    assert sentence_context(text, 0, start, end) == ("Second one!", "After it.")
    assert sentence_context(text, 0, text.index("First"), text.index("First") + 10) == (
        "Title",
        "Second one!",
    )
    mid = text.index("quote")
    assert sentence_context(text, 0, mid, mid + 5) == ("Second one! The", "here.")


def test_report_alone_renders(tmp_path: Path) -> None:
    claim = Claim(
        article="a",
        quote="It began in <b>May</b> 2019.",
        start=0,
        end=10,
        line=1,
        value="2019-05",
        detail={"highlight_start": 12, "highlight_end": 22},
    )
    finding = Finding(
        id="F001",
        rule="T101",
        rule_name="x",
        kind="time",
        verdict=Verdict.CONFLICT,
        severity=Severity.HIGH,
        subject="s",
        explanation="e",
        confidence=1.0,
        claims=[claim, claim.model_copy(update={"article": "b"})],
    )
    article = ArticleEntry(id="a", path="a.md", title="t", published=None, published_inferred=False)
    page = render(Report(tool_version="0", articles=[article], findings=[finding]), "html")
    assert "<mark>&lt;b&gt;May&lt;/b&gt;</mark>" in page
    assert "<time>2019-05</time>" in page  # timeline from the claims' date values


def test_run_writes_html(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count('<article class="finding') == len(
        check([SEEDS]).report.findings
    )


# ---- in a browser ------------------------------------------------------------------------------


def _chromium() -> str:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install -y chromium); runs in CI")
    return path


def test_report_in_a_browser(
    evil_run: RunResult,
    evil_html: str,
    tmp_path: Path,
    record_property: pytest.RecordProperty,
) -> None:
    browser = _chromium()
    if os.environ.get("CI"):
        from playwright.sync_api import sync_playwright
    else:
        sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright

    findings = evil_run.report.findings
    report = tmp_path / "report.html"
    report.write_text(evil_html, encoding="utf-8")
    # The same page without its Content-Security-Policy: escaping alone must keep it inert.
    bare = tmp_path / "report-no-csp.html"
    bare.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", evil_html))
    assert "Content-Security-Policy" not in bare.read_text()
    shot = tmp_path / "report.png"

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=browser,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1100, "height": 900},
        )
        try:
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(report.as_uri())
            visible = page.locator(".finding:visible")
            assert visible.count() == len(findings)
            total = len(findings)
            assert page.text_content("#shown") == f"{total} of {total} findings shown"

            page.uncheck("input.f-verdict[value=agreement]")
            not_agreement = [f for f in findings if f.verdict is not Verdict.AGREEMENT]
            assert visible.count() == len(not_agreement)
            shown = f"{len(not_agreement)} of {total} findings shown"
            assert page.text_content("#shown") == shown

            page.select_option("#f-article", "002_evil")
            mine = [f for f in not_agreement if any(c.article == "002_evil" for c in f.claims)]
            assert len(mine) >= 1
            assert visible.count() == len(mine)
            assert page.locator(".group:visible").count() == len({f.subject for f in mine})

            page.check("input.f-verdict[value=agreement]")
            page.uncheck("input.f-kind[value=time]")
            assert visible.count() == sum(
                f.kind != "time" and any(c.article == "002_evil" for c in f.claims)
                for f in findings
            )
            page.check("input.f-kind[value=time]")
            page.select_option("#f-article", "")
            assert visible.count() == len(findings)

            page.screenshot(path=str(shot), full_page=True)
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert PAYLOAD_SCRIPT in page.inner_text("body")  # shown as text, not run
            assert errors == []

            for url in (report.as_uri(), bare.as_uri()):
                page.goto(url)
                page.wait_for_timeout(300)
                assert page.evaluate("typeof window.__pwned") == "undefined"
                assert page.locator("img").count() == 0
                assert page.locator("script").count() == 1
        finally:
            context.close()
    assert shot.stat().st_size > 10_000
    record_property("screenshot", str(shot))
    print(f"screenshot: {shot}")
