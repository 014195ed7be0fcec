"""A folder's copy groups (`checker.align.copies`), kept in the facts cache between runs.

Finding copies hashes the wording of every article of the folder, so a run whose facts all come
from the cache would otherwise do it again (and import SciPy for it). The groups depend on the
folder's articles alone, and each article's facts key covers the whole article with the code
and rules that read it (`checker.cache.key`), so the groups are kept under a key of all the
articles' keys. Another folder, or one article more, has another key and is worked out afresh.

Nothing is trusted: groups that do not validate, name an article not in the folder, or were
written by another version, are found again with a warning (W307).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.cache.store import FactsCache, WarnFn, current_data, unreadable
from checker.errors import CheckerWarning
from checker.models.article import Article
from checker.models.copies import CopyGroup

FindFn = Callable[[Sequence[Article]], list[CopyGroup]]


def folder_key(kind: str, keys: dict[str, str], articles: Sequence[Article]) -> str:
    """The key of what `kind` found over `articles`, from their facts keys."""
    h = hashlib.sha256(f"folder {kind}\0".encode())
    for article_id in sorted(a.id for a in articles):
        h.update(f"{article_id}\0{keys[article_id]}\0".encode())
    return h.hexdigest()


def cached_copies(
    articles: Sequence[Article],
    find: FindFn,
    folder: Path | None,
    keys: dict[str, str],
    warn: WarnFn,
) -> list[CopyGroup]:
    """`find(articles)`, read from the facts cache in `folder` when it holds it (every article
    needs its key in `keys`; without them, or without a cache, it is found afresh)."""
    if folder is None or any(a.id not in keys for a in articles):
        return find(articles)
    cache = FactsCache.open(folder, warn)
    if cache is None:
        return find(articles)
    try:
        key = folder_key("copies", keys, articles)
        groups = _read(cache, key, {a.id for a in articles}, warn)
        if groups is None:
            groups = find(articles)
            data = json.dumps([g.model_dump(mode="json") for g in groups])
            cache.put_folders([(key, data)])
        return groups
    except sqlite3.Error as exc:  # a cache that fails is dropped: the groups are found anyway
        reason = " ".join(str(exc).split())[:160]
        warn(CheckerWarning.make("W301", path=str(cache.path), reason=reason))
        return find(articles)
    finally:
        cache.close()


def _read(cache: FactsCache, key: str, ids: set[str], warn: WarnFn) -> list[CopyGroup] | None:
    found = cache.get_folders([key]).get(key)
    if found is None:
        return None
    version, data = found
    try:
        raw = json.loads(current_data(version, data))
        if not isinstance(raw, list):
            raise ValueError("not a list of copy groups")
        groups = [CopyGroup.model_validate(item) for item in raw]
        for g in groups:
            if g.original not in ids or not set(g.copies) <= ids:
                raise ValueError("a group names an article not in the folder")
        return groups
    except Exception as exc:  # garbage, invalid JSON, a failing validation
        warn(CheckerWarning.make("W307", path=str(cache.path), reason=unreadable(exc)))
        return None
