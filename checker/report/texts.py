"""Copies of the texts that claims quote, kept beside a report written to a file.

A plain text article's quotes are in the file itself. A saved page's or an export record's
quotes are in the text checker took from it, which is not on disk: with `--output
report.json`, each such text is written to `report.texts/<article id>.txt`, byte for byte the
text whose offsets the claims give (UTF-8), and the report names it (`text_file`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from checker.ingest.files import KEPT_TEXTS_MARKER
from checker.models.article import Article, Origin
from checker.models.report import Report
from checker.safewrite import write_atomic

_UNSAFE = re.compile(r"[^\w.#~-]")  # ids come from untrusted records: no '/', no '..'


def texts_folder(output: Path) -> Path:
    return output.with_name(f"{output.stem}.texts")


def file_name(article_id: str, taken: set[str]) -> str:
    """A safe file name for an article id, distinct from the names already `taken`."""
    stem = _UNSAFE.sub("_", article_id).lstrip(".") or "article"
    name, n = f"{stem}.txt", 1
    while name.lower() in taken:
        n += 1
        name = f"{stem}~{n}.txt"
    taken.add(name.lower())
    return name


def save_texts(report: Report, articles: Sequence[Article], output: Path) -> Report:
    """Write the extracted texts beside `output`; the report with their `text_file` set.

    Nothing is written when every article is a plain text file. Raises OSError.
    """
    extracted = [a for a in articles if a.origin is not Origin.FILE]
    if not extracted:
        return report
    folder = texts_folder(output)
    folder.mkdir(exist_ok=True)
    write_atomic(folder / KEPT_TEXTS_MARKER, "Texts checker quoted; not read as articles.\n")
    taken: set[str] = set()
    written: dict[str, str] = {}
    for article in extracted:
        path = folder / file_name(article.id, taken)
        write_atomic(path, article.text)
        written[article.id] = str(path)
    entries = [
        e.model_copy(update={"text_file": written[e.id]}) if e.id in written else e
        for e in report.articles
    ]
    return report.model_copy(update={"articles": entries})
