"""`checker why A.txt:LINE B.txt:LINE`: what the checker made of two sentences, and why.

It runs the checker on the folder that holds the two articles (as `checker run` would) and
shows, for the values read on each line: their frames (attribute, value, own time, source), and
for every pair of them the stage that decided — never a candidate (different stories or
attributes), stopped by a gate, scored below the threshold, matched elsewhere, or compared —
with the features, their reasons and the score. Findings that quote both lines are listed last.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from checker.align.gates import GATES
from checker.commands.checked import fail
from checker.models.frames import Frame
from checker.textutil import safe_terminal


def _target(spec: str) -> tuple[Path, int]:
    path_text, sep, line_text = spec.rpartition(":")
    if not sep or not line_text.isdigit() or not path_text:
        raise fail(f"'{spec}' is not FILE:LINE (for example article.txt:12)")
    path = Path(path_text)
    if not path.is_file():
        raise fail(f"{path_text}: no such article file")
    return path, int(line_text)


def why(
    first: Annotated[str, typer.Argument(help="FILE:LINE of the first sentence.")],
    second: Annotated[str, typer.Argument(help="FILE:LINE of the second sentence.")],
    folder: Annotated[
        Path | None,
        typer.Option("--folder", help="Folder to run on (default: the folder of the files)."),
    ] = None,
) -> None:
    """Explain what was compared between two sentences, and why a pair was or was not flagged."""
    from checker.run import check

    (pa, la), (pb, lb) = _target(first), _target(second)
    roots = [folder] if folder else sorted({pa.parent, pb.parent})
    result = check(roots)
    by_path = {a.path.resolve(): a for a in result.articles}
    arts = [by_path.get(p.resolve()) for p in (pa, pb)]
    for p, art in zip((pa, pb), arts, strict=True):
        if art is None:
            problems = [x for x in result.report.problems if Path(x.path).resolve() == p.resolve()]
            why_not = f" ({problems[0].code} {problems[0].message})" if problems else ""
            raise fail(f"{p}: not among the articles checked{why_not}")
    a_art, b_art = arts
    story = {x: s for s in result.stories for x in s.articles}
    out = typer.echo
    out(f"stories: {a_art.id} in {story[a_art.id].id}, {b_art.id} in {story[b_art.id].id}")
    if story[a_art.id].id != story[b_art.id].id:
        out("  the articles are in different stories: their values are never compared")
    frames = {f.article: f.frames for f in result.facts}
    fa = [f for f in frames[a_art.id] if f.evidence.line <= la <= _last_line(f)]
    fb = [f for f in frames[b_art.id] if f.evidence.line <= lb <= _last_line(f)]
    out(f"\nvalues on {pa}:{la}")
    _frames(fa)
    out(f"values on {pb}:{lb}")
    _frames(fb)
    decided = {
        (d.a.id, d.b.id): d
        for d in result.decisions
        if {d.a.article, d.b.article} == {a_art.id, b_art.id}
    }
    out("\npairs")
    if not fa or not fb:
        out("  none: a line states no value the checker reads")
    for x in fa:
        for y in fb:
            d = decided.get((x.id, y.id)) or decided.get((y.id, x.id))
            head = f"  {safe_terminal(x.text)} ↔ {safe_terminal(y.text)}: "
            if d is None:
                out(head + _never(x, y, story[a_art.id].id == story[b_art.id].id))
                continue
            out(head + f"{d.stage}: {safe_terminal(d.reason)}")
            for fv in d.features:
                out(f"      {fv.name:<20} {fv.value:5.2f}  {safe_terminal(fv.reason)}")
            if d.score is not None:
                out(f"      {'probability':<20} {d.score.probability:5.2f}")
    hits = [
        f
        for f in result.report.findings
        if any(c.article == a_art.id and c.line == la for c in f.claims)
        and any(c.article == b_art.id and c.line == lb for c in f.claims)
    ]
    out("\nfindings quoting both lines")
    for f in hits:
        out(
            f"  {f.id} {f.rule} {f.rule_name} [{f.verdict.value}] {safe_terminal(f.subject)}: "
            f"{safe_terminal(f.explanation)}"
        )
    if not hits:
        out("  none")
    out("\ngates: " + "; ".join(f"{g.code} {g.name}" for g in GATES))


def _last_line(f: Frame) -> int:
    return f.evidence.line + f.evidence.quote.count("\n")


def _frames(frames: list[Frame]) -> None:
    if not frames:
        typer.echo("  (no values)")
    for f in frames:
        extra = [
            f"cue '{f.cue}'" if f.cue else "no cue word",
            f"year {f.year}" if f.year else "",
            f"day {f.day}" if f.day else "",
            f"background: {f.background}" if f.background else "",
            f"source {f.source}" if f.source else "",
            f"{f.modality.value}",
        ]
        typer.echo(
            f"  {safe_terminal(f.text)} → {f.attribute_label} ({f.attribute}, {f.measure}) "
            f"= {f.value:g} [{f.low:g}, {f.high:g}]; " + ", ".join(e for e in extra if e)
        )


def _never(x: Frame, y: Frame, same_story: bool) -> str:
    if not same_story:
        return "never a candidate: the articles are in different stories"
    if (x.attribute, x.measure) != (y.attribute, y.measure):
        return (
            f"never a candidate: they measure different things "
            f"({x.attribute_label} / {y.attribute_label})"
        )
    return "never a candidate"
