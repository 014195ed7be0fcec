"""Publication dates guessed from article texts, kept in the facts cache.

Ingest guesses the date of every undated article before any facts are looked up (the facts'
key includes the date), and guessing reads every time expression of the text: on a run whose
facts all come from the cache, that was most of the run. A guess depends only on the text and
the code that reads it, so it is kept under a key of both (`text_key`) and reused.

The cache never decides anything: an entry that cannot be read, or was written by another
version, is guessed again with a warning, and a cache that fails is dropped for the run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from pathlib import Path

import checker
from checker.cache.store import CacheSession, FactsCache, WarnFn, unreadable
from checker.errors import CheckerWarning
from checker.ingest.pubdate import DateGuess, guess_published
from checker.models.time import Granularity


def text_key(fingerprint: str, body: str) -> str:
    """The key of the guess for `body` by the code of `fingerprint`."""
    h = hashlib.sha256(f"date guess\0{fingerprint}\0".encode())
    h.update(body.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def encode_guess(guess: DateGuess | None) -> str:
    if guess is None:
        return "null"
    return json.dumps(
        {
            "day": _iso(guess.day),
            "earliest": _iso(guess.earliest),
            "latest": _iso(guess.latest),
            "evidence": list(guess.evidence),
            "precision": guess.precision.value if guess.precision else None,
        }
    )


def decode_guess(data: str) -> DateGuess | None:
    """The guess `encode_guess` wrote. Raises on anything else (ValueError, KeyError…)."""
    raw = json.loads(data)
    if raw is None:
        return None
    evidence = raw["evidence"]
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        raise ValueError("evidence is not a list of strings")
    precision = raw["precision"]
    return DateGuess(
        day=_day(raw["day"]),
        earliest=_day(raw["earliest"]),
        latest=_day(raw["latest"]),
        evidence=tuple(evidence),
        precision=Granularity(precision) if precision is not None else None,
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    return date.fromisoformat(value)


class CachedGuesses(CacheSession):
    """`guess_published` with its answers read from and stored in the facts cache. Call it like
    `guess_published`; `close` stores the new guesses (in one transaction) and closes the cache."""

    def __init__(self, cache: FactsCache | None, fingerprint: str, warn: WarnFn) -> None:
        super().__init__(cache, warn)
        self.fingerprint = fingerprint
        self.reused = 0  # guesses read from the cache (tests, diagnostics)

    @classmethod
    def open(cls, folder: Path | None, fingerprint: str, warn: WarnFn) -> CachedGuesses:
        cache = FactsCache.open(folder, warn) if folder is not None else None
        return cls(cache, fingerprint, warn)

    def __call__(self, body: str) -> DateGuess | None:
        if self.cache is None:
            return guess_published(body)
        key = text_key(self.fingerprint, body)
        try:
            found = self.cache.get_dates([key]).get(key)
        except sqlite3.Error as exc:
            self._give_up(exc)
            return guess_published(body)
        if found is not None:
            version, data = found
            reason = f"written by checker {version}" if version != checker.__version__ else None
            if reason is None:
                try:
                    guess = decode_guess(data)
                except Exception as exc:  # garbage: guessed again below
                    reason = unreadable(exc)
                else:
                    self.reused += 1
                    return guess
            self.warn(CheckerWarning.make("W304", path=str(self.cache.path), reason=reason))
        guess = guess_published(body)
        self.fresh[key] = encode_guess(guess)
        return guess

    def _put(self, cache: FactsCache, rows) -> None:
        cache.put_dates(rows)
