"""Find time expressions in a text and normalize them (the tagging pass).

1. Every rule's regex is run over the text (only where the cheap trigger pre-filter says a time
   word could occur); each match is normalized to a Spec or rejected.
2. Overlapping candidates are settled: the longest span wins, then the earlier rule.
3. Modifier prefixes are attached ("late", "the end of", "since", "more than").
4. Expressions are resolved in text order, tracking the reference time for anaphora.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from checker.extract.timex.normalize import REGISTRY, Spec
from checker.extract.timex.resolve import (
    COMPARED_PERIODS,
    Context,
    Reference,
    near_dct,
    resolve,
)
from checker.extract.timex.rules import RuleTable, load_table
from checker.models.time import Timex

# a sentence ends at ., ! or ? followed by space and a capital/digit, or at a line break; not
# at the period of a title before a name ("Mr. Green"), of a middle initial ("John P. Green";
# "U.S." still ends one) or of a month ("Feb. 1")
_ABBREVIATIONS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Messrs",
    "Gen",
    "Sen",
    "Rep",
    "Gov",
    "Lt",
    "Col",
    "Sgt",
    "Prof",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
# (the period is matched first, so the lookbehinds are only tried there: speed)
_NOT_AFTER = "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS) + r"(?<!\s[A-Z]\.)"
_SENTENCE_END = re.compile(rf"[.!?]{_NOT_AFTER}[\"'”’)\]]*\s+(?=[\"“‘(\[]*[A-Z0-9])|\n")
_CLAUSE_LOOKBACK = 200  # characters searched backwards for the start of the sentence
_CLAUSE_LOOKAHEAD = 20  # "Tuesday will see ..." : a future cue just after the expression
_PREFIX_WINDOW = 48  # characters before an expression searched for modifier words
# a rule match starts at most this far before its trigger word, and ends at most this far
# after it (smaller windows scan less text: the tagger's output on the benchmark corpora is the
# same as with 80/100, at a fifth more speed)
_WINDOW_BEFORE = 50
_WINDOW_AFTER = 60
_LOCAL_BEFORE = 60  # narrow windows around trigger_local words ("in recent U.S. history")
_LOCAL_AFTER = 40
# "its lowest level since 2003", "compared to the same month a year ago": a date in a since- or
# comparison phrase is a baseline, not the time the text goes on talking about
_BASELINE_BEFORE = re.compile(
    r"\b(?:since|compared\s+(?:to|with)|versus|vs\.?)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE
)
_BASELINE_LOOKBACK = 40
# "on patrol since March": what a since-phrase starts from has begun, whatever the tense
_SINCE_BEFORE = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?|the\s+(?:start|end)\s+of)\s+)?$", re.IGNORECASE
)
# "closed until Friday", "has extended the offer until Nov. 9": what a state lasts until is
# mostly still ahead, even when the decision is told in the past ("the vote was postponed until
# Monday"); only a past-tense auxiliary ("had been shut until June", "was open until Friday")
# puts it behind
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
# so does a named deadline after a verb ("to pay down the loan by February", "extended the
# loans through January"), but not one that opens a sentence ("By September, sales had
# doubled" looks back), nor the agent of a passive ("epitomised by Friday's vote")
_DEADLINE_BEFORE = re.compile(r"(?<=[a-z,] )(?<!ed )(?:by|through)\s+$")
_STRONG_PAST = re.compile(
    r"\b(?:(?:was|were)\b(?!\s+[a-z]+ed\b)|(?:had|did|ago|earlier)\b)", re.IGNORECASE
)
# an expression naming a day, month or date ("Thursday", "in April", "on 5 May", "the end of
# March"), the ones an arrangement in the present progressive puts ahead
_NAMED_DAY = re.compile(
    r"[0-9]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
)
_CLAUSE_BREAK = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+", re.IGNORECASE)
# a time counted back from another ("a year earlier", "the same period last year") after "over",
# "from", "than", "on" is what a figure is compared with: "output rose 4.8% over a year earlier,
# down from June's 6.3%" is still about this year's June
_BASELINE_SHIFT_BEFORE = re.compile(r"\b(?:over|from|than|on|against)\s+$", re.IGNORECASE)
_COUNTED_BACK = re.compile(
    r"(?:\b(?:ago|earlier|before)|\blast\s+year|\byear[\s-](?:ago|earlier)\s+\w+)$", re.IGNORECASE
)


# "for the nine months", "in the first six months": a stretch of a company's year reported on
# (the article may stand outside the expression's span)
_REPORTED_STRETCH = re.compile(
    r"(?:the\s+(?:first\s+)?)?(?:[0-9]+|two|three|four|five|six|seven|eight|nine|ten|eleven)"
    r"\s+months",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_PERIOD_WORD = re.compile(r"\bperiod\b", re.IGNORECASE)


def _reported_stretch(text: str, c: _Candidate) -> bool:
    if c.spec.type != "DURATION" or not _REPORTED_STRETCH.fullmatch(text, c.start, c.end):
        return False
    return text[c.start : c.start + 4].lower() == "the " or bool(
        _THE_BEFORE.search(text, max(0, c.start - 6), c.start)
    )


_SPACE = re.compile(r"\s")
# "from Aug. 26 to Oct. 20": the second date of a range comes after the first
_RANGE_LINK = re.compile(r"\s*(?:-|–|to|through|until|till)\s*", re.IGNORECASE)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    priority: int
    spec: Spec


def _trigger_spans(
    text: str, table: RuleTable
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The stretches around trigger words (with the narrow ones around local triggers) and
    around digits, each in text order."""
    folded = text.lower()
    if table.trigger_folded is not None and len(folded) == len(text):
        found = table.trigger_folded.finditer(folded)  # (a few letters change length lowered)
    else:
        found = table.trigger.finditer(text)
    words: list[tuple[int, int]] = []
    digits: list[tuple[int, int]] = []
    for m in found:
        span = (m.start() - _WINDOW_BEFORE, m.end() + _WINDOW_AFTER)
        (digits if text[m.start()].isdigit() else words).append(span)
    if table.trigger_local is not None:
        words += [
            (m.start() - _LOCAL_BEFORE, m.end() + _LOCAL_AFTER)
            for m in table.trigger_local.finditer(text)
        ]
        words.sort()
    return words, digits


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted stretches merged into windows that end at whitespace."""
    windows: list[tuple[int, int]] = []
    n = len(text)
    scanned_from, space = -1, -1  # text[scanned_from:space] holds no whitespace
    for start, end in spans:
        start, end = max(0, start), min(n, end)
        # End the window at whitespace so no word is cut (a cut word would fake a boundary).
        # The last search is reused: many triggers inside one long word must not rescan it.
        if not scanned_from <= end <= space:
            m = _SPACE.search(text, end)
            scanned_from, space = end, (m.start() if m else n)
        end = space
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _windows(text: str, table: RuleTable) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger words and digits; rules only run inside them."""
    words, digits = _trigger_spans(text, table)
    return _merge(text, sorted(words + digits))


