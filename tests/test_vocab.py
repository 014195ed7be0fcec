"""Vocabulary: folding, lookup, longest-match search, and errors with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import RuleSetError
from checker.rules import CountEntry, RoleEntry, Vocabulary, load_vocabulary
from checker.rules.vocab import collect_vocabulary
from checker.textutil import fold, fold_with_offsets

VOCAB = Path(__file__).parents[1] / "rules" / "vocab"


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary(VOCAB)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- folding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("  Ministar unutrašnjih   poslova ", "ministar unutrasnjih poslova"),
        ("Đorđe Łódź Ørsted Straße", "dorde lodz orsted strasse"),
        ("CAFÉ\u00a0au\tlait", "cafe au lait"),
        ("e\u0301te\u0301", "ete"),  # decomposed accents
        ("\u201cquoted\u201d \u2018it\u2019s\u2019", "\"quoted\" 'it's'"),
        ("Serbia\u2013China", "serbia-china"),
        ("İstanbul", "istanbul"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_offsets_point_into_the_original() -> None:
    text = "Straße  Đ x"
    folded, offsets = fold_with_offsets(text)
    assert folded == "strasse d x"
    assert len(offsets) == len(folded) + 1
    assert text[offsets[folded.index("d")]] == "Đ"
    assert offsets[-1] == len(text)


# --- lookup and find_all --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "phrase", "entry_id"),
    [
        ("roles", "Minister of Internal Affairs", "interior_minister"),
        ("roles", "  HOME   secretary ", "interior_minister"),
        ("roles", "Deputy Interior Minister", "deputy_interior_minister"),
        ("roles", "chargé d\u2019affaires", "ambassador"),
        ("roles", "vice-president", "vice_president"),
        ("roles", "vice president", "vice_president"),
        ("roles", "Defense Secretary", "defence_minister"),
        ("roles", "Chancellor of the Exchequer", "finance_minister"),
        ("predicates", "kick off", "begin"),
        ("predicates", "kick-off", "begin"),
        ("predicates", "took place", "occur"),
        ("event_types", "drills", "exercise"),
        ("venues", "Steelworks", "steel_mill"),
        ("orgs", "Médecins Sans Frontières", "msf"),
        ("orgs", "WHO", "who"),
        ("modality", "is expected to", "planned_schedule"),
        ("counts", "Roughly", "about"),
        ("counts", "exceeded", "more_than"),
        ("synonyms", "memoranda of understanding", "contract"),
        ("synonyms", "MoUs", "contract"),
        ("event_types", "lift-off", "launch"),
        ("attributes", "taken to hospital", "hospitalized"),
        ("attributes", "took part", "protesters"),
    ],
)
def test_lookup(vocab: Vocabulary, kind: str, phrase: str, entry_id: str) -> None:
    entry = vocab.lookup(kind, phrase)
    assert entry is not None, phrase
    assert entry.id == entry_id


def test_lookup_misses(vocab: Vocabulary) -> None:
    assert vocab.lookup("roles", "interior") is None
    assert vocab.lookup("orgs", "who") is None  # 'WHO' is case-sensitive
    with pytest.raises(KeyError):
        vocab.lookup("rolez", "mayor")


def test_find_all_longest_match(vocab: Vocabulary) -> None:
    text = (
        "Deputy Interior Minister Ana said the Minister of Internal Affairs, "
        "not the deputy\u00a0prime   minister, visited the steel-works."
    )
    found = [(text[s:e], entry.id) for s, e, entry in vocab.find_all("roles", text)]
    assert found == [
        ("Deputy Interior Minister", "deputy_interior_minister"),
        ("Minister of Internal Affairs", "interior_minister"),
        ("deputy\u00a0prime   minister", "deputy_prime_minister"),
    ]


def test_find_all_word_boundaries_and_accents(vocab: Vocabulary) -> None:
    text = "The kingdom's Ministre; MAYOR of Niš met the Lord Mayor. Who knows? WHO does."
    roles = [(text[s:e], entry.id) for s, e, entry in vocab.find_all("roles", text)]
    assert roles == [("MAYOR", "mayor"), ("Lord Mayor", "mayor")]  # not 'king' in 'kingdom'
    orgs = [(text[s:e], entry.id) for s, e, entry in vocab.find_all("orgs", text)]
    assert orgs == [("WHO", "who")]


def test_find_all_quotes_decomposed_accents_whole() -> None:
    v = Vocabulary({"venues": []})
    assert v.find_all("venues", "anything") == []
    text = "the Cafe\u0301 opened"
    from checker.rules import VenueEntry

    v = Vocabulary(
        {"venues": [VenueEntry(id="cafe", label="café", category="commerce", terms=("café",))]}
    )
    ((start, end, entry),) = v.find_all("venues", text)
    assert text[start:end] == "Cafe\u0301" and entry.id == "cafe"


def test_entry_fields(vocab: Vocabulary) -> None:
    minister = vocab.get("roles", "interior_minister")
    deputy = vocab.get("roles", "deputy_interior_minister")
    assert isinstance(minister, RoleEntry) and minister.unique_per == "country"
    assert isinstance(deputy, RoleEntry) and deputy.unique_per is None
    assert deputy.deputy_of == "interior_minister"
    assert vocab.get("roles", "spokesperson").unique_per is None  # type: ignore[union-attr]
    assert vocab.get("orgs", "fbi").country == "US"  # type: ignore[union-attr]
    assert vocab.get("predicates", "begin").predicate_class == "begin"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("word", "number", "inside", "outside"),
    [
        ("nearly", 100, [85, 99.9], [100, 84]),
        ("about", 100, [85, 115], [84, 116]),
        ("at least", 10, [10, 1e9], [9]),
        ("more than", 10, [11], [10]),
        ("up to", 10, [0, 10], [11]),
        ("fewer than", 10, [9], [10]),
        ("dozens", None, [24, 199], [23, 200]),
    ],
)
def test_count_bounds(
    vocab: Vocabulary, word: str, number: float | None, inside: list[float], outside: list[float]
) -> None:
    entry = vocab.lookup("counts", word)
    assert isinstance(entry, CountEntry)
    for value in inside:
        assert entry.contains(value, number), (word, value)
    for value in outside:
        assert not entry.contains(value, number), (word, value)


def test_no_means_no(vocab: Vocabulary) -> None:
    # YAML 1.1 would read the negation cue `no` as false; the loader keeps it as text.
    entry = vocab.lookup("modality", "no")
    assert entry is not None and entry.modality == "negated"  # type: ignore[union-attr]
    assert vocab.lookup("modality", "will not").id == "negated"  # type: ignore[union-attr]


# --- bad vocabulary files -------------------------------------------------------------------

BAD_VOCAB = [
    (
        "unknown kind",
        "kind: rolez\nentries:\n  - {id: a, label: A, terms: [a]}\n",
        "E120",
        1,
        "did you mean 'roles'",
    ),
    (
        "unknown entry key",
        "kind: roles\nentries:\n  - id: mayor\n    label: Mayor\n    category: local\n"
        "    unique_pre: city\n    terms: [mayor]\n",
        "E101",
        6,
        "did you mean 'unique_per'",
    ),
    (
        "bad enum value",
        "kind: roles\nentries:\n  - id: mayor\n    label: Mayor\n    category: locale\n"
        "    terms: [mayor]\n",
        "E103",
        5,
        "did you mean 'local'",
    ),
    (
        "missing terms",
        "kind: venues\nentries:\n  - id: mill\n    label: mill\n    category: industrial\n",
        "E102",
        3,
        "'terms'",
    ),
    (
        "duplicate id",
        "kind: event_types\nentries:\n  - {id: drill, label: d, terms: [drill]}\n"
        "  - {id: drill, label: e, terms: [exercise]}\n",
        "E121",
        4,
        "'drill'",
    ),
    (
        "term in two entries",
        "kind: event_types\nentries:\n  - id: drill\n    label: d\n    terms: [drill]\n"
        "  - id: exercise\n    label: e\n    terms:\n      - exercise\n      - Drill\n",
        "E122",
        10,
        "'drill'",
    ),
    (
        "dangling reference",
        "kind: roles\nentries:\n  - id: deputy_mayor\n    label: Deputy Mayor\n"
        "    category: local\n    deputy_of: mayr\n    terms: [deputy mayor]\n",
        "E123",
        6,
        "'mayr'",
    ),
    (
        "low above high",
        "kind: counts\nentries:\n  - id: odd\n    label: odd\n    scale: absolute\n"
        "    low: 10\n    high: 5\n    terms: [odd]\n",
        "E103",
        3,
        "greater than high",
    ),
    (
        "duplicate key",
        "kind: orgs\nentries:\n  - id: fbi\n    label: FBI\n    type: police\n"
        "    label: Bureau\n    terms: [fbi]\n",
        "E112",
        6,
        "'label'",
    ),
    (
        "syntax error",
        "kind: orgs\nentries:\n  - id: fbi\n   label: FBI\n",
        "E113",
        4,
        "",
    ),
]


@pytest.mark.parametrize(("case", "text", "code", "line", "words"), BAD_VOCAB)
def test_bad_vocab_file(
    tmp_path: Path, case: str, text: str, code: str, line: int, words: str
) -> None:
    write(tmp_path, "bad.yaml", text)
    with pytest.raises(RuleSetError) as info:
        load_vocabulary(tmp_path)
    errors = info.value.errors
    assert [e.code for e in errors] == [code], [e.one_line() for e in errors]
    assert errors[0].line == line, errors[0].one_line()
    assert errors[0].path is not None and errors[0].path.endswith("bad.yaml")
    assert words in errors[0].message


def test_foreign_yaml_is_skipped_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "places.yaml", "spatial:\n  in: {relation: in}\n")
    write(
        tmp_path,
        "roles.yaml",
        "kind: roles\nentries:\n  - {id: mayor, label: M, category: local, terms: [mayor]}\n",
    )
    warnings: list = []
    vocab, errors = collect_vocabulary(tmp_path, warnings=warnings)
    assert errors == []
    assert [w.code for w in warnings] == ["W104"]
    assert vocab.lookup("roles", "Mayor") is not None


def test_entries_merge_across_files_of_one_kind(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yaml",
        "kind: orgs\nentries:\n  - {id: un, label: UN, type: other, terms: [un]}\n",
    )
    write(
        tmp_path,
        "b.yaml",
        "kind: orgs\nentries:\n  - {id: eu, label: EU, type: other, terms: [eu]}\n",
    )
    vocab = load_vocabulary(tmp_path)
    assert {e.id for e in vocab.entries("orgs")} == {"un", "eu"}
