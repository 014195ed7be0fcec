"""`checker eval`: gold files, quote location, matching, scores, output and errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.eval.match import find_quote, normalize, sentence_span
from checker.eval.score import EvalResult
from checker.models.report import SCHEMA_VERSION

DATA = Path(__file__).parent / "data" / "eval"
BRIDGE = DATA / "footbridge"
runner = CliRunner()


def _eval(*args: str) -> Any:
    return runner.invoke(app, ["eval", *args])


def _json(*args: str) -> dict[str, Any]:
    result = _eval(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def bridge_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The checker's JSON report on the footbridge articles, made once for the module."""
    out = tmp_path_factory.mktemp("eval") / "report.json"
    result = runner.invoke(app, ["run", str(BRIDGE), "--format", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [(f["rule"], f["verdict"]) for f in findings] == [("T101", "conflict")]
    return out


def _items(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in data["items"]}


def _write(folder: Path, text: str) -> Path:
    for name in ("a.txt", "b.txt"):
        shutil.copy(BRIDGE / name, folder / name)
    gold = folder / "gold.yaml"
    gold.write_text(text, encoding="utf-8")
    return gold


ITEM = """\
items:
  - id: opening
    kind: time
    verdict: {verdict}
    a: {{file: a.txt, quote: "opened to pedestrians in March 2021"}}
    b: {{file: b.txt, quote: "{b_quote}"}}
"""


# --- scoring on the footbridge articles ------------------------------------------------------


def test_conflict_found_agreement_missed_no_conflict_passes(bridge_report: Path) -> None:
    result = _eval(str(BRIDGE / "gold.yaml"), "--report", str(bridge_report))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "PASS opening-date (time, conflict) — matched F001" in lines
    assert "FAIL ceremony (other, agreement) — no agreement finding between a and b" in lines
    assert "PASS cost-and-length (count, no_conflict) — no conflict finding between a and b" in (
        lines
    )
    assert any(line.split() == ["all", "1/1", "=", "1.00", "0/1", "=", "0.00"] for line in lines)
    assert "no_conflict items passed: 1/1 = 1.00" in lines
    assert "Conflict findings matching no gold item: 0 of 1 (0%)" in lines

    data = _json(str(BRIDGE / "gold.yaml"), "--report", str(bridge_report))
    items = _items(data)
    assert items["opening-date"]["status"] == "pass"
    assert items["opening-date"]["matched"] == ["F001"]
    assert items["ceremony"]["status"] == "fail"
    assert items["cost-and-length"]["status"] == "pass"
    scores = data["scores"]
    assert scores["conflict"] == {"passed": 1, "total": 1, "rate": 1.0}
    assert scores["agreement"]["rate"] == 0.0 < 1
    assert scores["no_conflict"] == {"passed": 1, "total": 1, "rate": 1.0}
    assert scores["by_kind"]["time"]["conflict"]["rate"] == 1.0
    assert scores["by_kind"]["other"]["agreement"] == {"passed": 0, "total": 1, "rate": 0.0}
    # The gold sentence is the whole sentence around the quote, in original offsets.
    side = items["opening-date"]["a"]
    text = (BRIDGE / "a.txt").read_text(encoding="utf-8")
    assert side["sentence"] == text[side["sentence_start"] : side["sentence_end"]]
    assert side["sentence"].startswith("The new Rhine footbridge") and side["sentence"][-1] == "."


def test_unmatched_conflict_is_a_candidate_false_alarm(bridge_report: Path) -> None:
    result = _eval(str(BRIDGE / "gold_partial.yaml"), "--report", str(bridge_report))
    assert result.exit_code == 0, result.output
    assert "Conflict findings matching no gold item: 1 of 1 (100%)" in result.stdout
    listed = [line for line in result.stdout.splitlines() if line.startswith("  F001 ")]
    assert len(listed) == 1
    assert "T101" in listed[0] and "rhine footbridge" in listed[0] and "a ↔ b" in listed[0]

    data = _json(str(BRIDGE / "gold_partial.yaml"), "--report", str(bridge_report))
    unmatched = data["unmatched_conflicts"]
    assert (unmatched["count"], unmatched["conflict_findings"], unmatched["rate"]) == (1, 1, 1.0)
    assert unmatched["findings"][0]["id"] == "F001"
    assert unmatched["findings"][0]["articles"] == ["a", "b"]
    assert unmatched["findings"][0]["contradicts"] == []


def test_no_conflict_item_fails_on_a_conflict_finding(tmp_path: Path, bridge_report: Path) -> None:
    gold = _write(
        tmp_path,
        ITEM.format(verdict="no_conflict", b_quote="opened to pedestrians in April 2021"),
    )
    data = _json(str(gold), "--report", str(bridge_report))
    item = data["items"][0]
    assert item["status"] == "fail" and item["matched"] == ["F001"]
    assert data["scores"]["no_conflict"]["rate"] == 0.0
    # The finding is still unconfirmed, and the gold item that says otherwise is named.
    assert data["unmatched_conflicts"]["findings"][0]["contradicts"] == ["opening"]


def test_quote_in_another_sentence_does_not_match(tmp_path: Path, bridge_report: Path) -> None:
    gold = _write(tmp_path, ITEM.format(verdict="conflict", b_quote="spans 280 metres"))
    result = _eval(str(gold), "--report", str(bridge_report))
    assert result.exit_code == 0, result.output
    assert "FAIL opening (time, conflict) — no conflict finding between a and b" in result.stdout
    assert "(other sentences: F001)" in result.stdout


def test_same_verdict_on_other_kind_still_matches(tmp_path: Path, bridge_report: Path) -> None:
    # Kind is for the breakdown only: a `time` finding matches an `other` item.
    gold = _write(
        tmp_path,
        ITEM.format(verdict="conflict", b_quote="in April 2021").replace(
            "kind: time", "kind: other"
        ),
    )
    data = _json(str(gold), "--report", str(bridge_report))
    assert data["items"][0]["status"] == "pass"
    assert set(data["scores"]["by_kind"]) == {"other"}


def test_running_gives_the_same_result_as_report(bridge_report: Path) -> None:
    ran = _json(str(BRIDGE / "gold.yaml"))
    read = _json(str(BRIDGE / "gold.yaml"), "--report", str(bridge_report))
    assert ran["report"]["source"] == "run" and read["report"]["source"] == "file"
    for key in ("items", "scores", "unmatched_conflicts", "warnings"):
        assert ran[key] == read[key], key


def test_several_gold_files_and_json_schema(bridge_report: Path) -> None:
    data = _json(
        str(BRIDGE / "gold.yaml"), str(BRIDGE / "gold_partial.yaml"), "--report", str(bridge_report)
    )
    assert data["schema_version"] == 1
    assert len(data["items"]) == 4
    assert data["gold_files"] == [str(BRIDGE / "gold.yaml"), str(BRIDGE / "gold_partial.yaml")]
    jsonschema.validate(data, EvalResult.model_json_schema())
    assert EvalResult.model_validate(data).scores.no_conflict.total == 2


def test_fail_under_thresholds(bridge_report: Path) -> None:
    gold = str(BRIDGE / "gold.yaml")
    ok = _eval(gold, "--report", str(bridge_report), "--fail-under-conflict-recall", "0.9")
    assert ok.exit_code == 0, ok.output
    low = _eval(gold, "--report", str(bridge_report), "--fail-under-agreement-recall", "0.5")
    assert low.exit_code == 1
    assert "agreement recall 0.00 is below 0.50" in low.stderr


# --- quote normalisation -------------------------------------------------------------------


def test_normalised_quotes_match_when_running() -> None:
    # Gold quotes with a ligature, full-width digits, straight quote and extra spaces;
    # the article has a curly apostrophe and a no-break space.
    data = _json(str(DATA / "normalise" / "gold.yaml"))
    item = data["items"][0]
    assert item["status"] == "pass" and item["matched"] == ["F001"]
    assert item["b"]["sentence"].startswith("Cologne\u2019s new Rhine\u00a0footbridge")


def test_normalize_keeps_offsets_into_the_original() -> None:
    text = "He said \u201cIt\u2019s   \ufb01ne.\u201d\nCafe\u0301 next."
    spans = find_quote(text, '"It\'s fine."')
    assert len(spans) == 1
    start, end = spans[0]
    assert text[start:end] == "\u201cIt\u2019s   \ufb01ne.\u201d"
    # A decomposed accent matches a precomposed one, and the span keeps the mark.
    (cafe,) = find_quote(text, "Caf\u00e9")
    assert text[cafe[0] : cafe[1]] == "Cafe\u0301"
    assert normalize("a \u00a0\t b").text == "a b"
    assert find_quote(text, "it's fine") == []  # letter case is kept


def test_sentence_span_boundaries() -> None:
    text = "First one. Second has 3.5 km, he said! Third?\nFourth line"
    start = text.index("3.5")
    s, e = sentence_span(text, start, start + 3)
    assert text[s:e] == "Second has 3.5 km, he said!"
    start = text.index("Fourth")
    s, e = sentence_span(text, start, start + 6)
    assert text[s:e] == "Fourth line"
    start = text.index("one")
    s, e = sentence_span(text, start, text.index("Second") + 6)  # a quote across sentences
    assert text[s:e] == "First one. Second has 3.5 km, he said!"


# --- bad input: exit 2, one line naming the problem -----------------------------------------


def test_missing_quote_names_the_item(tmp_path: Path) -> None:
    gold = _write(tmp_path, ITEM.format(verdict="conflict", b_quote="opened to cyclists"))
    result = _eval(str(gold))
    assert result.exit_code == 2
    assert "[E217]" in result.stderr and "'opening'" in result.stderr
    assert "b.txt" in result.stderr and "gold.yaml:6" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_key_is_named(tmp_path: Path) -> None:
    gold = _write(
        tmp_path,
        ITEM.format(verdict="conflict", b_quote="April 2021").replace("kind:", "knd:"),
    )
    result = _eval(str(gold))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"[E212] {gold}:3: unknown key 'knd' in item 'opening' (did you mean 'kind'?); "
        "allowed keys: a, b, description, id, kind, note, verdict"
    ]


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("items:\n  - id: x\n    a: {file: a.txt, quote: 'x'\n", "E211", ":4:"),
        (ITEM.format(verdict="conflict", b_quote="x").replace("time", "date"), "E214", "'kind'"),
        (ITEM.format(verdict="conflict", b_quote="x").replace("b.txt", "c.txt"), "E216", "c.txt"),
        (ITEM.format(verdict="conflict", b_quote="x").replace("b.txt", "a.txt"), "E214", "same"),
        ("items: []\n", "E214", "no items"),
        ("- id: x\n", "E211", "found a list"),
    ],
)
def test_bad_gold_files(tmp_path: Path, text: str, code: str, expected: str) -> None:
    gold = _write(tmp_path, text)
    result = _eval(str(gold))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"[{code}] {gold}") and expected in lines[0]


