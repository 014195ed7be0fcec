"""Pausing Python's cycle collector where a stage builds many objects and no garbage cycles.

The collector runs whenever enough objects were allocated, and each full pass visits every
object alive: loading the gazetteer (about a million small objects), decoding a folder's cached
facts and aligning them make it walk the same long-lived objects again and again, which cost
about a third of a run whose facts all come from the cache. Reference counting still frees what
those stages drop; only unreachable cycles wait for the collector, which runs again afterwards.
Never around spaCy: a worker forked inside would inherit the pause.

When the outermost block ends, what it leaves alive is moved out of the collector's reach
(`gc.freeze`): those objects were all allocated with the collector off, so they would all sit in
its youngest generation, and its first passes afterwards would visit every one of them (over a
second for a folder of 600 articles) only to find them alive. Frozen objects are still freed by
reference counting when dropped; a frozen garbage cycle stays until `gc.unfreeze`. A forked
worker benefits too: the collector never touches, and so never copies, the frozen pages.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycles_unchecked() -> Iterator[None]:
    """No cycle collection within the block (as it was after it: a nested block keeps it off);
    what the outermost block leaves is frozen (see the module's note)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
