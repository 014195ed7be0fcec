"""Gold annotations for `checker eval`: the YAML format, its validation and loading.

```yaml
items:
  - id: quake-toll
    kind: count          # time | place | count | person_role | other
    verdict: conflict    # conflict | agreement | no_conflict
    description: death toll
    a: {file: 01_agency.txt, quote: "verbatim words from article 1"}
    b: {file: 02_paper.txt, quote: "verbatim words from article 2"}
    note: optional
```

Loading checks everything that can be checked without the report: YAML syntax, keys and
values (`extra="forbid"`, so a misspelt key is an error naming the file, line and item),
unique ids over all gold files, readable article files, and that each quote is in its
article. Every problem is a `CheckerError` with a code in E210–E218.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.errors import CheckerError, options, suggest
from checker.eval.match import (
    GoldSide,
    case_insensitive_line,
    find_quote,
    sentence_span,
)
from checker.ingest.files import DEFAULT_LIMITS, ReadLimits, inside
from checker.models.report import Verdict
from checker.safeload import MAX_DATA_BYTES, DataError, SourceFile, parse_source, read_limited


class GoldKind(StrEnum):
    """What a gold item is about. Used for the by-kind scores, never for matching."""

    TIME = "time"
    PLACE = "place"
    COUNT = "count"
    PERSON_ROLE = "person_role"
    OTHER = "other"


class GoldQuote(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str = Field(min_length=1, description="article file, relative to --articles")
    quote: str = Field(min_length=1, description="verbatim words from the article")

    @field_validator("file", "quote")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value


class GoldItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    kind: GoldKind
    verdict: Verdict
    description: str = ""
    a: GoldQuote
    b: GoldQuote
    note: str | None = None


class GoldFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[GoldItem] = Field(min_length=1)


@dataclass
class GoldEntry:
    """One gold item, where it was written, and its two quotes located in their articles."""

    item: GoldItem
    gold_path: Path  # as given on the command line
    line: int  # line of the item in the gold file
    a: GoldSide
    b: GoldSide


@dataclass
class GoldSet:
    entries: list[GoldEntry]
    texts: dict[Path, str]  # article texts by resolved path, as the report's offsets see them


def load_gold(
    paths: Sequence[Path], articles_dir: Path | None, limits: ReadLimits = DEFAULT_LIMITS
) -> GoldSet:
    """Read, validate and locate every gold item of `paths`. Raises `CheckerError`.

    Article files are relative to `articles_dir`, or to each gold file's own folder, and must
    stay inside it unless `limits.follow_symlinks`.
    """
    entries: list[GoldEntry] = []
    first_seen: dict[str, str] = {}
    texts: dict[Path, str] = {}
    for path in paths:
        src, gold = _read(path)
        base = articles_dir if articles_dir is not None else path.parent
        for index, item in enumerate(gold.items):
            line = src.line_of(("items", index))
            if item.id in first_seen:
                raise src.error_at("E215", line, item_id=item.id, other=first_seen[item.id])
            first_seen[item.id] = f"{path}:{line}"
            if (base / item.a.file).resolve() == (base / item.b.file).resolve():
                raise src.error(
                    "E214",
                    ("items", index, "b", "file"),
                    key="file",
                    where=f"item '{item.id}' (under 'b')",
                    problem="a and b name the same article; a gold item compares two articles",
                )
            sides = [_locate(src, index, item, side, base, texts, limits) for side in ("a", "b")]
            entries.append(GoldEntry(item, path, line, sides[0], sides[1]))
    return GoldSet(entries, texts)


def read_article_text(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> str:
    """The article text exactly as `checker.ingest` decodes it, so report offsets apply.

    Raises OSError, DataError (not a regular file, too large) or UnicodeDecodeError.
    """
    text = read_limited(path, limits.max_bytes).decode("utf-8")
    # The reader drops a byte-order mark before computing offsets; so must we.
    return text[1:] if text.startswith("\ufeff") else text


def _read(path: Path) -> tuple[SourceFile, GoldFile]:
    try:
        text = read_limited(path, MAX_DATA_BYTES).decode("utf-8")
    except OSError as exc:
        raise CheckerError.make("E210", path=str(path), reason=exc.strerror or str(exc)) from None
    except DataError as exc:
        raise CheckerError.make("E210", path=str(path), reason=exc.problem) from None
    except UnicodeDecodeError as exc:
        raise CheckerError.make(
            "E210", path=str(path), reason=f"not UTF-8 (invalid byte at offset {exc.start})"
        ) from None
    src, errors = parse_source(str(path), text, kind="gold files")
    if errors:
        err = errors[0]
        problem = err.message.removeprefix("YAML syntax error: ")
        raise CheckerError.make(
            "E211",
            path=err.path,
            line=err.line,
            column=err.column,
            source_line=err.source_line,
            problem=problem,
        ) from None
    if not isinstance(src.data, dict):
        found = "a list" if isinstance(src.data, list) else "a single value"
        raise src.error_at(
            "E211", 1, problem=f"expected a mapping with 'items:' at the top level, found {found}"
        )
    try:
        gold = GoldFile.model_validate(src.data)
    except ValidationError as exc:
        raise _schema_error(src, exc) from None
    return src, gold


def _item_name(src: SourceFile, loc: tuple[str | int, ...]) -> str:
    """`item 'quake-toll' (under 'a')`, `items[2]`, or `the gold file`, for messages."""
    if len(loc) < 2 or loc[0] != "items" or not isinstance(loc[1], int):
        return "the gold file"
    raw = src.data["items"][loc[1]] if isinstance(src.data, dict) else None
    raw_id = raw.get("id") if isinstance(raw, dict) else None
    name = f"item '{raw_id}'" if isinstance(raw_id, str) and raw_id else f"items[{loc[1]}]"
    under = [str(part) for part in loc[2:] if isinstance(part, str)]
    return f"{name} (under '{'.'.join(under)}')" if under else name


_MODELS: dict[str, type[BaseModel]] = {"": GoldFile, "item": GoldItem, "side": GoldQuote}


def _allowed_keys(loc: tuple[str | int, ...]) -> list[str]:
    # loc of the parent mapping: () top level, (items, i) an item, (items, i, a|b) a quote.
    depth = "" if not loc else "item" if len(loc) == 2 else "side"
    return list(_MODELS[depth].model_fields)


def _schema_error(src: SourceFile, exc: ValidationError) -> CheckerError:
    """The first validation error, placed on its line and naming the item."""
    # A misspelt key also shows as a missing one; the misspelling is the useful message.
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    err = errors[0]
    loc: tuple[str | int, ...] = tuple(err["loc"])
    if err["type"] == "extra_forbidden":
        key = str(loc[-1])
        parent = loc[:-1]
        allowed = _allowed_keys(parent)
        return src.error(
            "E212",
            loc,
            at_key=True,
            key=key,
            where=_item_name(src, parent),
            suggestion=suggest(key, allowed),
            opts=options(allowed),
        )
    if err["type"] == "missing":
        return src.error("E213", loc[:-1], key=str(loc[-1]), where=_item_name(src, loc[:-1]))
    keys = [part for part in loc if isinstance(part, str)]
    key = keys[-1] if keys else "items"
    problem = str(err["msg"])
    if err["type"] == "too_short" and loc == ("items",):
        problem = "the gold file has no items"
    parent = loc[:-1] if loc and isinstance(loc[-1], str) else loc
    return src.error("E214", loc, key=key, where=_item_name(src, parent), problem=problem)


def _locate(
    src: SourceFile,
    index: int,
    item: GoldItem,
    side: str,
    base: Path,
    texts: dict[Path, str],
    limits: ReadLimits,
) -> GoldSide:
    quote: GoldQuote = getattr(item, side)
    path = (base / quote.file).resolve()
    if path not in texts:
        try:
            if not limits.follow_symlinks and not inside(base / quote.file, base):
                raise DataError(f"it is outside the folder '{base}' (see --follow-symlinks)")
            texts[path] = read_article_text(path, limits)
        except (OSError, UnicodeDecodeError, DataError) as exc:
            if isinstance(exc, UnicodeDecodeError):
                reason = f"not UTF-8 (invalid byte at offset {exc.start})"
            elif isinstance(exc, DataError):
                reason = exc.problem
            else:
                reason = exc.strerror or str(exc)
            raise src.error(
                "E216",
                ("items", index, side, "file"),
                item_id=item.id,
                file=base / quote.file,
                reason=reason,
            ) from None
    text = texts[path]
    spans = find_quote(text, quote.quote)
    if not spans:
        line = case_insensitive_line(text, quote.quote)
        hint = f" (it is there with other letter case, line {line})" if line else ""
        raise src.error(
            "E217",
            ("items", index, side, "quote"),
            item_id=item.id,
            side=side,
            file=base / quote.file,
            quote=_shorten(quote.quote),
            hint=hint,
        )
    sentences = [sentence_span(text, start, end) for start, end in spans]
    first = sentences[0]
    return GoldSide(
        file=quote.file,
        path=path,
        quote=quote.quote,
        quote_spans=spans,
        sentences=sentences,
        line=text.count("\n", 0, spans[0][0]) + 1,
        sentence_text=text[first[0] : first[1]],
    )


def _shorten(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
