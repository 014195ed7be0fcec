"""Rule files: the example loads; every broken file gives the right code, file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from checker.commands.rule import rule
from checker.errors import CheckerError, Errors, RuleSetError, Warnings
from checker.rules import (
    MESSAGE_PLACEHOLDERS,
    OperatorSpec,
    RuleStatus,
    collect_rules,
    load_rules,
    render_message,
)

DATA = Path(__file__).parent / "data"
OK = DATA / "rules_ok"
BAD = DATA / "rules_bad"

# A stand-in for the engine's registry: the loader only needs names and parameters.
OPERATORS = {
    "time_relation": OperatorSpec(
        "time_relation",
        "how the two times relate",
        frozenset({"disjoint", "overlap", "equal", "contains"}),
    ),
    "modality": OperatorSpec(
        "modality", "planned or reported", frozenset({"reported+reported", "planned+reported"})
    ),
    "min_confidence": OperatorSpec("min_confidence", "lowest confidence", None, "number"),
    "same_event": OperatorSpec("same_event", "both facts are about one event", None, "bool"),
    "thresholds": OperatorSpec("thresholds", "named numbers", frozenset({"ratio"}), "mapping"),
}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD_RULE = """\
id: {id}
name: some-rule
status: {status}
applies_to: time
verdict: conflict
severity: low
priority: {priority}
when:
  time_relation: disjoint
