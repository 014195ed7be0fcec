"""Test-wide settings: the facts cache and the gazetteer's derived file of commands run by
tests live in temporary folders, never in the working tree or the user's cache."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from checker.cache.store import CACHE_ENV
from checker.extract.gazetteer_store import DIR_ENV as GAZETTEER_ENV

_saved: dict[str, str | None] = {}


def pytest_configure(config: pytest.Config) -> None:
    # Before collection: some test modules load the gazetteer while they are collected.
    # Set in os.environ, not by monkeypatch: commands run as subprocesses inherit it too.
    _saved[GAZETTEER_ENV] = os.environ.get(GAZETTEER_ENV)
    os.environ[GAZETTEER_ENV] = tempfile.mkdtemp(prefix="checker-gazetteer-")


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = os.environ.get(GAZETTEER_ENV)
    if folder and folder != _saved.get(GAZETTEER_ENV):
        shutil.rmtree(folder, ignore_errors=True)
    _restore(GAZETTEER_ENV, _saved.get(GAZETTEER_ENV))


@pytest.fixture(autouse=True, scope="session")
def _cache_in_tmp(tmp_path_factory: pytest.TempPathFactory):
    old = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("checker-cache"))
    yield
    _restore(CACHE_ENV, old)


def _restore(name: str, old: str | None) -> None:
    if old is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = old


MILL_FIRE = Path(__file__).parent / "data" / "mill_fire"  # three invented articles of one story


@pytest.fixture
def mill_fire(tmp_path: Path) -> Path:
    """A fresh copy of the invented three-article story, safe to change."""
    out = tmp_path / "story"
    shutil.copytree(MILL_FIRE, out)
    return out
