"""Markdown report: summary, article table, then Conflicts / No conflict / Agreements.

Article text is untrusted: every piece of it goes through `md_escape`, so an article can
neither inject HTML (`<script>`, entities) nor change the document's structure (emphasis,
links, code spans, table cells, headings or lists at the start of a line).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.models.report import Finding, Problem, Report, Verdict
from checker.report.text import clean, ordered_findings, plural, verdict_counts

SECTIONS: list[tuple[Verdict, str]] = [
    (Verdict.CONFLICT, "Conflicts"),
    (Verdict.NO_CONFLICT, "No conflict (explained)"),
    (Verdict.AGREEMENT, "Agreements"),
]

# HTML-significant characters become entities (`&` first of all, so an article cannot smuggle
# in an entity of its own); Markdown-significant ASCII punctuation gets a backslash, which
# CommonMark allows before any ASCII punctuation. `$` is for renderers with math (GitHub).
_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_BACKSLASHED = set("\\`*_[]|~#$")
# Block syntax that only matters at the start of a line: list markers (which need a space or
# the end of the line after them) and setext heading underlines ("=").
_LINE_START = re.compile(r"^(?:\d{1,9}(?P<delim>[.)])|(?P<bullet>[-+]))(?=\s|$)|^(?P<eq>=)")


def md_escape(value: str) -> str:
    """Escape text for use inline (paragraphs, headings, blockquotes, table cells)."""
    out: list[str] = []
    # clean() flattens newlines, so the text cannot start a new block of its own.
    for ch in clean(value):
        if ch in _HTML_ENTITIES:
            out.append(_HTML_ENTITIES[ch])
        elif ch in _BACKSLASHED:
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out).strip()
    match = _LINE_START.match(escaped)
    if match:
        # "1." / "1)" is escaped on its delimiter ("1\."), a bullet or "=" on itself.
        group = next(name for name in ("delim", "bullet", "eq") if match.group(name))
        cut = match.start(group)
        escaped = escaped[:cut] + "\\" + escaped[cut:]
    return escaped


def _summary(report: Report) -> str:
    counts = verdict_counts(report.findings)
    return (
        f"**{plural(counts[Verdict.CONFLICT], 'conflict')}** · "
        f"{counts[Verdict.NO_CONFLICT]} no conflict (explained) · "
        f"{plural(counts[Verdict.AGREEMENT], 'agreement')} · "
        f"{plural(len(report.problems), 'problem')} · "
        f"{plural(len(report.articles), 'article')}"
    )


def _articles_table(report: Report) -> list[str]:
    if not report.articles:
        return ["_No articles._"]
    lines = ["| id | title | published | inferred? |", "| --- | --- | --- | --- |"]
    for article in report.articles:
        published = article.published.isoformat() if article.published else "unknown"
        inferred = "yes" if article.published_inferred else "no"
        if article.published_note:
            inferred += f": {md_escape(article.published_note)}"
        lines.append(
            f"| {md_escape(article.id)} | {md_escape(article.title)} | {published} | {inferred} |"
        )
    return lines


def _finding(finding: Finding) -> list[str]:
    lines = [
        f"### {md_escape(finding.subject)}",
        "",
        f"{md_escape(finding.id)} · rule **{md_escape(finding.rule)}** "
        f"{md_escape(finding.rule_name)} · kind {md_escape(finding.kind)} · "
        f"severity **{finding.severity.value}** · confidence {finding.confidence:.2f}",
        "",
        md_escape(finding.explanation),
        "",
    ]
    for claim in finding.claims:
        # One blockquote per claim; the blank line after it keeps the next one separate.
        ref = f"{md_escape(claim.article)}:{claim.line}"
        lines += [f"> **{ref}** — “{md_escape(claim.quote)}”", ""]
    return lines


def render_markdown(report: Report) -> str:
    """The report as a Markdown document, ending with a newline."""
    lines = [
        "# checker report",
        "",
        _summary(report),
        "",
        f"_{md_escape(report.tool)} {md_escape(report.tool_version)}, "
        f"schema {report.schema_version}_",
        "",
        "## Articles",
        "",
        *_articles_table(report),
        "",
        *[f"- {md_escape(group.describe())}" for group in report.copies],
        *([""] if report.copies else []),
    ]
    findings = ordered_findings(report.findings)
    for verdict, title in SECTIONS:
        lines += [f"## {title}", ""]
        members = [finding for finding in findings if finding.verdict == verdict]
        if not members:
            lines += ["_None._", ""]
        for finding in members:
            lines += _finding(finding)
    lines += problem_section("## Problems", report.problems)
    return "\n".join(lines).rstrip("\n") + "\n"


def problem_section(heading: str, problems: Sequence[Problem]) -> list[str]:
    """Markdown lines listing skipped articles (none when nothing was skipped)."""
    if not problems:
        return []
    lines = [heading, ""]
    for problem in problems:
        lines.append(
            f"- **{md_escape(problem.code)}** {md_escape(problem.path)}: "
            f"{md_escape(problem.message)}"
        )
    return [*lines, ""]
