"""HTML report: one self-contained file (inline CSS and JS, nothing fetched), for people.

Findings are grouped by subject, conflicts first; each claim shows its quote in context (one
sentence either side, from the article text when the caller passes the articles) with the
compared value highlighted. Filters by verdict, kind and article are plain JS that only toggle
classes and set a counter's `textContent`. A timeline lists each article's dated facts and the
article table shows publication dates, inferred ones flagged.

Article text is untrusted: every piece of it goes through `html.escape` (`_e`), and the script
never reads article text into the DOM. A Content-Security-Policy allows only the one inline
script, by hash, as a second line of defence.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Sequence
from datetime import date

from checker.models.article import Article
from checker.models.facts import ArticleFacts
from checker.models.report import ArticleEntry, Claim, Finding, Report, Verdict, highlight_span
from checker.report.provenance import date_origin
from checker.report.text import clean, group_findings, plural, verdict_counts

CONTEXT_LIMIT = 400  # characters of context shown on each side of a quote

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.CONFLICT: "conflict",
    Verdict.NO_CONFLICT: "no conflict",
    Verdict.AGREEMENT: "agreement",
}

# A sentence ends at . ! or ? (with closing quotes or brackets) before whitespace, or at a
# line break; the same simple rule `checker eval` uses.
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*")
_DATE_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI|Q[1-4]|H[12]))?$")

_CSS = """
:root { --conflict: #b42318; --noconf: #b54708; --agree: #067647; --muted: #555; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #f7f7f8; }
header, main, nav, section.block { max-width: 1100px; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; }
h1 { margin: .2rem 0; font-size: 1.6rem; }
h2 { font-size: 1.15rem; margin: 1.2rem 0 .4rem; }
.summary { color: var(--muted); margin: .2rem 0 .8rem; }
nav#filters { display: flex; flex-wrap: wrap; gap: .6rem 1.4rem; align-items: center;
  background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: .6rem 1rem; }
nav#filters fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: .6rem; }
nav#filters legend { font-weight: 600; float: left; margin-right: .4rem; }
#shown { margin-left: auto; color: var(--muted); }
.group { margin-top: 1rem; }
.finding { background: #fff; border: 1px solid #ddd; border-left: 6px solid #999;
  border-radius: 6px; padding: .6rem .9rem; margin: .5rem 0; }
.finding.v-conflict { border-left-color: var(--conflict); }
.finding.v-no_conflict { border-left-color: var(--noconf); }
.finding.v-agreement { border-left-color: var(--agree); }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase;
  color: #fff; border-radius: 4px; padding: 0 .4rem; margin-right: .4rem; }