def _scan_windows(text: str, table: RuleTable) -> dict[str, list[tuple[int, int]]]:
    """The windows each kind of rule runs in (Rule.scan): around any trigger, around trigger
    words only, around digits only."""
    words, digits = _trigger_spans(text, table)
    return {
        "all": _merge(text, sorted(words + digits)),
        "words": _merge(text, words),
        "digits": _merge(text, digits),
    }


def _candidates(text: str, table: RuleTable, dct: date | None) -> list[_Candidate]:
    found: list[_Candidate] = []
    lex = table.lexicon
    scans = _scan_windows(text, table)
    for rule in table.rules:
        normalize = REGISTRY[rule.normalize]
        windows = scans[rule.scan]
        for m in (m for ws, we in windows for m in rule.regex.finditer(text, ws, we)):
            out = normalize(m, rule, lex, dct)
            if out is None:
                continue
            for spec in out if isinstance(out, list) else [out]:
                if spec.start is not None and spec.end is not None:
                    start, end = spec.start, spec.end
                elif "core" in rule.regex.groupindex and m.group("core") is not None:
                    start, end = m.span("core")
                elif "core2" in rule.regex.groupindex and m.group("core2") is not None:
                    start, end = m.span("core2")
                else:
                    start, end = m.span()
                found.append(_Candidate(start, end, rule.priority, spec))
    return found


