"""One scorer for aligning fact frames: a logistic model whose weights are data.

`rules/weights.yaml` holds a bias, one weight per feature and the threshold above which two
frames are taken to state the same fact. The weights are fitted on the train half of the
real-news dev set by `benchmarks/realnews/fit_weights.py`; at run time they are only read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from checker.align.features import FEATURES, FeatureValue


class Weights(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    bias: float
    threshold: float = Field(ge=0, le=1)
    weights: dict[str, float]
    fitted_on: str | None = None


@dataclass(frozen=True)
class Score:
    probability: float
    contributions: tuple[tuple[str, float, str], ...]  # feature, weight × value, reason


def load_weights(path: Path) -> Weights:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    w = Weights.model_validate(data)
    unknown = set(w.weights) - set(FEATURES)
    if unknown:
        raise ValueError(f"{path}: unknown features {sorted(unknown)}; known: {sorted(FEATURES)}")
    return w


def score(weights: Weights, values: list[FeatureValue]) -> Score:
    z = weights.bias
    parts = []
    for fv in values:
        w = weights.weights.get(fv.name, 0.0)
        z += w * fv.value
        if w * fv.value:
            parts.append((fv.name, round(w * fv.value, 3), fv.reason))
    p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return Score(p, tuple(sorted(parts, key=lambda x: -abs(x[1]))))
