"""Read the files and folders given on the command line: every file is accounted for.

Under a folder, each file is read by the reader of its type (`readers.READERS`), or is one
problem line (E014: not a supported type), or is passed over silently because it is not meant
as an article: hidden files (and folders), YAML files (`articles.yaml` sidecars are read as
metadata; gold and rule files belong to other commands) and notes whose name is all capitals
(`README.md`, `LICENSE`, `ATTRIBUTION.md`), and the texts kept beside an earlier report. Then
`--include`/`--exclude` choose among the files; a file they leave out is not mentioned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from checker.errors import CheckerError
from checker.ingest.files import DEFAULT_LIMITS, KEPT_TEXTS_MARKER, ReadLimits, walk
from checker.ingest.pubdate import DateGuesser, guess_published
from checker.ingest.reader import SIDECAR_NAME, Sidecar, read_sidecar
from checker.ingest.readers import ReadContext, Reader, read_text, reader_for, supported
from checker.models.article import Article

QUIET_SUFFIXES = (".yaml", ".yml")  # checker's own files: sidecars, gold annotations, rules


def _quiet(path: Path) -> bool:
    """Files that are not meant as articles and are passed over without a word."""
    return (
        path.name.startswith(".")
        or path.suffix.lower() in QUIET_SUFFIXES
        or path.stem.isupper()  # README.md, ATTRIBUTION.md, LICENSE.txt: notes, not articles
        or (path.parent / KEPT_TEXTS_MARKER).exists()  # copies kept beside an earlier report
    )


def survey(
    folder: Path, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[list[Path], list[CheckerError]]:
    """The article files under `folder` (sorted), and a problem (E014) for each other file that
    is neither chosen out by --include/--exclude nor passed over quietly.

    Entries that are not regular files (links, FIFOs) are listed too, so that each can be
    reported when it cannot be read.
    """
    files: list[tuple[str, Path]] = []
    skipped: list[tuple[str, Path]] = []
    for path in walk(folder, limits):
        rel = path.relative_to(folder).as_posix()
        if not limits.selects(rel) or _quiet(path):
            continue
        (files if reader_for(path) is not None else skipped).append((rel, path))
    problems = [
        CheckerError.make("E014", path=str(path), kind=_kind(path), opts=supported())
        for _, path in sorted(skipped)
    ]
    return [path for _, path in sorted(files)], problems


def _kind(path: Path) -> str:
    return path.suffix.lower() if path.suffix else "a file without a suffix"


def find_article_files(folder: Path, limits: ReadLimits = DEFAULT_LIMITS) -> list[Path]:
    """Every file under `folder`, recursively and sorted, that a reader reads (see `survey`)."""
    return survey(folder, limits)[0]


def _sidecars(
    folder: Path, root: Path | None, limits: ReadLimits, found: Iterable[Path] | None = None
) -> tuple[list[Sidecar], list[CheckerError]]:
    sidecars: list[Sidecar] = []
    errors: list[CheckerError] = []
    paths = found if found is not None else [folder / SIDECAR_NAME]
    for path in sorted(p for p in paths if p.name == SIDECAR_NAME and _exists(p)):
        sidecar, errs = read_sidecar(path, root, limits)
        sidecars.append(sidecar)
        errors.extend(errs)
    # The nearest sidecar (deepest folder) is asked first.
    sidecars.sort(key=lambda s: len(s.folder.parts), reverse=True)
    return sidecars, errors


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def load_paths(
    paths: Iterable[Path],
    limits: ReadLimits = DEFAULT_LIMITS,
    guess: DateGuesser = guess_published,
) -> tuple[list[Article], list[CheckerError]]:
    """Load files and folders given on the command line. Broken inputs are returned, not raised.
    `guess` dates the texts that state no date (a run passes its cached guesses)."""
    articles: list[Article] = []
    problems: list[CheckerError] = []
    for path in paths:
        if path.is_dir():
            found, errs = load_folder(path, limits, guess)
            articles.extend(found)
            problems.extend(errs)
        elif _exists(path):
            # A file named on the command line is read wherever its links lead, and as plain
            # text when checker has no reader for its type: the user chose it.
            sidecars, errs = _sidecars(path.parent, None, limits)
            problems.extend(errs)
            ctx = ReadContext(sidecars, None, limits, guess)
            _load_one(path, reader_for(path) or read_text, ctx, articles, problems)
        else:
            problems.append(
                CheckerError.make(
                    "E007", path=str(path), folder=path, patterns="no such file or folder"
                )
            )
    return _dedupe_ids(articles), problems


def load_folder(
    folder: Path, limits: ReadLimits = DEFAULT_LIMITS, guess: DateGuesser = guess_published
) -> tuple[list[Article], list[CheckerError]]:
    """Load every article under `folder`. One broken file is reported and the others still load."""
    if not folder.is_dir():
        return [], [
            CheckerError.make("E007", path=str(folder), folder=folder, patterns="not a folder")
        ]
    sidecars, problems = _sidecars(folder, folder, limits, walk(folder, limits))
    files, skipped = survey(folder, limits)
    problems.extend(skipped)
    if not files:
        patterns = ", ".join(f"*{s}" for s in supported().split(", "))
        problems.append(
            CheckerError.make("E007", path=str(folder), folder=folder, patterns=patterns)
        )
    articles: list[Article] = []
    ctx = ReadContext(sidecars, folder, limits, guess)
    for path in files:
        _load_one(path, reader_for(path) or read_text, ctx, articles, problems)
    return _dedupe_ids(articles), problems


def _load_one(
    path: Path,
    reader: Reader,
    ctx: ReadContext,
    articles: list[Article],
    problems: list[CheckerError],
) -> None:
    """Load one file's articles into `articles`, its problems into `problems`: nothing raises
    past it."""
    try:
        loaded = reader(path, ctx)
    except CheckerError as err:
        problems.append(err)
    except (Exception, RecursionError) as exc:  # a bug must not sink the other articles
        problems.append(
            CheckerError.make("E009", path=str(path), reason=f"{type(exc).__name__}: {exc}")
        )
    else:
        articles.extend(loaded.articles)
        problems.extend(loaded.problems)


def _dedupe_ids(articles: Sequence[Article]) -> list[Article]:
    """Two files with the same stem in different folders get distinct ids (stem~2)."""
    seen: dict[str, int] = {}
    out: list[Article] = []
    for art in articles:
        n = seen.get(art.id, 0) + 1
        seen[art.id] = n
        out.append(art if n == 1 else art.model_copy(update={"id": f"{art.id}~{n}"}))
    return out