def _select(cands: list[_Candidate], size: int) -> list[_Candidate]:
    """Non-overlapping candidates, longest first, then by rule order; returned in text order."""
    taken = bytearray(size)
    chosen: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _apply_prefixes(text: str, c: _Candidate, floor: int, table: RuleTable) -> None:
    """Extend the span over modifier words ("late", "the end of") and set mod from signals."""
    for _ in range(3):  # a few stacked modifiers at most ("about the end of")
        window_start = max(floor, c.start - _PREFIX_WINDOW)
        before = text[window_start : c.start]
        extended = False
        for p in table.prefixes:
            if c.spec.type not in p.types:
                continue
            if p.if_text is not None and not p.if_text.search(text[c.start : c.end]):
                continue
            m = p.regex.search(before)
            if m is None:
                continue
            if c.spec.mod is None:
                c.spec.mod = p.mod
            if not p.in_span:
                return  # a signal ("since", "more than") ends the prefix chain
            c.start = window_start + m.start()
            extended = True
            break
        if not extended:
            return


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - _CLAUSE_LOOKBACK)
    last = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        last = m.end()
    return last


def _last_cue_end(regex: re.Pattern[str], text: str, start: int, end: int) -> int:
    last = -1
    for m in regex.finditer(text, start, end):
        last = m.end()
    return last


def _future(text: str, sentence_start: int, start: int, end: int, table: RuleTable) -> bool:
    """Does the clause around [start, end) speak about the future? The closest cue before the
    expression decides; failing that, a future cue just after it ("Friday will see ...")."""
    lex = table.lexicon
    if _SINCE_BEFORE.search(text, max(0, start - 30), start) is not None:
        return False
    # cues before ", and" or ";" belong to another clause ("Trading will resume on Friday, and
    # on Tuesday the markets were shut")
    clause_start = max(sentence_start, _last_cue_end(_CLAUSE_BREAK, text, sentence_start, start))
    if _UNTIL_BEFORE.search(text, max(0, start - 8), start) is not None or (
        _DEADLINE_BEFORE.search(text, max(0, start - 12), start) is not None
        and _NAMED_DAY.search(text, start, end) is not None
    ):
        return _STRONG_PAST.search(text, clause_start, start) is None
    fut = _last_cue_end(lex.future_cues, text, clause_start, start)
    if _NAMED_DAY.search(text, start, end) is not None:
        fut = max(fut, _last_cue_end(lex.progressive_cues, text, clause_start, start))
    past = _last_cue_end(lex.past_cues, text, clause_start, start)
    if fut >= 0 or past >= 0:
        # ">=": a cue that is both ("expected", "scheduled" also end in -ed) speaks of the future
        return fut >= past
    after = text[end : end + _CLAUSE_LOOKAHEAD]
    stop = _SENTENCE_END.search(after)  # the cue must be in the same sentence
    if stop is not None:
        after = after[: stop.start()]
    if lex.future_cues.search(after) is not None:
        return True
    # a schedule in the simple present ("they meet Monday"), but not in a headline
    return sentence_start > 0 and lex.present_cues.search(text, clause_start, start) is not None


def _baseline(text: str, c: _Candidate) -> bool:
    """Is the expression the baseline of a comparison (it then leaves the reference time alone)?"""
    lookback = max(0, c.start - _BASELINE_LOOKBACK)
    if _BASELINE_BEFORE.search(text, lookback, c.start) is not None:
        return True
    # ("from June's 6.3%": a figure of that time is the baseline too)
    possessive = text.startswith(("'s", "’s", " 's", " ’s"), c.end)
    return (
        _COUNTED_BACK.search(text, c.start, c.end) is not None or possessive
    ) and _BASELINE_SHIFT_BEFORE.search(text, lookback, c.start) is not None


