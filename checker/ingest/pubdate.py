"""Infer a publication date from an article's own time expressions and their tense.

News reports what has happened, so every date the text tells in the past lies on or before the
publication date, and every date it announces for the future lies after it. Those explicit dates
(with a year) bound the date: the latest past one from below, the earliest future one from above.
A date that is only a baseline ("the deadliest since 1918") bounds it from below, but says nothing
about when the news happened: when it is the latest past date, no day is chosen, only the range.

Within the bounds, expressions that need the date to be resolved ("on Saturday", "May 6", "late
last year") decide: a candidate date under which such an expression lands on a day or period the
text names some other way ("On May 6 ... on Saturday", "late last year" beside "in late October
2016") is supported by it. The earliest of the best-supported candidates is chosen, and the
result keeps the range it could lie in and the expressions that decided.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from checker.extract.timex.tagger import find, resolve_all
from checker.ingest.dates import plausible
from checker.models.time import GRANULARITY_ORDER, Granularity, Timex

# how far past the lower bound candidates are tried: news is seldom about events two years old
SEARCH_SPAN = timedelta(days=730)
# a bare weekday ("on Saturday") names a day of the past week
WEEK = 7
# bounds that only say "before": no lower bound comes from them
_BEFORE_MODS = {"BEFORE", "ON_OR_BEFORE"}
_DATED = (
    Granularity.DAY,
    Granularity.WEEK,
    Granularity.MONTH,
    Granularity.SEASON,
    Granularity.QUARTER,
)
# periods a relative expression can name around a finer date the text gives ("last fall")
_PERIODS = (Granularity.MONTH, Granularity.YEAR, Granularity.SEASON, Granularity.QUARTER)


@dataclass(frozen=True)
class DateGuess:
    """A publication date read from the text: the chosen day, the range it may lie in, and why."""

    day: date | None  # None: only a baseline or a future date bounds it, so no day is chosen
    earliest: date | None
    latest: date | None  # None: nothing in the text bounds it from above
    evidence: tuple[str, ...] = field(default=())  # the expressions that decided, quoted
    precision: Granularity | None = None  # the finest evidence: DAY when a day is pinned

    @property
    def note(self) -> str:
        low = self.earliest.isoformat() if self.earliest else "…"
        span = f"{low} – {self.latest.isoformat() if self.latest else '…'}"
        why = "; ".join(self.evidence) if self.evidence else "no expression decided"
        if self.day is None:
            return f"no date: the text only bounds it ({span}): {why}"
        return f"inferred from the text (could be {span}): {why}"


@dataclass(frozen=True)
class _Mention:
    timex: Timex
    future: bool
    baseline: bool


def _quoted(t: Timex) -> str:
    return f"'{t.text}'"


def _bounds(explicit: list[_Mention]) -> tuple[_Mention | None, _Mention | None]:
    """The mentions giving the lower bound (latest past date) and the upper bound (earliest future
    date); a future date before the lower bound is a misread tense and bounds nothing."""
    past = [m for m in explicit if not m.future and (m.timex.mod or "") not in _BEFORE_MODS]
    low = max(past, key=lambda m: m.timex.interval.begin, default=None)  # type: ignore[union-attr]
    floor = low.timex.interval.begin if low else None  # type: ignore[union-attr]
    future = [m for m in explicit if m.future and (floor is None or m.timex.interval.end >= floor)]  # type: ignore[union-attr]
    high = min(future, key=lambda m: m.timex.interval.end, default=None)  # type: ignore[union-attr]
    return low, high


def _candidates(found, relative: list[int], low: date, high: date) -> Iterator[date]:
    """Days on which the support of the relative expressions can change: the lower bound, the
    start of every month (when a relative month, season or year is mentioned), and the week
    after every day the text names with a month and day (when a relative day is mentioned)."""
    yield low
    specs = [found.chosen[i].spec for i in relative]
    if any(not _names_day(spec) for spec in specs):
        d = date(low.year, low.month, 1)
        while d <= high:
            if d > low:
                yield d
            d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    if not any(_names_day(spec) for spec in specs):
        return
    for c in found.chosen:
        spec = c.spec
        if not (spec.month and spec.day):
            continue
        for year in range(low.year, high.year + 1):
            try:
                named = date(year, spec.month, spec.day)
            except ValueError:  # February 29 in a common year
                continue
            for k in range(WEEK):
                if low <= named + timedelta(days=k) <= high:
                    yield named + timedelta(days=k)


def _names_day(spec) -> bool:
    return bool(spec.weekday or (spec.month and spec.day) or spec.gran == "day")


def _kind(spec, text: str) -> tuple:
    """What a mention names, so that a repeated "Saturday" does not support itself."""
    if spec.weekday:
        return ("weekday", spec.weekday)
    if spec.month and spec.day:
        return ("month-day", spec.month, spec.day)
    if spec.kind == "shift" and spec.anchor == "dct":
        return ("deictic", text.lower())
    return ("text", text.lower())


def _support(
    resolved: list[Timex], relative: list[int], kinds: list[tuple], explicit: set[int]
) -> list[int]:
    """Indices of the relative expressions that land on what the text names in another way: a
    day on a day named explicitly or by another kind of expression ("May 6" and "Saturday"), a
    month, season or year around a finer date named explicitly ("last fall", "September 2019")."""
    out = []
    for i in relative:
        iv = resolved[i].interval
        if iv is None:
            continue
        # a time resolved from the previous one ("Saturday ... around 21:30") only repeats it,
        # and a count from the publication day ("today", "yesterday") lands wherever the
        # candidate puts it, so neither can confirm a candidate
        others = [
            (j, t.interval)
            for j, t in enumerate(resolved)
            if kinds[j] != kinds[i]
            and t.interval is not None
            and t.anchor != "previous"
            and kinds[j][0] != "deictic"
            # "today" and "Sunday" meet on every Sunday
            and not (kinds[i][0] == "deictic" and kinds[j][0] == "weekday")
        ]
        if iv.granularity == Granularity.DAY:
            hit = any(n.begin == iv.begin and n.end == iv.end for _, n in others)
        elif iv.granularity in _PERIODS:
            hit = any(
                j in explicit and iv.contains(n) and n.granularity != iv.granularity
                for j, n in others
            )
        else:
            hit = False
        if hit:
            out.append(i)
    return out


# What ingest calls to date a text: `guess_published`, or a cache of its answers.
DateGuesser = Callable[[str], DateGuess | None]


def guess_published(body: str) -> DateGuess | None:
    """The publication date the text of `body` implies, or None when it names no dated time."""
    found = find(body, None)
    base = resolve_all(found, None)
    explicit = [
        _Mention(t, found.future[i], found.baseline[i])
        for i, t in enumerate(base)
        if t.anchor == "explicit"
        and t.type in ("DATE", "TIME")
        and t.interval is not None
        and plausible(t.interval.begin)
        and plausible(t.interval.end)
    ]
    low, high = _bounds(explicit)
    ceiling = high.timex.interval.end if high else None  # type: ignore[union-attr]
    if low is None:
        if high is None:
            return None
        return DateGuess(None, None, ceiling, tuple(_bound_evidence(low, high)))
    floor = low.timex.interval.begin  # type: ignore[union-attr]
    relative = [
        i
        for i, t in enumerate(base)
        if t.anchor == "unresolved" and t.type == "DATE" and _calendar(found.chosen[i].spec)
    ]
    day, hits, resolved = _best_day(found, base, relative, floor, ceiling)
    evidence = _bound_evidence(low, high)
    for i in hits:
        line = f"{_quoted(resolved[i])} = {resolved[i].value} matches the text elsewhere"
        if line not in evidence:
            evidence.append(line)
    # the finest evidence decides whether a day can be named at all: a year floor supported
    # only by "last year" still leaves every day of that year open
    if (low.baseline or _coarse(low.timex)) and all(_coarse(resolved[i]) for i in hits):
        return DateGuess(None, floor, ceiling, tuple(evidence))
    grains = [low.timex.interval.granularity] + [resolved[i].interval.granularity for i in hits]
    precision = min(grains, key=GRANULARITY_ORDER.index)  # type: ignore[arg-type]
    if low.baseline or _coarse(low.timex):
        # weekday and month-day names recur every few years: above a floor of a bare year they
        # pick a day, not the year, so the day is only as sure as the floor
        precision = low.timex.interval.granularity  # type: ignore[union-attr]
    return DateGuess(day, floor, ceiling, tuple(evidence), precision)


def _coarse(t: Timex) -> bool:
    """A year (or a longer span) told as past says the news is later, not how much later: a
    history told in years ("founded in 1977") would date an article decades early."""
    return t.interval is not None and t.interval.granularity not in _DATED


def _calendar(spec) -> bool:
    """Does a relative expression name a calendar day or period ("Saturday", "May 6", "last
    fall", "last year")? Those can land on a date the text also names; a count back ("three
    months ago") seldom speaks of the same time as a date named elsewhere."""
    return spec.kind != "shift" or abs(spec.n) <= 1


def _best_day(
    found, base: list[Timex], relative: list[int], floor: date, ceiling: date | None
) -> tuple[date, list[int], list[Timex]]:
    """The earliest candidate day with the most supported relative expressions."""
    if not relative:
        return floor, [], base
    search_end = min(ceiling or date.max, floor + SEARCH_SPAN)
    kinds = [_kind(c.spec, t.text) for c, t in zip(found.chosen, base, strict=True)]
    explicit_at = {i for i, t in enumerate(base) if t.anchor == "explicit"}
    best: tuple[int, date, list[int], list[Timex]] | None = None
    for day in sorted(set(_candidates(found, relative, floor, search_end))):
        resolved = resolve_all(found, day)
        hits = [
            i
            for i in _support(resolved, relative, kinds, explicit_at)
            if _settled(resolved[i], day)
        ]
        if best is None or len(hits) > best[0]:
            best = (len(hits), day, hits, resolved)
    assert best is not None
    return best[1], best[2], best[3]


def _bound_evidence(low: _Mention | None, high: _Mention | None) -> list[str]:
    out = []
    if low is not None:
        told = "a baseline" if low.baseline else "told as past"
        out.append(f"on or after {_quoted(low.timex)} ({told})")
    if high is not None:
        out.append(f"before {_quoted(high.timex)} (told as future)")
    return out


def _settled(t: Timex, day: date) -> bool:
    """A past-tense mention resolved after the date is a stretched reading, not support."""
    return t.interval is not None and t.interval.begin <= day
