"""Extraction on several processes, in batches, on Dask: the findings never change."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.execute.extract import ExecOptions, extract_all
from checker.extract.pipeline import Context, Extractor
from checker.ingest import load_paths
from checker.models.extracted import Extracted
from checker.run import check

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three stories, nine English articles and one German one (problem E008)."""
    out = tmp_path_factory.mktemp("articles")
    for story in ("festival_storm", "harbour_accord"):
        for path in sorted((DATA / "dev_stories" / story).glob("*.txt")):
            shutil.copy(path, out / f"{story}_{path.name}")
    for path in sorted((DATA / "stories").glob("*.txt")):
        shutil.copy(path, out / path.name)
    return out


@pytest.fixture(scope="module")
def reference(folder: Path) -> str:
    """The JSON report of a plain run: one process, no cache."""
    report = check([folder]).report
    assert report.findings, "the folder must give findings for the comparison to mean much"
    return report.model_dump_json()


def test_two_processes_with_and_without_cache_give_the_same_report(
    folder: Path, reference: str, tmp_path: Path
) -> None:
    # per_process=1 makes the run start a worker even for this small folder.
    options = ExecOptions(jobs=2, cache_dir=tmp_path / "cache", per_process=1)
    cold = check([folder], options=options)
    warm = check([folder], options=options)
    assert cold.report.model_dump_json() == reference
    assert warm.report.model_dump_json() == reference
    assert cold.warnings == [] and warm.warnings == []


def test_spawned_workers_read_as_this_process_does(folder: Path) -> None:
    from checker.execute.local import run_local
    from checker.execute.work import chunked

    articles, _ = load_paths([folder])
    ctx = Context()
    expected = [x.to_json() for x in extract_all(articles, ctx).extracted]
    chunks = chunked(articles, 2)
    got: dict[int, list] = dict(run_local(chunks, ctx, 2, start="spawn"))
    outcomes = [o for i in range(len(chunks)) for o in got[i]]
    assert [o.article for o in outcomes] == [a.id for a in articles]
    assert [Extracted.from_bytes(o.data).to_json() for o in outcomes] == expected


def test_extraction_does_not_depend_on_the_order_of_articles(folder: Path) -> None:
    articles, _ = load_paths([folder])
    ctx = Context()
    forward = extract_all(articles, ctx)
    backward = extract_all(list(reversed(articles)), ctx)
    assert [a.id for a in backward.articles] == [a.id for a in reversed(forward.articles)]
    by_id = {x.facts.article: x.to_json() for x in backward.extracted}
    assert [x.to_json() for x in forward.extracted] == [by_id[a.id] for a in forward.articles]


def test_a_failing_article_is_problem_E009_and_the_others_are_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, _ = load_paths([folder])
    broken = articles[1].id
    annotate = Extractor._annotate

    def failing(self, article, doc):
        if article.id == broken:
            raise ValueError("no sense in it")
        return annotate(self, article, doc)

    monkeypatch.setattr(Extractor, "_annotate", failing)
    got = extract_all(articles, Context())
    assert [a.id for a in got.articles] == [a.id for a in articles if a.id != broken]
    assert [(e.code, e.path) for e in got.problems] == [("E009", str(articles[1].path))]
    assert "ValueError: no sense in it" in got.problems[0].message


def test_a_batch_spacy_fails_on_is_read_text_by_text(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, _ = load_paths([folder])
    ctx = Context()
    expected = [x.to_json() for x in extract_all(articles, ctx).extracted]

    def pipe(*args, **kwargs):
        raise RuntimeError("a batch failed")
        yield  # a generator, like spaCy's

    monkeypatch.setattr(ctx.nlp, "pipe", pipe)
    assert [x.to_json() for x in extract_all(articles, ctx).extracted] == expected


def test_dask_without_the_extra_is_error_E302(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    articles, _ = load_paths([folder])
    with pytest.raises(CheckerError) as err:
        extract_all(articles, Context(), ExecOptions(executor="dask"))
    assert err.value.code == "E302"
    assert 'pip install "checker[dask]"' in err.value.one_line()


def test_an_unreachable_scheduler_is_error_E303(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    import checker.execute.dask as dask_executor

    monkeypatch.setattr(dask_executor, "CONNECT_SECONDS", 0.5)
    articles, _ = load_paths([folder])
    options = ExecOptions(executor="dask", scheduler="tcp://127.0.0.1:9")  # the discard port
    with pytest.raises(CheckerError) as err:
        extract_all(articles, Context(), options)
    assert err.value.code == "E303" and "tcp://127.0.0.1:9" in err.value.one_line()


def test_a_dask_cluster_gives_the_report_of_a_local_run_and_parquet_facts(
    folder: Path, reference: str, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    from checker.execute.parquet import read_facts

    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        options = ExecOptions(
            executor="dask", scheduler=cluster.scheduler_address, facts_dir=tmp_path / "facts"
        )
        result = check([folder], options=options)
    assert result.report.model_dump_json() == reference
    by_story = read_facts(tmp_path / "facts")
    assert sorted(by_story) == sorted(s.id for s in result.stories)
    for story in result.stories:
        assert sorted(x.facts.article for x in by_story[story.id]) == sorted(story.articles)
    written = {x.facts.article: x.facts for xs in by_story.values() for x in xs}
    assert written == {f.article: f for f in result.facts}
