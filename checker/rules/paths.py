"""Where the rules folder is when none is given."""

from __future__ import annotations

import os
from pathlib import Path

RULES_ENV = "CHECKER_RULES"


def default_rules_dir() -> Path:
    """$CHECKER_RULES, else `rules/` beside the installed package (the repository), else ./rules."""
    env = os.environ.get(RULES_ENV)
    if env:
        return Path(env)
    beside = Path(__file__).resolve().parents[2] / "rules"
    if beside.is_dir():
        return beside
    return Path.cwd() / "rules"