def test_duplicate_ids_across_gold_files(tmp_path: Path) -> None:
    gold = _write(tmp_path, ITEM.format(verdict="conflict", b_quote="April 2021"))
    other = tmp_path / "more.yaml"
    other.write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    result = _eval(str(gold), str(other))
    assert result.exit_code == 2
    assert f"[E215] {other}:2: duplicate gold item id 'opening' (first defined at {gold}:2)" in (
        result.stderr
    )


def test_bad_report_and_missing_files(tmp_path: Path) -> None:
    gold = _write(tmp_path, ITEM.format(verdict="conflict", b_quote="April 2021"))
    assert "[E210]" in _eval(str(tmp_path / "none.yaml")).stderr
    bad = tmp_path / "report.json"
    bad.write_text("{not json", encoding="utf-8")
    result = _eval(str(gold), "--report", str(bad))
    assert result.exit_code == 2 and "[E219]" in result.stderr
    missing = _eval(str(gold), "--report", str(tmp_path / "nope.json"))
    assert missing.exit_code == 2 and "[E219]" in missing.stderr
    nodir = _eval(str(gold), "--articles", str(tmp_path / "nodir"))
    assert nodir.exit_code == 2 and "[E220]" in nodir.stderr


def test_report_without_the_article_names_the_item(tmp_path: Path, bridge_report: Path) -> None:
    gold = _write(tmp_path, ITEM.format(verdict="conflict", b_quote="April 2021"))
    data = json.loads(bridge_report.read_text(encoding="utf-8"))
    data["articles"] = [a for a in data["articles"] if a["id"] != "b"]
    report = tmp_path / "report.json"
    report.write_text(json.dumps(data), encoding="utf-8")
    result = _eval(str(gold), "--report", str(report))
    assert result.exit_code == 2
    assert "[E218]" in result.stderr and "'opening'" in result.stderr and "b.txt" in result.stderr


