"""`checker facts`: what was read from one article, for people (text) or tools (json)."""

from __future__ import annotations

import json

from checker.align.compare import format_time
from checker.models.article import Article
from checker.models.facts import ArticleFacts
from checker.report.provenance import article_entry, date_origin, text_origin
from checker.report.text import clean

FACTS_SCHEMA = 2  # 2: where the text and the date came from (origin, row, notes)


def render_facts(article: Article, facts: ArticleFacts, fmt: str = "text") -> str:
    entry = article_entry(article)
    if fmt == "json":
        data = {
            "schema_version": FACTS_SCHEMA,
            "article": {
                "id": article.id,
                "path": str(article.path),
                "title": article.title,
                "published": article.published.isoformat() if article.published else None,
                "published_inferred": article.published_inferred,
                "published_note": article.published_note,
                "origin": entry.origin,
                "row": entry.row,
                "source_line": entry.source_line,
                "text_note": entry.text_note,
                "text_sha256": entry.text_sha256,
            },
            "facts": facts.model_dump(mode="json"),
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    out: list[str] = []
    pub = article.published.isoformat() if article.published else "unknown"
    flag = " (inferred)" if article.published_inferred else ""
    out.append(f"{article.id}: {clean(article.title)}")
    out.append(f"published {pub}{flag}")
    out.append(f"  date from: {date_origin(entry)}")
    out.append(f"  text from: {text_origin(entry)}")
    if entry.origin != "file":  # line numbers below count lines of this text, not of the file
        out.append("  (lines below are lines of that text)")
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
