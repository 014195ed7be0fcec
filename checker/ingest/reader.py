"""Read article files: front matter, sidecar metadata, title and publication date.

An article is a UTF-8 `.txt` or `.md` file. Optional YAML front matter between `---` lines at
the very top holds `title`, `source`, `url`, `published`, `language`; other keys are kept as
metadata. Offsets everywhere in checker refer to the decoded file text, front matter included,
so a quote can always be found in the file as it is on disk.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from checker.errors import CheckerError
from checker.ingest.dates import infer_published
from checker.ingest.language import looks_english
from checker.models.article import Article

ARTICLE_SUFFIXES = (".txt", ".md")
SIDECAR_NAME = "articles.yaml"
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.DOTALL | re.MULTILINE
)
_KNOWN_KEYS = {"title", "source", "url", "published", "language"}
_ENGLISH = {"en", "eng", "english"}


@dataclass
class SidecarEntry:
    """Metadata for one article kept beside it, so the article file itself stays byte-exact."""

    meta: dict[str, Any]
    file: str | None = None
    sha256: str | None = None


@dataclass
class Sidecar:
    """`articles.yaml`: metadata for articles in its folder, matched by content hash, path or id."""

    folder: Path
    entries: list[SidecarEntry] = field(default_factory=list)

    def find(self, path: Path, digest: str) -> dict[str, Any] | None:
        # The content hash wins so that renamed or moved files keep their metadata.
        for entry in self.entries:
            if entry.sha256 and entry.sha256.lower() == digest:
                return entry.meta
        try:
            rel = path.resolve().relative_to(self.folder.resolve()).as_posix()
        except ValueError:
            rel = None
        for entry in self.entries:
            if entry.file and entry.file in (rel, path.name, path.stem):
                return entry.meta
        return None


def read_sidecar(path: Path) -> Sidecar:
    """Parse an `articles.yaml` sidecar. Raises CheckerError (E006) when it is malformed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CheckerError.make(
            "E006", path=str(path), sidecar=path.name, reason=_first_line(exc)
        ) from None
    entries_raw = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(entries_raw, list):
        raise CheckerError.make(
            "E006",
            path=str(path),
            sidecar=path.name,
            reason="expected a top-level 'articles:' list",
        )
    entries: list[SidecarEntry] = []
    for i, raw in enumerate(entries_raw, 1):
        if not isinstance(raw, dict) or not (raw.get("file") or raw.get("sha256")):
            raise CheckerError.make(
                "E006",
                path=str(path),
                sidecar=path.name,
                reason=f"entry {i} needs a 'file' or a 'sha256' key",
            )
        meta = {k: v for k, v in raw.items() if k not in ("file", "sha256")}
        entries.append(SidecarEntry(meta=meta, file=raw.get("file"), sha256=raw.get("sha256")))
    return Sidecar(folder=path.parent, entries=entries)


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _parse_date(value: Any, path: Path) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise CheckerError.make("E005", path=str(path), value=value)


