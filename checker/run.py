"""The whole pipeline for a set of articles: ingest → extract → align → rules → report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker import __version__
from checker.align.blocking import ArticlePairs, fold_copy_agreements
from checker.align.copies import find_copies
from checker.align.frames import Decision, align_frames
from checker.align.gates import kept_apart
from checker.align.pairs import PairBuilder
from checker.align.placings import placing_comparisons
from checker.align.score import load_weights
from checker.align.spellings import spelling_comparisons
from checker.align.story import Story, group_stories, with_copies
from checker.cache.copies import cached_copies
from checker.cache.dates import CachedGuesses
from checker.cache.key import run_fingerprint
from checker.cache.pairs import PairMemo
from checker.cache.places import PlaceAnswers
from checker.errors import CheckerError, CheckerWarning
from checker.execute.extract import IN_PROCESS, ExecOptions, Extraction, extract_all
from checker.extract.gazetteer_store import take_warnings as gazetteer_warnings
from checker.extract.pipeline import Context
from checker.ingest import load_paths
from checker.ingest.files import DEFAULT_LIMITS, ReadLimits
from checker.ingest.siblings import date_from_siblings
from checker.memory import cycles_unchecked
from checker.models.article import Article
from checker.models.facts import ArticleFacts
from checker.models.report import Problem, Report, StoryEntry, Verdict
from checker.report.provenance import article_entry
from checker.rules.engine import OPERATORS, Engine
from checker.rules.fold import fold_one_fact
from checker.rules.inferred import mark_inferred_dates
from checker.rules.loader import RuleSet, load_rules
from checker.rules.paths import default_rules_dir
from checker.rules.schema import Rule

ProgressFn = Callable[[str], None]
WEIGHTS_FILE = Path("align") / "weights.yaml"


def new_only(candidates: list, judged: list) -> list:
    """The comparisons of `candidates` that `judged` leaves unjudged: a sentence pair of the
    same kind is judged once, by `judged`, where it marks the same words on either side.

    Both the fact frames and the older claim path read numbers while the claim path is being
    replaced; the run passes the claim path's comparisons as candidates and the frames' as
    judged.
    """

    def key(c) -> tuple:
        sides = sorted((s.article, s.evidence.start, s.evidence.end) for s in (c.a, c.b))
        return (c.kind, *sides)

    def values(c) -> list[tuple[str, int, int]]:
        return [(s.article, *s.highlight) for s in (c.a, c.b) if s.highlight is not None]

    def same_values(x, y) -> bool:
        # Judged already when the judged comparison marks the same words on either side.
        return any(
            va[0] == vb[0] and va[1] < vb[2] and vb[1] < va[2]
            for va in values(x)
            for vb in values(y)
        ) or not values(y)

    seen: dict[tuple, list] = {}
    for c in judged:
        seen.setdefault(key(c), []).append(c)
    return [c for c in candidates if not any(same_values(c, o) for o in seen.get(key(c), []))]


def not_gated(candidates: list, decisions: list[Decision]) -> list:
    """The comparisons of `candidates` whose two values no frame gate stopped: a gate (a part
    and its whole, background against the story, …) is a decision with a stated reason, and
    the older claim path must not compare what a gate kept apart."""
    # by pair of articles: a large folder has many gated frame pairs and many candidates
    gated: dict[frozenset[str], list[tuple[tuple, tuple]]] = defaultdict(list)
    for d in decisions:
        if d.stage == "gate" and kept_apart(d.reason):
            spans = ((d.a.article, d.a.start, d.a.end), (d.b.article, d.b.start, d.b.end))
            gated[frozenset((d.a.article, d.b.article))].append(spans)
    if not gated:
        return candidates

    def over(side, span) -> bool:
        return (
            side.highlight is not None
            and side.article == span[0]
            and side.highlight[0] < span[2]
            and span[1] < side.highlight[1]
        )

    def stopped(c) -> bool:
        return any(
            over(c.a, x) and over(c.b, y) or over(c.a, y) and over(c.b, x)
            for x, y in gated.get(frozenset((c.a.article, c.b.article)), ())
        )

    return [c for c in candidates if not stopped(c)]


def weights_for(root: Path):
    """The scorer weights of a rules folder; a folder without them uses the default ones."""
    path = root / WEIGHTS_FILE
    return load_weights(path if path.is_file() else default_rules_dir() / WEIGHTS_FILE)


def _attributes_with(ctx: Context, flag: str) -> frozenset[str]:
    return frozenset(e.id for e in ctx.vocab.entries("attributes") if getattr(e, flag, False))


def cumulative(ctx: Context) -> set[str]:
    """Attributes whose tallies grow while a story unfolds (a later higher figure revises)."""
    return set(_attributes_with(ctx, "cumulative"))


def parts_of(ctx: Context) -> dict[str, str]:
    """Attributes that are a part of another (crew → aboard): a sentence's parts add up."""
    return {e.id: e.part_of for e in ctx.vocab.entries("attributes") if getattr(e, "part_of", None)}


def fallbacks(ctx: Context) -> frozenset[str]:
    """Attributes a value gets when no cue word names it (a measure's default: 'length')."""
    return _attributes_with(ctx, "fallback")


@dataclass
class RunResult:
    report: Report
    articles: list[Article]
    facts: list[ArticleFacts] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)  # every frame pair considered
    warnings: list[CheckerWarning] = field(default_factory=list)  # about the run, not articles
    rules: list[Rule] = field(default_factory=list)  # the rule set the run judged with


