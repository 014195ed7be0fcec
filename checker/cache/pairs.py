"""What alignment found for a pair of articles, kept in the facts cache between runs.

A run whose facts all come from the cache, or that adds one article to a cached folder, would
otherwise score every pair of related articles again, and that was most of such a run. A matcher
keeps here only what depends on the two articles alone: their facts and the code, rules and model
that read them. Those are exactly what the two articles' facts keys cover (`checker.cache.key`:
the article with its metadata and its publication date as this run settled it, the checker code,
the rules folder, the model and data packages), so the key of a pair is made of those two keys
and the matcher's name. What depends on the rest of the folder (which pairs are related, weights
over all articles, comparisons made by other matchers) must be decided afresh by the caller.

The cache never decides anything: an entry that cannot be read, or was written by another
version, is aligned again with a warning (W305); a cache that fails is dropped for the run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from checker.cache.store import CacheSession, FactsCache, WarnFn, current_data, unreadable
from checker.errors import CheckerWarning

T = TypeVar("T")
F = TypeVar("F")  # what a matcher knows of an article: anything with its id as `article`
Pair = tuple[str, str]  # two article ids
# New results are written this many at a time: a big folder's would otherwise be held in memory
# until the end (hundreds of thousands of related pairs, tens of MB of JSON).
FLUSH_PAIRS = 2000


def pair_key(kind: str, key_a: str, key_b: str) -> str:
    """The key of what matcher `kind` found for two articles with these facts keys."""
    return hashlib.sha256(f"pair {kind}\0{key_a}\0{key_b}".encode()).hexdigest()


class PairMemo(CacheSession):
    """Pair results by matcher and article pair; without a cache it never finds any."""

    def __init__(
        self, cache: FactsCache | None, keys: dict[str, str], warn: WarnFn = lambda w: None
    ) -> None:
        super().__init__(cache, warn)
        self.keys = keys  # article id -> facts key

    @classmethod
    def open(cls, folder: Path | None, keys: dict[str, str], warn: WarnFn) -> PairMemo:
        """The memo of the facts cache in `folder` (none when there is no cache or no key)."""
        if folder is None or not keys:
            return cls(None, {})
        return cls(FactsCache.open(folder, warn), keys, warn)

    def _key(self, kind: str, pair: Pair) -> str | None:
        a, b = (self.keys.get(x) for x in pair)
        return pair_key(kind, a, b) if a is not None and b is not None else None

    def lookup(
        self, kind: str, pairs: Sequence[Pair], decode: Callable[[Pair, Any], T]
    ) -> dict[Pair, T]:
        """The results found for these pairs (of anything with its id as `article`), by pair
        of ids, decoded; a result `decode` rejects (by raising) is left out with a warning, so
        the caller aligns the pair again."""
        if self.cache is None:
            return {}
        wanted = {k: p for p in pairs if (k := self._key(kind, _ids(p))) is not None}
        try:
            found = self.cache.get_pairs(list(wanted))
        except sqlite3.Error as exc:
            self._give_up(exc)
            return {}
        out: dict[Pair, T] = {}
        for key, (version, data) in found.items():
            fa, fb = wanted[key]
            pair = _ids((fa, fb))
            try:
                out[pair] = decode(fa, fb, json.loads(current_data(version, data)))
            except Exception as exc:  # garbage, invalid JSON, a failing check of `decode`
                reason = unreadable(exc)
                self.warn(
                    CheckerWarning.make(
                        "W305", path=str(self.cache.path), a=pair[0], b=pair[1], reason=reason
                    )
                )
        return out

    def store(self, kind: str, pair: Pair, value: Any) -> None:
        """Keep `value` (plain JSON data) as what `kind` found for `pair`, written on `close`."""
        key = self._key(kind, pair)
        if self.cache is not None and key is not None:
            self.fresh[key] = json.dumps(value, separators=(",", ":"))
            if len(self.fresh) >= FLUSH_PAIRS:
                self.flush()

    def _put(self, cache: FactsCache, rows) -> None:
        cache.put_pairs(rows)


def _ids(pair: tuple[Any, Any]) -> Pair:
    return pair[0].article, pair[1].article


NO_MEMO = PairMemo(None, {})