def load_article(path: Path, sidecar_meta: dict[str, Any] | None = None) -> Article:
    """Read one article file. Raises CheckerError with a one-line reason when it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CheckerError.make("E001", path=str(path), reason=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CheckerError.make(
            "E002", path=str(path), reason=f"invalid byte at offset {exc.start}"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise CheckerError.make("E004", path=str(path))

    meta: dict[str, Any] = {}
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            raise CheckerError.make("E003", path=str(path), reason=_first_line(exc)) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise CheckerError.make("E003", path=str(path), reason="it is not a mapping")
        meta = dict(loaded or {})
        body_start = match.end()
    if sidecar_meta:
        # Front matter in the file itself wins over the sidecar.
        meta = {**sidecar_meta, **meta}

    body = text[body_start:]
    if not body.strip():
        raise CheckerError.make("E004", path=str(path))
    language = meta.get("language")
    if language is not None and str(language).strip().lower() not in _ENGLISH:
        raise CheckerError.make("E008", path=str(path), language=language)
    if language is None and not looks_english(body):
        raise CheckerError.make("E008", path=str(path), language="not English (detected)")

    title = meta.get("title")
    if not title:
        title = next((line.strip() for line in body.splitlines() if line.strip()), path.stem)

    published: date | None = None
    inferred = False
    note: str | None = None
    if meta.get("published") is not None:
        published = _parse_date(meta["published"], path)
        inferred = bool(meta.get("published_inferred", False))
        note = meta.get("published_note") or (
            "estimated from the text (recorded in articles.yaml)" if inferred else None
        )
    else:
        guess = infer_published(body)
        if guess is not None:
            published, note = guess
            inferred = True

    return Article(
        id=path.stem,
        path=path,
        text=text,
        body_start=body_start,
        title=str(title).strip(),
        source=_opt_str(meta.get("source")),
        url=_opt_str(meta.get("url")),
        language=_opt_str(language),
        published=published,
        published_inferred=inferred,
        published_note=note,
        metadata={
            k: v
            for k, v in meta.items()
            if k not in _KNOWN_KEYS and k not in ("published_inferred", "published_note")
        },
    )


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def find_article_files(folder: Path) -> list[Path]:
    """Every `.txt`/`.md` file under `folder`, recursively, sorted; hidden folders skipped."""
    files = [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and not p.stem.isupper()  # README.md, ATTRIBUTION.md, LICENSE.txt: notes, not articles
    ]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def _sidecars(folder: Path) -> tuple[list[Sidecar], list[CheckerError]]:
    sidecars: list[Sidecar] = []
    errors: list[CheckerError] = []
    for path in sorted(folder.rglob(SIDECAR_NAME)):
        try:
            sidecars.append(read_sidecar(path))
        except CheckerError as err:
            errors.append(err)
    # The nearest sidecar (deepest folder) is asked first.
    sidecars.sort(key=lambda s: len(s.folder.parts), reverse=True)
    return sidecars, errors


def load_paths(paths: Iterable[Path]) -> tuple[list[Article], list[CheckerError]]:
    """Load files and folders given on the command line. Broken inputs are returned, not raised."""
    articles: list[Article] = []
    problems: list[CheckerError] = []
    for path in paths:
        if path.is_dir():
            found, errs = load_folder(path)
            articles.extend(found)
            problems.extend(errs)
        elif path.is_file():
            sidecars, errs = (
                _sidecars(path.parent) if (path.parent / SIDECAR_NAME).exists() else ([], [])
            )
            problems.extend(errs)
            try:
                articles.append(load_article(path, _sidecar_meta(path, sidecars)))
            except CheckerError as err:
                problems.append(err)
        else:
            problems.append(
                CheckerError.make(
                    "E007", path=str(path), folder=path, patterns="no such file or folder"
                )
            )
    return _dedupe_ids(articles), problems


def load_folder(folder: Path) -> tuple[list[Article], list[CheckerError]]:
    """Load every article under `folder`. One broken file is reported and the others still load."""
    if not folder.is_dir():
        return [], [
            CheckerError.make("E007", path=str(folder), folder=folder, patterns="not a folder")
        ]
    sidecars, problems = _sidecars(folder)
    articles: list[Article] = []
    files = find_article_files(folder)
    if not files:
        problems.append(
            CheckerError.make("E007", path=str(folder), folder=folder, patterns="*.txt, *.md")
        )
    for path in files:
        try:
            articles.append(load_article(path, _sidecar_meta(path, sidecars)))
        except CheckerError as err:
            problems.append(err)
    return _dedupe_ids(articles), problems


def _sidecar_meta(path: Path, sidecars: list[Sidecar]) -> dict[str, Any] | None:
    if not sidecars:
        return None
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    for sidecar in sidecars:
        meta = sidecar.find(path, digest)
        if meta is not None:
            return meta
    return None


def _dedupe_ids(articles: list[Article]) -> list[Article]:
    """Two files with the same stem in different folders get distinct ids (stem~2)."""
    seen: dict[str, int] = {}
    out: list[Article] = []
    for art in articles:
        n = seen.get(art.id, 0) + 1
        seen[art.id] = n
        out.append(art if n == 1 else art.model_copy(update={"id": f"{art.id}~{n}"}))
    return out
