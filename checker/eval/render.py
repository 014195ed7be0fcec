"""`checker eval` output: plain text for people, JSON (`EvalResult`) for programs."""

from __future__ import annotations

from checker.eval.score import EvalResult, Ratio, VerdictScores


def render_json(result: EvalResult) -> str:
    return result.model_dump_json(indent=2) + "\n"


def ratio_text(r: Ratio) -> str:
    """`12/15 = 0.80`, or `—` when there is nothing to count."""
    return f"{r.passed}/{r.total} = {r.rate:.2f}" if r.rate is not None else "—"


def render_text(result: EvalResult) -> str:
    lines: list[str] = []
    src = result.report
    made = f"report {src.path}" if src.source == "file" else "checker run"
    files = ", ".join(result.gold_files)
    lines.append(
        f"checker eval — {_n(len(result.items), 'gold item')} from {files}; {made}: "
        f"{_n(src.articles, 'article')}, {_n(src.findings, 'finding')} "
        f"(checker {src.tool_version})"
    )
    lines.append("")
    for item in result.items:
        lines.append(
            f"{item.status.upper()} {item.id} ({item.kind.value}, {item.verdict.value}) — "
            f"{item.reason}"
        )

    lines.append("")
    lines += _table(result)
    nc = result.scores.no_conflict
    lines.append("")
    lines.append(f"no_conflict items passed: {ratio_text(nc)}")

    un = result.unmatched_conflicts
    share = f" ({un.rate:.0%})" if un.rate is not None else ""
    lines.append("")
    lines.append(
        f"Conflict findings matching no gold item: {un.count} of {un.conflict_findings}{share}"
    )
    for f in un.findings:
        pair = " ↔ ".join(f.articles)
        against = f"  [gold says otherwise: {', '.join(f.contradicts)}]" if f.contradicts else ""
        lines.append(f"  {f.id} {f.rule} {f.rule_name} · {f.subject} · {pair}{against}")

    for warning in result.warnings:
        lines.append("")
        lines.append(f"warning: {warning}")
    return "\n".join(lines) + "\n"


def _table(result: EvalResult) -> list[str]:
    rows: list[tuple[str, VerdictScores]] = [("all", result.scores)]
    # Recall per kind only where there is something to recall; the no_conflict pass rate
    # by kind is in the JSON output.
    rows += [
        (kind, s)
        for kind, s in result.scores.by_kind.items()
        if s.conflict.total or s.agreement.total
    ]
    cells = [(name, ratio_text(s.conflict), ratio_text(s.agreement)) for name, s in rows]
    header = ("Recall", "conflicts", "agreements")
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(3)]
    out = [f"{header[0]:<{widths[0] + 2}}  {header[1]:<{widths[1]}}  {header[2]}"]
    for name, conflict, agreement in cells:
        out.append(f"  {name:<{widths[0]}}  {conflict:<{widths[1]}}  {agreement}")
    return out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
