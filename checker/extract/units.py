"""Units written next to numbers, read with the `units` vocabulary and converted with pint.

The vocabulary maps spellings to a pint unit; pint does every conversion, so "600 feet" and
"183 m", or "1,480 acres" and "6 square kilometres", meet in one base unit.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pint

from checker.rules.vocab import UnitEntry

# The unit each measure is compared in: its pint name, and its symbol in reports.
BASE = {
    "length": ("meter", "m"),
    "speed": ("meter / second", "m/s"),
    "area": ("meter ** 2", "m²"),
    "mass": ("kilogram", "kg"),
    "volume": ("liter", "l"),
    "temperature": ("degC", "°C"),
    "energy": ("watt", "W"),
}


@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry:
    return pint.UnitRegistry()


class UnitTable:
    """Finds the unit written right after (or, for currency signs, before) a number."""

    def __init__(self, entries: tuple[UnitEntry, ...]) -> None:
        self._after: dict[str, UnitEntry] = {}
        self._before: dict[str, UnitEntry] = {}
        self._exact: list[tuple[re.Pattern[str], UnitEntry]] = []
        for e in entries:
            table = self._before if e.before else self._after
            for term in e.terms:
                table.setdefault(term.lower().lstrip("-"), e)
            for term in e.case_sensitive:
                self._exact.append((re.compile(r"[ -]?" + re.escape(term) + r"(?![\w²])"), e))
        longest = sorted(self._after, key=len, reverse=True)
        self._after_rx = re.compile(
            r"[ \u00a0-]?(" + "|".join(re.escape(t) for t in longest) + r")(?![\w²])"
        )
        before = sorted(self._before, key=len, reverse=True)
        self._before_rx = re.compile(
            r"(?<![\w.])(" + "|".join(re.escape(t) for t in before) + r") ?\Z"
        )

    def after(self, text: str, end: int) -> tuple[UnitEntry, int, int] | None:
        window = text[end : end + 32]
        m = self._after_rx.match(window.lower())
        if m and len(window.lower()) == len(window):
            return self._after[m.group(1)], end + m.start(1), end + m.end(1)
        for rx, entry in self._exact:  # 'm' for metres: exact case only
            m2 = rx.match(window)
            if m2:
                term_len = len(m2.group(0).lstrip(" -"))
                return entry, end + m2.end() - term_len, end + m2.end()
        return None

    def before(self, text: str, start: int) -> tuple[UnitEntry, int, int] | None:
        window = text[max(0, start - 6) : start]
        m = self._before_rx.search(window.lower())
        if m and len(window.lower()) == len(window):
            return self._before[m.group(1)], start - len(window) + m.start(1), start
        return None

    @staticmethod
    def convert(entry: UnitEntry, value: float) -> float:
        """`value` in `entry`'s unit, expressed in the base unit of its measure."""
        if entry.pint is None or entry.measure not in BASE or math.isinf(value):
            return value
        reg = _registry()
        return float(reg.Quantity(value, entry.pint).to(BASE[entry.measure][0]).magnitude)


@lru_cache(maxsize=4)
def _table(entries: tuple[UnitEntry, ...]) -> UnitTable:
    return UnitTable(entries)


def unit_table(vocab) -> UnitTable:
    return _table(tuple(vocab.entries("units")))
