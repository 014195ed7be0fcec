"""Property-based tests (hypothesis) of the ingest and extraction entry points.

Whatever the text, the front matter, the numbers or the dates, nothing but a `CheckerError`
leaves an article, and every quote a fact carries is the text at its offsets in the file.
Example counts are kept small so the suite stays fast.
"""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import CheckerError
from checker.extract.pipeline import Context, Extractor
from checker.extract.timex import tag
from checker.ingest import load_article
from checker.ingest.dates import parse_published
from checker.ingest.reader import read_sidecar
from checker.models.article import Article
from checker.safeload import DataError, load_json, load_yaml

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BODY = "The council said on Monday that the bridge will open in May 2021.\n"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.dates().map(date.isoformat),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)
keys = st.sampled_from(
    ["title", "source", "url", "published", "language", "published_note", "published_inferred"]
) | st.text(max_size=12)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.from_regex(r"[0-9]{1,40}(\.[0-9]{1,5})?(e[0-9]{1,4})?", fullmatch=True),
    st.sampled_from(["10^999", "1e308", "99999", "one hundred ninety nine", "9" * 50]),
)
date_strings = st.one_of(
    st.from_regex(r"-?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?"),
    st.text(max_size=25),
    st.dates().map(date.isoformat),
)
phrases = st.sampled_from(
    ["{n} years ago", "in the year {n}", "{n} days later", "on May {n}", "{n} people died",
     "in {n}", "{n} decades from now", "the {n}th century", "{n}-{n}-{n}", "{n} per cent"]
)  # fmt: skip


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Context())


def _read(text: str | bytes, name: str = "a.txt") -> Article | None:
    """load_article on a file holding `text`; None when it is reported as a problem."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        try:
            return load_article(path)
        except CheckerError as err:
            assert "\n" not in err.one_line()
            return None


def _spans(data: Any) -> list[tuple[int, int, str]]:
    """Every (start, end, text-or-quote) in a dumped facts structure."""
    out: list[tuple[int, int, str]] = []
    if isinstance(data, dict):
        start, end = data.get("start"), data.get("end")
        quoted = data.get("quote", data.get("text"))
        if isinstance(start, int) and isinstance(end, int) and isinstance(quoted, str):
            out.append((start, end, quoted))
        for value in data.values():
            out.extend(_spans(value))
    elif isinstance(data, list):
        for value in data:
            out.extend(_spans(value))
    return out


def _check_facts(extractor: Extractor, article: Article) -> None:
    facts = extractor(article)
    for start, end, quoted in _spans(facts.model_dump()):
        assert article.text[start:end] == quoted


@FAST
@given(st.dictionaries(keys, values, max_size=6))
def test_any_front_matter_is_an_article_or_one_problem(meta: dict) -> None:
    front = yaml.safe_dump(meta, allow_unicode=True)
    article = _read(f"---\n{front}---\n{BODY}")
    if article is not None:
        assert article.text[article.body_start :] == BODY
        assert article.published is None or date(1800, 1, 1) <= article.published


@FAST
@given(st.text(max_size=400))
def test_any_front_matter_text_is_an_article_or_one_problem(front: str) -> None:
    _read(f"---\n{front}\n---\n{BODY}")


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_are_an_article_or_one_problem(data: bytes) -> None:
    _read(data)


@FAST
@given(st.text(min_size=1, max_size=300))
def test_any_text_is_read_and_quotes_are_verbatim(extractor: Extractor, text: str) -> None:
    article = _read(text)
    if article is not None:
        _check_facts(extractor, article)


@FAST
@given(phrases, numbers, st.sampled_from([None, "1800-01-01", "2024-02-29"]))
def test_any_number_in_a_sentence(extractor: Extractor, phrase: str, n: str, dct: str) -> None:
    body = f"The council said {phrase.format(n=n)}, and the bridge will open.\n"
    front = f"---\npublished: {dct}\n---\n" if dct else ""
    article = _read(front + body)
    assert article is not None
    _check_facts(extractor, article)
    for t in tag(body, date.fromisoformat(dct) if dct else None):
        assert body[t.start : t.end] == t.text


@FAST
@given(st.one_of(date_strings, numbers, values))
def test_published_is_a_plausible_date_or_a_value_error(value: Any) -> None:
    try:
        day = parse_published(value)
    except ValueError:
        return
    assert date(1800, 1, 1) <= day


@FAST
@given(st.text(max_size=300))
def test_any_sidecar_is_read_or_reported(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        read_sidecar(path)


@FAST
@given(st.text(max_size=200))
def test_yaml_and_json_readers_raise_only_data_errors(text: str) -> None:
    for load in (lambda t: load_yaml(t, kind="test files"), load_json):
        with contextlib.suppress(DataError):
            load(text)
