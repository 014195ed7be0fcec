"""The rule engine: match comparisons against the YAML rules and emit findings.

A rule's `when` conditions name operators registered here. Each operator reads one feature of a
comparison (`time_relation`, `modality`, …) and the rule lists the values it accepts. Nothing in a
rule file is ever executed: conditions are looked up, compared as strings, and that is all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from checker.align.comparison import Comparison, Side
from checker.models.report import Claim, Finding, Severity, Verdict
from checker.rules.schema import OperatorSpec, Rule

_MODALITY_PAIRS = frozenset(
    "+".join(sorted((a, b)))
    for a in ("hedged", "negated", "planned", "reported")
    for b in ("hedged", "negated", "planned", "reported")
)

# The operator table is data: a name, what it tests, and the values a rule may ask for.
OPERATORS: dict[str, OperatorSpec] = {
    spec.name: spec
    for spec in (
        OperatorSpec(
            "time_relation",
            "how the two time spans relate once modifiers are applied",
            frozenset({"equal", "a_in_b", "b_in_a", "overlap", "disjoint"}),
        ),
        OperatorSpec(
            "modality",
            "how each article tells it, sorted and joined by '+': reported, planned, negated",
            _MODALITY_PAIRS,
        ),
        OperatorSpec(
            "place_relation",
            "how the two places relate (gazetteer containment and distance)",
            frozenset(
                {
                    "same",
                    "contained",
                    "near",
                    "nearby_distinct",
                    "inside_vs_outside",
                    "disjoint",
                }
            ),
        ),
        OperatorSpec(
            "venue_relation",
            "whether both name the same kind of site",
            frozenset({"same", "different"}),
        ),
        OperatorSpec(
            "count_relation",
            "equal numbers, ranges allowed by the wording that overlap, or none",
            frozenset(
                {"equal", "compatible", "disjoint", "bounds_differ", "beyond_bound", "revised"}
            ),
        ),
        OperatorSpec(
            "plan_change",
            "whether either quote says itself that the date moved ('later than planned')",
            frozenset({"stated", "not_stated"}),
        ),
        OperatorSpec(
            "role_relation",
            "who holds the role in each article and when",
            frozenset(
                {
                    "same_person",
                    "same_person_broader_title",
                    "same_person_other_org",
                    "different_person_overlapping",
                    "different_person_disjoint",
                    "different_person_unknown_time",
                    "name_misspelled",
                    "name_transliterated",
                }
            ),
        ),
        OperatorSpec(
            "statement_relation",
            "whether two sentences state the same thing in the same specific words, or name "
            "the same holder (or rival holders) as the first of a kind",
            frozenset({"same", "first_same_holder", "first_other_holder"}),
        ),
        OperatorSpec("min_confidence", "the alignment confidence is at least this", None, "number"),
        OperatorSpec(
            "min_evidence",
            "at least this many independent signs tie the two claims to one subject: a shared "
            "theme, another attribute that agrees, a specific predicate, the same story",
            None,
            "number",
        ),
    )
}


def _holds(rule: Rule, comp: Comparison) -> bool:
    for cond in rule.conditions:
        if cond.op == "min_confidence":
            if comp.confidence < float(cond.param):  # type: ignore[arg-type]
                return False
            continue
        if cond.op == "min_evidence":
            if comp.evidence < float(cond.param):  # type: ignore[arg-type]
                return False
            continue
        value = comp.features.get(cond.op)
        if value is None or value not in cond.param:  # type: ignore[operator]
            return False
    return True


@dataclass
class Engine:
    rules: list[Rule]

    @classmethod
    def from_ruleset(cls, ruleset, *, preview: bool = False) -> Engine:
        active = [r for r in ruleset.rules if r.active and (preview or r.status.value != "preview")]
        return cls(sorted(active, key=lambda r: (r.priority, r.id)))

    def match(self, comp: Comparison) -> Rule | None:
        for rule in self.rules:
            if rule.applies_to.value == comp.kind and _holds(rule, comp):
                return rule
        return None

    def run(self, comparisons: Iterable[Comparison]) -> list[Finding]:
        findings: list[Finding] = []
        seen: set[tuple] = set()
        for comp in comparisons:
            rule = self.match(comp)
            if rule is None:
                continue
            key = (
                rule.id,
                comp.subject,
                tuple(
                    sorted((s.article, s.evidence.start, s.evidence.end) for s in (comp.a, comp.b))
                ),
            )
            if key in seen:
                continue
            seen.add(key)
            findings.append(self._finding(rule, comp))
        findings.sort(key=_order)
        return [f.model_copy(update={"id": f"F{i:03d}"}) for i, f in enumerate(findings, 1)]

    def _finding(self, rule: Rule, comp: Comparison) -> Finding:
        values = {
            "subject": comp.subject,
            "a": _display(comp.a),
            "b": _display(comp.b),
            "a_article": comp.a.article,
            "b_article": comp.b.article,
            "relation": next(iter(comp.features.values()), ""),
            "detail": comp.detail,
        }
        return Finding(
            id="F000",
            rule=rule.id,
            rule_name=rule.name,
            kind=comp.kind,
            verdict=Verdict(rule.verdict.value),
            severity=Severity(rule.severity.value),
            subject=comp.subject,
            explanation=rule.render(values),
            confidence=round(comp.confidence, 2),
            claims=[_claim(comp.a), _claim(comp.b)] + [_claim(s) for s in comp.extra],
        )


def _display(side: Side) -> str:
    shown = side.detail.get("display") if side.detail else None
    return f"{shown or side.value} ({side.article})"


def _claim(side: Side) -> Claim:
    ev = side.evidence
    detail: dict[str, object] = {k: v for k, v in side.detail.items() if v is not None}
    if side.highlight is not None:
        detail["highlight_start"] = side.highlight[0] - ev.start
        detail["highlight_end"] = side.highlight[1] - ev.start
    return Claim(
        article=side.article,
        quote=ev.quote,
        start=ev.start,
        end=ev.end,
        line=ev.line,
        value=side.value,
        detail=detail,
    )


_VERDICT_ORDER = {Verdict.CONFLICT: 0, Verdict.NO_CONFLICT: 1, Verdict.AGREEMENT: 2}
_SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


def _order(f: Finding) -> tuple:
    return (
        _VERDICT_ORDER[f.verdict],
        _SEVERITY_ORDER[f.severity],
        f.kind,
        f.subject,
        [(c.quote, c.article) for c in f.claims],
    )
