"""Extract every article of a run: from the facts cache when it holds them, the rest with the
chosen executor, in chunks that are stored in the cache as soon as they are read."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import checker
from checker.cache.key import article_key, run_fingerprint
from checker.cache.store import FactsCache, unreadable
from checker.errors import CheckerError, CheckerWarning
from checker.execute.work import Outcome, chunked
from checker.extract.gazetteer_store import take_warnings as gazetteer_warnings
from checker.extract.pipeline import Context
from checker.memory import cycles_unchecked
from checker.models.article import Article
from checker.models.extracted import Extracted

ProgressFn = Callable[[str], None]
EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class ExecOptions:
    """How a run is carried out. The findings never depend on any of it."""

    jobs: int = 1  # processes on this machine (local) or workers of a new local cluster (dask)
    cache_dir: Path | None = None  # None: no facts cache
    executor: str = "local"
    scheduler: str | None = None  # address of a running Dask scheduler
    facts_dir: Path | None = None  # write the facts there as Parquet, by story
    # Fewest articles to give each local process: a worker takes as long to start (spaCy, the
    # gazetteer) as reading about this many articles takes.
    per_process: int = 24


IN_PROCESS = ExecOptions()  # the library default: no worker processes, no cache


@dataclass
class Extraction:
    """The articles that could be read with their records (same order), and the rest."""

    articles: list[Article] = field(default_factory=list)
    extracted: list[Extracted] = field(default_factory=list)
    problems: list[CheckerError] = field(default_factory=list)  # E009, in article order
    warnings: list[CheckerWarning] = field(default_factory=list)
    from_cache: int = 0  # records read from the facts cache
    # Article id -> facts cache key, when the cache was used throughout (`checker.cache.pairs`).
    keys: dict[str, str] = field(default_factory=dict)
    fingerprint: str | None = None  # the run's (`run_fingerprint`), when the cache was used


def extract_all(
    articles: list[Article],
    ctx: Context,
    options: ExecOptions = IN_PROCESS,
    progress: ProgressFn | None = None,
) -> Extraction:
    """Every article's record, in the order given. Raises `CheckerError` on a usage error."""
    out = Extraction()
    slots: list[Extracted | str | None] = [None] * len(articles)  # str: why it failed
    keys = _Keys(articles, ctx, options.cache_dir, out.warnings.append)
    try:
        with cycles_unchecked():  # a folder's cached records are many small objects
            found = keys.cached()
        for i, record in found.items():
            slots[i] = record
            out.from_cache += 1
            if progress is not None:
                progress(articles[i].id)
        todo = [i for i, slot in enumerate(slots) if slot is None]
        jobs = options.jobs
        if options.executor == "local":
            jobs = max(1, min(jobs, len(todo) // max(options.per_process, 1)))
        chunks = chunked(todo, jobs)
        batches = [[articles[i] for i in chunk] for chunk in chunks]
        for c, outcomes in _run(options, batches, ctx, jobs):
            fresh: list[tuple[int, bytes]] = []
            for i, outcome in zip(chunks[c], outcomes, strict=True):
                slots[i] = _record(outcome)
                if outcome.data is not None:
                    fresh.append((i, outcome.data))
                if progress is not None:
                    progress(articles[i].id)
            keys.store(fresh)  # chunk by chunk: a run stopped half-way keeps what it read
        if keys.cache is not None:
            out.keys = {a.id: k for a, k in zip(articles, keys.keys, strict=True)}
            out.fingerprint = keys.fingerprint
    finally:
        keys.close()
    out.warnings.extend(gazetteer_warnings())  # the derived file, if loading it went wrong
    for article, slot in zip(articles, slots, strict=True):
        if isinstance(slot, Extracted):
            out.articles.append(article)
            out.extracted.append(slot)
        else:
            reason = slot or "not extracted"
            out.problems.append(CheckerError.make("E009", path=str(article.path), reason=reason))
    return out


def _record(outcome: Outcome) -> Extracted | str:
    if outcome.data is None:
        return outcome.error or "no facts"
    return Extracted.from_bytes(outcome.data)


def _run(
    options: ExecOptions, chunks: list[list[Article]], ctx: Context, jobs: int
) -> Iterator[tuple[int, list[Outcome]]]:
    if not chunks:
        return iter(())
    if options.executor == "dask":
        from checker.execute.dask import run_dask

        return run_dask(chunks, ctx, options.scheduler, jobs)
    from checker.execute.local import run_local

    return run_local(chunks, ctx, jobs)


class _Keys:
    """The cache as this run sees it: article keys, and warnings instead of failures."""

    def __init__(
        self,
        articles: list[Article],
        ctx: Context,
        folder: Path | None,
        warn: Callable[[CheckerWarning], None],
    ) -> None:
        self.articles = articles
        self.warn = warn
        self.cache = FactsCache.open(folder, warn) if folder is not None else None
        self.keys: list[str] = []
        self.fingerprint: str | None = None
        if self.cache is not None:
            from checker.rules.paths import default_rules_dir

            root = Path(ctx.rules_dir) if ctx.rules_dir else default_rules_dir()
            self.fingerprint = run_fingerprint(root, ctx.model_name)
            self.keys = [article_key(self.fingerprint, a) for a in articles]

    def cached(self) -> dict[int, Extracted]:
        """Article index -> record, for the articles whose cached record is sound."""
        if self.cache is None:
            return {}
        try:
            found = self.cache.get_many(self.keys)
        except sqlite3.Error as exc:
            return self._give_up(exc)
        out: dict[int, Extracted] = {}
        for i, key in enumerate(self.keys):
            if key not in found:
                continue
            record = self._check(self.articles[i], *found[key])
            if record is not None:
                out[i] = record
        return out

    def _check(self, article: Article, version: str, data: bytes) -> Extracted | None:
        reason = None
        if version != checker.__version__:
            reason = f"written by checker {version}"
        else:
            try:
                record = Extracted.from_bytes(data)
            except Exception as exc:  # garbage bytes, invalid JSON, a failing validation
                reason = unreadable(exc)
            else:
                if record.facts.article == article.id:
                    return record
                reason = f"it holds article '{record.facts.article}'"
        shown = str(self.cache.path) if self.cache is not None else ""
        self.warn(CheckerWarning.make("W303", path=shown, article=article.id, reason=reason))
        return None

    def store(self, fresh: list[tuple[int, bytes]]) -> None:
        if self.cache is None or not fresh:
            return
        try:
            self.cache.put_many((self.keys[i], self.articles[i].id, data) for i, data in fresh)
        except sqlite3.Error as exc:
            self._give_up(exc)

    def _give_up(self, exc: sqlite3.Error) -> dict[int, Extracted]:
        # A cache that fails half-way (disk full, a damaged page) is dropped for this run.
        assert self.cache is not None
        reason = " ".join(str(exc).split())[:160]
        self.warn(CheckerWarning.make("W301", path=str(self.cache.path), reason=reason))
        self.close()
        return {}

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()
            self.cache = None