def _load(
    paths: Iterable[Path], limits: ReadLimits, root: Path, model: str, options: ExecOptions
) -> tuple[list[Article], list[CheckerError], list[CheckerWarning]]:
    """The articles under `paths`, dated with the guesses the facts cache keeps (if any)."""
    warnings: list[CheckerWarning] = []
    if options.cache_dir is None:
        return *load_paths(paths, limits), warnings
    fingerprint = run_fingerprint(root, model)
    guesses = CachedGuesses.open(options.cache_dir, fingerprint, warnings.append)
    try:
        articles, errors = load_paths(paths, limits, guesses)
    finally:
        guesses.close()
    return articles, errors, warnings


def _problem(err: CheckerError) -> Problem:
    return Problem(path=err.path or "", code=err.code, message=err.message)


def check(
    paths: Iterable[Path],
    *,
    rules_dir: Path | None = None,
    preview: bool = False,
    progress: ProgressFn | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    options: ExecOptions = IN_PROCESS,
) -> RunResult:
    """Check the articles under `paths`. Broken articles become report problems, not exceptions.
    `options` say how extraction runs (processes, cache, Dask); the findings never depend on it.

    Raises `RuleSetError` when the rules folder is invalid (a usage error: nothing can be judged).
    """
    root = rules_dir or default_rules_dir()
    ruleset = load_rules(root, OPERATORS)
    engine = Engine.from_ruleset(ruleset, preview=preview)
    ctx = Context(rules_dir=root, loaded_vocab=ruleset.vocab)
    articles, errors, date_warnings = _load(paths, limits, root, ctx.model_name, options)
    articles = date_from_siblings(articles)
    problems = [_problem(e) for e in errors]

    got = extract_all(articles, ctx, options, progress)
    got.warnings[:0] = date_warnings
    problems += [_problem(e) for e in got.problems]
    with cycles_unchecked():
        return _judge(got, problems, ctx, engine, ruleset, root, options)


def _judge(
    got: Extraction,
    problems: list[Problem],
    ctx: Context,
    engine: Engine,
    ruleset: RuleSet,
    root: Path,
    options: ExecOptions,
) -> RunResult:
    """Align the extracted facts, judge them with the rules and make the report."""
    kept = got.articles
    facts = [x.facts for x in got.extracted]
    sentence_of = {x.facts.article: x.sentence_finder() for x in got.extracted}

    by_id = {a.id: a for a in kept}
    copies = cached_copies(kept, find_copies, options.cache_dir, got.keys, got.warnings.append)
    article_pairs = ArticlePairs(copies)
    memo = PairMemo.open(options.cache_dir, got.keys, got.warnings.append)
    # The gazetteer is loaded only for a question the cache has no answer to.
    places = PlaceAnswers.open(
        options.cache_dir, got.fingerprint, lambda: ctx.gazetteer, got.warnings.append
    )
    try:
        builder = PairBuilder(by_id, ctx.vocab, places, article_pairs, memo)
        comparisons = builder.build(facts, sentence_of)
    finally:
        memo.close()
        places.close()
    got.warnings.extend(gazetteer_warnings())  # the derived file, if alignment loaded it
    # A copy tells its original's story: only originals and other articles are grouped.
    # Stated publication dates only: a date guessed from a sibling would bring the two together.
    stated = {a.id: a.published for a in kept if a.published and not a.published_inferred}
    stories = with_copies(
        group_stories(
            [f for f in facts if f.article not in article_pairs.original_of], published=stated
        ),
        copies,
    )
    if options.facts_dir is not None:
        from checker.execute.parquet import write_facts

        write_facts(options.facts_dir, got.extracted, stories)
    frames = align_frames(
        facts,
        by_id,
        stories,
        weights_for(root),
        cumulative(ctx),
        fallbacks(ctx),
        article_pairs,
        parts_of(ctx),
    )
    # Frames judge the values they compare; the older claim path keeps the rest.
    comparisons = not_gated(new_only(comparisons, frames.comparisons), frames.decisions)
    comparisons += frames.comparisons
    comparisons += spelling_comparisons(facts, stories, article_pairs)
    comparisons += placing_comparisons(facts, stories, article_pairs)
    findings, folded = fold_copy_agreements(fold_one_fact(engine.run(comparisons)), article_pairs)
    findings = mark_inferred_dates(findings, by_id, {f.article: f for f in facts})
    summary = {v.value: sum(f.verdict == v for f in findings) for v in Verdict}
    summary["articles"] = len(kept)
    summary["problems"] = len(problems)
    summary["copies"] = len(article_pairs.original_of)
    summary["copy_agreements_not_listed"] = folded
    summary["article_pairs"] = article_pairs.total(by_id)
    summary["frame_pairs"] = len(frames.decisions)
    report = Report(
        tool_version=__version__,
        articles=[article_entry(a) for a in kept],
        findings=findings,
        problems=problems,
        summary=summary,
        stories=[
            StoryEntry(id=s.id, articles=list(s.articles), label=s.label, why=s.why)
            for s in stories
        ],
        copies=copies,
    )
    return RunResult(
        report=report,
        articles=kept,
        facts=facts,
        stories=stories,
        decisions=frames.decisions,
        warnings=got.warnings,
        rules=list(ruleset.rules),
    )
