"""Extraction on the cores of this machine: this process reads chunks too, `jobs - 1` worker
processes read the others. Chunks come back as they finish, with their index."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from checker.errors import CheckerError
from checker.execute.work import Outcome, extract_chunk
from checker.extract.pipeline import Context, Extractor
from checker.models.article import Article

# The extractor of this process. A forked worker inherits the parent's, loaded already (spaCy and
# the gazetteer shared copy-on-write); a spawned one builds its own in `_start_worker`.
_extractor: Extractor | None = None


def _start_worker(rules_dir: object, model: str | None, vocab: object) -> None:
    global _extractor
    if _extractor is None:
        _extractor = Extractor(Context(rules_dir=rules_dir, model=model, loaded_vocab=vocab))


def _work(chunk: list[Article]) -> list[Outcome] | CheckerError:
    assert _extractor is not None, "the pool initializer builds the extractor"
    try:
        return extract_chunk(_extractor, chunk)
    except CheckerError as err:  # returned, not raised: it crosses the process boundary intact
        return err


def run_local(
    chunks: list[list[Article]], ctx: Context, jobs: int, start: str | None = None
) -> Iterator[tuple[int, list[Outcome]]]:
    """(chunk index, outcomes) for every chunk, in the order they finish. `start` is the way
    workers are started (multiprocessing's fork or spawn; default: fork where there is one)."""
    global _extractor
    extractor = Extractor(ctx)
    if jobs <= 1 or len(chunks) <= 1:
        for i, chunk in enumerate(chunks):
            yield i, extract_chunk(extractor, chunk)
        return
    extractor.load()  # before the fork, so that workers start with it loaded
    _extractor = extractor
    # Fork where there is one: a worker starts at once instead of loading spaCy and the
    # gazetteer again (seconds of a core each). Spawn elsewhere; the workers then build their own.
    if start is None:
        start = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    init = (ctx.rules_dir, ctx.model_name, ctx.vocab)
    pool = ProcessPoolExecutor(
        jobs - 1,
        mp_context=multiprocessing.get_context(start),
        initializer=_start_worker,
        initargs=init,
    )
    try:
        with pool:
            yield from _share(chunks, extractor, pool, in_flight=2 * (jobs - 1))
    finally:
        _extractor = None


def _share(
    chunks: list[list[Article]], extractor: Extractor, pool: ProcessPoolExecutor, in_flight: int
) -> Iterator[tuple[int, list[Outcome]]]:
    # The pool takes chunks from the front, this process from the back; they meet in between.
    front, back = 0, len(chunks) - 1
    running: dict[Future, int] = {}
    while front <= back or running:
        while len(running) < in_flight and front <= back:
            running[pool.submit(_work, chunks[front])] = front
            front += 1
        if front <= back:
            yield back, extract_chunk(extractor, chunks[back])
            back -= 1
            done = [f for f in running if f.done()]
        else:
            done = list(wait(running, return_when=FIRST_COMPLETED).done)
        for future in done:
            result = future.result()
            if isinstance(result, CheckerError):
                raise result
            yield running.pop(future), result
