"""What reading one article leaves for alignment: its facts and where its sentences start.

The spaCy document is not kept, so the record is small enough to cross a process boundary and to
be cached on disk (`checker.cache`).
"""

from __future__ import annotations

import bisect
import json
import zlib
from collections.abc import Callable, Sequence
from functools import partial

from pydantic import BaseModel, ConfigDict, Field

from checker.models.facts import ArticleFacts


def sentence_number(starts: Sequence[int], file_offset: int) -> int:
    """The sentence holding `file_offset`, given the sorted file offsets where sentences start."""
    return max(bisect.bisect_right(starts, file_offset) - 1, 0)


class Extracted(BaseModel):
    """One article's facts with its sentence starts (file offsets)."""

    model_config = ConfigDict(frozen=True)

    facts: ArticleFacts
    sentence_starts: tuple[int, ...] = Field(
        description="file offset where each sentence starts, ascending"
    )

    def sentence_finder(self) -> Callable[[int], int]:
        """file offset -> sentence number."""
        return partial(sentence_number, self.sentence_starts)

    def to_json(self) -> str:
        """JSON that reads back to an equal record. Pydantic's own JSON writes infinity (an
        open upper bound) as null, which does not read back; `json` writes `Infinity`."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))

    def to_bytes(self) -> bytes:
        # Level 1: the JSON shrinks about fivefold at a small fraction of the extraction time.
        return zlib.compress(self.to_json().encode("utf-8"), 1)

    @classmethod
    def from_bytes(cls, data: bytes) -> Extracted:
        """Raises `zlib.error` or `pydantic.ValidationError` on bad data."""
        return cls.model_validate_json(zlib.decompress(data))