.v-conflict .badge { background: var(--conflict); }
.v-no_conflict .badge { background: var(--noconf); }
.v-agreement .badge { background: var(--agree); }
.meta { color: var(--muted); font-size: .85rem; }
.explanation { margin: .3rem 0; }
.claim { margin: .4rem 0 .2rem; }
.where { font-size: .85rem; font-weight: 600; }
.where code { font-weight: 400; }
blockquote { margin: .2rem 0 .2rem .4rem; padding-left: .7rem; border-left: 3px solid #ccc; }
.ctx { color: #888; }
.quote { color: #111; }
mark { background: #ffe08a; padding: 0 .1rem; }
.hidden { display: none !important; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.inferred { color: var(--noconf); font-weight: 600; }
.timeline { list-style: none; padding-left: 0; margin: .2rem 0 .8rem; }
.timeline li { padding: .1rem 0 .1rem .8rem; border-left: 2px solid #bbb; }
.timeline time { font-family: ui-monospace, monospace; display: inline-block; min-width: 9rem; }
footer { max-width: 1100px; margin: 2rem auto; padding: 0 1rem; color: var(--muted); }
"""

# Static: no article data is ever part of the script. It reads only data-* attributes set by
# the renderer (escaped) and writes only classes and one counter's textContent.
_JS = """
(function () {
  "use strict";
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".group"));
  var shown = document.getElementById("shown");
  var article = document.getElementById("f-article");
  function picked(cls) {
    var out = {};
    document.querySelectorAll("input." + cls).forEach(function (box) {
      if (box.checked) { out[box.value] = true; }
    });
    return out;
  }
  function apply() {
    var verdicts = picked("f-verdict"), kinds = picked("f-kind"), wanted = article.value;
    var count = 0;
    findings.forEach(function (f) {
      var ids = JSON.parse(f.getAttribute("data-articles"));
      var ok = verdicts[f.getAttribute("data-verdict")] === true &&
        kinds[f.getAttribute("data-kind")] === true &&
        (wanted === "" || ids.indexOf(wanted) !== -1);
      f.classList.toggle("hidden", !ok);
      if (ok) { count += 1; }
    });
    groups.forEach(function (g) {
      g.classList.toggle("hidden", g.querySelector(".finding:not(.hidden)") === null);
    });
    shown.textContent = count + " of " + findings.length + " findings shown";
  }
  document.querySelectorAll("#filters input, #filters select").forEach(function (el) {
    el.addEventListener("change", apply);
  });
  apply();
})();
"""


def _e(value: object) -> str:
    """Escape untrusted text for HTML content and quoted attributes."""
    return html.escape(clean(str(value)), quote=True)


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def sentence_context(text: str, body_start: int, start: int, end: int) -> tuple[str, str]:
    """About one sentence of `text` before `[start:end)` and one after (same rule as eval)."""
    before = text[body_start:start] if body_start <= start else text[:start]
    ends = [m.end() for m in _BOUNDARY.finditer(before)]
    cut = ends[-2] if len(ends) >= 2 else 0
    before_ctx = before[cut:]
    if len(before_ctx) > CONTEXT_LIMIT:
        before_ctx = "…" + before_ctx[-CONTEXT_LIMIT:]

    after = text[end:]
    matches = list(_BOUNDARY.finditer(after))
    if matches and matches[0].start() == 0:  # the quote ends its sentence
        lead = matches[0].end()
        stop = matches[1].start() + 1 if len(matches) > 1 else len(after)
    else:  # the quote stops mid-sentence: show the rest of that sentence
        lead = 0
        stop = matches[0].start() + 1 if matches else len(after)
    after_ctx = after[lead:stop].rstrip()
    if len(after_ctx) > CONTEXT_LIMIT:
        after_ctx = after_ctx[:CONTEXT_LIMIT] + "…"
    return before_ctx.strip(), after_ctx.strip()


def _quote_html(claim: Claim) -> str:
    span = highlight_span(claim)
    if span is None:
        return _e(claim.quote)
    a, b = span
    quote = claim.quote
    return f"{_e(quote[:a])}<mark>{_e(quote[a:b])}</mark>{_e(quote[b:])}"


def _claim_html(claim: Claim, articles: dict[str, Article]) -> str:
    before = after = ""
    article = articles.get(claim.article)
    if article is not None and article.text[claim.start : claim.end] == claim.quote:
        before, after = sentence_context(article.text, article.body_start, claim.start, claim.end)
    parts = []
    if before:
        parts.append(f'<span class="ctx">{_e(before)}</span> ')
    parts.append(f'<span class="quote">{_quote_html(claim)}</span>')
    if after:
        parts.append(f' <span class="ctx">{_e(after)}</span>')
    return (
        '<div class="claim">'
        f'<div class="where">{_e(claim.article)}:{claim.line} · <code>{_e(claim.value)}</code>'
        "</div>"
        f"<blockquote>{''.join(parts)}</blockquote></div>"
    )


def _finding_html(finding: Finding, articles: dict[str, Article]) -> str:
    ids = list(dict.fromkeys(c.article for c in finding.claims))
    verdict = finding.verdict.value
    claims = "".join(_claim_html(c, articles) for c in finding.claims)
    return (
        f'<article class="finding v-{_e(verdict)}" data-verdict="{_e(verdict)}" '
        f'data-kind="{_e(finding.kind)}" data-articles="{_e(json.dumps(ids))}">'
        f'<div><span class="badge">{_e(VERDICT_LABELS[finding.verdict])}</span>'
        f"<strong>{_e(finding.rule)}</strong> {_e(finding.rule_name)} "
        f'<span class="meta">· {_e(finding.kind)} · severity {_e(finding.severity.value)}'
        f" · confidence {finding.confidence:.2f} · {_e(finding.id)}</span></div>"
        f'<p class="explanation">{_e(finding.explanation)}</p>{claims}</article>'
    )


def _filters(report: Report) -> str:
    counts = verdict_counts(report.findings)
    verdicts = "".join(
        f'<label><input type="checkbox" class="f-verdict" value="{_e(v.value)}" checked> '
        f"{_e(VERDICT_LABELS[v])} ({counts[v]})</label>"
        for v in (Verdict.CONFLICT, Verdict.NO_CONFLICT, Verdict.AGREEMENT)
    )
    kinds = sorted({f.kind for f in report.findings})
    kind_boxes = "".join(
        f'<label><input type="checkbox" class="f-kind" value="{_e(k)}" checked> {_e(k)}</label>'
        for k in kinds
    )
    options = "".join(f'<option value="{_e(a.id)}">{_e(a.id)}</option>' for a in report.articles)
    total = len(report.findings)
    return (
        '<nav id="filters" aria-label="Filters">'
        f"<fieldset><legend>Verdict</legend>{verdicts}</fieldset>"
        f"<fieldset><legend>Kind</legend>{kind_boxes}</fieldset>"
        '<label><strong>Article</strong> <select id="f-article">'
        f'<option value="">all articles</option>{options}</select></label>'
        f'<span id="shown">{total} of {total} findings shown</span></nav>'
    )


def _published(day: date | None, inferred: bool) -> str:
    if day is None:
        return '<span class="inferred">unknown</span>'
    flag = ' <span class="inferred">(inferred)</span>' if inferred else ""
    return f"<time>{day.isoformat()}</time>{flag}"


def _articles_table(report: Report) -> str:
    rows = "".join(
        f"<tr><td><code>{_e(a.id)}</code></td><td>{_e(a.title)}</td>"
        f"<td>{_published(a.published, a.published_inferred)}</td>"
        f"<td>{_e(date_origin(a))}</td><td>{_text_origin_html(a)}</td></tr>"
        for a in report.articles
    )
    return (
        '<section class="block" id="articles"><h2>Articles</h2><table>'
        "<tr><th>id</th><th>title</th><th>published</th><th>date found</th>"
        "<th>text from</th></tr>"
        f"{rows}</table></section>"
    )


def _text_origin_html(entry: ArticleEntry) -> str:
    """The file, and for a page or an export record how its text was taken and where the
    copy the quotes refer to was kept."""
    parts = [f"<code>{_e(entry.path)}</code>"]
    if entry.row is not None:
        parts.append(f"row {entry.row}")
    if entry.text_note:
        parts.append(_e(entry.text_note))
    if entry.origin != "file" and entry.text_file:
        parts.append(f"text kept in <code>{_e(entry.text_file)}</code>")
    return " · ".join(parts)


def _dated_facts(
    report: Report, facts: Sequence[ArticleFacts] | None, articles: dict[str, Article]
) -> dict[str, list[tuple[str, str, str]]]:
    """article id -> sorted (value, what, where) of dated facts.

    From the extracted events (with their time) when the facts are given, else from the
    finding claims whose compared value is a date.
    """
    out: dict[str, dict[tuple[str, str], str]] = {a.id: {} for a in report.articles}
    if facts:
        for af in facts:
            bucket = out.setdefault(af.article, {})
            for event in af.events:
                if event.time is None or not _DATE_VALUE.match(event.time.value):
                    continue
                what = f"{event.trigger} {event.theme}".strip() + f" ({event.time.text})"
                bucket.setdefault((event.time.value, what), f"line {event.evidence.line}")
            if not bucket:
                article = articles.get(af.article)
                for t in af.timexes:
                    if t.type == "DATE" and _DATE_VALUE.match(t.value):
                        line = article.line_of(t.start) if article else 0
                        bucket.setdefault((t.value, t.text), f"line {line}")
    else:
        for finding in report.findings:
            for claim in finding.claims:
                if _DATE_VALUE.match(claim.value):
                    what = f"{finding.subject} ({claim.detail.get('text', claim.value)})"
                    out.setdefault(claim.article, {}).setdefault(
                        (claim.value, what), f"line {claim.line}"
                    )
    return {k: [(v, w, where) for (v, w), where in sorted(d.items())] for k, d in out.items()}


def _timeline(
    report: Report, facts: Sequence[ArticleFacts] | None, articles: dict[str, Article]
) -> str:
    dated = _dated_facts(report, facts, articles)
    parts = ['<section class="block" id="timeline"><h2>Timeline of dated facts</h2>']
    for a in report.articles:
        items = dated.get(a.id, [])
        parts.append(
            f"<h3><code>{_e(a.id)}</code> · published "
            f"{_published(a.published, a.published_inferred)}</h3>"
        )
        if not items:
            parts.append('<p class="meta">No dated facts.</p>')
            continue
        parts.append('<ul class="timeline">')
        parts += [
            f"<li><time>{_e(value)}</time> {_e(what)} <span class='meta'>{_e(where)}</span></li>"
            for value, what, where in items
        ]
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _copies(report: Report) -> str:
    if not report.copies:
        return ""
    items = "".join(f"<li>{_e(g.describe())}</li>" for g in report.copies)
    return f'<section class="block" id="copies"><h2>Copies</h2><ul>{items}</ul></section>'


def _problems(report: Report) -> str:
    if not report.problems:
        return ""
    items = "".join(
        f"<li><strong>{_e(p.code)}</strong> <code>{_e(p.path)}</code>: {_e(p.message)}</li>"
        for p in report.problems
    )
    return f'<section class="block" id="problems"><h2>Problems</h2><ul>{items}</ul></section>'


def render_html(
    report: Report,
    articles: Sequence[Article] | None = None,
    facts: Sequence[ArticleFacts] | None = None,
) -> str:
    """The report as one HTML document. Pass the articles for context around each quote and
    the facts for a fuller timeline; without them the report alone is used."""
    by_id = {a.id: a for a in articles or []}
    counts = verdict_counts(report.findings)
    summary = (
        f"{plural(counts[Verdict.CONFLICT], 'conflict')} · "
        f"{counts[Verdict.NO_CONFLICT]} no conflict · "
        f"{plural(counts[Verdict.AGREEMENT], 'agreement')} · "
        f"{plural(len(report.problems), 'problem')} · "
        f"{plural(len(report.articles), 'article')}"
    )
    groups = "".join(
        f'<section class="group"><h2>{_e(subject)}</h2>'
        + "".join(_finding_html(f, by_id) for f in members)
        + "</section>"
        for subject, members in group_findings(report.findings)
    )
    if not groups:
        groups = '<p class="meta">No findings.</p>'
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src '{_script_hash(_JS)}'; img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>checker report</title><style>{_CSS}</style></head><body>"
        f'<header><h1>checker report</h1><p class="summary">{_e(summary)} '
        f"({_e(report.tool)} {_e(report.tool_version)}, schema {report.schema_version})</p>"
        f"</header>{_filters(report)}<main id='findings'>{groups}</main>"
        f"{_timeline(report, facts, by_id)}{_articles_table(report)}{_copies(report)}"
        f"{_problems(report)}"
        f"<footer>Generated by checker. Article text is shown escaped.</footer>"
        f"<script>{_JS}</script></body></html>\n"
    )
