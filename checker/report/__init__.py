"""Report renderers: one function per output format, looked up by name.

Every renderer takes a `Report` and returns the whole document as a string ending with a
newline; callers write it as is (e.g. `sys.stdout.write`, `Path.write_text`).
"""

from __future__ import annotations

from collections.abc import Callable

from checker.models.report import Report
from checker.report.html import render_html
from checker.report.json import render_json
from checker.report.markdown import render_markdown
from checker.report.text import print_report, render_text

RENDERERS: dict[str, Callable[[Report], str]] = {
    "html": render_html,
    "json": render_json,
    "markdown": render_markdown,
    "text": render_text,
}


def render(report: Report, fmt: str) -> str:
    """Render `report` in format `fmt` (a key of `RENDERERS`)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        options = ", ".join(sorted(RENDERERS))
        raise ValueError(f"unknown report format {fmt!r}; choose one of: {options}") from None
    return renderer(report)


__all__ = ["RENDERERS", "print_report", "render"]