message: "{{subject}}: {{a}} vs {{b}}"
explanation: Something.
"""


# --- the example rule ---------------------------------------------------------------------


def test_example_rule_loads() -> None:
    ruleset = load_rules(OK, OPERATORS)
    r = ruleset.by_id("T900")
    assert r is not None
    assert ruleset.by_id("t900") is r  # codes are case-insensitive on lookup
    assert r.name == "event-date-disjoint"
    assert r.status is RuleStatus.PREVIEW
    assert r.verdict.value == "conflict"
    assert r.priority == 50
    assert r.line == 2 and r.path.endswith("T900.yaml")
    # list-or-scalar parameters are normalized to tuples of strings
    assert r.when == {
        "time_relation": ("disjoint",),
        "modality": ("reported+reported",),
        "min_confidence": 0.6,
        "same_event": True,
    }
    assert [(c.op, c.line) for c in r.conditions] == [
        ("time_relation", 10),
        ("modality", 11),
        ("min_confidence", 12),
        ("same_event", 13),
    ]
    assert "One event cannot have two dates" in r.explanation
    assert ruleset.active() == (r,)


# --- broken rule files ----------------------------------------------------------------------

BAD_CASES = [
    # (file, code, line, words the message must contain)
    ("T901.yaml", "E101", 5, ["'verdit'", "did you mean 'verdict'"]),
    ("T901.yaml", "E102", 1, ["'verdict'"]),
    ("T9021.yaml", "E104", 1, ["'T9021'"]),
    ("T903.yaml", "E105", 2, ["'T913'", "T903.yaml"]),
    ("T904.yaml", "E107", 9, ["'time_relashun'", "did you mean 'time_relation'"]),
    ("T905.yaml", "E108", 10, ["'overlapp'", "did you mean 'overlap'"]),
    ("T906.yaml", "E110", 9, ["'{a_time}'", "subject"]),
    ("T907.yaml", "E112", 7, ["'severity'", "line 6"]),
    ("T908-second.yaml", "E106", 2, ["'T908'", "T908-first.yaml:1"]),
    ("T909.yaml", "E113", 9, ["line 8"]),
    ("T910.yaml", "E114", 11, ["python/object"]),
    ("T911.yaml", "E102", 1, ["'when'"]),
    ("T912.yaml", "E117", 7, ["T912"]),
    ("T914.yaml", "E109", 9, ["a number", "'high'"]),
    ("place/T915.yaml", "E118", 1, ["'place'", "'time/'"]),
    ("T916.yaml", "E111", 9, ["conversion"]),
    ("T917.yaml", "E103", 3, ["'stabel'", "did you mean 'stable'"]),
    ("T918.yaml", "E115", 1, ["a list"]),
]


@pytest.fixture(scope="module")
def bad_errors() -> list[CheckerError]:
    with pytest.raises(RuleSetError) as info:
        load_rules(BAD, OPERATORS)
    return info.value.errors


@pytest.mark.parametrize(("file", "code", "line", "words"), BAD_CASES)
def test_bad_rule_file(
    bad_errors: list[CheckerError], file: str, code: str, line: int, words: list[str]
) -> None:
    mine = [e for e in bad_errors if e.path is not None and e.path.endswith(file)]
    hits = [e for e in mine if e.code == code]
    assert hits, f"no {code} for {file}; got {[e.one_line() for e in mine]}"
    err = hits[0]
    assert err.line == line, err.one_line()
    for word in words:
        assert word in err.message, err.one_line()
    assert err.help, f"{code} has no help hint"
    assert err.one_line().startswith(f"[{code}] ")
    assert f"{file}:{line}: " in err.one_line()


def test_every_bad_file_is_reported_at_once(bad_errors: list[CheckerError]) -> None:
    files = {Path(e.path).name for e in bad_errors if e.path}
    expected = {Path(f).name for f, *_ in BAD_CASES}
    assert expected <= files
    # T908-first.yaml is a valid rule; only its twin is wrong
    assert "T908-first.yaml" not in files


def test_collect_rules_keeps_the_good_ones() -> None:
    ruleset, errors = collect_rules(BAD, OPERATORS)
    assert ruleset.ids() == ["T908"]
    assert errors


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    write(
        tmp_path,
        "T950.yaml",
        GOOD_RULE.format(id="T950", status="stable", priority=1)
        + f'metadata: !!python/object/apply:os.system ["touch {marker}"]\n',
    )
    with pytest.raises(RuleSetError) as info:
        load_rules(tmp_path, OPERATORS)
    assert info.value.codes == ["E114"]
    assert not marker.exists()


def test_yaml_1_1_surprises_are_off(tmp_path: Path) -> None:
    # 'no' stays text, so a values operator accepts it; '10:30' is not 630.
    ops = {"word": OperatorSpec("word", "", frozenset({"no", "10:30"}))}
    text = GOOD_RULE.format(id="T951", status="stable", priority=1).replace(
        "  time_relation: disjoint", "  word: [no, 10:30]"
    )
    write(tmp_path, "T951.yaml", text)
    r = load_rules(tmp_path, ops).by_id("T951")
    assert r is not None and r.when["word"] == ("no", "10:30")


def test_anchors_and_merge_keys_are_refused(tmp_path: Path) -> None:
    text = GOOD_RULE.format(id="T952", status="stable", priority=1).replace(
        "severity: low", "severity: &s low\nmetadata: {level: *s}"
    )
    write(tmp_path, "T952.yaml", text)
    with pytest.raises(RuleSetError) as info:
        load_rules(tmp_path, OPERATORS)
    assert info.value.codes == ["E114"]
    assert info.value.errors[0].line == 7


def test_mapping_parameter(tmp_path: Path) -> None:
    text = GOOD_RULE.format(id="T953", status="stable", priority=1).replace(
        "  time_relation: disjoint", "  thresholds: {ratio: 1.5, ratoi: 2}"
    )
    write(tmp_path, "T953.yaml", text)
    with pytest.raises(RuleSetError) as info:
        load_rules(tmp_path, OPERATORS)
    (err,) = info.value.errors
    assert err.code == "E108" and "'ratoi'" in err.message and err.line == 9


def test_sorting_status_and_warnings(tmp_path: Path) -> None:
    write(tmp_path, "time/T102.yaml", GOOD_RULE.format(id="T102", status="stable", priority=5))
    write(tmp_path, "time/T101.yaml", GOOD_RULE.format(id="T101", status="removed", priority=5))
    write(
        tmp_path,
        "place/G101-some-rule.yaml",  # a descriptive suffix after the code is allowed
        GOOD_RULE.format(id="G101", status="deprecated", priority=1),
    )
    ruleset = load_rules(tmp_path, OPERATORS)
    assert ruleset.ids() == ["G101", "T101", "T102"]
    assert [r.id for r in ruleset.active()] == ["G101", "T102"]
    codes = [w.code for w in ruleset.warnings]
    assert "W101" in codes  # deprecated
    assert "W103" in codes  # no vocab folder
    assert ruleset.by_id("T999") is None


def test_unknown_family_folder(tmp_path: Path) -> None:
    write(tmp_path, "misc/T101.yaml", GOOD_RULE.format(id="T101", status="stable", priority=1))
    with pytest.raises(RuleSetError) as info:
        load_rules(tmp_path, OPERATORS)
    assert info.value.codes == ["E124"]


def test_empty_and_missing_rules_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError) as info:
        load_rules(tmp_path, OPERATORS)
    assert info.value.codes == ["E116"]
    with pytest.raises(RuleSetError) as info:
        load_rules(tmp_path / "nope", OPERATORS)
    assert info.value.codes == ["E203"]


def test_message_rendering_is_plain_substitution() -> None:
    template = "{subject}: {a} vs {b}"
    assert render_message(template, {"subject": "date", "a": "{b}", "b": "x"}) == ("date: {b} vs x")
    assert render_message("{a} and {detail}", {"a": "1"}) == "1 and ?"
    assert {"subject", "a", "b", "a_article", "b_article", "relation", "detail"} == set(
        MESSAGE_PLACEHOLDERS
    )


def test_error_codes_are_well_formed() -> None:
    for cls, letter in ((Errors, "E"), (Warnings, "W")):
        codes = cls.codes()
        assert codes and all(c.startswith(letter) for c in codes)
        for code in codes:
            assert getattr(cls, code).startswith(f"[{code}] ")
    err = CheckerError.make(
        "E101",
        path="rules/time/T101.yaml",
        line=7,
        key="verdit",
        where="rule T101",
        suggestion=" (did you mean 'verdict'?)",
    )
    assert err.one_line() == (
        "[E101] rules/time/T101.yaml:7: unknown key 'verdit' in rule T101 (did you mean 'verdict'?)"
    )
    # A missing field never crashes error reporting.
    assert "<reason?>" in CheckerError.make("E001").message


def test_shipped_rules_and_vocabulary_load() -> None:
    ruleset, errors = collect_rules(Path(__file__).parents[1] / "rules", operators=None)
    assert errors == [], [e.one_line() for e in errors]
    assert "roles" in ruleset.vocab.kinds


# --- `checker rule` -------------------------------------------------------------------------


def make_app() -> typer.Typer:
    app = typer.Typer()
    app.command()(rule)

    @app.callback()
    def main() -> None:
        """checker (test app)."""

    return app


def test_rule_command_text() -> None:
    result = CliRunner().invoke(make_app(), ["rule", "T900", "--rules", str(OK)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("T900 event-date-disjoint")
    for part in (
        "preview",
        "conflict",
        "high",
        "{subject}: {a_article} says {a}",
        "time_relation: disjoint",
        "One event cannot have two dates",
    ):
        assert part in out


def test_rule_command_json() -> None:
    args = ["rule", "t900", "--format", "json", "--rules", str(OK)]
    result = CliRunner().invoke(make_app(), args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "T900"
    assert data["status"] == "preview"
    assert data["when"]["time_relation"] == ["disjoint"]
    assert data["explanation"].startswith("Flags two reports")


def test_rule_command_unknown_code() -> None:
    result = CliRunner().invoke(make_app(), ["rule", "T901", "--rules", str(OK)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("[E201] unknown rule code 'T901'")
    assert "did you mean 'T900'" in lines[0]


def test_rule_command_shows_errors_of_a_broken_rule() -> None:
    result = CliRunner().invoke(make_app(), ["rule", "T917", "--rules", str(BAD)])
    assert result.exit_code == 2
    assert result.stderr.startswith("[E103] ")
    assert "T917.yaml:3" in result.stderr
