"""Test-wide settings: the facts cache and the gazetteer's derived file of commands run by
tests live in temporary folders, never in the working tree or the user's cache."""

from __future__ import annotations

import os

import pytest

from checker.cache.store import CACHE_ENV
from checker.extract.gazetteer_store import DIR_ENV as GAZETTEER_ENV


@pytest.fixture(autouse=True, scope="session")
def _cache_in_tmp(tmp_path_factory: pytest.TempPathFactory):
    # Set in os.environ, not by monkeypatch: commands run as subprocesses inherit it too.
    olds = {name: os.environ.get(name) for name in (CACHE_ENV, GAZETTEER_ENV)}
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("checker-cache"))
    os.environ[GAZETTEER_ENV] = str(tmp_path_factory.mktemp("gazetteer"))
    yield
    for name, old in olds.items():
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old
