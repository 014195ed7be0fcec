"""Read feed and scraper exports: `.json`, `.jsonl` and `.csv` files holding one article per
record (object or row).

A record's fields are ours (`title`, `text`, `published`, `url`, `source`, `language`, `id`) or
news-please's (`maintext`, `date_publish`, `source_domain`); any other field is kept as
metadata. A `.json` file holds one record (news-please writes one file per article) or a list
of them; a `.jsonl` file one record per line; a `.csv` file a header line naming the columns.

Each record is one article with a stable id: its `id` field, else `file#n` for the n-th record
(the file name alone for a `.json` file of one record). Its text is the title line, a blank
line and the record's text, and offsets refer to that. A record without text, or with a bad
value, is one problem naming its row, and the other records are read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import CheckerError
from checker.ingest.files import DEFAULT_LIMITS, ReadLimits, check_file, read_article_bytes
from checker.ingest.pubdate import DateGuesser, guess_published
from checker.ingest.reader import Meta, decode_text, described
from checker.models.article import Article, Origin
from checker.safeload import DataError, describe, load_json

# Other tools' names for our fields; ours win when a record has both.
ALIASES = {"maintext": "text", "date_publish": "published", "source_domain": "source"}
TEXT_FIELDS = ("text", "maintext")
DATE_FIELDS = ("published", "date_publish")


@dataclass(frozen=True)
class Record:
    """One record of an export: its fields, its number (0: the only object of a `.json` file)
    and the line of the file where it starts, when known."""

    fields: dict[str, Any]
    row: int
    line: int | None


def load_export(
    path: Path,
    root: Path | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    guess: DateGuesser = guess_published,
) -> tuple[list[Article], list[CheckerError]]:
    """The articles of an export file, and one problem per record that could not be used.

    Raises CheckerError when the file as a whole cannot be read.
    """
    check_file(path, root, limits)
    text = decode_text(read_article_bytes(path, limits), path)
    parse = _PARSERS[path.suffix.lower()]
    records, problems = parse(path, text, limits)
    single = path.suffix.lower() == ".json" and len(records) == 1 and records[0].row == 0
    articles: list[Article] = []
    for record in records:
        try:
            articles.append(_article(path, record, single, guess))
        except CheckerError as err:
            problems.append(_in_row(err, record))
    return articles, sorted(problems, key=lambda p: p.line or 0)  # in the order of the file


def _in_row(err: CheckerError, record: Record) -> CheckerError:
    """`err` saying which record it is about (a language or date problem of one row)."""
    row = f"row {max(record.row, 1)}"
    if record.row == 0 or row in err.message:
        return err
    return CheckerError(
        err.code, f"{row}: {err.message}", path=err.path, line=err.line or record.line
    )


def _row_error(path: Path, record_row: int, line: int | None, problem: str) -> CheckerError:
    return CheckerError.make("E015", path=str(path), line=line, row=record_row, problem=problem)


def _article(path: Path, record: Record, single: bool, guess: DateGuesser) -> Article:
    row = max(record.row, 1)
    fields: dict[str, Any] = {}
    for key, value in record.fields.items():
        if value is None or value == "":
            continue
        name = ALIASES.get(key, key)
        if name not in fields or key == name:
            fields[name] = value
    found = next((k for k in TEXT_FIELDS if record.fields.get(k) not in (None, "")), None)
    dated = next((k for k in DATE_FIELDS if record.fields.get(k) not in (None, "")), None)
    if dated is not None and "published_note" not in fields:
        fields["published_note"] = f"given in the record ('{dated}')"
    body = fields.pop("text", None)
    if not isinstance(body, str) or not body.strip():
        problem = (
            f"has a '{found}' that is not text ({describe(body)})"
            if found
            else "has no 'text' or 'maintext'"
        )
        raise _row_error(path, row, record.line, problem)
    ident = fields.pop("id", None)
    if single:
        article_id = str(ident) if isinstance(ident, str | int) else path.stem
    else:
        article_id = str(ident) if isinstance(ident, str | int) else f"{path.stem}#{row}"
    title = fields.get("title")
    body = body.strip()
    head = title.strip() if isinstance(title, str) else ""
    text = body if not head or body.startswith(head) else f"{head}\n\n{body}"
    lines = {k: record.line for k in fields} if record.line is not None else {}
    meta = Meta(path, fields, lines, None, place=f"in row {row}")
    return Article(
        id=article_id,
        path=path,
        text=text,
        origin=Origin.EXPORT,
        row=row,
        source_line=record.line,
        text_note=f"field '{found}' of row {row}" + (" after its title" if text != body else ""),
        **described(meta, text, default_title=article_id, guess=guess),
    )


def _json(path: Path, text: str, limits: ReadLimits) -> tuple[list[Record], list[CheckerError]]:
    try:
        data = load_json(text)
    except DataError as exc:
        raise CheckerError.make("E016", path=str(path), line=exc.line, reason=exc.problem) from None
    if isinstance(data, dict) and data.get("tool") == "checker" and "findings" in data:
        reason = "it is a checker report, not an export (see --exclude)"
        raise CheckerError.make("E016", path=str(path), reason=reason)
    if isinstance(data, dict):
        return [Record(data, 0, None)], []
    if not isinstance(data, list):
        reason = f"expected an object or a list of objects, found {describe(data)}"
        raise CheckerError.make("E016", path=str(path), reason=reason)
    return _records(path, ((item, n, None) for n, item in enumerate(data, 1)))


def _jsonl(path: Path, text: str, limits: ReadLimits) -> tuple[list[Record], list[CheckerError]]:
    return _records(path, _jsonl_items(path, text))


def _jsonl_items(path: Path, text: str) -> Iterator[tuple[Any, int, int]]:
    """(the parsed line or its problem, row number, line number) for each line not blank."""
    lines = (item for item in enumerate(text.splitlines(), 1) if item[1].strip())
    for row, (line_no, line) in enumerate(lines, 1):
        try:
            yield load_json(line), row, line_no
        except DataError as exc:
            yield _row_error(path, row, line_no, f"is {exc.problem}"), row, line_no


def _records(
    path: Path, items: Iterable[tuple[Any, int, int | None]]
) -> tuple[list[Record], list[CheckerError]]:
    """Objects become records; anything else is a problem naming its row."""
    records: list[Record] = []
    problems: list[CheckerError] = []
    for item, row, line in items:
        if isinstance(item, CheckerError):
            problems.append(item)
        elif isinstance(item, dict):
            records.append(Record(item, row, line))
        else:
            problems.append(_row_error(path, row, line, f"is {describe(item)}, not an object"))
    return records, problems


def _csv(path: Path, text: str, limits: ReadLimits) -> tuple[list[Record], list[CheckerError]]:
    # A whole article in one cell is longer than the csv module's default limit (128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_bytes))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
        if not any(name in TEXT_FIELDS for name in header):
            shown = ", ".join(n for n in header if n) or "none"
            reason = f"no 'text' or 'maintext' column in the header line (columns: {shown})"
            raise CheckerError.make("E016", path=str(path), line=1, reason=reason)
        return _csv_rows(header, reader), []
    except csv.Error as exc:
        reason = f"not CSV ({exc})"
        raise CheckerError.make(
            "E016", path=str(path), line=reader.line_num, reason=reason
        ) from None


def _csv_rows(header: list[str], reader: Any) -> list[Record]:
    records: list[Record] = []
    start = reader.line_num + 1
    for cells in reader:
        if any(cell.strip() for cell in cells):  # blank lines are not rows
            fields = {name: cell for name, cell in zip(header, cells, strict=False) if name}
            records.append(Record(fields, len(records) + 1, start))
        start = reader.line_num + 1
    return records


_PARSERS = {".json": _json, ".jsonl": _jsonl, ".csv": _csv}
