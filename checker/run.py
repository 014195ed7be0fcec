"""The whole pipeline for a set of articles: ingest → extract → align → rules → report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker import __version__
from checker.align.pairs import PairBuilder
from checker.errors import CheckerError
from checker.extract.pipeline import Context, Extractor
from checker.ingest import load_paths
from checker.models.article import Article
from checker.models.facts import ArticleFacts
from checker.models.report import ArticleEntry, Problem, Report, Verdict
from checker.rules.engine import OPERATORS, Engine
from checker.rules.loader import load_rules
from checker.rules.paths import default_rules_dir

ProgressFn = Callable[[str], None]


@dataclass
class RunResult:
    report: Report
    articles: list[Article]
    facts: list[ArticleFacts] = field(default_factory=list)


def _problem(err: CheckerError) -> Problem:
    return Problem(path=err.path or "", code=err.code, message=err.message)


def check(
    paths: Iterable[Path],
    *,
    rules_dir: Path | None = None,
    preview: bool = False,
    progress: ProgressFn | None = None,
) -> RunResult:
    """Check the articles under `paths`. Broken articles become report problems, not exceptions.

    Raises `RuleSetError` when the rules folder is invalid (a usage error: nothing can be judged).
    """
    root = rules_dir or default_rules_dir()
    ruleset = load_rules(root, OPERATORS)
    engine = Engine.from_ruleset(ruleset, preview=preview)
    articles, errors = load_paths(paths)
    problems = [_problem(e) for e in errors]

    ctx = Context(rules_dir=root)
    extractor = Extractor(ctx)
    facts: list[ArticleFacts] = []
    sentence_of: dict[str, Callable[[int], int]] = {}
    kept: list[Article] = []
    for art in articles:
        if progress is not None:
            progress(art.id)
        try:
            adoc = extractor.read(art)
        except CheckerError:
            raise
        except Exception as exc:  # one article must never sink the run
            problems.append(
                Problem(
                    path=str(art.path),
                    code="E009",
                    message=f"could not be analysed ({type(exc).__name__}: {exc}); skipped",
                )
            )
            continue
        kept.append(art)
        facts.append(adoc.to_facts(ctx.vocab))
        sentence_of[art.id] = adoc.sentence_index

    builder = PairBuilder({a.id: a for a in kept}, ctx.vocab, ctx.gazetteer)
    comparisons = builder.build(facts, sentence_of)
    findings = engine.run(comparisons)
    summary = {v.value: sum(f.verdict == v for f in findings) for v in Verdict}
    summary["articles"] = len(kept)
    summary["problems"] = len(problems)
    report = Report(
        tool_version=__version__,
        articles=[
            ArticleEntry(
                id=a.id,
                path=str(a.path),
                title=a.title,
                published=a.published,
                published_inferred=a.published_inferred,
                published_note=a.published_note,
            )
            for a in kept
        ],
        findings=findings,
        problems=problems,
        summary=summary,
    )
    return RunResult(report=report, articles=kept, facts=facts)
