"""The cycle collector is paused where a stage builds many objects, and only there."""

from __future__ import annotations

import gc
from pathlib import Path

import checker.run as run_module
from checker.memory import cycles_unchecked
from checker.run import check

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_the_collector_is_off_within_the_block_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with cycles_unchecked():
        assert not gc.isenabled()
        with cycles_unchecked():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still holds it off
    assert gc.isenabled()
    gc.disable()
    try:
        with cycles_unchecked():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_a_run_aligns_without_the_collector_and_restores_it(monkeypatch) -> None:
    seen: list[bool] = []
    real = run_module._judge

    def judge(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(run_module, "_judge", judge)
    result = check([SEEDS])
    assert seen == [False] and gc.isenabled()
    assert result.report.findings
