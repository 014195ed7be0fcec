"""Markdown summary of `checker ci`, for `$GITHUB_STEP_SUMMARY` or a pull-request comment.

Article text is untrusted: every quote, subject, path and message goes through `md_escape`
(HTML entities and Markdown punctuation), so an article cannot inject HTML or change the
document's structure. Fingerprints are hex and sit in code spans.
"""

from __future__ import annotations

from checker.ci.location import shown_path
from checker.ci.triage import CiOutcome, Status, Triaged, primary_claim
from checker.report.markdown import md_escape, problem_section
from checker.report.text import plural

_OTHER_SECTIONS: list[tuple[Status, str]] = [
    (Status.ACKNOWLEDGED, "Acknowledged"),
    (Status.BASELINE, "In the baseline (reviewed)"),
    (Status.CONTEXT, "Context (articles not changed since the revision)"),
]


def headline(outcome: CiOutcome) -> str:
    new = len(outcome.new)
    failing = len(outcome.failing)
    if failing:
        return f"checker: {plural(new, 'new conflict')}, {failing} at or above {outcome.fail_on}"
    if new:
        return f"checker: {plural(new, 'new conflict')}, none at or above {outcome.fail_on}"
    return "checker: no new conflicts"


def counts_line(outcome: CiOutcome) -> str:
    parts = [f"{len(outcome.with_status(status))} {status.value}" for status in Status]
    parts.append(f"{len(outcome.stale)} stale")
    parts.append(plural(len(outcome.problems), "problem"))
    return " · ".join(parts)


def _claim_line(outcome: CiOutcome, item: Triaged, index: int) -> str:
    claim = item.finding.claims[index]
    path = shown_path(outcome.article_path(claim.article))
    where = md_escape(f"{path}:{outcome.file_line(claim)}")
    return f"> **{where}** — “{md_escape(claim.quote)}”"


def _new(outcome: CiOutcome, item: Triaged) -> list[str]:
    finding = item.finding
    main, others = primary_claim(item)
    order = [finding.claims.index(main), *(finding.claims.index(c) for c in others)]
    verdict = "**fails the build**" if item.fails else f"below --fail-on {outcome.fail_on}"
    lines = [
        f"### \\[{md_escape(finding.rule)}\\] {md_escape(finding.subject)}",
        "",
        f"{md_escape(finding.rule_name)} · severity **{finding.severity.value}** · "
        f"confidence {finding.confidence:.2f} · {verdict} · fingerprint `{item.fingerprint}`",
        "",
        md_escape(finding.explanation),
        "",
    ]
    for index in order:
        lines += [_claim_line(outcome, item, index), ""]
    return lines


def render_summary(outcome: CiOutcome) -> str:
    lines = [f"## {md_escape(headline(outcome))}", "", counts_line(outcome), ""]
    if outcome.since_note:
        lines += [
            f"_--since {md_escape(outcome.since or '')}: {md_escape(outcome.since_note)}_",
            "",
        ]
    if outcome.new:
        lines += [
            "Acknowledge a reviewed conflict with "
            '`checker baseline --acknowledge FINGERPRINT --reason "…"`.',
            "",
        ]
    for item in outcome.new:
        lines += _new(outcome, item)
    for status, title in _OTHER_SECTIONS:
        members = outcome.with_status(status)
        if not members:
            continue
        lines += [f"<details><summary>{title} ({len(members)})</summary>", ""]
        for item in members:
            finding = item.finding
            why = f" — {md_escape(item.reason)}" if item.reason else ""
            lines.append(
                f"- \\[{md_escape(finding.rule)}\\] {md_escape(finding.subject)}: "
                f"{md_escape(' vs '.join(c.value for c in finding.claims))}{why} "
                f"(`{item.fingerprint[:12]}`)"
            )
        lines += ["", "</details>", ""]
    if outcome.stale or outcome.stale_acknowledged:
        lines += [
            "### Stale baseline entries",
            "",
            "No longer found; regenerate the baseline with `checker baseline`.",
            "",
        ]
        for entry in outcome.stale:
            rule, subject = md_escape(entry.rule), md_escape(entry.subject)
            lines.append(f"- \\[{rule}\\] {subject} (`{entry.fingerprint}`)")
        for ack in outcome.stale_acknowledged:
            lines.append(f"- acknowledged `{ack.fingerprint}`: {md_escape(ack.reason)}")
        lines.append("")
    lines += problem_section("### Problems (articles skipped)", outcome.problems)
    return "\n".join(lines).rstrip("\n") + "\n"
