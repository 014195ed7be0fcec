"""The quiet text output of `checker ci`: one line per new conflict, like a linter.

`articles/002_bridge.md:7: [T101] bridge: opening: explanation`. Everything else (problems,
stale baseline entries, the `--since` note, the tally) goes to stderr through `notes`.
"""

from __future__ import annotations

from checker.ci.location import shown_path
from checker.ci.summary import counts_line, headline
from checker.ci.triage import CiOutcome, primary_claim
from checker.errors import CheckerWarning
from checker.report.text import clean


def render_lines(outcome: CiOutcome) -> str:
    out: list[str] = []
    for item in outcome.new:
        finding = item.finding
        main, _ = primary_claim(item)
        where = shown_path(outcome.article_path(main.article))
        out.append(
            f"{clean(where)}:{outcome.file_line(main)}: [{finding.rule}] {clean(finding.subject)}: "
            f"{clean(finding.explanation)}"
        )
    return "".join(line + "\n" for line in out)


def notes(outcome: CiOutcome) -> list[str]:
    """Lines for stderr."""
    out: list[str] = []
    if outcome.since_note:
        fallback = "using the baseline only" if outcome.baseline else "every conflict counts as new"
        warning = CheckerWarning.make(
            "W211", rev=outcome.since, reason=outcome.since_note, fallback=fallback
        )
        out.append(warning.one_line())
    for entry in outcome.stale:
        warning = CheckerWarning.make(
            "W212",
            fingerprint=entry.fingerprint[:12],
            rule=entry.rule,
            subject=clean(entry.subject),
        )
        out.append(warning.one_line())
    for ack in outcome.stale_acknowledged:
        warning = CheckerWarning.make(
            "W212", fingerprint=ack.fingerprint[:12], rule="acknowledged", subject=clean(ack.reason)
        )
        out.append(warning.one_line())
    out.append(f"{headline(outcome)} ({counts_line(outcome)})")
    return out
