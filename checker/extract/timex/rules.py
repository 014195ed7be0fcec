"""Load the YAML rule table and compile it, once, into regexes.

The table (data/rules.yaml) is data: regex patterns with {FRAGMENT} references, the names of
registered normalization functions, lexicons and modifier prefixes. Nothing in it is evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

_FRAGMENT_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    regex: re.Pattern[str]
    normalize: str
    params: dict[str, Any]
    priority: int  # position in the table: earlier wins ties
    # which trigger windows the rule runs in: "words" (every match holds a trigger word),
    # "digits" (every match holds a digit) or "all" (speed: most rules skip half the text)
    scan: str = "all"


@dataclass(frozen=True)
class Prefix:
    """Words before an expression that set its mod (and, with in_span, join its span)."""

    regex: re.Pattern[str]  # anchored at the end of the text preceding the expression
    mod: str | None
    in_span: bool
    types: frozenset[str]
    if_text: re.Pattern[str] | None


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    decade_words: dict[str, int]
    holidays: dict[str, tuple[int, int]]
    floating_holidays: dict[str, tuple[int, int, int, int]]  # see values.floating_day
    market_days: dict[str, tuple[int, int, int]]
    weekday_name_prefixes: frozenset[str]
    units: dict[str, tuple[str, int, bool]]
    relatives: dict[str, tuple[str, int]]
    time_zones: dict[str, tuple[int, str | None]]  # zone -> (minutes east of UTC, DST rule)
    future_cues: re.Pattern[str]
    past_cues: re.Pattern[str]
    present_cues: re.Pattern[str]
    progressive_cues: re.Pattern[str]


@dataclass(frozen=True)
class RuleTable:
    rules: list[Rule]
    prefixes: list[Prefix]
    lexicon: Lexicon
    trigger: re.Pattern[str]
    fragments: dict[str, str] = field(repr=False)
    trigger_local: re.Pattern[str] | None = None
    # the trigger without IGNORECASE, for text already lower-cased: three times faster to scan
    trigger_folded: re.Pattern[str] | None = None


def expand(pattern: str, fragments: dict[str, str], depth: int = 0) -> str:
    """Replace {NAME} fragment references, recursively."""
    if depth > 10:
        raise ValueError(f"fragment recursion too deep in {pattern!r}")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise KeyError(f"unknown fragment {{{name}}}")
        return expand(fragments[name], fragments, depth + 1)

    return _FRAGMENT_REF.sub(sub, pattern)


def _lexicon(raw: dict[str, Any]) -> Lexicon:
    return Lexicon(
        months={str(k): int(v) for k, v in raw["months"].items()},
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        seasons={str(k): str(v) for k, v in raw["seasons"].items()},
        parts_of_day={str(k): str(v) for k, v in raw["parts_of_day"].items()},
        numbers={str(k): int(v) for k, v in raw["numbers"].items()},
        ordinals={str(k): int(v) for k, v in raw["ordinals"].items()},
        decade_words={str(k): int(v) for k, v in raw["decade_words"].items()},
        holidays={str(k): (int(v[0]), int(v[1])) for k, v in raw["holidays"].items()},
        floating_holidays={
            str(k): (int(v[0]), int(v[1]), int(v[2]), int(v[3]))
            for k, v in (raw.get("floating_holidays") or {}).items()
        },
        market_days={
            str(k): (int(v[0]), int(v[1]), int(v[2]))
            for k, v in (raw.get("market_days") or {}).items()
        },
        weekday_name_prefixes=frozenset(str(w) for w in raw["weekday_name_prefixes"]),
        units={str(k): (str(v[0]), int(v[1]), bool(v[2])) for k, v in raw["units"].items()},
        relatives={str(k): (str(v[0]), int(v[1])) for k, v in raw["relatives"].items()},
        time_zones={
            str(k): (int(v[0]), str(v[1]) if v[1] else None)
            for k, v in (raw.get("time_zones") or {}).items()
        },
        future_cues=re.compile(raw["future_cues"], FLAGS),
        past_cues=re.compile(raw["past_cues"], FLAGS),
        present_cues=re.compile(raw["present_cues"], FLAGS),
        progressive_cues=re.compile(raw["progressive_cues"], FLAGS),
    )


def _scan(rule: dict[str, Any]) -> str:
    scan = str(rule.get("scan", "all"))
    if scan not in ("all", "words", "digits"):
        raise ValueError(f"rule {rule.get('name')!r}: scan must be all, words or digits")
    return scan


def parse_table(raw: dict[str, Any]) -> RuleTable:
    """Build a RuleTable from the YAML structure (separate from loading, for tests)."""
    fragments: dict[str, str] = {str(k): str(v) for k, v in raw["fragments"].items()}
    rules: list[Rule] = []
    for i, r in enumerate(raw["rules"]):
        try:
            regex = re.compile(expand(r["pattern"], fragments), FLAGS)
        except (re.error, KeyError) as exc:
            raise ValueError(f"rule {r.get('name')!r}: {exc}") from exc
        rules.append(
            Rule(
                name=r["name"],
                type=r["type"],
                regex=regex,
                normalize=r["normalize"],
                params=dict(r.get("params") or {}),
                priority=i,
                scan=_scan(r),
            )
        )
    prefixes = [
        Prefix(
            regex=re.compile(r"(?<![\w-])(?:" + expand(p["pattern"], fragments) + r")\s*$", FLAGS),
            mod=p.get("mod"),
            in_span=p.get("span", "in") == "in",
            types=frozenset(p.get("types") or ["DATE", "TIME", "DURATION", "SET"]),
            if_text=re.compile(p["if_text"], FLAGS) if p.get("if_text") else None,
        )
        for p in raw["prefixes"]
    ]
    trigger = re.compile(raw["trigger"], FLAGS)
    local = re.compile(raw["trigger_local"], FLAGS) if raw.get("trigger_local") else None
    return RuleTable(
        rules,
        prefixes,
        _lexicon(raw["lexicon"]),
        trigger,
        fragments,
        local,
        _folded(raw["trigger"]),
    )


def _folded(pattern: str) -> re.Pattern[str] | None:
    """`pattern` lower-cased and compiled case-sensitively, or None when lower-casing would
    change what it means (an upper-case escape such as \\S or \\W)."""
    if re.search(r"\\[A-Z]", pattern):
        return None
    return re.compile(pattern.lower())


@cache
def load_table() -> RuleTable:
    """The packaged rule table, parsed and compiled once per process."""
    text = resources.files("checker.extract.timex").joinpath("data/rules.yaml").read_text("utf-8")
    return parse_table(yaml.safe_load(text))
