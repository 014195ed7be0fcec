"""Report renderers: JSON round-trip, ordering, escaping of untrusted article text."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console

from checker.models.report import (
    ArticleEntry,
    Claim,
    Finding,
    Problem,
    Report,
    Severity,
    Verdict,
)
from checker.report import RENDERERS, print_report, render
from checker.report.markdown import md_escape
from checker.report.text import QUOTE_LIMIT, kept_spans, quote_text

SCRIPT_QUOTE = "Officials said <script>alert(1)</script> the plant opened in [bold]x[/bold] 2019."


def _claim(article: str, quote: str, line: int, value: str, **detail: object) -> Claim:
    return Claim(
        article=article,
        quote=quote,
        start=0,
        end=len(quote),
        line=line,
        value=value,
        detail=dict(detail),
    )


def _finding(
    fid: str, verdict: Verdict, severity: Severity, subject: str, claims: list[Claim]
) -> Finding:
    return Finding(
        id=fid,
        rule="T101",
        rule_name="Date mismatch",
        kind="time",
        verdict=verdict,
        severity=severity,
        subject=subject,
        explanation=f"Explanation for {fid}.",
        confidence=0.9,
        claims=claims,
    )


@pytest.fixture
def report() -> Report:
    # Built out of display order on purpose: the agreement comes first.
    agreement = _finding(
        "F001",
        Verdict.AGREEMENT,
        Severity.LOW,
        "number of workers",
        [
            _claim("a1", "The plant employs 500 workers.", 4, "500"),
            _claim("a2", "Some 500 workers are employed there.", 7, "500"),
        ],
    )
    no_conflict = _finding(
        "F002",
        Verdict.NO_CONFLICT,
        Severity.MEDIUM,
        "opening date",
        [
            _claim("a1", "It opened in September 2019.", 2, "2019-09"),
            _claim("a2", "The plant opened in autumn 2019.", 3, "2019-autumn"),
        ],
    )
    conflict = _finding(
        "F003",
        Verdict.CONFLICT,
        Severity.HIGH,
        "opening date",
        [
            _claim(
                "a1",
                SCRIPT_QUOTE,
                12,
                "2019",
                highlight_start=SCRIPT_QUOTE.index("2019"),
                highlight_end=SCRIPT_QUOTE.index("2019") + 4,
            ),
            _claim("a2", "The plant opened in 2021.", 5, "2021"),
        ],
    )
    return Report(
        tool_version="0.1.0",
        articles=[
            ArticleEntry(
                id="a1",
                path="articles/a1.txt",
                title="Plant opens | <b>Smederevo</b>",
                published=date(2019, 9, 12),
                published_inferred=False,
            ),
            ArticleEntry(
                id="a2",
                path="articles/a2.txt",
                title="Steel plant",
                published=date(2021, 3, 1),
                published_inferred=True,
                published_note="from the dateline",
            ),
        ],
        findings=[agreement, no_conflict, conflict],
        problems=[Problem(path="articles/bad.pdf", code="E001", message="unsupported type")],
        summary={"conflict": 1, "agreement": 1, "no_conflict": 1},
    )


def test_json_round_trips(report: Report) -> None:
    out = render(report, "json")
    back = Report.model_validate_json(out)
    assert back.model_dump() == report.model_dump()
    assert '"published": "2019-09-12"' in out
    # Canonical ordering: building the parts in another order gives the same bytes.
    shuffled = report.model_copy(
        update={
            "articles": list(reversed(report.articles)),
            "findings": list(reversed(report.findings)),
            "summary": dict(reversed(report.summary.items())),
        }
    )
    assert render(shuffled, "json") == out


def test_text_orders_and_quotes(report: Report) -> None:
    out = render(report, "text")
    assert "\x1b" not in out
    # The "opening date" group holds the conflict, so it comes before "number of workers";
    # inside it the conflict comes before the explained no-conflict.
    assert out.index("── opening date") < out.index("── number of workers")
    assert out.index("[CONFLICT]") < out.index("[NO CONFLICT]") < out.index("[AGREEMENT]")
    assert SCRIPT_QUOTE in out
    assert "The plant opened in 2021." in out
    assert "a1:12" in out and "a2:5" in out
    assert "(inferred)" in out and "from the dateline" in out
    assert "E001" in out and "articles/bad.pdf" in out
    assert out.rstrip().splitlines()[-1].startswith("Summary: 1 conflict ·")


def test_markdown_escapes_and_orders_sections(report: Report) -> None:
    out = render(report, "markdown")
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert r"\[bold\]x\[/bold\]" in out
    # The pipe in a title must not add a table column.
    title_row = next(line for line in out.splitlines() if line.startswith("| a1 "))
    assert title_row.count(" | ") == 3 and r"\|" in title_row
    conflicts = out.index("## Conflicts")
    no_conflict = out.index("## No conflict (explained)")
    agreements = out.index("## Agreements")
    assert out.index("**1 conflict**") < conflicts < no_conflict < agreements
    assert conflicts < out.index("> **a1:12**") < no_conflict


def test_md_escape_blocks_structure() -> None:
    assert md_escape("`code` & <i>") == r"\`code\` &amp; &lt;i&gt;"
    assert md_escape("&lt;") == "&amp;lt;"
    assert md_escape("# heading") == r"\# heading"
    assert md_escape("- item") == r"\- item"
    assert md_escape("12. item") == r"12\. item"
    assert md_escape("line one\nline two") == "line one line two"


def test_unknown_format_names_options(report: Report) -> None:
    with pytest.raises(ValueError) as excinfo:
        render(report, "pdf")
    message = str(excinfo.value)
    for name in ("html", "json", "markdown", "text"):
        assert name in message
    assert set(RENDERERS) == {"html", "json", "markdown", "text"}


def test_print_report_plain_when_not_a_tty(report: Report) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, record=True, force_terminal=False, color_system="truecolor")
    print_report(report, console)
    assert "\x1b" not in buffer.getvalue()
    assert "\x1b" not in console.export_text(styles=True)
    assert buffer.getvalue() == render(report, "text")


def test_print_report_styled_on_a_tty_keeps_markup_literal(report: Report) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=200)
    print_report(report, console)
    out = buffer.getvalue()
    assert "\x1b[" in out
    # "[bold]x[/bold]" from the article is printed as text, not interpreted as markup.
    assert "[bold]x[/bold]" in out


def test_control_characters_are_neutralised(report: Report) -> None:
    evil = "Opened \x1b[2J in 2019"
    report.findings[0].claims[0] = _claim("a1", evil, 1, "2019")
    assert "\x1b" not in render(report, "text")
    assert "\x1b" not in render(report, "markdown")


def test_long_quote_keeps_head_tail_and_highlight() -> None:
    quote = "A" * 300 + " opened in 2019 " + "Z" * 300
    start = quote.index("2019")
    claim = _claim("a1", quote, 1, "2019", highlight_start=start, highlight_end=start + 4)
    shown = quote_text(claim)
    plain = shown.plain
    assert len(plain) <= QUOTE_LIMIT + 2  # plus the two quotation marks
    assert plain.startswith("“A") and plain.endswith("Z”")
    assert "2019" in plain and plain.count("…") == 2
    highlighted = [plain[s.start : s.end] for s in shown.spans if "bold" in str(s.style)]
    assert highlighted == ["2019"]
    # Without a focus there is a single ellipsis in the middle.
    assert len(kept_spans(len(quote), None, QUOTE_LIMIT)) == 2


def test_md_escape_leaves_plain_numbers_alone() -> None:
    assert md_escape("0.1.0") == "0.1.0"
    assert md_escape("-5 degrees") == "-5 degrees"
    assert md_escape("=== x") == r"\=== x"
    assert md_escape("3) item") == r"3\) item"
