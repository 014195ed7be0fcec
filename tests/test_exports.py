"""Feed and scraper exports: `.json`, `.jsonl` and `.csv`, one article per record, with
news-please's field names or ours; a bad record is one problem naming its row."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.ingest import load_folder
from checker.ingest.exports import load_export
from checker.models.article import Origin

# Sentences from Wikinews (CC BY 2.5), tests/data/mixed.
LEAVE = (
    "Steve Jobs, the chief executive officer of Apple Inc., announced Monday in an internal "
    "memo that he would be on medical leave for an undetermined period of time."
)
CASES = (
    "Apple Inc. announced Friday that it will give owners of its new iPhone 4 a free case in "
    "response to mounting concerns over the device's antenna placement."
)


def jsonl(path: Path, *rows: object) -> Path:
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r) for r in rows), "utf-8")
    return path


def test_jsonl_records_with_news_please_and_our_field_names(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "feed.jsonl",
        {
            "title": "Jobs on medical leave",
            "maintext": LEAVE,
            "date_publish": "2011-01-17 18:02:00",
            "source_domain": "en.wikinews.org",
            "authors": ["Wikinews"],
        },
        "\n\n",
        {"id": "cases-1", "text": CASES, "published": "2010-07-17", "source": "Wikinews"},
        "\n",
    )
    articles, problems = load_export(path)
    assert problems == []
    first, second = articles
    assert (first.id, first.row, first.source_line, first.origin) == ("feed#1", 1, 1, Origin.EXPORT)
    assert first.text == "Jobs on medical leave\n\n" + LEAVE  # the title is the first line
    assert (first.published, first.published_inferred) == (date(2011, 1, 17), False)
    assert first.published_note == "given in the record ('date_publish')"
    assert first.source == "en.wikinews.org" and first.metadata == {"authors": ["Wikinews"]}
    assert first.text_note == "field 'maintext' of row 1 after its title"
    # A record's own id is kept; a blank line is not a record but still counts as a line.
    assert (second.id, second.row, second.source_line) == ("cases-1", 2, 3)
    assert second.text == CASES and second.title == CASES  # no title: the first line
    assert second.text_note == "field 'text' of row 2"


def test_a_bad_record_is_one_problem_naming_its_row(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "feed.jsonl",
        json.dumps({"text": LEAVE}) + "\n",
        "{not json\n",
        json.dumps({"title": "no text"}) + "\n",
        json.dumps(["a", "list"]) + "\n",
        json.dumps({"text": 42}) + "\n",
        json.dumps({"text": CASES, "published": "2010-13-01"}) + "\n",
        json.dumps(
            {
                "text": "Le président a dit que la ville est grande et que les gens "
                "sont contents de la fête qui a eu lieu hier soir dans le centre de la "
                "ville avec beaucoup de monde.",
                "language": "fr",
            }
        )
        + "\n",
        json.dumps({"text": CASES, "title": {"a": 1}}) + "\n",
    )
    articles, problems = load_export(path)
    assert [a.id for a in articles] == ["feed#1"]
    lines = [p.one_line().replace(str(path), "feed.jsonl") for p in problems]
    assert lines[:4] == [
        "[E015] feed.jsonl:2: row 2 is not JSON (Expecting property name enclosed in double "
        "quotes); skipped",
        "[E015] feed.jsonl:3: row 3 has no 'text' or 'maintext'; skipped",
        "[E015] feed.jsonl:4: row 4 is a list, not an object; skipped",
        "[E015] feed.jsonl:5: row 5 has a 'text' that is not text ('42'); skipped",
    ]
    assert lines[4].startswith("[E005] feed.jsonl:6: published date '2010-13-01' in row 6 is")
    assert lines[5].startswith("[E008] feed.jsonl:7: row 7: article language is 'fr'")
    assert lines[6].startswith("[E010] feed.jsonl:8: invalid value for 'title' in row 8:")
    assert len(lines) == 7


def test_json_file_of_one_object_or_a_list(tmp_path: Path) -> None:
    one = tmp_path / "0a1b2c.json"  # news-please writes one file per article
    one.write_text(json.dumps({"title": "Leave", "maintext": LEAVE}), encoding="utf-8")
    [article], problems = load_export(one)
    assert (article.id, article.row, article.source_line, problems) == ("0a1b2c", 1, None, [])
    many = tmp_path / "dump.json"
    many.write_text(json.dumps([{"text": LEAVE}, "oops", {"text": CASES, "id": 7}]), "utf-8")
    articles, problems = load_export(many)
    assert [a.id for a in articles] == ["dump#1", "7"]
    assert [p.message for p in problems] == ["row 2 is 'oops', not an object; skipped"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", '{"text": ', "export file is invalid: not JSON (Expecting value)"),
        ("str.json", '"just text"', "expected an object or a list of objects, found 'just text'"),
        ("cols.csv", "headline,body\nA,B\n", "no 'text' or 'maintext' column in the header line"),
        ("empty.csv", "  \n", "article is empty"),
        ("latin.jsonl", b'{"text": "caf\xe9"}', "file is not UTF-8 text"),
    ],
)
def test_a_file_that_is_no_export_is_one_problem(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CheckerError) as err:
        load_export(path)
    assert message in err.value.message


def test_csv_rows_keep_their_lines_through_quoted_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "scraped.csv"
    path.write_text(
        "\ufeffTitle, Text ,Published,url,section\n"
        f'Jobs on leave,"{LEAVE}\n\nHe fought pancreatic cancer in 2004.",2011-01-17,'
        "http://en.wikinews.org/wiki/x,tech\n"
        "\n"
        f"Free cases,{CASES.replace(',', '')},2010-07-17,,\n"
        "No text,,2010-07-18,,\n",
        encoding="utf-8",
    )
    articles, problems = load_export(path)
    assert [(a.id, a.row, a.source_line) for a in articles] == [
        ("scraped#1", 1, 2),
        ("scraped#2", 2, 6),
    ]
    assert articles[0].url == "http://en.wikinews.org/wiki/x"
    assert articles[0].metadata == {"section": "tech"}
    assert articles[0].text.endswith("He fought pancreatic cancer in 2004.")
    assert [(p.line, p.message) for p in problems] == [
        (7, "row 3 has no 'text' or 'maintext'; skipped")
    ]


def test_same_ids_in_two_exports_stay_distinct(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        jsonl(tmp_path / folder / "feed.jsonl", {"id": "x", "text": LEAVE}, "\n")
    articles, problems = load_folder(tmp_path)
    assert problems == [] and sorted(a.id for a in articles) == ["x", "x~2"]
