"""Every error and warning checker can report, in one place.

Codes are stable: a code always means the same thing, is never renumbered and never
reused. A retired code leaves a hole in the numbering.

Ranges:
    E0xx  input articles (ingest)          W0xx  input articles
    E1xx  rule and vocabulary files        W1xx  rule and vocabulary files
    E2xx  configuration and command line   W2xx  configuration and command line
    E3xx  facts cache and executors        W3xx  facts cache and executors

Attributes of `Errors` / `Warnings` read as ``"[E101] unknown key …"`` (the code is
prefixed, spaCy style), so a call site can simply do
``raise ValueError(Errors.E201.format(code="T999", suggestion="", opts="T101"))``.
Most call sites should build a `CheckerError` with `CheckerError.make`, which keeps the
code, the file and the line apart so the CLI can print them uniformly::

    [E101] rules/time/T101.yaml:7: unknown key 'verdit' in rule T101 (did you mean 'verdict'?)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Self

from checker.textutil import safe_terminal

# Exit codes of the `checker` command (Semgrep-like: 0 clean, 1 findings, 2 fatal).
EXIT_OK = 0  # ran; no conflicts found
EXIT_FINDINGS = 1  # ran; at least one conflict found
EXIT_ERROR = 2  # usage, configuration or rule error

_CODE = re.compile(r"^[EW][0-9]{3}$")


class _WithCodes(type):
    """Metaclass: reading `Errors.E101` returns the template prefixed with `[E101] `."""

    def __getattribute__(cls, name: str) -> Any:
        value = super().__getattribute__(name)
        if _CODE.match(name) and isinstance(value, str):
            return f"[{name}] {value}"
        return value

    def template(cls, code: str) -> str:
        """The bare template of `code` (without the `[E101] ` prefix)."""
        value = type.__getattribute__(cls, code)
        if not isinstance(value, str):
            raise KeyError(code)
        return value

    def codes(cls) -> list[str]:
        """Every code defined in this class, sorted."""
        return sorted(name for name in vars(cls) if _CODE.match(name))


class Errors(metaclass=_WithCodes):
    # --- E0xx: input articles -------------------------------------------------------
    E001 = "cannot read file: {reason}"
    E002 = "file is not UTF-8 text: {reason}"
    E003 = "front matter is invalid: {reason}"
    E004 = "article is empty (no text after the front matter)"
    E005 = "published date '{value}' {where} is not a valid date: {reason}"
    E006 = "sidecar file '{sidecar}' is invalid: {reason}"
    E007 = "folder '{folder}' does not exist or holds no articles ({patterns})"
    E008 = "article language is '{language}'; only English articles are checked, so it is skipped"
    E009 = "article could not be analysed ({reason}); skipped"
    E010 = "invalid value for '{key}' {where}: {problem}"
    E011 = "leads outside the folder '{folder}' (to '{target}'); skipped (see --follow-symlinks)"
    E012 = "file has {size} bytes, more than --max-bytes {limit}; skipped"
    E013 = "file is {kind}, not a regular file; skipped"
    E014 = "skipped: {kind} is not a supported type; supported: {opts}"
    E015 = "row {row} {problem}; skipped"
    E016 = "export file is invalid: {reason}"
    E017 = "no article text found in the page ({reason}); skipped"

    # --- E1xx: rule and vocabulary files --------------------------------------------
    E101 = "unknown key '{key}' in {where}{suggestion}"
    E102 = "missing required key '{key}' in {where}"
    E103 = "invalid value for '{key}' in {where}: {problem}"
    E104 = "rule id '{value}' is not a valid code (expected a family letter T, G, P, N or V and three digits, e.g. T101)"  # noqa: E501
    E105 = "rule id '{rule_id}' does not match the file name '{file_name}'"
    E106 = "duplicate rule id '{rule_id}' (already defined in {other})"
    E107 = "unknown operator '{op}' in rule {rule_id}{suggestion}; known operators: {opts}"
    E108 = "value '{value}' is not allowed for operator '{op}' in rule {rule_id}{suggestion}; allowed: {opts}"  # noqa: E501
    E109 = "operator '{op}' in rule {rule_id} expects {expected}, got {got}"
    E110 = "unknown placeholder '{{{name}}}' in the message of rule {rule_id}; allowed placeholders: {opts}"  # noqa: E501
    E111 = "invalid message template in rule {rule_id}: {problem}"
    E112 = "duplicate key '{key}' (first given on line {first_line})"
    E113 = "YAML syntax error: {problem}"
    E114 = "YAML {construct} not allowed in {kind}: {detail}"
    E115 = "the file must hold a YAML mapping at the top level, found {found}"
    E116 = "no rule files (*.yaml) found under '{folder}'"
    E117 = "rule {rule_id} has no conditions under 'when'"
    E118 = "rule {rule_id} is in folder '{folder}', but {letter} rules belong in '{expected}/'"
    E119 = "cannot read rule file: {reason}"
    E120 = "unknown vocabulary kind '{kind}'{suggestion}; known kinds: {opts}"
    E121 = (
        "duplicate vocabulary entry id '{entry_id}' in kind '{kind}' (already defined at {other})"  # noqa: E501
    )
    E122 = "term '{term}' of entry '{entry_id}' is also a term of '{other_id}' in kind '{kind}' (at {other})"  # noqa: E501
    E123 = "entry '{entry_id}' refers to unknown {field} '{target}' in kind '{kind}'"
    E124 = "rule file is in an unknown folder '{folder}'; rule folders are: {opts}"

    # --- E2xx: configuration and command line ---------------------------------------
    E201 = "unknown rule code '{rule_code}'{suggestion}"
    E202 = "unknown output format '{fmt}'; known formats: {opts}"
    E203 = "rules folder '{folder}' does not exist"
    E204 = "unknown option '{key}' in configuration{suggestion}"
    E205 = "invalid value for option '{key}': {problem}"
    E206 = "the rule set has {count} error(s); fix them or run with a valid --rules folder"
    E207 = "spaCy model '{model}' cannot be loaded: {reason}"
    # `checker eval`: gold annotation files, the report they are scored against.
    E210 = "cannot read gold file: {reason}"
    E211 = "gold file is not valid YAML: {problem}"
    E212 = "unknown key '{key}' in {where}{suggestion}; allowed keys: {opts}"
    E213 = "missing required key '{key}' in {where}"
    E214 = "invalid value for '{key}' in {where}: {problem}"
    E215 = "duplicate gold item id '{item_id}' (first defined at {other})"
    E216 = "gold item '{item_id}': cannot read article '{file}': {reason}"
    E217 = "gold item '{item_id}': the '{side}' quote is not in {file}: \"{quote}\"{hint}"
    E218 = "gold item '{item_id}': article '{file}' is not in the report{detail}"
    E219 = "cannot use report: {reason}"
    E220 = "articles folder '{folder}' does not exist"
    E221 = "{option} cannot be combined with --report (the report is already made)"
    # `checker ci` and `checker baseline`.
    E222 = "cannot read baseline file: {reason}"
    E223 = "baseline file is not valid: {problem}"
    E224 = "fingerprint '{value}' {problem}"
    E225 = "--acknowledge needs --reason (say why the finding is accepted)"
    E226 = "cannot write baseline file: {reason}"
    E227 = "cannot write output file: {reason}"

    # --- E3xx: facts cache and executors ----------------------------------------------
    E301 = "cannot clear the facts cache: {reason}"
    E302 = "{feature} needs the optional '{extra}' extra: pip install \"checker[{extra}]\""
    E303 = "cannot reach the Dask scheduler at '{address}': {reason}"
    E304 = "cannot write facts as Parquet: {reason}"


class Warnings(metaclass=_WithCodes):
    # --- W0xx: input articles -------------------------------------------------------
    W001 = "no publication date found; relative dates ('yesterday', 'last week') stay unresolved"
    W002 = "unknown front matter key '{key}' ignored{suggestion}"
    W003 = "article is very short ({chars} characters); few facts can be read from it"

    # --- W1xx: rule and vocabulary files --------------------------------------------
    W101 = "rule {rule_id} is deprecated and will be removed{note}"
    W102 = "file '{file_name}' ignored: rule and vocabulary files must end in '.yaml'"
    W103 = "no vocabulary folder at '{folder}'; rules run without vocabulary"
    W104 = "'{file_name}' has no 'kind:' or 'entries:'; not read as vocabulary (another component's data?)"  # noqa: E501

    # --- W2xx: configuration and command line ---------------------------------------
    W210 = "claim of finding {finding} does not match '{file}' at {start}:{end}; was the article changed after the report was made?"  # noqa: E501
    W211 = "--since {rev}: {reason}; {fallback}"
    W212 = "stale baseline entry {fingerprint} ({rule} {subject}): no longer found"

    # --- W3xx: facts cache and executors ----------------------------------------------
    W301 = "facts cache not used ({reason}); every article is extracted"
    W302 = "facts cache file was unreadable ({reason}); started afresh"
    W303 = "cached facts of article '{article}' are unreadable ({reason}); extracted again"
    W304 = "a cached publication-date guess is unreadable ({reason}); guessed again"
    W305 = "cached alignment of articles '{a}' and '{b}' is unreadable ({reason}); aligned again"
    W306 = "a cached answer of the gazetteer is unreadable ({reason}); looked up again"
    W307 = "the cached copy groups of the folder are unreadable ({reason}); found again"
    W308 = "the gazetteer's derived file was not used ({reason}); built from the data packages"


class _Fields(dict[str, Any]):
    """Formatting a message must never crash: a missing field shows as `<name?>`."""

    def __missing__(self, key: str) -> str:
        return f"<{key}?>"


def _format(template: str, fields: Mapping[str, Any]) -> str:
    """The message: values (often untrusted: file names, front matter) cannot break the line
    or reach a terminal raw, because control characters in them are written as escapes."""
    shown = {
        key: value if isinstance(value, int | float) else safe_terminal(str(value))
        for key, value in fields.items()
    }
    return template.format_map(_Fields(shown))


def suggest(word: str, options: Iterable[str]) -> str:
    """`" (did you mean 'x'?)"` for the closest option, or `""` when none is close."""
    import difflib

    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def options(values: Iterable[str]) -> str:
    """A sorted, comma-separated list for messages (`a, b, c`)."""
    items = sorted(set(values))
    return ", ".join(items) if items else "(none)"


class _Diagnostic:
    """What an error and a warning share: a code, a place, a message and a hint."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        help: str | None = None,
        source_line: str | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.path = path
        self.line = line  # 1-based, like editors show it
        self.column = column  # 1-based
        self.help = help
        self.source_line = source_line  # the text of `line`, for the caret snippet

    # The catalogue whose templates `make` fills: Errors for errors, Warnings for warnings.
    catalogue: ClassVar[Any]

    @classmethod
    def make(
        cls,
        code: str,
        /,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        help: str | None = None,
        source_line: str | None = None,
        **fields: Any,
    ) -> Self:
        """Build the diagnostic `code` from its template in the catalogue, filled with `fields`."""
        message = _format(cls.catalogue.template(code), fields)
        return cls(
            code,
            message,
            path=path,
            line=line,
            column=column,
            help=help,
            source_line=source_line,
        )

    @property
    def where(self) -> str:
        """`path:line` (or just `path`, or `""`), control characters escaped."""
        if self.path is None:
            return ""
        path = safe_terminal(self.path)
        return f"{path}:{self.line}" if self.line is not None else path

    def one_line(self) -> str:
        """`[E101] rules/time/T101.yaml:7: unknown key …`: what the CLI prints."""
        where = self.where
        if where:
            return f"[{self.code}] {where}: {self.message}"
        return f"[{self.code}] {self.message}"

    def render(self, verbose: bool = False) -> str:
        """The one line; with `verbose`, also the source line, a caret and the help hint."""
        out = [self.one_line()]
        if verbose:
            if self.source_line is not None and self.line is not None:
                gutter = str(self.line)
                out.append(f"{' ' * len(gutter)} |")
                out.append(f"{gutter} | {self.source_line.rstrip()}")
                col = max((self.column or 1) - 1, 0)
                width = max(len(self.source_line.rstrip()) - col, 1)
                out.append(f"{' ' * len(gutter)} | {' ' * col}{'^' * width}")
            if self.help:
                out.append(f"  = help: {self.help}")
        return "\n".join(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "message": self.message,
            "help": self.help,
        }

    def __str__(self) -> str:
        return self.one_line()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.one_line()!r})"


