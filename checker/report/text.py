"""Terminal report: findings grouped by subject, conflicts first.

The same lines serve both outputs: `render_text` returns their plain form (no ANSI codes) and
`print_report` prints them styled when the console is a terminal. Article text is untrusted, so
it only ever enters rich as `Text` content (never parsed as markup) and passes through `clean`
first, which neutralises control characters that rich itself lets through (ESC among them).

The ordering and counting helpers here are shared with the Markdown renderer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from checker.models.report import Claim, Finding, Report, Severity, Verdict, highlight_span

VERDICT_ORDER: dict[Verdict, int] = {
    Verdict.CONFLICT: 0,
    Verdict.NO_CONFLICT: 1,
    Verdict.AGREEMENT: 2,
}
SEVERITY_ORDER: dict[Severity, int] = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}

# Quotes longer than this are shortened on screen only; the report keeps them whole.
QUOTE_LIMIT = 240
ELLIPSIS = "…"

_BADGES: dict[Verdict, tuple[str, str]] = {
    Verdict.CONFLICT: ("CONFLICT", "bold red"),
    Verdict.AGREEMENT: ("AGREEMENT", "bold green"),
    Verdict.NO_CONFLICT: ("NO CONFLICT", "yellow"),
}
_SEVERITY_STYLES: dict[Severity, str] = {
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "dim",
}
_HIGHLIGHT_STYLE = "bold underline"


def _build_clean_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # C0 and C1 controls: ESC would let an article drive the terminal; others garble layout.
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]:
        table[code] = "\ufffd"
    # Whitespace controls and Unicode line/paragraph separators become plain spaces so a
    # multi-line quote stays on its own display line.
    for ch in "\t\n\v\f\r\x85\u2028\u2029":
        table[ord(ch)] = " "
    # Bidi embeddings/overrides/isolates can make displayed text differ from what it says.
    for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        table[code] = "\ufffd"
    return table


_CLEAN_TABLE = _build_clean_table()


def clean(value: str) -> str:
    """Make untrusted text safe to display on one line.

    Replacement is one character for one character, so offsets into the original (such as a
    claim's highlight offsets) still point at the same place in the result.
    """
    return value.translate(_CLEAN_TABLE)


def subject_key(subject: str) -> str:
    """Findings whose subjects differ only in case or spacing belong in one group."""
    return " ".join(subject.split()).casefold()


def finding_sort_key(finding: Finding) -> tuple[int, int, float, str]:
    return (
        VERDICT_ORDER[finding.verdict],
        SEVERITY_ORDER[finding.severity],
        -finding.confidence,
        finding.id,
    )


def group_findings(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Group by subject; groups holding a conflict come first, then by their strongest finding.

    Inside a group: conflicts, then explained no-conflicts, then agreements, high severity first.
    """
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(subject_key(finding.subject), []).append(finding)
    ordered: list[tuple[str, list[Finding]]] = []
    for members in groups.values():
        members.sort(key=finding_sort_key)
        # The first-seen spelling of the subject names the group.
        ordered.append((members[0].subject, members))
    ordered.sort(key=lambda group: (finding_sort_key(group[1][0])[:2], subject_key(group[0])))
    return ordered


def ordered_findings(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for _, members in group_findings(findings) for finding in members]


def verdict_counts(findings: Iterable[Finding]) -> dict[Verdict, int]:
    """Counted from the findings themselves, not `Report.summary`, so the two can't disagree."""
    counts = dict.fromkeys(Verdict, 0)
    for finding in findings:
        counts[finding.verdict] += 1
    return counts


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary_line(report: Report) -> str:
    counts = verdict_counts(report.findings)
    return (
        f"Summary: {plural(counts[Verdict.CONFLICT], 'conflict')} · "
        f"{counts[Verdict.NO_CONFLICT]} no conflict · "
        f"{plural(counts[Verdict.AGREEMENT], 'agreement')} · "
        f"{plural(len(report.problems), 'problem')}"
    )


def _focus_span(claim: Claim) -> tuple[int, int] | None:
    """Where the compared value sits in the quote: the highlight, else a literal match.

    `claim.value` is normalized (e.g. "2019-09" for "September 2019"), so often it is not found;
    then truncation simply keeps the head and tail.
    """
    span = highlight_span(claim)
    if span is not None:
        return span
    if not claim.value.strip():
        return None
    match = re.search(re.escape(claim.value), claim.quote, flags=re.IGNORECASE)
    return match.span() if match else None


def kept_spans(length: int, focus: tuple[int, int] | None, limit: int) -> list[tuple[int, int]]:
    """Parts of a quote of `length` chars to show within about `limit` chars.

    Always keeps the start and the end (ellipses only ever go in the middle) and, when it is
    short enough to fit, the focus with some context around it.
    """
    if length <= limit:
        return [(0, length)]
    head = limit // 2
    tail = limit - 1 - head
    default = [(0, head), (length - tail, length)]
    if focus is None:
        return default
    focus_start, focus_end = focus
    if focus_end <= head or focus_start >= length - tail:
        return default
    budget = limit - 2  # room for two ellipses
    rest = budget - (focus_end - focus_start)
    if rest < budget // 2:
        return default  # focus too long to show with head and tail; fall back
    head = tail = rest // 4
    context = rest - head - tail
    before = context // 2
    after = context - before
    spans = [
        (0, head),
        (max(focus_start - before, 0), min(focus_end + after, length)),
        (length - tail, length),
    ]
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def quote_text(claim: Claim, limit: int = QUOTE_LIMIT) -> Text:
    """The quote in typographic quotes, shortened if long, highlight emphasised."""
    quote = claim.quote
    highlight = highlight_span(claim)
    text = Text("“")
    for index, (start, end) in enumerate(kept_spans(len(quote), _focus_span(claim), limit)):
        if index:
            text.append(ELLIPSIS, style="dim")
        offset = len(text)
        text.append(clean(quote[start:end]))
        if highlight is not None:
            hl_start, hl_end = max(highlight[0], start), min(highlight[1], end)
            if hl_start < hl_end:
                text.stylize(_HIGHLIGHT_STYLE, offset + hl_start - start, offset + hl_end - start)
    text.append("”")
    return text


# A display line: indentation (in spaces) and its content.
Line = tuple[int, Text]


def _header_lines(report: Report) -> list[Line]:
    lines: list[Line] = [
        (
            0,
            Text.assemble(
                ("checker report", "bold"),
                f" — {plural(len(report.articles), 'article')}, "
                f"{plural(len(report.findings), 'finding')} "
                f"({clean(report.tool)} {clean(report.tool_version)}, "
                f"schema {report.schema_version})",
            ),
        ),
    ]
    id_width = max((len(article.id) for article in report.articles), default=0)
    for article in report.articles:
        published = article.published.isoformat() if article.published else "unknown date"
        line = Text.assemble(
            (clean(article.id).ljust(id_width), "bold"),
            "  ",
            published,
        )
        if article.published_inferred:
            line.append(" (inferred)", style="yellow")
        line.append("  ")
        line.append(clean(article.title))
        row = f", row {article.row}" if article.row is not None else ""
        line.append(f"  [{clean(article.path)}{row}]", style="dim")
        lines.append((2, line))
        if article.published_note:
            label = "inferred: " if article.published_inferred else "note: "
            lines.append((4 + id_width, Text(label + clean(article.published_note), style="dim")))
    if len(report.stories) > 1:
        # Facts are compared within a story: say which articles were kept apart.
        lines.append((0, Text(f"{len(report.stories)} stories (facts are compared within each)")))
        for story in report.stories:
            label = f" — {clean(story.label)}" if story.label else ""
            members = ", ".join(clean(a) for a in story.articles)
            lines.append((2, Text(f"{story.id}: {members}{label}")))
            if story.why:
                lines.append((4, Text(f"kept apart: {clean(story.why)}", style="dim")))
    if report.copies:
        lines.append((0, Text(f"{len(report.copies)} groups of copies")))
        for group in report.copies:
            lines.append((2, Text(clean(group.describe()))))
    return lines


def _finding_lines(finding: Finding) -> list[Line]:
    badge, badge_style = _BADGES[finding.verdict]
    title = Text.assemble(
        (f"[{badge}]", badge_style),
        " ",
        (clean(finding.rule), "bold"),
        " ",
        clean(finding.rule_name),
        " · ",
        clean(finding.kind),
        " · severity ",
        (finding.severity.value, _SEVERITY_STYLES[finding.severity]),
        f" · confidence {finding.confidence:.2f}",
        (f"  {clean(finding.id)}", "dim"),
    )
    lines: list[Line] = [(2, title), (4, Text(clean(finding.explanation)))]
    refs = [f"{clean(claim.article)}:{claim.line}" for claim in finding.claims]
    ref_width = max((len(ref) for ref in refs), default=0)
    for ref, claim in zip(refs, finding.claims, strict=True):
        # Styled as a span, not as the line's base style, which the quote would inherit.
        line = Text.assemble((ref.ljust(ref_width), "cyan"), "  ")
        line.append_text(quote_text(claim))
        lines.append((4, line))
    return lines


def build_lines(report: Report) -> list[Line]:
    blank: Line = (0, Text(""))
    lines = _header_lines(report)
    lines.append(blank)
    if not report.findings:
        lines += [(0, Text("No findings.")), blank]
    for subject, members in group_findings(report.findings):
        lines.append((0, Text(f"── {clean(subject)}", style="bold")))
        for finding in members:
            lines += _finding_lines(finding)
            lines.append(blank)
    if report.problems:
        skipped = plural(len(report.problems), "input")
        lines.append((0, Text(f"Problems ({skipped} skipped)", style="bold")))
        for problem in report.problems:
            lines.append(
                (
                    2,
                    Text.assemble(
                        (clean(problem.code), "bold red"),
                        " ",
                        clean(problem.path),
                        ": ",
                        clean(problem.message),
                    ),
                )
            )
        lines.append(blank)
    lines.append((0, Text(summary_line(report), style="bold")))
    return lines


def render_text(report: Report) -> str:
    """The terminal report as plain text (no ANSI codes), ending with a newline."""
    return "".join(" " * indent + line.plain + "\n" for indent, line in build_lines(report))


def print_report(report: Report, console: Console) -> None:
    """Print the report: styled on a terminal, exactly `render_text` output otherwise."""
    styled = console.is_terminal
    for indent, line in build_lines(report):
        if styled and not line.plain:
            console.print()  # Padding around empty content renders no line at all
        elif styled:
            # Padding keeps wrapped continuation lines indented under their first line.
            console.print(Padding(line, (0, 0, 0, indent), expand=False), highlight=False)
        else:
            # Plain strings, no wrapping: even a console configured with a colour system
            # writes no escape codes when it is not a terminal (pipes, files, CI logs).
            console.print(
                " " * indent + line.plain,
                markup=False,
                emoji=False,
                highlight=False,
                soft_wrap=True,
            )