def _range_end(text: str, before: _Candidate, c: _Candidate) -> bool:
    """Is `c` a date that ends a range of dates starting at `before` ("Aug. 26 to Oct. 20")?"""
    dated = before.spec.month is not None or (
        before.spec.kind == "explicit" and before.spec.type == "DATE"
    )
    return (
        dated
        and c.spec.month is not None
        and _RANGE_LINK.fullmatch(text, before.end, c.start) is not None
        and not text.startswith(("'s", "’s"), c.end)
    )


@dataclass(frozen=True)
class Found:
    """The part of tagging that does not depend on the DCT: the expressions chosen in `text`,
    with the clause facts their resolution reads. Resolving one `Found` against several DCTs
    (`resolve_all`) costs a fraction of tagging anew, which publication-date inference needs."""

    text: str
    chosen: list[_Candidate]
    sentence_starts: list[int]
    future: list[bool]  # the clause around the expression speaks about the future
    baseline: list[bool]  # the expression is a comparison's baseline ("since 2003")
    range_end: list[bool]  # the expression ends a range whose start is the one before it


def find(text: str, dct: date | None = None) -> Found:
    """Steps 1-3 of tagging: the chosen expressions of `text`, before resolution."""
    table = load_table()
    chosen = _select(_candidates(text, table, dct), len(text))
    floor = 0
    for c in chosen:
        _apply_prefixes(text, c, floor, table)
        floor = c.end
    starts = [_sentence_start(text, c.start) for c in chosen]
    return Found(
        text=text,
        chosen=chosen,
        sentence_starts=starts,
        future=[
            _future(text, s, c.start, c.end, table) for s, c in zip(starts, chosen, strict=True)
        ],
        baseline=[_baseline(text, c) for c in chosen],
        range_end=[i > 0 and _range_end(text, chosen[i - 1], c) for i, c in enumerate(chosen)],
    )


def tag(text: str, dct: date | None = None) -> list[Timex]:
    """Time expressions in `text`, in order, normalized as TIMEX3 relative to `dct`."""
    return resolve_all(find(text, dct), dct)


def resolve_all(found: Found, dct: date | None) -> list[Timex]:
    """Step 4 of tagging: resolve the expressions of `found` in text order against `dct`."""
    text = found.text
    result: list[Timex] = []
    ref: Reference | None = None
    day_ref: Reference | None = None
    unit_refs: dict[str, Reference] = {}
    news_day: Reference | None = None
    stretch: str | None = None  # the last stretch of months reported on ("the nine months")
    for i, c in enumerate(found.chosen):
        sentence_start = found.sentence_starts[i]
        ctx = Context(
            dct=dct,
            ref=ref,
            same_sentence=ref is not None and ref.end >= sentence_start,
            future=found.future[i],
            day_ref=day_ref,
            unit_refs=unit_refs,
            news_day=news_day,
            range_end=found.range_end[i],
            stretch=stretch,
            names_period=_PERIOD_WORD.search(text, c.start, c.end) is not None,
        )
        r = resolve(c.spec, ctx)
        if c.spec.value is not None and _reported_stretch(text, c):
            stretch = c.spec.value
        result.append(
            Timex(
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                type=r.type or c.spec.type,
                value=r.value,
                mod=c.spec.mod,
                interval=r.interval,
                anchor=r.anchor,
            )
        )
        if (
            c.spec.type in ("DATE", "TIME")
            and r.interval is not None
            and not (c.spec.comparison and r.interval.granularity in COMPARED_PERIODS)
            and not found.baseline[i]
            and not c.spec.bounds_period
        ):
            ref = Reference(r.value, r.interval, c.end)
            stretch = None
            if r.interval.granularity == "day":
                day_ref = ref
                if dct is not None and near_dct(ref, dct):
                    news_day = ref
            elif r.interval.granularity in ("month", "quarter"):
                unit_refs[str(r.interval.granularity)] = ref
    return result
