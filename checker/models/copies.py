"""Copies: articles that are near-duplicates of another (one wire story republished)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class CopyGroup(BaseModel):
    """An original and the articles whose wording is nearly all its own."""

    model_config = ConfigDict(frozen=True)

    original: str = Field(description="article id the copies are compared with")
    copies: tuple[str, ...] = Field(description="article ids, each a near-duplicate of original")
    similarity: tuple[float, ...] = Field(
        description="Jaccard similarity of each copy's shingles with the original's, in order"
    )
    threshold: float = Field(description="the least Jaccard similarity that makes a copy")
    method: str = Field(description="how the wording was compared, in words")

    def describe(self) -> str:
        """One line for a report: 'b, c are copies of a (Jaccard ≥ 0.80 …)'."""
        verb = "is a copy" if len(self.copies) == 1 else "are copies"
        return (
            f"{', '.join(self.copies)} {verb} of {self.original} "
            f"(Jaccard ≥ {self.threshold:.2f} over {self.method}); each is compared with "
            f"{self.original} only, and agreements are listed for {self.copies[0]} alone"
        )
