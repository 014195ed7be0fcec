"""Extraction on a Dask cluster: a map over partitions (chunks) of articles.

Each worker builds one extractor and keeps it for every partition it reads. Workers need checker
and the spaCy model installed, not the rules folder: the vocabulary is sent to them once. The
records come back to this process, where the run aligns them as a local run does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from checker.errors import CheckerError
from checker.execute.work import Outcome, extract_chunk
from checker.extract.pipeline import Context, Extractor
from checker.models.article import Article

CONNECT_SECONDS = 30.0  # to reach a --scheduler address

_extractors: dict[tuple[str, int], Extractor] = {}  # in a worker: (model, id(vocab)) -> one


def _work(chunk: list[Article], model: str, vocab: object) -> list[Outcome] | CheckerError:
    # The scattered vocabulary is one object per worker, so its id names it while it lives.
    key = (model, id(vocab))
    if key not in _extractors:
        _extractors[key] = Extractor(Context(model=model, loaded_vocab=vocab))
    try:
        return extract_chunk(_extractors[key], chunk)
    except CheckerError as err:  # returned, not raised: the client raises it as it is
        return err


@contextmanager
def _client(scheduler: str | None, jobs: int) -> Iterator[object]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise CheckerError.make("E302", feature="--executor dask", extra="dask") from None
    if scheduler is None:  # a cluster of this machine's processes, for the run only
        with (
            LocalCluster(
                n_workers=max(jobs, 1),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise CheckerError.make("E303", address=scheduler, reason=reason) from None
    with client:
        yield client


def run_dask(
    chunks: list[list[Article]], ctx: Context, scheduler: str | None, jobs: int
) -> Iterator[tuple[int, list[Outcome]]]:
    """(chunk index, outcomes) for every chunk, in the order they finish."""
    with _client(scheduler, jobs) as client:
        from distributed import as_completed

        vocab = client.scatter(ctx.vocab, broadcast=True)
        futures = client.map(_work, chunks, model=ctx.model_name, vocab=vocab, pure=False)
        index = {future.key: i for i, future in enumerate(futures)}
        for future in as_completed(futures):
            result = future.result()
            if isinstance(result, CheckerError):
                raise result
            yield index[future.key], result
