"""One safe reader for every YAML and JSON file checker did not write itself.

Front matter, `articles.yaml`, rule, vocabulary and gold files (YAML), and baseline and report
files (JSON) all come through here, so each of them gets the same limits:

- no code: only plain strings, numbers, true/false, null, lists and mappings; no tags,
  no aliases (`*name`, which also rules out "billion laughs" expansion), no merge keys,
  no duplicate keys;
- YAML-1.2-like scalars: only ``true``/``false`` are booleans (``no``, ``yes``, ``on`` stay
  text), dates stay text (callers validate them), ``10:30`` or ``010`` are not numbers;
- at most `MAX_DEPTH` levels of nesting, numbers of at most `MAX_NUMBER_DIGITS` digits, and
  files of a bounded size (`read_limited`), so no input can exhaust the stack or the memory.

`parse_source` keeps the line of every key and value, for messages that point at the line.
Problems are `CheckerError`s (rule-file codes) or `DataError`s, which callers turn into the
code of their own file kind.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.errors import CheckerError

MAX_DEPTH = 100  # levels of nested lists and mappings
MAX_NUMBER_DIGITS = 100  # digits of one number (Python refuses ints of over 4,300 digits)
MAX_DATA_BYTES = 10_000_000  # a YAML data file (rules, vocabulary, gold, sidecar)
MAX_JSON_BYTES = 200_000_000  # a JSON file (baseline, report)


class DataError(ValueError):
    """A file that is not safe plain data: `problem` says why, `line` where (1-based) if known."""

    def __init__(self, problem: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line
        self.column = column


def file_kind(mode: int) -> str | None:
    """None for a regular file, else what it is ('a folder', 'a FIFO (named pipe)', …)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, of at most `limit` bytes.

    Raises OSError when it cannot be read and DataError when it is not a regular file (a FIFO
    would block the read forever) or is larger than `limit`.
    """
    with open(path, "rb", opener=_nonblocking) as handle:
        info = os.fstat(handle.fileno())
        kind = file_kind(info.st_mode)
        if kind is not None:
            raise DataError(f"it is {kind}, not a regular file")
        if info.st_size > limit:
            raise DataError(f"it is larger than {limit:,} bytes ({info.st_size:,} bytes)")
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise DataError(f"it is larger than {limit:,} bytes")
    return data


def _nonblocking(path: str, flags: int) -> int:
    # Opening a FIFO for reading waits for a writer; O_NONBLOCK returns at once.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def describe(value: Any, limit: int = 60) -> str:
    """A value as messages show it: 'a mapping', 'a list', or the value quoted (shortened)."""
    if value is None:
        return "nothing (empty)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    return f"'{shorten(str(value), limit)}'"


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def first_line(exc: BaseException) -> str:
    """An exception as one line of text, for messages."""
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


# --- JSON ------------------------------------------------------------------------------------

_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def load_json(text: str) -> Any:
    """Parse JSON `text` into plain data. Raises DataError (with the line when known)."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                raise DataError(f"nested more than {MAX_DEPTH} levels deep", line)
        elif token in "]}":
            depth -= 1
    try:
        return json.loads(text, parse_int=_json_int, parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        raise DataError(f"not JSON ({exc.msg})", exc.lineno, exc.colno) from None
    except (ValueError, RecursionError) as exc:
        raise DataError(first_line(exc)) from None


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    return int(text)


def _json_constant(name: str) -> Any:
    raise ValueError(f"'{name}' is not a JSON number")


# --- YAML with line numbers ------------------------------------------------------------

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))
_REPLACED = {_TAG + t for t in ("bool", "int", "float", "timestamp")}


