"""Write a corpus of hostile inputs: files that must each be one problem line, never a crash.

`build(folder)` writes the corpus and returns what is expected of it: for every bad file, its path
relative to `folder` and the error code it must be reported with, and the names of hostile files
that are good articles and must load. Nothing large is committed: the files are made at test time.

    python tests/hostile/make_corpus.py /tmp/hostile   # writes the corpus and prints the table
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from pathlib import Path

BODY = "The council said the new bridge over the river will open in May, after two years of work.\n"
ESC = "\x1b"
FORGED = "\n[E000] forged.txt: a line that never came from checker"
OSC = f"{ESC}]0;pwned\x07{ESC}[31m"


def _nest(levels: int) -> str:
    return "[" * levels + "]" * levels


BILLION_LAUGHS = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)),
        "title: boom",
    ]
)
FAR_FUTURE = (date.today() + timedelta(days=800)).isoformat()

# Front matter that must make the article one problem line: name -> (front matter, code).
FRONT_MATTER: dict[str, tuple[str, str]] = {
    "fm_alias_bomb": (BILLION_LAUGHS, "E003"),
    "fm_alias_simple": ("x: &x Bridge\ntitle: *x", "E003"),
    "fm_merge_key": ("base: &b {title: x}\nother:\n  <<: *b", "E003"),
    "fm_python_tag": ("title: !!python/object/apply:os.system ['true']", "E003"),
    "fm_custom_tag": ("title: !secret x", "E003"),
    "fm_deep_flow": (f"x: {_nest(5000)}", "E003"),
    "fm_deep_map": ("x: " + "{a: " * 5000 + "1" + "}" * 5000, "E003"),
    "fm_deep_block": ("".join(f"{' ' * i}k{i}:\n" for i in range(300)) + " " * 300 + "v", "E003"),
    "fm_syntax": ("title: [unclosed", "E003"),
    "fm_tab_indent": ("title: a\n\tsource: b", "E003"),
    "fm_not_mapping_list": ("- a\n- b", "E003"),
    "fm_not_mapping_scalar": ("just text", "E003"),
    "fm_duplicate_key": ("title: a\ntitle: b", "E003"),
    "fm_nul": ("title: a\x00b", "E003"),
    "fm_huge_int": ("count: " + "9" * 5000, "E003"),
    "fm_huge_front_matter": ("note: '" + "x" * 300_000 + "'", "E003"),
    "fm_complex_key": ("? [a, b]\n: c", "E003"),
    "date_feb30": ("published: 2019-02-30", "E005"),
    "date_month13": ("published: 2019-13-01", "E005"),
    "date_year0": ("published: 0000-01-01", "E005"),
    "date_hour24": ("published: 2019-01-01T24:00:00", "E005"),
    "date_hour25_space": ("published: 2019-01-01 25:00:00", "E005"),
    "date_minute60": ("published: 2019-01-01T10:60:00", "E005"),
    "date_quoted_feb30": ("published: '2019-02-30'", "E005"),
    "date_far_future": ("published: 9999-12-31", "E005"),
    "date_two_years_ahead": (f"published: {FAR_FUTURE}", "E005"),
    "date_far_past": ("published: 0001-01-01", "E005"),
    "date_1799": ("published: 1799-12-31", "E005"),
    "date_five_digit_year": ("published: '10000-01-01'", "E005"),
    "date_int": ("published: 12345", "E005"),
    "date_float": ("published: 1e308", "E005"),
    "date_inf": ("published: .inf", "E005"),
    "date_nan": ("published: .nan", "E005"),
    "date_bool": ("published: true", "E005"),
    "date_mapping": ("published: {a: 1}", "E005"),
    "date_list": ("published: [2019, 1, 1]", "E005"),
    "date_words": ("published: yesterday", "E005"),
    "date_trailing_garbage": ("published: 2019-01-01garbage", "E005"),
    "date_negative_year": ("published: -2019-01-01", "E005"),
    "date_control_chars": ('published: "2019\\e[31m-01-01"', "E005"),
    "fm_raw_escape": (f"title: Bridge{ESC}[31m", "E003"),
    "type_title_mapping": ("title: {a: 1}", "E010"),
    "type_title_list": ("title: [a, b]", "E010"),
    "type_source_mapping": ("source: {name: x}", "E010"),
    "type_url_list": ("url: [http://a]", "E010"),
    "type_note_mapping": ("published: 2020-01-01\npublished_note: {a: 1}", "E010"),
    "type_inferred_text": ("published: 2020-01-01\npublished_inferred: maybe", "E010"),
    "type_inferred_int": ("published: 2020-01-01\npublished_inferred: 12345", "E010"),
    "type_language_mapping": ("language: {code: en}", "E010"),
    "lang_number": ("language: 12345", "E008"),
    "lang_forged": ('language: "xx\\n[E000] forged.txt: forged\\e[31m"', "E008"),
}

# Front matter with odd but usable values: the article must load.
FRONT_MATTER_OK: dict[str, str] = {
    "ok_note_number": "published: 2020-01-01\npublished_note: 12345",
    "ok_title_number": "title: 1984",
    "ok_title_escape": 'title: "Bridge\\e]0;pwned\\a\\e[31m opens\\n[E000] forged.txt: x"',
    "ok_extra_nested": "desk: {city: {floor: [1, 2, {room: 3}]}}",
    "ok_empty": "",
    "ok_date_time": "published: 2020-01-01T10:00:00+02:00",
    "ok_numeric_key": "1: one\ntitle: Bridge",
}

# Article bodies that are hostile to extraction but are articles: each must load and be read.
BODIES_OK: dict[str, str] = {
    "text_year_99999": "In the year 99999 the bridge will open, the council said on Monday.\n",
    "text_huge_power": "About 10^999 people and 1e308 dollars were counted in 99999999999999999999 "
    "days, and 9999999999999999999999999999999999 tonnes were moved on Monday.\n",
    "text_impossible_dates": "It opened on February 30, 2019, or on 31/02/2019, or on 2019-13-45, "
    "or on the 99999th of May, and closes in 1,000,000 years.\n",
    "text_far_relative": "The bridge will open 10000000000 days from now, 99999999999 weeks "
    "after Monday, or 123456789012 years later, in the 99999th century.\n",
    "text_controls": f"The council{OSC} said the bridge{FORGED} will open\x07 in May.\x00\n",
    "text_bidi": "The council \u202esaid\u202c the bridge \u200bwill open in May.\ufeff\n",
    "text_long_word": "The bridge " + "a" * 100_000 + " opened on Monday.\n",
    "text_digits_line": "The toll was " + "9" * 20_000 + " people on Monday.\n",
    "text_no_punct": " ".join(["the bridge will open"] * 5_000) + "\n",
    "text_crlf_front": "",  # written below with CRLF line ends
    "text_only_numbers": "1 2 3 4 5 6 7 8 9 10 " * 200 + "\n",
    "text_math": "Between 1e-308 and 1.7976931348623157e308 and -0 and NaN and inf people.\n",
}


def _article(front: str | None, body: str = BODY) -> str:
    return (f"---\n{front}\n---\n" if front is not None else "") + body


def build(folder: Path) -> tuple[dict[str, str], list[str]]:
    """Write the corpus under `folder` (which must not exist yet). Returns (bad, good):
    bad maps each bad file's path, relative to `folder`, to its expected code; good lists the
    hostile files that must load as articles."""
    folder.mkdir(parents=True)
    outside = folder.parent / (folder.name + "_outside")
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("The secret passphrase is hunter2, the owner said.\n")
    bad: dict[str, str] = {}
    good: list[str] = []

    def write(name: str, data: str | bytes, code: str | None) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_bytes(data.encode("utf-8", "surrogatepass"))
        if code is None:
            good.append(name)
        else:
            bad[name] = code
        return path

    for name, (front, code) in FRONT_MATTER.items():
        write(f"{name}.txt", _article(front), code)
    for name, front in FRONT_MATTER_OK.items():
        write(f"{name}.txt", _article(front), None)
    for name, body in BODIES_OK.items():
        if name == "text_crlf_front":
            write(f"{name}.txt", _article("title: CRLF").replace("\n", "\r\n"), None)
        else:
            write(f"{name}.md", body, None)

    # Files that are not usable text.
    write("file_unterminated.txt", "---\ntitle: never closed\n" + BODY, "E003")
    write("file_only_front.txt", "---\ntitle: x\n---\n\n  \n", "E004")
    write("file_empty.txt", "", "E004")
    write("file_blank.txt", " \n\t\n", "E004")
    write("file_latin1.txt", "Caf\xe9 opened on Monday.\n".encode("latin-1"), "E002")
    write("file_surrogate.txt", b"The bridge \xed\xa0\x80 opened.\n", "E002")
    write(
        "file_german.txt", "Die Brücke wird im Mai eröffnet, sagte der Rat am Montag. " * 5, "E008"
    )
    write(f"file{ESC}[31m_evil{FORGED}.txt", "", "E004")
    write("file_big.txt", BODY * (5_000_000 // len(BODY) + 2), "E012")

    # Links and special files.
    links = {
        "link_outside.txt": (outside / "secret.txt", "E011"),
        "link_etc_passwd.txt": (Path("/etc/passwd"), "E011"),
        "link_dev_zero.txt": (Path("/dev/zero"), "E011"),
        "link_dangling.txt": (folder / "no_such_file.txt", "E001"),
        "link_loop.txt": (folder / "link_loop.txt", "E001"),
        "link_dotdot.txt": (Path("..") / outside.name / "secret.txt", "E011"),
    }
    for name, (target, code) in links.items():
        (folder / name).symlink_to(target)
        bad[name] = code
    (folder / "link_inside_dir").symlink_to(".", target_is_directory=True)  # a folder loop
    (folder / "link_outside_dir").symlink_to(outside, target_is_directory=True)
    os.mkfifo(folder / "special_fifo.txt")
    bad["special_fifo.txt"] = "E013"
    (folder / "special_dir.txt").mkdir()  # a folder named like an article: not an article
    if os.geteuid() != 0:  # root reads anything
        write("file_unreadable.txt", _article("title: x"), "E001").chmod(0)

    # Sidecars, each in a folder of its own with one article.
    def sidecar(name: str, yaml_text: str, code: str | None, on: str) -> None:
        sub = f"sidecar_{name}"
        article = f"{sub}/a_{name}.txt"
        path = folder / sub / "articles.yaml"
        path.parent.mkdir()
        path.write_text(yaml_text, encoding="utf-8")
        if on == "sidecar" and code is not None:
            bad[f"{sub}/articles.yaml"] = code
        write(article, BODY, code if on == "article" else None)

    entry = "articles:\n  - file: a_{name}.txt\n{rest}"
    for name, rest, code, on in (
        ("alias_bomb", None, "E006", "sidecar"),
        ("deep", None, "E006", "sidecar"),
        ("not_list", None, "E006", "sidecar"),
        ("syntax", None, "E006", "sidecar"),
        ("sha_int", "    sha256: 12345\n", "E006", "sidecar"),
        ("sha_short", "    sha256: abc\n", "E006", "sidecar"),
        ("file_mapping", None, "E006", "sidecar"),
        ("date_feb30", "    published: 2019-02-30\n", "E005", "article"),
        ("date_hour24", "    published: 2019-01-01T24:00:00\n", "E005", "article"),
        ("date_far", "    published: 99999-01-01\n", "E005", "article"),
        ("title_mapping", "    title: {a: 1}\n", "E010", "article"),
        ("note_int", "    published: 2020-01-01\n    published_note: 12345\n", None, "article"),
        (
            "inferred_text",
            "    published: 2020-01-01\n    published_inferred: x\n",
            "E010",
            "article",
        ),
        ("deep_value", "    desk: " + _nest(5000) + "\n", "E006", "sidecar"),
    ):
        special = {
            "alias_bomb": BILLION_LAUGHS + "\narticles:\n  - file: a_alias_bomb.txt\n",
            "deep": f"articles: {_nest(5000)}\n",
            "not_list": "articles: {a: 1}\n",
            "syntax": "articles: [\n",
            "file_mapping": "articles:\n  - file: {a: 1}\n",
        }
        text = special.get(name) or entry.format(name=name, rest=rest)
        sidecar(name, text, code, on)
    return bad, good


def main() -> None:
    folder = Path(sys.argv[1])
    bad, good = build(folder)
    for name, code in sorted(bad.items(), key=lambda kv: (kv[1], kv[0])):
        print(f"{code}  {name!r}")
    print(f"{len(bad)} bad files, {len(good)} hostile files that must load")


if __name__ == "__main__":
    main()
