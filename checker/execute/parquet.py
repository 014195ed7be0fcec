"""Facts as a Parquet dataset partitioned by story (`story=<id>/` folders), for tools that read
a run's facts in bulk, on a cluster or later. Needs pyarrow (the `dask` extra)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from checker.align.story import Story
from checker.errors import CheckerError
from checker.models.extracted import Extracted


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.dataset as ds
    except ImportError:
        raise CheckerError.make("E302", feature="--facts-dir", extra="dask") from None
    return pa, ds


def write_facts(folder: Path, extracted: Sequence[Extracted], stories: Sequence[Story]) -> None:
    """Replace the dataset under `folder` with this run's records. Raises `CheckerError`."""
    pa, ds = _pyarrow()
    story_of = {article: s.id for s in stories for article in s.articles}
    table = pa.table(
        {
            "story": [story_of.get(x.facts.article, "") for x in extracted],
            "article": [x.facts.article for x in extracted],
            # Facts are deeply nested and change with the extractors: one JSON column (an
            # `Extracted` record) keeps the files readable by any version that reads those.
            "record": [x.to_json() for x in extracted],
        }
    )
    try:
        ds.write_dataset(
            table,
            folder,
            format="parquet",
            partitioning=["story"],
            partitioning_flavor="hive",
            existing_data_behavior="delete_matching",
        )
    except (OSError, pa.ArrowException) as exc:
        reason = " ".join(str(exc).split())[:160]
        raise CheckerError.make("E304", path=str(folder), reason=reason) from None


def read_facts(folder: Path) -> dict[str, list[Extracted]]:
    """Story id -> its records, as `write_facts` wrote them (articles in file order)."""
    _, ds = _pyarrow()
    table = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
    out: dict[str, list[Extracted]] = {}
    for row in table.to_pylist():
        record = Extracted.model_validate_json(row["record"])
        out.setdefault(str(row["story"]), []).append(record)
    return out
