"""`checker ci` and `checker baseline`: exit codes, baselines, --since, outputs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.ci.baseline import Baseline, acknowledge, baseline_from, dump_baseline
from checker.ci.fingerprint import fingerprint, normalize
from checker.ci.github import command, escape_data, escape_property, render_github
from checker.ci.since import changed_since
from checker.ci.summary import render_summary
from checker.ci.triage import Status, triage
from checker.cli import app
from checker.errors import CheckerError
from checker.models.report import ArticleEntry, Claim, Finding, Report, Severity, Verdict

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_A = "000_eec35cb6180b1d60"
SEED_B = "001_5331dbfdcb5f601d"
NEW_ID = "002_patrols_october"
runner = CliRunner()

# Invented: contradicts seed 000 ("the joint patrols began operations in September" 2019) and
# agrees with seed 001 (the patrols "would begin in October 2019"), so it brings exactly one
# new conflict.
NEW_ARTICLE = """\
---
title: Chinese police patrol Belgrade streets
published: 2019-12-20
---
Chinese police patrol Belgrade streets

The Memorandum of Understanding on joint police patrols between Serbia and China was signed in \
May 2019, and the joint patrols began operations in October 2019.

Chinese officers now walk the streets of Belgrade, Novi Sad and Smederevo alongside Serbian police.
"""

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def copy_seeds(dest: Path) -> Path:
    folder = dest / "seeds"
    folder.mkdir(parents=True)
    for name in (f"{SEED_A}.txt", f"{SEED_B}.txt", "articles.yaml"):
        shutil.copy2(SEEDS / name, folder / name)
    return folder


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seed_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository: the seeds and their accepted baseline, then a commit adding one
    article that conflicts with a seed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("repo")
    git(repo, "init", "-q")
    copy_seeds(repo)
    code, _, err = invoke(
        "baseline", str(repo / "seeds"), "--output", str(repo / "checker-baseline.json")
    )
    assert code == 0, err
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "seeds and their reviewed baseline")
    (repo / "seeds" / f"{NEW_ID}.md").write_text(NEW_ARTICLE, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "a new article")
    return repo


@pytest.fixture
def in_repo(seed_repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Work inside a fresh copy of the repository (tests acknowledge and add files)."""
    # A per-test folder: object ids (used here before) can repeat once a test's objects are gone.
    copy = tmp_path / "repo"
    shutil.copytree(seed_repo, copy)
    monkeypatch.chdir(copy)
    monkeypatch.delenv("CI", raising=False)
    return copy


# ---- the done-when scenario ------------------------------------------------------------------


def test_baseline_records_the_reviewed_seed_conflict(seed_repo: Path) -> None:
    data = json.loads((seed_repo / "checker-baseline.json").read_text(encoding="utf-8"))
    assert [e["rule"] for e in data["findings"]] == ["T102"]
    assert data["findings"][0]["articles"] == [SEED_A, SEED_B]
    assert data["acknowledged"] == []


