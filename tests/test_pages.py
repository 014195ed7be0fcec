"""Saved web pages: main text, title, site, URL, language and the publication date the page
states in its metadata (and which metadata it was). Pages are built here around Wikinews text
(tests/data/mixed/jobs_leave.txt, CC BY 2.5)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.ingest import load_folder
from checker.ingest.page import load_page
from checker.models.article import Origin

MIXED = Path(__file__).parent / "data" / "mixed"
_BODY = (MIXED / "jobs_leave.txt").read_text(encoding="utf-8").split("---\n", 2)[2]
PARAGRAPHS = [p for p in _BODY.split("\n\n") if p.strip()][1:8]
TITLE = "Apple Inc. CEO Steve Jobs on medical leave"


def page(head: str = "", article_extra: str = "", lang: str = ' lang="en"') -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html{lang}><head><meta charset='utf-8'>"
        f"<title>{TITLE} - Wikinews</title><meta property='og:site_name' content='Wikinews'>"
        f"{head}</head><body><nav><ul><li><a href='/'>Main page</a></li>"
        "<li><a href='/wiki/Sports'>Sports</a></li></ul></nav>"
        f"<article><h1>{TITLE}</h1>{article_extra}{paras}</article>"
        "<footer><a href='/privacy'>Privacy policy</a></footer></body></html>"
    )


def write(tmp_path: Path, html: str, name: str = "leave.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_main_text_title_and_site_without_boilerplate(tmp_path: Path) -> None:
    art = load_page(write(tmp_path, page()))
    assert art.origin is Origin.HTML and art.id == "leave"
    assert art.title == TITLE and art.source == "Wikinews"
    assert art.text.startswith(TITLE + "\n" + PARAGRAPHS[0])
    for para in PARAGRAPHS:
        assert para in art.text  # quotes are verbatim substrings of Article.text
    assert "Main page" not in art.text and "Privacy policy" not in art.text
    assert art.language == "en"


@pytest.mark.parametrize(
    ("head", "extra", "note"),
    [
        (
            "<meta property='article:published_time' content='2011-01-17T18:02:00-05:00'>",
            "",
            "page metadata: article:published_time",
        ),
        (
            "<script type='application/ld+json'>"
            + json.dumps({"@graph": [{"@type": "NewsArticle", "datePublished": "2011-01-17"}]})
            + "</script>",
            "",
            "page metadata: JSON-LD datePublished",
        ),
        ("", "<time datetime='2011-01-17' pubdate>17 January</time>", None),
        ("", "<p><time datetime='2011-01-17T10:00Z'>Monday</time></p>", None),
        ("<meta itemprop='datePublished' content='2011-01-17'>", "", None),
    ],
)
def test_date_stated_in_the_page_metadata(
    tmp_path: Path, head: str, extra: str, note: str | None
) -> None:
    art = load_page(write(tmp_path, page(head, extra)))
    assert art.published == date(2011, 1, 17)  # the local date the page states
    assert not art.published_inferred
    assert (art.published_note or "").startswith("page metadata: ")
    if note is not None:
        assert art.published_note == note


def test_meta_tag_before_json_ld_and_a_bad_value_falls_through(tmp_path: Path) -> None:
    ld = '<script type=\'application/ld+json\'>{"datePublished": "2011-01-18"}</script>'
    both = "<meta property='article:published_time' content='2011-01-17'>" + ld
    assert load_page(write(tmp_path, page(both))).published == date(2011, 1, 17)
    broken = "<meta property='article:published_time' content='2011-02-30'>" + ld
    art = load_page(write(tmp_path, page(broken)))
    assert art.published == date(2011, 1, 18)
    assert art.published_note == "page metadata: JSON-LD datePublished"


def test_without_date_metadata_the_date_is_inferred_from_the_text(tmp_path: Path) -> None:
    extra = "<p>The memo was sent on January 17, 2011.</p>"
    art = load_page(write(tmp_path, page(article_extra=extra)))
    assert art.published == date(2011, 1, 17)
    assert art.published_inferred
    assert "January 17, 2011" in (art.published_note or "")


def test_language_stated_by_the_page(tmp_path: Path) -> None:
    assert load_page(write(tmp_path, page(lang=' lang="en-GB"'))).language == "en-GB"
    with pytest.raises(CheckerError) as err:
        load_page(write(tmp_path, page(lang=' lang="fr"')))
    assert err.value.code == "E008" and "'fr'" in err.value.message
    meta = "<meta http-equiv='Content-Language' content='de'>"
    with pytest.raises(CheckerError) as err:
        load_page(write(tmp_path, page(head=meta, lang="")))
    assert err.value.code == "E008"


def test_a_page_of_navigation_or_not_html_is_one_problem(tmp_path: Path) -> None:
    links = "".join(f"<li><a href='/wiki/{i}'>Story number {i}</a></li>" for i in range(30))
    nav = f"<html><head><title>Portal</title></head><body><nav><ul>{links}</ul></nav></body></html>"
    write(tmp_path, nav, "portal.html")
    write(tmp_path, "\x00\x01\x02", "garbage.htm")
    write(tmp_path, page(), "story.html")
    articles, problems = load_folder(tmp_path)
    assert [a.id for a in articles] == ["story"]
    assert sorted((Path(p.path).name, p.code) for p in problems) == [
        ("garbage.htm", "E017"),
        ("portal.html", "E017"),
    ]


def test_articles_yaml_fills_in_what_the_page_does_not_state(tmp_path: Path) -> None:
    write(tmp_path, page(), "undated.html")
    stated = "<meta property='article:published_time' content='2011-01-17'>"
    write(tmp_path, page(stated), "dated.html")
    (tmp_path / "articles.yaml").write_text(
        "articles:\n"
        "  - {file: undated.html, published: 2011-01-18, published_note: from the print edition}\n"
        "  - {file: dated.html, published: 2011-01-19}\n",
        encoding="utf-8",
    )
    articles, problems = load_folder(tmp_path)
    assert problems == []
    by_id = {a.id: a for a in articles}
    assert by_id["undated"].published == date(2011, 1, 18)
    assert by_id["undated"].published_note == "from the print edition"
    assert by_id["dated"].published == date(2011, 1, 17)  # what the page states wins
