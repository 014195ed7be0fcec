"""`checker facts`: what was read from one article, for people (text) or tools (json)."""

from __future__ import annotations

import json

from checker.align.compare import format_time
from checker.models.article import Article
from checker.models.facts import ArticleFacts
from checker.report.text import clean


def render_facts(article: Article, facts: ArticleFacts, fmt: str = "text") -> str:
    if fmt == "json":
        data = {
            "schema_version": 1,
            "article": {
                "id": article.id,
                "path": str(article.path),
                "title": article.title,
                "published": article.published.isoformat() if article.published else None,
                "published_inferred": article.published_inferred,
            },
            "facts": facts.model_dump(mode="json"),
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    out: list[str] = []
    pub = article.published.isoformat() if article.published else "unknown"
    flag = " (inferred)" if article.published_inferred else ""
    out.append(f"{article.id}: {clean(article.title)}")
    out.append(f"published {pub}{flag}")
    out.append("")
    out.append(f"Time expressions ({len(facts.timexes)})")
    for t in facts.timexes:
        mod = f" mod={t.mod}" if t.mod else ""
        out.append(
            f"  line {article.line_of(t.start)}: '{clean(t.text)}' -> {t.value}{mod} [{t.anchor}]"
        )
    out.append(f"People ({len(facts.people)})")
    for p in facts.people:
        forms = sorted({m.text for m in p.mentions})
        out.append(f"  {clean(p.name)}  (as: {', '.join(clean(f) for f in forms)})")
    out.append(f"Roles ({len(facts.roles)})")
    for r in facts.roles:
        when = format_time(r.time) if r.time else "undated"
        org = f" of {r.org}" if r.org else ""
        former = " (former)" if r.former else ""
        out.append(f"  {clean(r.person)}: {clean(r.title)} [{r.role}{org}] at {when}{former}")
    out.append(f"Places ({len(facts.places)})")
    for ref in facts.places:
        p = ref.place
        where = f"{p.name} ({p.kind}, {p.country or '-'})" if p else "?"
        out.append(f"  {ref.relation} '{clean(ref.mention.text)}' -> {where}")
    out.append(f"Counts ({len(facts.counts)})")
    for c in facts.counts:
        rng = f" [{c.low:g}..{c.high:g}]" if (c.low, c.high) != (c.value, c.value) else ""
        out.append(f"  {clean(c.text)} {c.phrase}{rng}")
    out.append(f"Events ({len(facts.events)})")
    for e in facts.events:
        when = format_time(e.time) if e.time else "undated"
        if e.time is not None and e.time_inherited:
            when += " (from context)"
        places = ", ".join(f"{r.relation} {r.place.name}" for r in e.places if r.place)
        venue = (
            f" at {e.venue}" + (f" ({e.venue_owner}-owned)" if e.venue_owner else "")
            if e.venue
            else ""
        )
        out.append(
            f"  line {e.evidence.line}: {e.predicate} '{clean(e.theme)}' [{e.modality.value}]"
            f" {when}{' ' + places if places else ''}{venue}"
        )
    # Every line passes through `clean` (again): no value read from an article can start a line.
    return "\n".join(clean(line) for line in out) + "\n"
