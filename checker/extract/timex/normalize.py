"""Normalization functions: turn one regex match into a Spec (what the expression means).

The functions live in modules by job and register themselves by name on import (the rule table
refers to them by that name): words.py reads numbers, names and units; dates.py explicit dates;
periods.py months, weeks, seasons, quarters and holidays; relative.py DCT-relative and anaphoric
expressions; clock.py times of day; durations.py durations and sets. This module imports them
all, so REGISTRY is complete once it is imported.
"""

from __future__ import annotations

from checker.extract.timex import clock, dates, durations, periods, relative  # noqa: F401
from checker.extract.timex.periods import week_in_month
from checker.extract.timex.spec import REGISTRY, Normalizer, Spec, register, with_span

__all__ = ["REGISTRY", "Normalizer", "Spec", "register", "week_in_month", "with_span"]
