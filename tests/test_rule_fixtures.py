"""Every rule has a fixture: two tiny articles and the findings they must (and must not) produce.

A fixture folder `tests/rules/<ID>/` holds `a.txt`, `b.txt` (with `published:` front matter) and
`expected.yaml`:

    findings:                 # findings that must appear
      - rule: T101
        verdict: conflict
        quotes: {a: "words inside the claim quote from a.txt", b: "… from b.txt"}
    ok: [T110]                # rules that must stay silent on this pair (near-misses)

A folder that mentions a preview rule is checked with preview rules switched on.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from checker.models.report import Report
from checker.rules.paths import default_rules_dir
from checker.run import check

FIXTURES = Path(__file__).resolve().parent / "rules"
RULES_DIR = default_rules_dir()


def _rule_status() -> dict[str, str]:
    """Rule id -> status, for every rule file (the vocabulary is not a rule family)."""
    out: dict[str, str] = {}
    for path in sorted(RULES_DIR.glob("*/*.yaml")):
        if path.parent.name in ("vocab", "align"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[str(data["id"])] = str(data.get("status", "stable"))
    return out


STATUS = _rule_status()
FOLDERS = sorted(p for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.is_dir() else []


def _expected(folder: Path) -> dict:
    data = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8")) or {}
    assert set(data) <= {"findings", "ok"}, f"{folder.name}: unknown keys {sorted(data)}"
    return data


@cache
def _report(folder: Path) -> Report:
    data = _expected(folder)
    mentioned = {f["rule"] for f in data.get("findings") or []} | set(data.get("ok") or [])
    preview = any(STATUS.get(r) == "preview" for r in mentioned | {folder.name})
    return check([folder], preview=preview).report


def _texts(report: Report) -> dict[str, str]:
    """Article id -> file text. Articles are named by file stem (a, b)."""
    return {a.id: Path(a.path).read_text(encoding="utf-8") for a in report.articles}


def test_every_rule_has_a_fixture_and_every_fixture_a_rule():
    names = {p.name for p in FOLDERS}
    needing = {rid for rid, status in STATUS.items() if status != "removed"}
    assert not needing - names, f"rules without a fixture: {sorted(needing - names)}"
    assert not names - set(STATUS), f"fixtures without a rule: {sorted(names - set(STATUS))}"


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_fixture(folder: Path):
    for name in ("a.txt", "b.txt", "expected.yaml"):
        assert (folder / name).is_file(), f"{folder.name}: missing {name}"
    data = _expected(folder)
    report = _report(folder)
    assert not report.problems, [p.message for p in report.problems]
    assert sorted(a.id for a in report.articles) == ["a", "b"]
    for a in report.articles:
        assert a.published is not None and not a.published_inferred, f"{a.id}: no front matter"
    texts = _texts(report)

    # Every quote is the verbatim text of its article at its offsets.
    for f in report.findings:
        for c in f.claims:
            assert texts[c.article][c.start : c.end] == c.quote, (f.rule, c.article, c.quote)

    found = [
        f"{f.rule} {f.verdict.value} {[(c.article, c.quote) for c in f.claims]}"
        for f in report.findings
    ]
    for exp in data.get("findings") or []:
        assert exp["rule"] in STATUS, f"{folder.name}: unknown rule {exp['rule']}"
        want_quotes: dict[str, str] = exp.get("quotes") or {}
        for side, part in want_quotes.items():
            assert part in texts[side], f"{folder.name}: {part!r} is not in {side}.txt"

        def matches(f, exp=exp, want_quotes=want_quotes) -> bool:
            if f.rule != exp["rule"] or f.verdict.value != exp["verdict"]:
                return False
            quotes = {c.article: c.quote for c in f.claims}
            return all(part in quotes.get(side, "") for side, part in want_quotes.items())

        assert any(matches(f) for f in report.findings), (
            f"{folder.name}: expected {exp} not found; findings:\n" + "\n".join(found)
        )

    for rule in data.get("ok") or []:
        assert rule in STATUS, f"{folder.name}: ok lists unknown rule {rule}"
        fired = [line for line, f in zip(found, report.findings, strict=True) if f.rule == rule]
        assert not fired, f"{folder.name}: {rule} must not fire:\n" + "\n".join(fired)
