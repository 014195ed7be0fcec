"""Ingest: front matter, sidecar metadata, titles, inferred dates and broken files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.ingest import load_article, load_folder


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_fields_and_body_offsets(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Bridge opens\nsource: Daily\npublished: 2021-03-04\nlanguage: en\n"
        "desk: city\n---\nThe bridge opened on Monday.\n"
    )
    art = load_article(write(tmp_path / "bridge.txt", text))
    assert art.id == "bridge"
    assert art.title == "Bridge opens"
    assert art.published == date(2021, 3, 4)
    assert not art.published_inferred
    assert art.metadata == {"desk": "city"}
    assert art.text == text  # offsets refer to the file as on disk
    assert art.text[art.body_start :].startswith("The bridge opened")


def test_title_is_first_line_without_front_matter(tmp_path: Path) -> None:
    art = load_article(
        write(tmp_path / "x.txt", "\n  Storm hits coast\n\nThe storm hit on 3 May 2022.")
    )
    assert art.title == "Storm hits coast"


def test_published_inferred_from_latest_full_date(tmp_path: Path) -> None:
    body = "Talks\n\nTalks began on March 2, 2021 and ended on March 9, 2021, officials said.\n"
    art = load_article(write(tmp_path / "talks.txt", body))
    assert art.published == date(2021, 3, 9)
    assert art.published_inferred
    assert "March 9, 2021" in (art.published_note or "")


def test_sidecar_matches_by_hash_after_rename(tmp_path: Path) -> None:
    import hashlib

    body = "Quake\n\nA quake struck on Sunday.\n"
    write(tmp_path / "renamed.txt", body)
    digest = hashlib.sha256(body.encode()).hexdigest()
    write(
        tmp_path / "articles.yaml",
        f"articles:\n  - file: original.txt\n    sha256: {digest}\n    published: 2022-01-10\n",
    )
    arts, problems = load_folder(tmp_path)
    assert problems == []
    assert arts[0].id == "renamed"
    assert arts[0].published == date(2022, 1, 10)


def test_sidecar_matches_by_relative_path(tmp_path: Path) -> None:
    write(tmp_path / "sub" / "a.txt", "A\n\nText.\n")
    write(tmp_path / "articles.yaml", "articles:\n  - file: sub/a.txt\n    published: 2020-02-02\n")
    arts, _ = load_folder(tmp_path)
    assert arts[0].published == date(2020, 2, 2)


def test_broken_articles_are_reported_and_others_kept(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Good\n\nA fire broke out on 4 May 2020.\n")
    write(tmp_path / "latin1.txt", "Caf\xe9 news".encode("latin-1"))
    write(tmp_path / "empty.txt", "   \n")
    write(tmp_path / "badyaml.md", "---\ntitle: [unclosed\n---\nBody\n")
    write(tmp_path / "baddate.txt", "---\npublished: yesterday\n---\nBody text.\n")
    write(tmp_path / "serbian.txt", "---\nlanguage: sr\n---\nPolicija je saopštila.\n")
    arts, problems = load_folder(tmp_path)
    assert [a.id for a in arts] == ["good"]
    codes = {Path(p.path).name: p.code for p in problems}
    assert codes == {
        "latin1.txt": "E002",
        "empty.txt": "E004",
        "badyaml.md": "E003",
        "baddate.txt": "E005",
        "serbian.txt": "E008",
    }
    for p in problems:
        line = p.one_line()
        assert "\n" not in line and p.path in line


def test_bad_sidecar_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A\n\nText on 1 June 2020.\n")
    write(tmp_path / "articles.yaml", "articles: {not: a list}\n")
    arts, problems = load_folder(tmp_path)
    assert len(arts) == 1
    assert [p.code for p in problems] == ["E006"]


def test_missing_folder(tmp_path: Path) -> None:
    arts, problems = load_folder(tmp_path / "nope")
    assert arts == [] and problems[0].code == "E007"


def test_unreadable_file_raises_checker_error(tmp_path: Path) -> None:
    with pytest.raises(CheckerError) as info:
        load_article(tmp_path / "missing.txt")
    assert info.value.code == "E001"


def test_files_found_recursively_and_sorted(tmp_path: Path) -> None:
    write(tmp_path / "b" / "two.md", "Two\n\nText.\n")
    write(tmp_path / "a" / "one.txt", "One\n\nText.\n")
    write(tmp_path / ".hidden" / "x.txt", "Hidden\n\nText.\n")
    write(tmp_path / "notes.csv", "not an article")
    write(tmp_path / "README.md", "How this folder is organised.")
    write(tmp_path / "ATTRIBUTION.md", "Sources and licences.")
    arts, _ = load_folder(tmp_path)
    assert [a.id for a in arts] == ["one", "two"]


def test_article_in_another_language_is_skipped_without_front_matter(tmp_path: Path) -> None:
    german = (
        "Sturm über München\n\nEin schwerer Sturm hat am Sonntag in München mehrere Bäume "
        "entwurzelt. Die Feuerwehr war mit mehr als zweihundert Einsatzkräften unterwegs, wie "
        "ein Sprecher der Stadt mitteilte. Verletzt wurde nach ersten Angaben niemand, doch "
        "mehrere Straßen blieben bis zum Abend gesperrt.\n"
    )
    write(tmp_path / "sturm.txt", german)
    write(tmp_path / "storm.txt", "Storm\n\nA storm hit Munich on Sunday, the city said.\n")
    arts, problems = load_folder(tmp_path)
    assert [a.id for a in arts] == ["storm"]
    assert [(Path(p.path).name, p.code) for p in problems] == [("sturm.txt", "E008")]
    assert "not English" in problems[0].message
