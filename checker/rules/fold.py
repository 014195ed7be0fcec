"""One conflict per fact and pair of articles.

Two articles that disagree on a death toll often state it more than once (a headline, an
update in the body), so the figure pairs of one fact come out as several findings. An editor
needs one: "these two articles disagree on the death toll", with every sentence that says so.
The conflict findings of one rule and subject between the same two articles (background apart
from the story's own facts) are folded into the most severe of them; its claims list every
figure, and its explanation names the other pairs.
Agreements and findings over more than two articles are left as they are.
"""

from __future__ import annotations

from collections import defaultdict

from checker.models.report import Finding, Severity, Verdict

_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
MAX_NAMED = 3  # other figure pairs named in the explanation; the claims hold them all


def _key(f: Finding) -> tuple | None:
    """Findings fold when they have this in common: the rule (a mismatch is not folded into a
    revision), the subject, the two articles, and whether they are about background."""
    articles = frozenset(c.article for c in f.claims)
    if f.verdict is not Verdict.CONFLICT or len(articles) != 2:
        return None
    background = any(c.detail.get("background") for c in f.claims)
    return f.rule, f.kind, f.subject, articles, background


def fold_one_fact(findings: list[Finding]) -> list[Finding]:
    """`findings` with the conflicts of one fact between two articles folded into one, in the
    place of the first of them, and renumbered."""
    groups: dict[tuple, list[Finding]] = defaultdict(list)
    for f in findings:
        key = _key(f)
        if key is not None:
            groups[key].append(f)
    if all(len(g) == 1 for g in groups.values()):
        return findings
    out: list[Finding] = []
    for f in findings:
        key = _key(f)
        group = groups.get(key) if key is not None else None
        if group is None or len(group) == 1:
            out.append(f)
        elif f is group[0]:
            out.append(_fold(group))
    return [f.model_copy(update={"id": f"F{i:03d}"}) for i, f in enumerate(out, 1)]


def _fold(group: list[Finding]) -> Finding:
    head, *rest = sorted(group, key=lambda f: (_RANK[f.severity], -f.confidence))
    claims = list(head.claims)
    seen = {(c.article, c.start, c.end) for c in claims}
    for f in rest:
        for c in f.claims:
            if (c.article, c.start, c.end) not in seen:
                seen.add((c.article, c.start, c.end))
                claims.append(c)
    pairs = [" vs ".join(c.value for c in f.claims[:2]) for f in rest]
    more = "; ".join(pairs[:MAX_NAMED]) + (" …" if len(pairs) > MAX_NAMED else "")
    explanation = f"{head.explanation} The two articles also give: {more}."
    return head.model_copy(update={"claims": claims, "explanation": explanation})
