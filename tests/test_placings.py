"""Who came second: a placing held by one person at a time."""

from __future__ import annotations

from pathlib import Path

from checker.run import check


def _write(folder: Path, name: str, body: str) -> None:
    (folder / f"{name}.txt").write_text(
        f"---\npublished: 2024-04-22\n---\nValmora marathon\n\n{body}\n", encoding="utf-8"
    )


def _placings(folder: Path) -> list[tuple[str, str, str]]:
    report = check([folder]).report
    return sorted(
        (f.subject, f.rule, f.verdict.value) for f in report.findings if "place" in f.subject
    )


def test_two_people_in_second_place_conflict(tmp_path: Path) -> None:
    _write(tmp_path, "a", "Martin Okafor came in second in the Valmora marathon on Sunday.")
    _write(tmp_path, "b", "The second-place finisher, Tomas Reyes, ran a personal best on Sunday.")
    assert _placings(tmp_path) == [("second place", "P101", "conflict")]


def test_one_runner_up_in_two_wordings_agrees(tmp_path: Path) -> None:
    _write(tmp_path, "a", "Martin Okafor of Norland claimed third in the Valmora marathon.")
    _write(tmp_path, "b", "In the Valmora marathon, Martin Okafor finished third on Sunday.")
    assert _placings(tmp_path) == [("third place", "P110", "agreement")]


def test_placings_of_two_divisions_are_not_compared(tmp_path: Path) -> None:
    _write(tmp_path, "a", "In the women's race, Ana Ruiz came second on Sunday.")
    _write(tmp_path, "b", "In the men's race, Martin Okafor came second on Sunday.")
    assert _placings(tmp_path) == []
