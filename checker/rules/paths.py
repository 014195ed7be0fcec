"""Where the rules folder is when none is given."""

from __future__ import annotations

import os
import sys
from pathlib import Path

RULES_ENV = "CHECKER_RULES"


def default_rules_dir() -> Path:
    """$CHECKER_RULES, else `rules/` of the source checkout, else ./rules, else the rules a
    non-editable install put under <prefix>/share/checker/rules."""
    env = os.environ.get(RULES_ENV)
    if env:
        return Path(env)
    beside = Path(__file__).resolve().parents[2] / "rules"
    if beside.is_dir():
        return beside
    here = Path.cwd() / "rules"
    if here.is_dir():
        return here
    installed = Path(sys.prefix) / "share" / "checker" / "rules"
    return installed if installed.is_dir() else here
