"""Read plain text articles, sidecar metadata, and what every article's metadata gives.

A plain text article is a UTF-8 `.txt` or `.md` file. Optional YAML front matter between `---`
lines at the very top holds `title`, `source`, `url`, `published`, `language`; other keys are
kept as metadata. Offsets everywhere in checker refer to the decoded file text, front matter
included, so a quote can always be found in the file as it is on disk. Saved pages and exports
(`page.py`, `exports.py`) build their metadata with the same `Meta` and `described`.

Everything in a file or a sidecar is untrusted: a bad value is one `CheckerError` for that
article (or that sidecar), with the file and line where known, and the other articles load.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from checker.errors import CheckerError
from checker.ingest.dates import parse_published
from checker.ingest.files import (
    DEFAULT_LIMITS,
    ReadLimits,
    check_file,
    inside,
    read_article_bytes,
)
from checker.ingest.language import looks_english
from checker.ingest.pubdate import DateGuesser, guess_published
from checker.models.article import Article
from checker.safeload import (
    MAX_DATA_BYTES,
    DataError,
    describe,
    first_line,
    parse_source,
    read_limited,
    shorten,
)

SIDECAR_NAME = "articles.yaml"
MAX_FRONT_MATTER = 256_000  # characters between the two '---' lines
_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^---[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_KNOWN_KEYS = {"title", "source", "url", "published", "language"}
_NOTE_KEYS = ("published_inferred", "published_note")
_TEXT_KEYS = ("title", "source", "url", "language", "published_note")
_ENGLISH = {"en", "eng", "english"}
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


@dataclass
class SidecarEntry:
    """Metadata for one article kept beside it, so the article file itself stays byte-exact."""

    meta: dict[str, Any]
    file: str | None = None
    sha256: str | None = None
    where: str = "in the sidecar"  # for messages: "in seeds/articles.yaml:7"
    lines: dict[str, int] = field(default_factory=dict)  # line of each key in the sidecar


@dataclass
class Sidecar:
    """`articles.yaml`: metadata for articles in its folder, matched by content hash, path or id."""

    folder: Path
    entries: list[SidecarEntry] = field(default_factory=list)

    def find(self, path: Path, digest: str) -> SidecarEntry | None:
        # The content hash wins so that renamed or moved files keep their metadata.
        for entry in self.entries:
            if entry.sha256 and entry.sha256.lower() == digest:
                return entry
        try:
            rel = path.resolve().relative_to(self.folder.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            rel = None
        for entry in self.entries:
            if entry.file and entry.file in (rel, path.name, path.stem):
                return entry
        return None


def read_sidecar(
    path: Path, root: Path | None = None, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[Sidecar, list[CheckerError]]:
    """Parse an `articles.yaml` sidecar: its good entries, and an error (E006) for each bad one.

    A sidecar that cannot be read or parsed at all gives no entries and one error.
    """

    def error(reason: str, line: int | None = None) -> CheckerError:
        return CheckerError.make(
            "E006", path=str(path), line=line, sidecar=path.name, reason=reason
        )

    empty = Sidecar(folder=path.parent)
    if root is not None and not limits.follow_symlinks and not inside(path, root):
        return empty, [error(f"it leads outside the folder '{root}' (see --follow-symlinks)")]
    try:
        text = read_limited(path, MAX_DATA_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return empty, [error(first_line(exc))]
    except DataError as exc:
        return empty, [error(exc.problem)]
    src, errors = parse_source(str(path), text, kind="sidecar files", empty_ok=True)
    if errors:
        return empty, [error(errors[0].message, errors[0].line)]
    data = src.data
    entries_raw = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(entries_raw, list):
        return empty, [error("expected a top-level 'articles:' list")]
    entries: list[SidecarEntry] = []
    problems: list[CheckerError] = []
    for i, raw in enumerate(entries_raw):
        line = src.line_of(("articles", i))
        problem = _entry_problem(raw)
        if problem is not None:
            problems.append(error(f"entry {i + 1} {problem}", line))
            continue
        file, sha = raw.get("file"), raw.get("sha256")
        entries.append(
            SidecarEntry(
                meta={k: v for k, v in raw.items() if k not in ("file", "sha256")},
                file=None if file is None else str(file),
                sha256=sha,
                where=f"in {path}:{line}",
                lines={k: src.line_of(("articles", i, k)) for k in raw},
            )
        )
    return Sidecar(folder=path.parent, entries=entries), problems


def _entry_problem(raw: Any) -> str | None:
    if not isinstance(raw, dict) or not (raw.get("file") or raw.get("sha256")):
        return "needs a 'file' or a 'sha256' key"
    file, sha = raw.get("file"), raw.get("sha256")
    if file is not None and (isinstance(file, bool) or not isinstance(file, str | int)):
        return "has a 'file' that is not a file name"
    if sha is not None and not (isinstance(sha, str) and _SHA256.match(sha)):
        return "has a 'sha256' that is not 64 hex digits"
    return None


def _front_matter(text: str, path: Path) -> tuple[dict[str, Any], dict[str, int], int]:
    """Front matter keys, the line of each in the file, and where the body starts."""
    opening = _OPENING.match(text)
    if opening is None:
        return {}, {}, 0

    def error(reason: str, line: int = 1) -> CheckerError:
        return CheckerError.make("E003", path=str(path), line=line, reason=reason)

    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise error("the '---' on line 1 opens front matter, but no '---' line closes it")
    block = text[opening.end() : closing.start()]
    if len(block) > MAX_FRONT_MATTER:
        raise error(f"it is longer than {MAX_FRONT_MATTER:,} characters")
    src, errors = parse_source(str(path), block, kind="front matter", empty_ok=True)
    if errors:
        raise error(errors[0].message, (errors[0].line or 1) + 1)
    if src.data is not None and not isinstance(src.data, dict):
        raise error("it is not a mapping")
    data = dict(src.data or {})
    return data, {k: src.line_of((k,)) + 1 for k in data}, closing.end()


@dataclass
class Meta:
    """Metadata of one article as the file states it (front matter, page metadata, an export
    record's fields) and its sidecar entry, with provenance for messages."""

    path: Path
    front: dict[str, Any]
    front_lines: dict[str, int]
    side: SidecarEntry | None
    place: str = "in the front matter"  # where `front` was read, for messages

    def merged(self) -> dict[str, Any]:
        # What the file itself states wins over the sidecar.
        return {**(self.side.meta if self.side else {}), **self.front}

    def error(self, code: str, name: str, **fields: Any) -> CheckerError:
        """`code` for the value of key `name`, placed in the file or the sidecar."""
        if name in self.front or self.side is None:
            line = self.front_lines.get(name)
            return CheckerError.make(
                code, path=str(self.path), line=line, where=self.place, **fields
            )
        line = self.side.lines.get(name)
        where = self.side.where.rsplit(":", 1)[0] + f":{line}" if line else self.side.where
        return CheckerError.make(code, path=str(self.path), where=where, **fields)

    def text(self, key: str) -> str | None:
        """A text value; numbers are taken as their text, lists and mappings are refused."""
        value = self.merged().get(key)
        if value is None:
            return None
        if isinstance(value, str | int | float | date) and not isinstance(value, bool):
            return str(value)
        raise self.error("E010", key, key=key, problem=f"expected text, got {describe(value)}")

    def flag(self, key: str) -> bool:
        value = self.merged().get(key, False)
        if not isinstance(value, bool):
            raise self.error(
                "E010", key, key=key, problem=f"expected true or false, got {describe(value)}"
            )
        return value

    def published(self) -> date | None:
        value = self.merged().get("published")
        if value is None:
            return None
        try:
            return parse_published(value)
        except ValueError as exc:
            shown = shorten(str(value))
            raise self.error("E005", "published", value=shown, reason=str(exc)) from None


def is_english(language: str) -> bool:
    """True for a stated English language: 'en', 'English', or a tag such as 'en-GB'."""
    return language.strip().lower().replace("_", "-").split("-")[0] in _ENGLISH


def described(
    meta: Meta, body: str, default_title: str, guess: DateGuesser = guess_published
) -> dict[str, Any]:
    """The Article fields that `meta` and the `body` text give: title, source, url, language,
    publication date (given, or inferred from the body by `guess`) and the other metadata.

    Raises CheckerError for a bad value and E008 for an article that is not in English.
    """
    path = meta.path
    language = meta.text("language")
    if language is not None and not is_english(language):
        raise CheckerError.make("E008", path=str(path), language=shorten(language))
    if language is None and not looks_english(body):
        raise CheckerError.make("E008", path=str(path), language="not English (detected)")

    title = meta.text("title")
    if not title or not title.strip():
        title = next((line.strip() for line in body.splitlines() if line.strip()), default_title)

    return {
        "title": title.strip(),
        "source": meta.text("source"),
        "url": meta.text("url"),
        "language": language,
        **_dated(meta, body, guess),
        "metadata": {
            k: v for k, v in meta.merged().items() if k not in _KNOWN_KEYS and k not in _NOTE_KEYS
        },
    }


def _dated(meta: Meta, body: str, guess: DateGuesser) -> dict[str, Any]:
    """The publication date, whether it was inferred, how it was found, and the range an
    inferred date may lie in (Article fields)."""
    published = meta.published()
    inferred = False
    note: str | None = None
    earliest = latest = None
    precision: str | None = None
    if published is not None:
        inferred = meta.flag("published_inferred")
        note = meta.text("published_note") or (
            "estimated from the text (recorded in articles.yaml)" if inferred else None
        )
    else:
        guessed = guess(body)
        if guessed is not None:
            published, note, inferred = guessed.day, guessed.note, guessed.day is not None
            earliest, latest = guessed.earliest, guessed.latest
            precision = guessed.precision.value if guessed.precision else None
    return {
        "published": published,
        "published_inferred": inferred,
        "published_note": note,
        "published_earliest": earliest,
        "published_latest": latest,
        "published_precision": precision,
    }


def decode_text(raw: bytes, path: Path) -> str:
    """The UTF-8 text of a file, without a byte-order mark. Raises E002, or E004 when blank."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CheckerError.make(
            "E002", path=str(path), reason=f"invalid byte at offset {exc.start}"
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise CheckerError.make("E004", path=str(path))
    return text


def load_article(
    path: Path,
    sidecar_meta: dict[str, Any] | None = None,
    *,
    sidecars: Sequence[Sidecar] = (),
    root: Path | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    guess: DateGuesser = guess_published,
) -> Article:
    """Read one article file. Raises CheckerError with a one-line reason when it cannot be used.

    Metadata comes from `sidecar_meta`, or from the entry of `sidecars` that matches the file;
    `root` is the folder given on the command line (links must stay inside it).
    """
    check_file(path, root, limits)
    raw = read_article_bytes(path, limits)
    text = decode_text(raw, path)

    front, lines, body_start = _front_matter(text, path)
    side = sidecar_entry(path, raw, sidecars)
    if sidecar_meta is not None:
        side = SidecarEntry(meta=sidecar_meta)
    meta = Meta(path, front, lines, side)

    body = text[body_start:]
    if not body.strip():
        raise CheckerError.make("E004", path=str(path))
    return Article(
        id=path.stem,
        path=path,
        text=text,
        body_start=body_start,
        **described(meta, body, default_title=path.stem, guess=guess),
    )


def sidecar_entry(path: Path, raw: bytes, sidecars: Sequence[Sidecar]) -> SidecarEntry | None:
    if not sidecars:
        return None
    digest = hashlib.sha256(raw).hexdigest()
    for sidecar in sidecars:
        entry = sidecar.find(path, digest)
        if entry is not None:
            return entry
    return None
