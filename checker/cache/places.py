"""The gazetteer's answers alignment asks for, kept in the facts cache between runs.

Alignment asks the gazetteer only a few hundred questions (how two places relate, a country's
name), but loading it to answer them was a quarter of a run whose facts all come from the
cache. An answer depends on the two places and on the gazetteer's data alone, and the run's
fingerprint (`checker.cache.key.run_fingerprint`) covers the data packages, the place words and
the code, so answers are kept under the fingerprint and the question, and the gazetteer is
loaded only when a question has no answer yet.

As elsewhere in the cache, nothing is trusted: an answer that does not validate, or was written
by another version, is worked out again with a warning (W306).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checker.cache.store import CacheSession, FactsCache, WarnFn, current_data, unreadable
from checker.errors import CheckerWarning
from checker.models.place import Place, PlaceRelation


class PlaceAnswers(CacheSession):
    """`relation` and `country_name` as the gazetteer gives them, from the cache when it holds
    them; `gazetteer` loads the gazetteer (called on the first question not answered yet)."""

    def __init__(
        self,
        cache: FactsCache | None,
        fingerprint: str,
        gazetteer: Callable[[], Any],
        warn: WarnFn = lambda w: None,
    ) -> None:
        super().__init__(cache, warn)
        self.fingerprint = fingerprint
        self._gazetteer = gazetteer
        self._known: dict[str, str] = {}  # key -> answer as JSON, asked already in this run

    @classmethod
    def open(
        cls,
        folder: Path | None,
        fingerprint: str | None,
        gazetteer: Callable[[], Any],
        warn: WarnFn,
    ) -> PlaceAnswers:
        """The answers of the facts cache in `folder` (none kept without a cache)."""
        if folder is None or not fingerprint:
            return cls(None, "", gazetteer)
        return cls(FactsCache.open(folder, warn), fingerprint, gazetteer, warn)

    def relation(self, a: Place, b: Place, *, near_km: float = 60.0) -> PlaceRelation:
        """How place `a` relates to place `b` (`Gazetteer.relation`)."""
        question = f"relation\0{a.model_dump_json()}\0{b.model_dump_json()}\0{near_km!r}"
        answer = self._answer(
            question,
            lambda: self._gazetteer().relation(a, b, near_km=near_km).model_dump_json(),
            _relation_of,
        )
        return _relation_of(answer)

    def country_name(self, code: str) -> str:
        """A country's common English name from its ISO code (`Gazetteer.country_name`)."""
        answer = self._answer(
            f"country_name\0{code}",
            lambda: _json_text(self._gazetteer().country_name(code)),
            _text_of,
        )
        return _text_of(answer)

    def _answer(self, question: str, work: Callable[[], str], check: Callable[[str], Any]) -> str:
        """The answer to `question` as JSON: known, cached (if `check` accepts it) or worked."""
        key = hashlib.sha256(f"place {self.fingerprint}\0{question}".encode()).hexdigest()
        answer = self._known.get(key)
        if answer is None:
            answer = self._cached(key, check)
        if answer is None:
            answer = work()
            if self.cache is not None:
                self.fresh[key] = answer
        self._known[key] = answer
        return answer

    def _cached(self, key: str, check: Callable[[str], Any]) -> str | None:
        if self.cache is None:
            return None
        try:
            found = self.cache.get_places([key]).get(key)
        except sqlite3.Error as exc:
            self._give_up(exc)
            return None
        if found is None:
            return None
        version, data = found
        try:
            check(current_data(version, data))
        except Exception as exc:  # garbage, invalid JSON, a failing validation
            shown = str(self.cache.path) if self.cache is not None else ""
            self.warn(CheckerWarning.make("W306", path=shown, reason=unreadable(exc)))
            return None
        return data

    def _put(self, cache: FactsCache, rows) -> None:
        cache.put_places(rows)


def _relation_of(data: str) -> PlaceRelation:
    """The relation a JSON answer holds; raises `ValueError` when it holds anything else."""
    return PlaceRelation.model_validate(json.loads(data))


def _json_text(text: str) -> str:
    return json.dumps(text)


def _text_of(data: str) -> str:
    """The text a JSON answer holds; raises `ValueError` when it holds anything else."""
    text = json.loads(data)
    if not isinstance(text, str):
        raise ValueError(f"expected a text, found {type(text).__name__}")
    return text
