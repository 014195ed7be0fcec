"""GitHub Actions workflow commands: one annotation per new conflict, on the changed article.

`::error file=seeds/x.txt,line=7,col=3,title=[T101] bridge: opening::message`. Values are
escaped as GitHub's toolkit does (`escapeData`/`escapeProperty` in @actions/core): `%`, `\\r`
and `\\n` everywhere, plus `:` and `,` in properties, so article text can neither end the
command nor start another one; other control characters are written as `\\x1b` escapes.
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.ci.location import position, shown_path
from checker.ci.triage import CiOutcome, Triaged, primary_claim
from checker.textutil import safe_terminal


def escape_data(value: str) -> str:
    # Other control characters (ESC, BEL…) would reach the log raw: they are shown as escapes.
    value = safe_terminal(value.replace("%", "%25"), keep="\r\n")
    return value.replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(item: Triaged, outcome: CiOutcome, texts: Mapping[str, str]) -> str:
    finding = item.finding
    main, others = primary_claim(item)
    props: dict[str, str | int] = {"file": shown_path(outcome.article_path(main.article))}
    text = texts.get(main.article)
    if text is not None:
        start, end = position(text, main.start), position(text, main.end)
        props.update(line=start.line, col=start.column, endLine=end.line)
        if end.line == start.line:
            props["endColumn"] = end.column
    else:
        props["line"] = outcome.file_line(main)
    props["title"] = f"[{finding.rule}] {finding.subject}"
    lines = [f"{finding.subject}: {finding.explanation}"]
    for claim in others:
        where = shown_path(outcome.article_path(claim.article))
        lines.append(f"{where}:{outcome.file_line(claim)}: {' '.join(claim.quote.split())}")
    lines.append(f"fingerprint: {item.fingerprint}")
    kind = "error" if item.fails else "warning"
    return command(kind, "\n".join(lines), **props)


def render_github(outcome: CiOutcome, texts: Mapping[str, str]) -> str:
    out: list[str] = []
    if outcome.since_note:
        out.append(command("notice", f"--since {outcome.since}: {outcome.since_note}"))
    for problem in outcome.problems:
        out.append(command("warning", f"[{problem.code}] {problem.message}", file=problem.path))
    for item in outcome.new:
        out.append(_annotation(item, outcome, texts))
    for entry in outcome.stale:
        out.append(
            command(
                "notice",
                f"stale baseline entry {entry.fingerprint} ({entry.rule} {entry.subject}): "
                "no longer found; regenerate the baseline with `checker baseline`",
                title="checker: stale baseline entry",
            )
        )
    return "".join(line + "\n" for line in out)
