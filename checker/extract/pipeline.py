"""The extraction pipeline: small named components run in order over one ArticleDoc.

Components are registered by name (spaCy style) with what they need and what they fill in, so the
order can be checked when the pipeline is built, not discovered halfway through a run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from checker.models.article import Article
from checker.models.facts import ArticleFacts

if TYPE_CHECKING:  # spaCy is imported on first extraction: a fully cached run never needs it
    from checker.extract.document import ArticleDoc


@dataclass
class Context:
    """Shared, read-only resources: vocabulary, gazetteer, spaCy. Loaded lazily, once."""

    rules_dir: object | None = None  # Path of the rules folder (vocabulary lives in rules/vocab)
    model: str | None = None
    # The vocabulary when the caller has it already (the rule set loads it): read once a run.
    loaded_vocab: object | None = None
    _cache: dict[str, object] = field(default_factory=dict)

    @cached_property
    def vocab(self):  # -> Vocabulary
        from checker.rules.paths import default_rules_dir
        from checker.rules.vocab import load_vocabulary

        if self.loaded_vocab is not None:
            return self.loaded_vocab
        root = self.rules_dir or default_rules_dir()
        return load_vocabulary(root / "vocab")

    @cached_property
    def gazetteer(self):  # -> Gazetteer
        from checker.extract.gazetteer import get_gazetteer

        return get_gazetteer()

    @property
    def model_name(self) -> str:
        from checker.extract.model import model_name

        return self.model or model_name()

    @cached_property
    def nlp(self):
        from checker.extract.nlp import load_nlp

        return load_nlp(self.model)


ComponentFn = Callable[["ArticleDoc", Context], None]


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    fn: ComponentFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


COMPONENTS: dict[str, ComponentSpec] = {}


def component(
    name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()
) -> Callable[[ComponentFn], ComponentFn]:
    """Register an extraction component under `name`."""

    def register(fn: ComponentFn) -> ComponentFn:
        if name in COMPONENTS:
            raise ValueError(f"component '{name}' is registered twice")
        COMPONENTS[name] = ComponentSpec(name, fn, tuple(requires), tuple(assigns))
        return fn

    return register


DEFAULT_PIPELINE = (
    "timex",
    "people",
    "places",
    "counts",
    "events",
    "claims",
    "frames",
    "statements",
    "firsts",
)


def _load_components() -> None:
    # Importing the modules registers their components.
    from checker.extract import (  # noqa: F401
        claims,
        counts,
        events,
        firsts,
        frames,
        people,
        places,
        statements,
        timex_component,
    )


def build_pipeline(names: Sequence[str] = DEFAULT_PIPELINE) -> list[ComponentSpec]:
    """Resolve component names, checking that each one's needs are met by an earlier one."""
    _load_components()
    assigned: set[str] = {"doc"}
    specs: list[ComponentSpec] = []
    for name in names:
        if name not in COMPONENTS:
            raise ValueError(
                f"unknown component '{name}'; known components: {', '.join(sorted(COMPONENTS))}"
            )
        spec = COMPONENTS[name]
        missing = [r for r in spec.requires if r not in assigned]
        if missing:
            raise ValueError(f"component '{name}' needs {missing}, which no earlier component sets")
        assigned.update(spec.assigns)
        specs.append(spec)
    return specs


class Extractor:
    """Turns articles into facts. Build once, call for every article."""

    def __init__(self, context: Context | None = None, names: Sequence[str] = DEFAULT_PIPELINE):
        self.context = context or Context()
        self.pipeline = build_pipeline(names)

    def load(self) -> tuple[object, object, object]:
        """Load what reading needs (spaCy, the gazetteer, the vocabulary) now, not on first use."""
        return self.context.nlp, self.context.gazetteer, self.context.vocab

    def read(self, article: Article) -> ArticleDoc:
        from checker.extract.nlp import parse

        return self._annotate(article, parse(self.context.nlp, article.body))

    def read_many(
        self, articles: Sequence[Article]
    ) -> Iterator[tuple[Article, ArticleDoc | Exception]]:
        """`read` of every article, spaCy batching their texts. An article that fails gets its
        exception in place of the document (a `CheckerError` is a usage error and is raised)."""
        from checker.errors import CheckerError
        from checker.extract.nlp import parse_many

        docs = parse_many(self.context.nlp, [a.body for a in articles])
        for article, doc in zip(articles, docs, strict=True):
            if isinstance(doc, CheckerError):
                raise doc
            if isinstance(doc, Exception):
                yield article, doc
                continue
            try:
                yield article, self._annotate(article, doc)
            except CheckerError:
                raise
            except Exception as exc:  # one article must never sink the run
                yield article, exc

    def _annotate(self, article: Article, doc) -> ArticleDoc:
        from checker.extract.document import ArticleDoc

        adoc = ArticleDoc(article=article, doc=doc)
        for spec in self.pipeline:
            spec.fn(adoc, self.context)
        return adoc

    def __call__(self, article: Article) -> ArticleFacts:
        return self.read(article).to_facts(self.context.vocab)