def test_new_conflict_fails_then_passes_once_acknowledged(in_repo: Path) -> None:
    base = ["ci", "seeds", "--since", "HEAD~1", "--baseline", "checker-baseline.json"]
    code, out, err = invoke(*base)
    assert code == 1, err
    lines = out.splitlines()
    assert len(lines) == 1, out
    assert lines[0].startswith(f"seeds/{NEW_ID}.md:7: [T101] joint patrol: start: ")
    assert "October 2019" in lines[0]
    assert "1 new" in err and "1 baseline" in err

    code, out, _ = invoke(*base, "--format", "sarif")
    assert code == 1
    results = json.loads(out)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["T101"]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == f"seeds/{NEW_ID}.md"
    assert location["region"]["startLine"] == 7
    related = results[0]["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == f"seeds/{SEED_A}.txt"

    code, out, _ = invoke(*base, "--format", "markdown")
    assert code == 1
    assert "1 new conflict" in out and "T101" in out and NEW_ID.replace("_", "\\_") in out

    code, out, _ = invoke(*base, "--format", "json")
    outcome = json.loads(out)
    new = [r for r in outcome["results"] if r["status"] == "new"]
    assert len(new) == 1 and new[0]["changed_articles"] == [NEW_ID]
    assert [r["status"] for r in outcome["results"] if r["finding"]["rule"] == "T102"] == [
        "baseline"
    ]

    fp = new[0]["fingerprint"]
    code, _, err = invoke(
        "baseline", "--acknowledge", fp[:12], "--reason", "x", "-o", "checker-baseline.json"
    )
    assert code == 2 and "[E224]" in err  # a prefix only names findings recorded in the file
    code, _, err = invoke(
        "baseline",
        "--acknowledge",
        fp,
        "--reason",
        "the agency corrected the date; both reports are quoted correctly",
        "--output",
        "checker-baseline.json",
    )
    assert code == 0, err
    code, out, err = invoke(*base)
    assert code == 0, err
    assert out == ""
    code, out, _ = invoke(*base, "--format", "json")
    statuses = {r["finding"]["rule"]: r["status"] for r in json.loads(out)["results"]}
    assert statuses == {"T101": "acknowledged", "T102": "baseline"}


def test_conflicts_of_unchanged_articles_are_context(in_repo: Path) -> None:
    # Without the baseline, the seed conflict is not new either: neither seed changed.
    code, out, _ = invoke("ci", "seeds", "--since", "HEAD~1", "--format", "json")
    assert code == 1
    statuses = {r["finding"]["rule"]: r["status"] for r in json.loads(out)["results"]}
    assert statuses == {"T101": "new", "T102": "context"}


def test_untracked_and_modified_articles_are_new(in_repo: Path) -> None:
    changes = changed_since("HEAD", in_repo / "seeds")
    assert changes.files == frozenset()
    (in_repo / "seeds" / "003_untracked.md").write_text("x", encoding="utf-8")
    seed = in_repo / "seeds" / f"{SEED_A}.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changes = changed_since("HEAD", in_repo / "seeds")
    assert changes.files is not None
    assert {p.name for p in changes.files} == {"003_untracked.md", f"{SEED_A}.txt"}


def test_unknown_revision_falls_back_to_the_baseline(in_repo: Path) -> None:
    code, out, err = invoke(
        "ci", "seeds", "--since", "no-such-rev", "--baseline", "checker-baseline.json"
    )
    assert code == 1  # the new article's conflict is not in the baseline
    warning = [line for line in err.splitlines() if line.startswith("[W211]")]
    assert len(warning) == 1
    assert "no-such-rev" in warning[0] and "using the baseline only" in warning[0]
    assert out.count("\n") == 1 and "[T101]" in out


@needs_git
def test_shallow_clone_falls_back(seed_repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", seed_repo.as_uri(), str(shallow)],
        check=True,
        capture_output=True,
    )
    changes = changed_since("HEAD~1", shallow / "seeds")
    assert changes.files is None
    assert changes.reason is not None and "not in this checkout" in changes.reason
    detached = changed_since("HEAD", shallow / "seeds")  # what is there still works
    assert detached.files == frozenset()


def test_without_git_falls_back_to_the_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("baseline", "seeds")
    assert code == 0, err
    base = ["ci", "seeds", "--since", "HEAD~1", "--baseline", "checker-baseline.json"]
    code, out, err = invoke(*base)
    assert code == 0, err
    assert out == ""
    assert "[W211] --since HEAD~1: 'seeds' is not in a git repository" in err

    monkeypatch.setattr("checker.ci.since.shutil.which", lambda _name: None)
    changes = changed_since("HEAD~1", tmp_path / "seeds")
    assert changes.files is None and changes.reason == "git is not installed"
    code, out, err = invoke("ci", "seeds", "--since", "HEAD~1")  # no baseline: all new
    assert code == 1
    assert "git is not installed; every conflict counts as new" in err
    assert out.startswith(f"seeds/{SEED_A}.txt:23: [T102]")


# ---- exit codes --------------------------------------------------------------------------------


def test_fail_on_severity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("ci", "seeds")  # the seed conflict (T102, low) is new
    assert code == 1 and "[T102]" in out
    code, out, _ = invoke("ci", "seeds", "--fail-on", "medium")
    assert code == 0
    assert "[T102]" in out  # still listed, it just does not fail the build
    code, _, err = invoke("ci", "seeds", "--fail-on", "urgent")
    assert code == 2 and "urgent" in err


def test_malformed_article_is_skipped_unless_nothing_was_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_seeds(tmp_path)
    (folder / "broken.txt").write_bytes(b"\xff\xfe not utf-8 \xc3")
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("ci", "seeds", "--fail-on", "high")
    assert code == 0, err
    assert "[E002] seeds/broken.txt" in err
    code, out, _ = invoke("ci", "seeds", "--format", "json")
    assert code == 1
    assert [p["code"] for p in json.loads(out)["problems"]] == ["E002"]

    only_broken = tmp_path / "only"
    only_broken.mkdir()
    (only_broken / "broken.txt").write_bytes(b"\xff\xfe")
    code, _, err = invoke("ci", "only")
    assert code == 2
    assert "[E002]" in err and "nothing was checked" in err


def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("ci", "no/such/folder")
    assert code == 2 and "[E007]" in err
    code, _, err = invoke("ci", str(SEEDS), "--baseline", "missing.json")
    assert code == 2 and "[E222]" in err
    Path("bad.json").write_text("{not json", encoding="utf-8")
    code, _, err = invoke("ci", str(SEEDS), "--baseline", "bad.json")
    assert code == 2 and "[E223] bad.json:1" in err
    Path("typo.json").write_text('{"findings": [], "acknowleged": []}', encoding="utf-8")
    code, _, err = invoke("ci", str(SEEDS), "--baseline", "typo.json")
    assert code == 2 and "[E223]" in err and "acknowleged" in err
    code, _, err = invoke("baseline", "--acknowledge", "a" * 64)
    assert code == 2 and "[E225]" in err
    code, _, err = invoke("baseline", "--acknowledge", "xyz", "--reason", "why")
    assert code == 2 and "[E224]" in err


def test_stale_entries_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert invoke("baseline", "seeds")[0] == 0
    data = json.loads(Path("checker-baseline.json").read_text(encoding="utf-8"))
    gone = {**data["findings"][0], "fingerprint": "f" * 64, "subject": "a fixed conflict"}
    data["findings"].append(gone)
    data["acknowledged"].append({"fingerprint": "e" * 64, "reason": "old"})
    Path("checker-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, err = invoke("ci", "seeds", "--baseline", "checker-baseline.json")
    assert code == 0 and out == ""
    assert "[W212] stale baseline entry ffffffffffff (T102 a fixed conflict)" in err
    assert "[W212] stale baseline entry eeeeeeeeeeee" in err
    code, out, _ = invoke("ci", "seeds", "--baseline", "checker-baseline.json", "--format", "json")
    outcome = json.loads(out)
    assert [e["fingerprint"] for e in outcome["stale"]] == ["f" * 64]
    assert [a["fingerprint"] for a in outcome["stale_acknowledged"]] == ["e" * 64]
    # Regenerating keeps acknowledgements and drops stale entries.
    assert invoke("baseline", "seeds")[0] == 0
    data = json.loads(Path("checker-baseline.json").read_text(encoding="utf-8"))
    assert len(data["findings"]) == 1 and len(data["acknowledged"]) == 1


def test_summary_file_is_appended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    Path("summary.md").write_text("earlier step\n", encoding="utf-8")
    code, out, _ = invoke("ci", "seeds", "--format", "github", "--summary", "summary.md")
    assert code == 1
    assert out.startswith(f"::error file=seeds/{SEED_A}.txt,line=23,col=1,endLine=23,")
    text = Path("summary.md").read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## checker: 1 new conflict")


# ---- fingerprints -------------------------------------------------------------------------------


def _claim(article: str, value: str, quote: str, line: int = 1, start: int = 0) -> Claim:
    return Claim(
        article=article, quote=quote, start=start, end=start + len(quote), line=line, value=value
    )


def _finding(claims: list[Claim], rule: str = "T101", severity: str = "high") -> Finding:
    return Finding(
        id="F001",
        rule=rule,
        rule_name="event-date-disjoint",
        kind="time",
        verdict=Verdict.CONFLICT,
        severity=Severity(severity),
        subject="joint patrol: start",
        explanation="September 2019 vs October 2019",
        confidence=0.9,
        claims=claims,
    )


A = ("2019-09", "The patrols began in September.")
B = ("2019-10", "The patrols began in October 2019.")


def test_fingerprint_ignores_order_lines_offsets_and_file_names() -> None:
    one = _finding([_claim("a", *A, line=3, start=10), _claim("b", *B, line=9, start=50)])
    other = _finding([_claim("x/b2", *B, line=1, start=0), _claim("a2", *A, line=40, start=999)])
    assert fingerprint(one) == fingerprint(other)
    spaced = _finding([_claim("a", A[0], " The  patrols began\nin September. "), _claim("b", *B)])
    assert fingerprint(spaced) == fingerprint(one)
    wide = _finding([_claim("a", "２０19-09", A[1]), _claim("b", *B)])  # full-width digits
    assert fingerprint(wide) == fingerprint(one)
    assert len(fingerprint(one)) == 64


def test_fingerprint_changes_with_content() -> None:
    one = _finding([_claim("a", *A), _claim("b", *B)])
    assert fingerprint(_finding([_claim("a", *A), _claim("b", *B)], rule="T102")) != fingerprint(
        one
    )
    assert fingerprint(_finding([_claim("a", *A), _claim("b", "2019-11", B[1])])) != fingerprint(
        one
    )
    assert fingerprint(_finding([_claim("a", *A), _claim("b", B[0], B[1] + "!")])) != fingerprint(
        one
    )
    assert normalize("a\u00a0 b\t\nc") == "a b c"


# ---- triage, baseline, outputs (no pipeline run) ------------------------------------------------


def _report(findings: list[Finding]) -> Report:
    articles = [
        ArticleEntry(id=i, path=f"news/{i}.md", title=i, published=None, published_inferred=False)
        for i in ("a", "b")
    ]
    return Report(tool_version="0", articles=articles, findings=findings)


def test_acknowledged_findings_never_fail() -> None:
    finding = _finding([_claim("a", *A), _claim("b", *B)])
    report = _report([finding])
    recorded = baseline_from(report.findings)
    assert triage(report, baseline=recorded).exit_code == 0
    acked, fp = acknowledge(Baseline(), fingerprint(finding), "checked with the agency")
    outcome = triage(report, baseline=acked)
    assert outcome.exit_code == 0
    assert outcome.results[0].status is Status.ACKNOWLEDGED
    assert outcome.results[0].reason == "checked with the agency"
    assert fp == fingerprint(finding)
    with pytest.raises(CheckerError) as err:
        acknowledge(Baseline(), fingerprint(finding), "  ")
    assert err.value.code == "E225"
    # A unique prefix of a recorded finding is enough.
    _, full = acknowledge(recorded, fingerprint(finding)[:10], "ok")
    assert full == fingerprint(finding)


def test_baseline_file_is_stable() -> None:
    f1 = _finding([_claim("a", *A), _claim("b", *B)], rule="T101")
    f2 = _finding([_claim("a", *A), _claim("b", *B)], rule="G101")
    agreement = _finding([_claim("a", *A), _claim("b", *A)]).model_copy(
        update={"verdict": Verdict.AGREEMENT}
    )
    one = dump_baseline(baseline_from([f1, f2, agreement]))
    two = dump_baseline(baseline_from([agreement, f2, f1]))
    assert one == two
    assert [e["rule"] for e in json.loads(one)["findings"]] == ["G101", "T101"]


def test_github_annotations_escape_article_text() -> None:
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert command("error", "x", file="a,b.md", line=3) == "::error file=a%2Cb.md,line=3::x"
    evil = "began in October.\n::error::injected, 100%"
    finding = _finding([_claim("a", *A), _claim("b", B[0], evil)]).model_copy(
        update={"subject": "start: a,b\nc"}
    )
    out = render_github(triage(_report([finding])), {})
    lines = out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::error file=news/a.md,line=1,title=[T101] start%3A a%2Cb%0Ac::")
    assert "%0Anews/b.md:1: began in October. ::error::injected, 100%25" in lines[0]


def test_markdown_summary_escapes_article_text() -> None:
    evil = "<script>alert(1)</script> *bold* [link](http://x) | cell"
    finding = _finding([_claim("a", *A), _claim("b", B[0], evil)])
    text = render_summary(triage(_report([finding])))
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "\\*bold\\*" in text and "\\[link\\]" in text and "\\| cell" in text
    assert fingerprint(finding) in text


# ---- progress ------------------------------------------------------------------------------------


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    from checker.commands.checked import progress_bar

    monkeypatch.delenv("CI", raising=False)
    with progress_bar(2, Console(file=io.StringIO())) as callback:
        assert callback is None  # not a terminal
    terminal = Console(file=io.StringIO(), force_terminal=True)
    with progress_bar(2, terminal) as callback:
        assert callback is not None
        callback("a")
    monkeypatch.setenv("CI", "true")
    with progress_bar(2, terminal) as callback:
        assert callback is None