def test_articles_folder_option(tmp_path: Path, bridge_report: Path) -> None:
    # The gold file lives elsewhere; --articles says where its files are.
    gold = tmp_path / "gold.yaml"
    gold.write_text(ITEM.format(verdict="conflict", b_quote="April 2021"), encoding="utf-8")
    data = _json(str(gold), "--articles", str(BRIDGE), "--report", str(bridge_report))
    assert data["items"][0]["status"] == "pass"
    assert data["items"][0]["a"]["path"] == str((BRIDGE / "a.txt").resolve())


def test_stale_report_claims_are_warned(tmp_path: Path, bridge_report: Path) -> None:
    gold = _write(tmp_path, ITEM.format(verdict="conflict", b_quote="April 2021"))
    data = json.loads(bridge_report.read_text(encoding="utf-8"))
    data["findings"][0]["claims"][0]["quote"] = "something the article no longer says"
    report = tmp_path / "report.json"
    report.write_text(json.dumps(data), encoding="utf-8")
    result = _json(str(gold), "--articles", str(BRIDGE), "--report", str(report))
    assert len(result["warnings"]) == 1 and "[W210]" in result["warnings"][0]


def test_a_schema_1_report_without_stories_is_still_read(
    tmp_path: Path, bridge_report: Path
) -> None:
    data = json.loads(bridge_report.read_text(encoding="utf-8"))
    assert data["schema_version"] == 5 and data["stories"]
    assert all(a["origin"] == "file" for a in data["articles"])
    ran = _json(str(BRIDGE / "gold.yaml"), "--report", str(bridge_report))
    old = tmp_path / "old.json"
    # schema 3: no word on where each article's text came from
    data["schema_version"] = 3
    new_fields = ("origin", "row", "source_line", "text_note", "text_sha256", "text_file")
    data["articles"] = [
        {k: v for k, v in a.items() if k not in new_fields} for a in data["articles"]
    ]
    old.write_text(json.dumps(data), encoding="utf-8")
    assert _json(str(BRIDGE / "gold.yaml"), "--report", str(old))["items"] == ran["items"]
    # schema 1: no stories, no range of an inferred date, no copies either
    data["schema_version"] = 1
    del data["stories"], data["copies"]
    for art in data["articles"]:  # fields of schema 3
        del art["published_earliest"], art["published_latest"]
    old.write_text(json.dumps(data), encoding="utf-8")
    read = _json(str(BRIDGE / "gold.yaml"), "--report", str(old))
    assert read["items"] == ran["items"]
    data["schema_version"] = SCHEMA_VERSION + 1  # a newer checker's report
    old.write_text(json.dumps(data), encoding="utf-8")
    assert "[E219]" in _eval(str(BRIDGE / "gold.yaml"), "--report", str(old)).stderr