class _SafeDataLoader(yaml.SafeLoader):
    """SafeLoader with YAML-1.2-like scalars and a nesting limit (see the module docstring).

    It also records where aliases (`*name`) are used: once composed, an alias is the
    very node it refers to and only carries the position of the anchor.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_marks: list[yaml.Mark] = []
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self.alias_marks.append(self.peek_event().start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"nested more than {MAX_DEPTH} levels deep",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_SafeDataLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Added in this order so that "10" is an int before it can be a float.
_SafeDataLoader.add_implicit_resolver(
    _TAG + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_SafeDataLoader.add_implicit_resolver(
    _TAG + "int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_SafeDataLoader.add_implicit_resolver(
    _TAG + "float",
    re.compile(
        r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)

Path_ = tuple[str | int, ...]


@dataclass
class SourceFile:
    """A YAML file parsed to plain data, with the line of every key and value."""

    path: str  # as shown in messages
    text: str
    data: Any = None
    key_lines: dict[Path_, int] = field(default_factory=dict)
    value_lines: dict[Path_, int] = field(default_factory=dict)
    columns: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Sequence[str | int], *, at_key: bool = False) -> int:
        """Line of the node at `loc`, or of its nearest existing ancestor.

        With `at_key`, the line of the mapping key itself (where a misspelt key is).
        """
        loc = tuple(loc)
        while loc:
            table = self.key_lines if at_key else self.value_lines
            if loc in table:
                return table[loc]
            loc = loc[:-1]
        return self.value_lines.get((), 1)

    def error(
        self, code: str, loc: Sequence[str | int] = (), *, at_key: bool = False, **kw: Any
    ) -> CheckerError:
        """A `CheckerError` placed at the node `loc` of this file (`kw`: template fields)."""
        line = self.line_of(loc, at_key=at_key)
        return self.error_at(code, line, column=self.columns.get(tuple(loc)), **kw)

    def error_at(
        self, code: str, line: int, *, column: int | None = None, **kw: Any
    ) -> CheckerError:
        lines = self.text.splitlines()
        source_line = lines[line - 1] if 0 < line <= len(lines) else None
        return CheckerError.make(
            code, path=self.path, line=line, column=column, source_line=source_line, **kw
        )


RULE_FILES = "rule and vocabulary files"


def parse_source(
    path: str, text: str, *, kind: str = RULE_FILES, empty_ok: bool = False
) -> tuple[SourceFile, list[CheckerError]]:
    """Parse YAML `text` into `SourceFile.data`, refusing anything that is not plain data.

    Returns the source and the errors (rule-file codes E112–E115, E103, whose messages name
    `kind` of file); when there are errors, `data` is None. An empty file is an error (E115)
    unless `empty_ok`.
    """
    src = SourceFile(path=path, text=text)
    loader: _SafeDataLoader | None = None
    try:
        loader = _SafeDataLoader(text)  # the reader refuses control characters here
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or "cannot parse"
        if exc.context and exc.context_mark is not None:
            problem = f"{exc.context} (started on line {exc.context_mark.line + 1}): {problem}"
        elif exc.context:
            problem = f"{exc.context}: {problem}"
        return src, [
            src.error_at(
                "E113",
                line,
                column=(mark.column + 1) if mark is not None else None,
                problem=problem,
                help="check indentation, colons and quotes on this line and the one above",
            )
        ]
    except (yaml.YAMLError, RecursionError) as exc:
        return src, [src.error_at("E113", 1, problem=first_line(exc), help="is this a YAML file?")]
    finally:
        if loader is not None:
            loader.dispose()

    if node is None:
        if empty_ok:
            return src, []
        return src, [
            src.error_at(
                "E115", 1, found="an empty file", help="start with 'id:' (rules) or 'kind:'"
            )
        ]
    errors = [
        src.error_at(
            "E114",
            mark.line + 1,
            column=mark.column + 1,
            construct="aliases (*name)",
            kind=kind,
            detail="write the value out in full",
            help="copy the value instead of referring to an anchor",
        )
        for mark in loader.alias_marks
    ]
    if errors:
        return src, errors
    data = _to_data(node, (), src, loader, errors, set(), kind)
    if errors:
        return src, errors
    src.data = data
    return src, []


def load_yaml(text: str, *, kind: str) -> Any:
    """Plain data from YAML `text` (None when empty). Raises DataError with the first problem."""
    src, errors = parse_source("", text, kind=kind, empty_ok=True)
    if errors:
        first = errors[0]
        problem = first.message.removeprefix("YAML syntax error: ")
        raise DataError(problem, first.line, first.column)
    return src.data


def _mark(src: SourceFile, node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _to_data(
    node: yaml.Node,
    loc: Path_,
    src: SourceFile,
    loader: yaml.SafeLoader,
    errors: list[CheckerError],
    seen: set[int],
    kind: str,
) -> Any:
    line, column = _mark(src, node)
    src.value_lines[loc] = line
    src.columns.setdefault(loc, column)
    # An alias makes the same node object appear twice; refusing it also rules out
    # "billion laughs" expansion.
    if id(node) in seen:
        errors.append(
            src.error_at(
                "E114",
                line,
                construct="aliases (*name)",
                kind=kind,
                detail="write the value out in full",
                help="copy the value instead of referring to it",
            )
        )
        return None
    seen.add(id(node))
    if node.tag not in _ALLOWED_TAGS:
        errors.append(
            src.error_at(
                "E114",
                line,
                column=column,
                construct="tags",
                kind=kind,
                detail=f"'{node.tag}' (data, never code)",
                help="remove the '!' tag; write plain text, numbers, lists and mappings",
            )
        )
        return None

    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line, key_col = _mark(src, key_node)
            if key_node.tag == _TAG + "merge":
                errors.append(
                    src.error_at(
                        "E114",
                        key_line,
                        construct="merge keys ('<<')",
                        kind=kind,
                        detail="merging mappings hides where a value comes from",
                        help="write each key out",
                    )
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                errors.append(
                    src.error_at(
                        "E103",
                        key_line,
                        key="?",
                        where="mapping",
                        problem="keys must be plain text",
                        help="use a simple word as the key",
                    )
                )
                continue
            key = str(key_node.value)
            sub = (*loc, key)
            if key in out or sub in src.key_lines:
                errors.append(
                    src.error_at(
                        "E112",
                        key_line,
                        column=key_col,
                        key=key,
                        first_line=src.key_lines.get(sub, "?"),
                        help="YAML keeps only the last value; remove or merge one of them",
                    )
                )
                continue
            src.key_lines[sub] = key_line
            src.columns[sub] = key_col
            out[key] = _to_data(value_node, sub, src, loader, errors, seen, kind)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_data(item, (*loc, i), src, loader, errors, seen, kind)
            for i, item in enumerate(node.value)
        ]
    # Scalars: only str/int/float/bool/null tags reach here, so this constructs plain data.
    if node.tag in (_TAG + "int", _TAG + "float"):
        digits = sum(ch.isdigit() for ch in node.value)
        if digits > MAX_NUMBER_DIGITS:
            errors.append(
                src.error_at(
                    "E113",
                    line,
                    column=column,
                    problem=f"a number has more than {MAX_NUMBER_DIGITS} digits",
                    help="quote it if it is meant as text",
                )
            )
            return None
    return loader.construct_object(node)
