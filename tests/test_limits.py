"""Limits on untrusted input: the safe YAML/JSON reader, publication-date bounds, date arithmetic
in the timex resolver, files that are not regular files, and sizes."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.extract.timex import tag
from checker.ingest import load_article, load_folder
from checker.ingest.dates import parse_published
from checker.ingest.files import ReadLimits
from checker.safeload import (
    MAX_DEPTH,
    DataError,
    load_json,
    load_yaml,
    read_limited,
)

BODY = "The council said the bridge will open in May.\n"


@pytest.mark.parametrize(
    "text",
    [
        "x: " + "[" * 5000 + "]" * 5000,
        "a: &a [1, 2]\nb: *a",
        "a: !!python/object/apply:os.system ['true']",
        "n: " + "9" * 5000,
        "a: 1\na: 2",
        "a: b\x1b",
    ],
)
def test_yaml_refuses_what_is_not_plain_data(text: str) -> None:
    with pytest.raises(DataError):
        load_yaml(text, kind="test files")


def test_yaml_keeps_dates_as_text_and_yes_as_text() -> None:
    assert load_yaml("d: 2019-02-30\nt: 10:30\ny: yes\nb: true", kind="x") == {
        "d": "2019-02-30",
        "t": "10:30",
        "y": "yes",
        "b": True,
    }


@pytest.mark.parametrize(
    "text", ["[" * 5000 + "]" * 5000, '{"a": ' * 200 + "1" + "}" * 200, "9" * 5000, "NaN"]
)
def test_json_refuses_deep_nesting_and_huge_numbers(text: str) -> None:
    with pytest.raises(DataError):
        load_json(text)


def test_json_depth_limit_counts_only_brackets_outside_strings() -> None:
    deep_in_string = json.dumps({"s": "[" * (MAX_DEPTH * 2)})
    assert load_json(deep_in_string)["s"].startswith("[[")


def test_read_limited_refuses_fifo_and_large_files(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match="FIFO"):
        read_limited(fifo, 100)  # returns at once: never waits for a writer
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(DataError, match="larger"):
        read_limited(big, 100)


@pytest.mark.parametrize(
    "value",
    [
        "2019-02-30",
        "2019-13-01",
        "0000-01-01",
        "2019-01-01T24:00:00",
        "1799-12-31",
        "9999-12-31",
        (date.today() + timedelta(days=400)).isoformat(),
        12345,
        1e308,
        {"a": 1},
    ],
)
def test_implausible_publication_dates_are_refused(value: object) -> None:
    with pytest.raises(ValueError):
        parse_published(value)


def test_plausible_publication_dates() -> None:
    assert parse_published("1800-01-01") == date(1800, 1, 1)
    assert parse_published("2020-01-02T10:00:00+02:00") == date(2020, 1, 2)
    assert parse_published(date.today()) == date.today()


@pytest.mark.parametrize(
    "text",
    [
        "In the year 99999 the bridge opened.",
        "About 10^999 people came 1e308 days later.",
        "It opened on Monday 9999 decades later.",
        "It opened 99999999999 weeks from now, 999999999999 days ago.",
        "The 99999th century began 4000 centuries before that.",
    ],
)
@pytest.mark.parametrize("dct", [date(1800, 1, 1), date.today() + timedelta(days=366), None])
def test_timex_arithmetic_never_overflows(text: str, dct: date | None) -> None:
    for timex in tag(text, dct):
        assert text[timex.start : timex.end] == timex.text


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def _codes(problems: list[CheckerError]) -> dict[str, str]:
    return {Path(p.path or "").name: p.code for p in problems}


def test_links_outside_the_folder_are_not_followed(tmp_path: Path) -> None:
    outside = _write(tmp_path / "outside" / "secret.txt", BODY)
    folder = tmp_path / "in"
    _write(folder / "ok.txt", BODY)
    (folder / "link.txt").symlink_to(outside)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "inside.txt").symlink_to(folder / "ok.txt")
    arts, problems = load_folder(folder)
    assert sorted(a.id for a in arts) == ["inside", "ok"]
    assert _codes(problems) == {"link.txt": "E011", "loop.txt": "E001"}
    arts, problems = load_folder(folder, ReadLimits(follow_symlinks=True))
    assert sorted(a.id for a in arts) == ["inside", "link", "ok"]


def test_device_and_size_limits(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    _write(tmp_path / "big.txt", BODY * 100)
    _write(tmp_path / "ok.txt", BODY)
    arts, problems = load_folder(tmp_path, ReadLimits(max_bytes=1000, follow_symlinks=True))
    assert [a.id for a in arts] == ["ok"]
    assert _codes(problems) == {"zero.txt": "E013", "big.txt": "E012"}


def test_metadata_problems_name_the_key_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", f"---\nsource: x\ntitle: {{a: 1}}\n---\n{BODY}")
    with pytest.raises(CheckerError) as info:
        load_article(path)
    assert info.value.code == "E010" and info.value.line == 3
    assert "'title' in the front matter" in info.value.message


def test_sidecar_value_problems_name_the_sidecar_line(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", BODY)
    _write(tmp_path / "b.txt", BODY.replace("May", "June"))
    _write(
        tmp_path / "articles.yaml",
        "articles:\n  - file: a.txt\n    published: 2019-02-30\n"
        "  - file: b.txt\n    sha256: 12345\n",
    )
    arts, problems = load_folder(tmp_path)
    assert [a.id for a in arts] == ["b"]
    by_code = {p.code: p for p in problems}
    assert set(by_code) == {"E005", "E006"}
    assert "articles.yaml:3" in by_code["E005"].message
    assert by_code["E006"].line == 4


def test_unterminated_front_matter_is_a_problem(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", f"---\ntitle: never closed\n{BODY}")
    with pytest.raises(CheckerError) as info:
        load_article(path)
    assert info.value.code == "E003"


def test_readme_lists_every_error_and_warning_code() -> None:
    from checker.errors import Errors, Warnings

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [c for cat in (Errors, Warnings) for c in cat.codes() if f"| {c} |" not in readme]
    assert missing == []
