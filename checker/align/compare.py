"""How two values of one kind relate: the vocabulary the rules' `when` conditions are written in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from checker.models.facts import ClaimFact, CountFact, PlaceRef
from checker.models.place import PlaceKind, PlaceRelationKind
from checker.models.time import MONTH_NAMES, Granularity, Interval, Timex

_FAR_PAST = date(1, 1, 1)
_FAR_FUTURE = date(9999, 12, 31)
_APPROX_PAD = {
    Granularity.DAY: timedelta(days=2),
    Granularity.WEEK: timedelta(days=7),
    Granularity.MONTH: timedelta(days=15),
}


_BEFORE_AFTER = {
    "BEFORE",
    "ON_OR_BEFORE",
    "LESS_THAN",
    "EQUAL_OR_LESS",
    "AFTER",
    "ON_OR_AFTER",
    "MORE_THAN",
    "EQUAL_OR_MORE",
}


def effective_interval(t: Timex) -> tuple[date, date] | None:
    """The span a time value allows once its modifier is applied ('before 2019', 'about May')."""
    iv: Interval | None = t.interval
    if iv is None:
        return None
    begin, end = iv.begin, iv.end
    mod = (t.mod or "").upper()
    # 'shortly before 22:00', 'by 17:30 UTC': a time of that day (spans are whole days).
    if "T" in (t.value or "") and mod in _BEFORE_AFTER:
        return begin, end
    step = timedelta(days=1)
    if mod in ("BEFORE", "ON_OR_BEFORE", "LESS_THAN", "EQUAL_OR_LESS"):
        begin = _FAR_PAST
        if mod == "BEFORE":
            end = iv.begin - step
    elif mod in ("AFTER", "ON_OR_AFTER", "MORE_THAN", "EQUAL_OR_MORE"):
        end = _FAR_FUTURE
        if mod == "AFTER":
            begin = iv.end + step
    elif mod in ("START", "MID", "END"):
        # 'early 2006', 'mid-2006', 'late 2006': generous halves, so that only a clear
        # difference ('mid-2006' vs 'November 2006') falls outside.
        days = (end - begin).days + 1
        if mod == "START":
            end = begin + timedelta(days=days // 2)
        elif mod == "END":
            begin = end - timedelta(days=days // 2)
        else:
            begin, end = begin + timedelta(days=days // 4), end - timedelta(days=days // 4)
    elif mod == "APPROX":
        pad = _APPROX_PAD.get(iv.granularity, timedelta(0))
        begin, end = begin - pad, end + pad
    return begin, end


def time_relation(a: Timex, b: Timex) -> str:
    """equal | a_in_b | b_in_a | overlap | disjoint | unknown."""
    ia, ib = effective_interval(a), effective_interval(b)
    if ia is None or ib is None:
        return "unknown"
    if ia == ib:
        return "equal"
    if ib[0] <= ia[0] and ia[1] <= ib[1]:
        return "a_in_b"
    if ia[0] <= ib[0] and ib[1] <= ia[1]:
        return "b_in_a"
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        return "overlap"
    return "disjoint"


def time_gap_days(a: Timex, b: Timex) -> int | None:
    """Days between two time spans (0 when they overlap); None when either cannot be placed."""
    ia, ib = effective_interval(a), effective_interval(b)
    if ia is None or ib is None:
        return None
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        return 0
    return min(abs((ib[0] - ia[1]).days), abs((ia[0] - ib[1]).days))


@dataclass
class PlaceComparison:
    kind: str  # same | contained | near | nearby_distinct | inside_vs_outside | disjoint | unknown
    distance_km: float | None = None
    detail: str = ""


def place_relation(gazetteer, a: PlaceRef, b: PlaceRef, near_km: float = 60.0) -> PlaceComparison:
    """Relate two place mentions, taking their spatial words ('in' vs 'outside') into account."""
    if a.place is None or b.place is None:
        return PlaceComparison("unknown")
    rel = gazetteer.relation(a.place, b.place, near_km=near_km)
    dist = rel.distance_km
    a_near, b_near = a.relation == "near", b.relation == "near"
    name_a, name_b = a.place.name, b.place.name
    if rel.kind == PlaceRelationKind.SAME:
        if a_near != b_near:
            return PlaceComparison(
                "inside_vs_outside", 0.0, f"one places it in {name_a}, the other outside it"
            )
        return PlaceComparison("same", 0.0, f"both name {name_a}")
    if rel.kind in (PlaceRelationKind.A_IN_B, PlaceRelationKind.B_IN_A):
        inner, outer = (
            (name_a, name_b) if rel.kind == PlaceRelationKind.A_IN_B else (name_b, name_a)
        )
        outer_near = b_near if rel.kind == PlaceRelationKind.A_IN_B else a_near
        if outer_near and (a.place.kind == PlaceKind.CITY and b.place.kind == PlaceKind.CITY):
            return PlaceComparison("inside_vs_outside", dist, f"{inner} is inside {outer}")
        return PlaceComparison("contained", dist, f"{inner} lies in {outer}")
    if rel.kind == PlaceRelationKind.NEAR:
        km = f"{dist:.0f} km" if dist is not None else "a short distance"
        if a_near or b_near:
            return PlaceComparison("near", dist, f"{name_a} lies {km} from {name_b}")
        return PlaceComparison(
            "nearby_distinct", dist, f"{name_a} and {name_b} are different places {km} apart"
        )
    if rel.kind == PlaceRelationKind.DISJOINT:
        km = f" ({dist:.0f} km apart)" if dist is not None else ""
        return PlaceComparison("disjoint", dist, f"{name_a} and {name_b} are different places{km}")
    return PlaceComparison("unknown")


def count_relation(a: CountFact, b: CountFact) -> str:
    """equal | compatible (ranges overlap) | disjoint."""
    if a.value == b.value and a.low == b.low and a.high == b.high:
        return "equal"
    if a.low <= b.high and b.low <= a.high:
        return "compatible"
    return "disjoint"


# Bounds that state a limit of the value rather than the value: two of them differ when the
# limits differ ('up to 840' vs 'up to 800'; '200 to 300' vs '200 to 350').
_LIMITS = {"range", "up_to"}
# Bounds open upwards: two of them always overlap.
_OPEN_LOW = {"at_least", "more_than"}
# Words of change next to a figure: 'the toll has risen to 19' updates an earlier figure.
_CHANGE = {"rise"}


def claim_count_relation(a: ClaimFact, b: ClaimFact, pub_a: date | None, pub_b: date | None) -> str:
    """equal | compatible | disjoint | bounds_differ | revised | vacuous, for two figures."""
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    if a.bound in _LIMITS and b.bound in _LIMITS:
        ends_a = (a.low if a.bound == "range" else None, a.high)
        ends_b = (b.low if b.bound == "range" else None, b.high)
        if ends_a == ends_b or (a.bound != b.bound and a.high == b.high):
            return "equal"
        return "bounds_differ"
    if a.value == b.value and a.low == b.low and a.high == b.high:
        return "equal"
    # 'at least 300,000' and 'more than five million' fit together but say nothing in common.
    if a.value != b.value and a.bound in _OPEN_LOW and b.bound in _OPEN_LOW:
        return "vacuous"
    if a.value != b.value:
        # The later article's figure went up from a figure the earlier one gave: a revision.
        later, earlier = (a, b) if (pub_a or date.min) > (pub_b or date.min) else (b, a)
        if (
            pub_a != pub_b
            and set(later.near) & _CHANGE
            and (later.value or 0) > (earlier.value or 0)
        ):
            return "revised"
    if a.low <= b.high and b.low <= a.high:
        return "compatible"
    return "disjoint"


def format_time(t: Timex) -> str:
    """A reader-friendly rendering of a TIMEX3 value: 'September 2019', 'late March 2021'."""
    iv = t.interval
    if iv is None:
        return t.value
    seasons = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
    value = t.value
    g = iv.granularity
    if g == Granularity.DAY:
        text = f"{iv.begin.day} {MONTH_NAMES[iv.begin.month - 1]} {iv.begin.year}"
    elif g == Granularity.MONTH:
        text = f"{MONTH_NAMES[iv.begin.month - 1]} {iv.begin.year}"
    elif g == Granularity.SEASON and len(value) >= 7 and value[5:7] in seasons:
        text = f"{seasons[value[5:7]]} {value[:4]}"
    elif g == Granularity.YEAR:
        text = str(iv.begin.year)
    else:
        text = value
    prefix = {"START": "early ", "MID": "mid-", "END": "late ", "APPROX": "about "}.get(
        (t.mod or "").upper(), ""
    )
    suffix = {"AFTER": " or later", "ON_OR_AFTER": " or later", "BEFORE": " or earlier"}.get(
        (t.mod or "").upper(), ""
    )
    return f"{prefix}{text}{suffix}"
