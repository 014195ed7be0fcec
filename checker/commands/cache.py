"""`checker cache info|clear`: what the facts cache holds, and emptying it."""

from __future__ import annotations

import typer

from checker.commands.checked import CacheOption, fail
from checker.errors import CheckerError
from checker.textutil import safe_terminal

cache_app = typer.Typer(
    help="Show or clear the facts cache (default folder: .checker-cache).",
    no_args_is_help=True,
    add_completion=False,
)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


@cache_app.command("info")
def info(cache: CacheOption = None) -> None:
    """Where the cache is, how many articles' facts it holds and its size on disk."""
    from checker.cache.store import cache_info, default_cache_dir

    got = cache_info(cache or default_cache_dir())
    typer.echo(safe_terminal(f"path: {got.path}"))
    typer.echo(f"entries: {got.entries:,}")
    typer.echo(f"size: {_size(got.size)}")


@cache_app.command("clear")
def clear(cache: CacheOption = None) -> None:
    """Delete the cached facts: the next run extracts every article again."""
    from checker.cache.store import clear_cache, default_cache_dir

    folder = cache or default_cache_dir()
    try:
        freed = clear_cache(folder)
    except CheckerError as err:
        raise fail(err.one_line()) from None
    typer.echo(safe_terminal(f"cleared {folder} ({_size(freed)} freed)"))
