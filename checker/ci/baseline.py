"""The baseline file: reviewed conflicts that no longer fail the build, and acknowledgements.

```json
{
  "version": 1,
  "tool": "checker",
  "findings": [{"fingerprint": "…", "rule": "T102", "rule_name": "planned-date-differs",
                "severity": "low", "subject": "bridge: opening",
                "articles": ["000_…", "001_…"], "values": ["2019-09", "2019-10"]}],
  "acknowledged": [{"fingerprint": "…", "reason": "the plan changed; both are right"}]
}
```

Only `fingerprint` matters for matching; the other fields of an entry tell a reviewer what it
is. `acknowledged` entries never fail the build, whether or not they are also in `findings`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.ci.fingerprint import fingerprint, is_fingerprint
from checker.errors import CheckerError
from checker.models.report import Finding, Severity, Verdict
from checker.safeload import MAX_JSON_BYTES, DataError, first_line, load_json, read_limited
from checker.safewrite import write_atomic

BASELINE_VERSION = 1
DEFAULT_BASELINE = Path("checker-baseline.json")
MIN_PREFIX = 8  # shortest fingerprint prefix `--acknowledge` accepts


def _check_fingerprint(value: str) -> str:
    value = value.strip().lower()
    if not is_fingerprint(value):
        raise ValueError("a fingerprint is 64 hex digits (sha256)")
    return value


class BaselineEntry(BaseModel):
    """One reviewed conflict."""

    model_config = ConfigDict(extra="forbid")

    fingerprint: str = Field(description="content fingerprint (see checker.ci.fingerprint)")
    rule: str
    rule_name: str = ""
    severity: Severity = Severity.LOW
    subject: str = ""
    articles: list[str] = Field(default_factory=list, description="article ids, for people")
    values: list[str] = Field(default_factory=list, description="compared values, for people")

    _fp = field_validator("fingerprint")(_check_fingerprint)


class Acknowledgement(BaseModel):
    """A finding accepted on purpose, with the reason why."""

    model_config = ConfigDict(extra="forbid")

    fingerprint: str
    reason: str = Field(min_length=1)

    _fp = field_validator("fingerprint")(_check_fingerprint)

    @field_validator("reason")
    @classmethod
    def _reason_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("give a reason")
        return value.strip()


class Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = BASELINE_VERSION
    tool: str = "checker"
    findings: list[BaselineEntry] = Field(default_factory=list)
    acknowledged: list[Acknowledgement] = Field(default_factory=list)

    def recorded(self) -> dict[str, BaselineEntry]:
        return {entry.fingerprint: entry for entry in self.findings}

    def reasons(self) -> dict[str, str]:
        return {ack.fingerprint: ack.reason for ack in self.acknowledged}


def entry_for(finding: Finding) -> BaselineEntry:
    return BaselineEntry(
        fingerprint=fingerprint(finding),
        rule=finding.rule,
        rule_name=finding.rule_name,
        severity=finding.severity,
        subject=finding.subject,
        articles=[claim.article for claim in finding.claims],
        values=[claim.value for claim in finding.claims],
    )


def baseline_from(findings: Iterable[Finding], previous: Baseline | None = None) -> Baseline:
    """A baseline recording every conflict in `findings`; acknowledgements of `previous` stay."""
    entries = {e.fingerprint: e for e in (entry_for(f) for f in findings if _counts(f))}
    acknowledged = list(previous.acknowledged) if previous else []
    return Baseline(findings=list(entries.values()), acknowledged=acknowledged)


def _counts(finding: Finding) -> bool:
    """Only conflicts can fail a build, so only they are recorded."""
    return finding.verdict is Verdict.CONFLICT


def acknowledge(baseline: Baseline, value: str, reason: str) -> tuple[Baseline, str]:
    """`baseline` with the finding `value` (a fingerprint or a unique prefix of a recorded one)
    acknowledged for `reason`; also returns the full fingerprint."""
    if not reason.strip():
        raise CheckerError.make("E225")
    full = resolve_fingerprint(baseline, value)
    kept = [ack for ack in baseline.acknowledged if ack.fingerprint != full]
    kept.append(Acknowledgement(fingerprint=full, reason=reason))
    return baseline.model_copy(update={"acknowledged": kept}), full


def resolve_fingerprint(baseline: Baseline, value: str) -> str:
    wanted = value.strip().lower()
    if is_fingerprint(wanted):
        return wanted
    if len(wanted) < MIN_PREFIX or any(c not in "0123456789abcdef" for c in wanted):
        raise CheckerError.make(
            "E224",
            value=value,
            problem=f"is not a fingerprint (64 hex digits, or a prefix of {MIN_PREFIX} or more "
            "of a recorded finding's)",
        )
    matches = sorted(fp for fp in baseline.recorded() if fp.startswith(wanted))
    if not matches:
        raise CheckerError.make(
            "E224",
            value=value,
            problem="matches no finding recorded in the baseline; give the full fingerprint "
            "(`checker ci --format json` shows it)",
        )
    if len(matches) > 1:
        raise CheckerError.make(
            "E224", value=value, problem=f"matches {len(matches)} recorded findings; give more"
        )
    return matches[0]


def load_baseline(path: Path) -> Baseline:
    """Read and validate a baseline file. Raises `CheckerError` (E222, E223)."""
    try:
        text = read_limited(path, MAX_JSON_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError.make("E222", path=str(path), reason=first_line(exc)) from None
    except DataError as exc:
        raise CheckerError.make("E222", path=str(path), reason=exc.problem) from None
    try:
        data = load_json(text)
    except DataError as exc:
        raise CheckerError.make(
            "E223", path=str(path), line=exc.line, problem=exc.problem
        ) from None
    try:
        return Baseline.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(part) for part in err["loc"]) or "the file"
        problem = f"{where}: {err['msg']}"
        if len(exc.errors()) > 1:
            problem += f" (and {len(exc.errors()) - 1} more)"
        raise CheckerError.make("E223", path=str(path), problem=problem) from None


def dump_baseline(baseline: Baseline) -> str:
    """The file's text: entries in a stable order, so regenerating gives a clean diff."""
    ordered = baseline.model_copy(
        update={
            "findings": sorted(baseline.findings, key=lambda e: (e.rule, e.subject, e.fingerprint)),
            "acknowledged": sorted(baseline.acknowledged, key=lambda a: a.fingerprint),
        }
    )
    return ordered.model_dump_json(indent=2) + "\n"


def write_baseline(baseline: Baseline, path: Path) -> None:
    """Replace the file in one step: a crash leaves the old baseline or the new one."""
    try:
        write_atomic(path, dump_baseline(baseline))
    except OSError as exc:
        raise CheckerError.make("E226", path=str(path), reason=first_line(exc)) from None
