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

_extractor: Extractor | None = None  # one per worker process, built by `_start_worker`


def _start_worker(rules_dir: object, model: str | None, vocab: object) -> None:
    global _extractor
    _extractor = Extractor(Context(rules_dir=rules_dir, model=model, loaded_vocab=vocab))


def _work(chunk: list[Article]) -> list[Outcome] | CheckerError:
    assert _extractor is not None, "the pool initializer builds the extractor"
    try:
        return extract_chunk(_extractor, chunk)
    except CheckerError as err:  # returned, not raised: it crosses the process boundary intact
        return err


def run_local(
    chunks: list[list[Article]], ctx: Context, jobs: int
) -> Iterator[tuple[int, list[Outcome]]]:
    """(chunk index, outcomes) for every chunk, in the order they finish."""
    if jobs <= 1 or len(chunks) <= 1:
        extractor = Extractor(ctx)
        for i, chunk in enumerate(chunks):
            yield i, extract_chunk(extractor, chunk)
        return
    # Spawned workers share nothing with this process, so the pool behaves alike everywhere.
    spawn = multiprocessing.get_context("spawn")
    init = (ctx.rules_dir, ctx.model_name, ctx.vocab)
    pool = ProcessPoolExecutor(jobs - 1, mp_context=spawn, initializer=_start_worker, initargs=init)
    with pool:
        yield from _share(chunks, ctx, pool, in_flight=2 * (jobs - 1))


def _share(
    chunks: list[list[Article]], ctx: Context, pool: ProcessPoolExecutor, in_flight: int
) -> Iterator[tuple[int, list[Outcome]]]:
    # The pool takes chunks from the front, this process from the back; they meet in between.
    front, back = 0, len(chunks) - 1
    running: dict[Future, int] = {}
    extractor = Extractor(ctx)
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
