"""Normalizers of clock times ("4 p.m. EDT", "noon Friday") and parts of the day ("this
morning").
"""

from __future__ import annotations

import re
from datetime import date

from checker.extract.timex.rules import Lexicon, Rule
from checker.extract.timex.spec import Spec, group, norm, register
from checker.extract.timex.words import (
    day_of_month,
    month_number,
    weekday_number,
)

_ZONE_OFFSET = re.compile(r"(?:utc|gmt)\s*([+-])\s*([0-9]{1,2})(?::?([0-5][0-9]))?")


def zone_offset(tz: str, lex: Lexicon) -> tuple[int, str | None] | None:
    """(minutes east of UTC, daylight-saving rule) of a zone after a clock time; None when the
    zone says nothing about UTC ("local time")."""
    t = norm(tz)
    if m := _ZONE_OFFSET.fullmatch(t):
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return (-minutes if m.group(1) == "-" else minutes), None
    return lex.time_zones.get(t)


@register("clock")
def clock(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    named = group(m, "named")
    if named:
        h, mi = (24, 0) if named.lower() == "midnight" else (12, 0)
    else:
        h, mi = int(m.group("h")), int(group(m, "mi") or 0)
        ampm = (group(m, "ampm") or "").lower()
        if ampm.startswith("p") and h < 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
        if h > 24 or (h == 24 and mi):
            return None
        if group(m, "mi") is not None and not ampm and not group(m, "tz") and "." in m.group(0):
            return None  # "3.45" without am/pm or zone is a number, not a time
    # a zoned time is written in UTC ("4 p.m. EDT" -> T20:00Z), as MEANTIME writes zoned times;
    # resolve.py converts once the date is known (the conversion may move it)
    zone = zone_offset(tz, lex) if (tz := group(m, "tz")) else None
    offset, dst = zone if zone else (None, None)
    suffix = f"T{h:02d}:{mi:02d}"
    start = end = None
    if "core" in m.re.groupindex and m.group("core") is not None:
        core = m.group("core")
        if core.endswith(")") and "(" not in core:
            # "(0600 UTC)": the bracket closes text before the time, it is not part of it
            start, end = m.start("core"), m.start("core") + len(core[:-1].rstrip())
    spec_args = {"utc_offset": offset, "dst": dst, "start": start, "end": end}
    if (mo := month_number(group(m, "month"), lex)) is not None:
        # "16:15 UTC, June 1st": the clock time on the date that follows it
        if (got := day_of_month(m, mo, dct)) is None:
            return None
        d, full = got
        if full is not None:
            return Spec("TIME", value=f"{full.isoformat()}{suffix}", **spec_args)
        return Spec(
            "TIME",
            kind="fill",
            anchor="near",
            gran="day",
            month=mo,
            day=d,
            suffix=suffix,
            **spec_args,
        )
    word = (group(m, "word") or "").lower()
    # "9 p.m. Monday", "at noon on Friday": the clock time on that weekday
    wd = weekday_number(group(m, "weekday") or group(m, "cweekday") or group(m, "pweekday"), lex)
    if wd is not None:
        return Spec("TIME", kind="weekday", weekday=wd, suffix=suffix, **spec_args)
    if word:
        n = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return Spec("TIME", kind="shift", unit="day", n=n, suffix=suffix, **spec_args)
    # a bare clock time belongs to the day in focus: the last day mentioned in the sentence
    return Spec("TIME", kind="fill", anchor="near", gran="day", suffix=suffix, **spec_args)


@register("pod")
def pod(m: re.Match[str], rule: Rule, lex: Lexicon, dct: date | None) -> Spec | None:
    code = lex.parts_of_day[(group(m, "pod") or m.group("pod2")).lower()]
    return Spec("TIME", kind="fill", anchor="near", gran="day", suffix=f"T{code}")
