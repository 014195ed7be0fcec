"""Output safety: nothing from an article reaches a terminal or a log raw, outputs are written in
one step (a killed run leaves the old file or the new one), and baseline updates are locked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from checker.ci.github import command
from checker.cli import app
from checker.report.facts import render_facts
from checker.safewrite import write_atomic

ROOT = Path(__file__).resolve().parents[1]
ESC = "\x1b"
FORGED = "\n[E000] forged.txt: not from checker"
runner = CliRunner()


def test_github_commands_escape_controls_and_separators() -> None:
    line = command("warning", f"50% {ESC}]0;x\x07 a\r\nb", file="a:b,c.txt", title=f"t{ESC}")
    assert line == "::warning file=a%3Ab%2Cc.txt,title=t\\x1b::50%25 \\x1b]0;x\\x07 a%0D%0Ab"
    assert "\n" not in line and ESC not in line


def test_problem_lines_on_stderr_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("The council said the bridge will open in May.\n")
    (folder / f"bad{ESC}[31m{FORGED}.txt").write_text("")
    (folder / "lang.txt").write_text(f'---\nlanguage: "xx\\e]0;t\\a{FORGED}"\n---\nText.\n')
    result = runner.invoke(app, ["ci", str(folder), "--format", "github"])
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert ESC not in err and "\x07" not in err
    assert not any(line.startswith("[E000]") for line in err.splitlines())
    assert "[E004]" in err and "[E008]" in err
    assert ESC not in result.stdout and "::warning file=" in result.stdout


def test_facts_text_has_no_control_characters(tmp_path: Path) -> None:
    from checker.extract.pipeline import Context, Extractor
    from checker.ingest import load_article

    path = tmp_path / "a.txt"
    path.write_text(
        f'---\ntitle: "Bridge\\e[31m opens\\n[E000] x"\n---\n'
        f"The council{ESC}]0;pwned\x07 said the bridge will open in May.\n"
    )
    article = load_article(path)
    out = render_facts(article, Extractor(Context())(article))
    assert ESC not in out and "\x07" not in out
    assert not any(line.startswith("[E000]") for line in out.splitlines())


def test_output_in_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "report.json"
    for args in (
        ["run", "seeds", "--output", str(missing)],
        ["ci", "seeds", "--summary", str(missing)],
        ["ci", "seeds", "--output", str(missing)],
        ["baseline", "seeds", "--output", str(missing)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.count("\n") == 1 and "[E227]" in result.stderr
        assert "Traceback" not in result.output


_WRITER = """
import sys
from pathlib import Path
from checker.safewrite import write_atomic
path = Path(sys.argv[1])
i = 0
print("ready", flush=True)
while True:
    i += 1
    write_atomic(path, (str(i % 10) * 4_000_000) + "\\n")
"""


def test_a_killed_writer_leaves_a_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    write_atomic(target, "old\n")
    for delay in (0.05, 0.2, 0.35):
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(target)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        text = target.read_text()
        assert text == "old\n" or (len(text) == 4_000_001 and len(set(text[:-1])) == 1)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "report.txt"]
    # A killed writer may leave its temporary file (hidden, named after the target); never more.
    assert all(name.startswith(".report.txt.") for name in leftovers)


def test_concurrent_acknowledgements_are_all_kept(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    fingerprints = [f"{i:x}" * 64 for i in range(1, 7)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "checker", "baseline", "--output", str(baseline)]
            + ["--acknowledge", fp, "--reason", f"reviewed {n}"],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stderr=subprocess.PIPE,
        )
        for n, fp in enumerate(fingerprints)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    data = json.loads(baseline.read_text())
    assert sorted(a["fingerprint"] for a in data["acknowledged"]) == sorted(fingerprints)