class CheckerError(_Diagnostic, Exception):
    """An error with a stable code. `message` is the formatted template, without the code."""

    catalogue = Errors

    def __init__(self, code: str, message: str, **kwargs: Any) -> None:
        _Diagnostic.__init__(self, code, message, **kwargs)
        Exception.__init__(self, self.one_line())

    def __reduce__(self) -> tuple[Any, ...]:
        # Keep the error picklable (multiprocessing) despite the keyword-only fields.
        return (_rebuild, (type(self), self.code, self.message, self._kwargs()))

    def _kwargs(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "help": self.help,
            "source_line": self.source_line,
        }


class CheckerWarning(_Diagnostic, UserWarning):
    """A warning with a stable code: reported, never fatal."""

    catalogue = Warnings

    def __init__(self, code: str, message: str, **kwargs: Any) -> None:
        _Diagnostic.__init__(self, code, message, **kwargs)
        UserWarning.__init__(self, self.one_line())


def _rebuild(cls: type[CheckerError], code: str, message: str, kwargs: dict[str, Any]) -> Any:
    return cls(code, message, **kwargs)


class RuleSetError(Exception):
    """Every problem found while loading rule and vocabulary files, reported at once."""

    def __init__(self, errors: list[CheckerError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(e.one_line() for e in self.errors))

    @property
    def codes(self) -> list[str]:
        return [e.code for e in self.errors]
