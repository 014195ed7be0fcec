"""Test-wide settings: the facts cache of commands run by tests lives in a temporary folder,
never in the working tree."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker.cache.store import CACHE_ENV


@pytest.fixture(autouse=True, scope="session")
def _cache_in_tmp(tmp_path_factory: pytest.TempPathFactory):
    # Set in os.environ, not by monkeypatch: commands run as subprocesses inherit it too.
    old = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("checker-cache"))
    yield
    if old is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = old


MILL_FIRE = Path(__file__).parent / "data" / "mill_fire"  # three invented articles of one story


@pytest.fixture
def mill_fire(tmp_path: Path) -> Path:
    """A fresh copy of the invented three-article story, safe to change."""
    out = tmp_path / "story"
    shutil.copytree(MILL_FIRE, out)
    return out
