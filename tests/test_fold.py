"""One conflict per fact and pair of articles (checker.rules.fold)."""

from __future__ import annotations

from checker.models.report import Claim, Finding, Severity, Verdict
from checker.rules.fold import fold_one_fact


def _finding(n: int, a: str, b: str, values: tuple[str, str], **kw) -> Finding:
    base = {
        "rule": "N101",
        "rule_name": "count-mismatch",
        "kind": "count",
        "verdict": Verdict.CONFLICT,
        "severity": Severity.MEDIUM,
        "subject": "death toll",
        "explanation": f"{values[0]} vs {values[1]}.",
        "confidence": 0.8,
    }
    base.update(kw)
    claims = [
        Claim(article=a, quote=f"q{n}a", start=10 * n, end=10 * n + 5, line=n, value=values[0]),
        Claim(article=b, quote=f"q{n}b", start=10 * n, end=10 * n + 5, line=n, value=values[1]),
    ]
    return Finding(id=f"F{n:03d}", claims=claims, **base)


def test_figure_pairs_of_one_fact_between_two_articles_are_one_finding() -> None:
    findings = [
        _finding(1, "x", "y", ("113", "150"), severity=Severity.LOW, confidence=0.9),
        _finding(2, "x", "z", ("113", "96")),
        _finding(3, "y", "x", ("150", "119")),
        _finding(4, "x", "y", ("4", "6"), subject="missing"),
        _finding(5, "x", "y", ("113", "113"), verdict=Verdict.AGREEMENT),
        _finding(6, "x", "y", ("96", "150"), rule="N103", rule_name="count-revised"),
    ]
    got = fold_one_fact(findings)
    assert [f.id for f in got] == ["F001", "F002", "F003", "F004", "F005"]
    toll = got[0]
    # the most severe pair leads; every sentence of both is quoted
    assert toll.explanation.startswith("150 vs 119.")
    assert {c.value for c in toll.claims} == {"150", "119", "113"}
    assert "also give: 113 vs 150" in toll.explanation
    assert [f.subject for f in got[1:3]] == ["death toll", "missing"]
    assert got[3].verdict is Verdict.AGREEMENT
    assert got[4].rule == "N103"  # a revision is not folded into a mismatch


def test_background_is_folded_apart_from_the_story() -> None:
    story = _finding(1, "x", "y", ("450", "612"))
    old = _finding(2, "x", "y", ("8,500", "8,400"))
    old = old.model_copy(
        update={
            "claims": [c.model_copy(update={"detail": {"background": "1934"}}) for c in old.claims]
        }
    )
    assert len(fold_one_fact([story, old])) == 2


def test_nothing_to_fold_leaves_the_findings_as_they_are() -> None:
    findings = [_finding(1, "x", "y", ("1", "2")), _finding(2, "x", "z", ("1", "3"))]
    assert fold_one_fact(findings) is findings
