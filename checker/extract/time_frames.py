"""Fact frames of time: a time of day an event happened at, and a length of time (a prison
term, a delay) read from the time tagger's TIME and DURATION expressions."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Span

from checker.extract.document import ArticleDoc
from checker.extract.pipeline import Context
from checker.extract.sentence_facts import SentenceFacts, nearest_cue
from checker.models.frames import Bound, Frame

_CLOCK = re.compile(r"T(\d{2}):(\d{2})")
_TIMEZONES = re.compile(
    r"\b(local time|local|GMT|UTC|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|MT|BST|CET|CEST|IST|JST|"
    r"AEST|AEDT|HKT|SGT|WIB|PHT|NPT)\b"
)
# TIMEX3 durations: P25Y, P2Q, P18M, P2W, P3D, PT5H, PT30M (a number, then the unit letter;
# Q is a quarter, as TimeML corpora write it), and compounds of them: P2Y6M, PT1M30S, P1DT12H.
_DURATION = re.compile(r"^P((?:\d+(?:\.\d+)?[LYQMWD])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?$")
_PART = re.compile(r"(\d+(?:\.\d+)?)([LYQMWDHS])")
_DAYS = {"L": 365250.0, "Y": 365.25, "Q": 91.31, "M": 30.44, "W": 7.0, "D": 1.0}
_DAYS_T = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}
_UNIT_WORD = {"L": "millennium", "Y": "year", "Q": "quarter", "M": "month", "W": "week", "D": "day"}
_UNIT_WORD_T = {"H": "hour", "M": "minute", "S": "second"}
# How far a bounded length of time reaches, as factors of the length written.
_SPREAD = {
    Bound.APPROX: (0.85, 1.15),
    Bound.UPPER: (0.0, 1.0),
    Bound.LOWER: (1.0, math.inf),
}
_MODS = {
    "MORE_THAN": Bound.LOWER,
    "EQUAL_OR_MORE": Bound.LOWER,
    "LESS_THAN": Bound.UPPER,
    "EQUAL_OR_LESS": Bound.UPPER,
    "APPROX": Bound.APPROX,
}


def duration_frames(adoc: ArticleDoc, ctx: Context, sent: SentenceFacts, n: int) -> list[Frame]:
    """'sentenced to 12 years in prison', 'delayed by 14 months': a length of time, in days,
    whose attribute is named by a cue word of the sentence (no cue, no frame: a bare 'for two
    years' says too little to compare)."""
    out: list[Frame] = []
    for t in _compound(adoc, sent):
        days = t.days
        span = adoc.span(t.start, t.end)
        if span is None:
            continue
        (attr, cue), _score = nearest_cue(adoc, sent, span[0], span[-1], "duration")
        if attr is None:
            continue
        bound = _MODS.get((t.mod or "").upper(), Bound.EXACT)
        lo, hi = _SPREAD.get(bound, (1.0, 1.0))
        low, high = days * lo, math.inf if math.isinf(hi) else days * hi
        out.append(
            _time_frame(
                adoc,
                sent,
                t,
                n + len(out),
                measure="duration",
                attribute=attr.id,
                attribute_label=attr.label,
                cue=cue,
                value=days,
                low=low,
                high=high,
                bound=bound,
                unit=t.unit,
                subjects=sent.subjects,
                source=sent.source,
            )
        )
    return out


@dataclass(frozen=True)
class _Length:
    """A length of time as written: one duration expression or several joined."""

    text: str
    start: int
    end: int
    mod: str | None
    days: float
    unit: str  # the word of its smallest part: 'month', 'second'
    rank: int  # of that part in _ORDER


_ORDER = "LYQMWDHMS"  # T-units after the date units: a compound goes from larger to smaller
_TIMED_FROM = _ORDER.index("H")
_JOINS = {"", ",", "and", ", and"}


def _length(t) -> _Length | None:
    """The length of a DURATION timex `t`, in days, with the unit of its smallest part."""
    m = _DURATION.match(t.value)
    if t.type != "DURATION" or not m or not (m.group(1) or m.group(2)):
        return None
    days, unit, rank = 0.0, "", 0
    for part, timed in ((m.group(1), False), (m.group(2), True)):
        for amount, letter in _PART.findall(part or ""):
            days += float(amount) * (_DAYS_T[letter] if timed else _DAYS[letter])
            unit = (_UNIT_WORD_T if timed else _UNIT_WORD)[letter]
            rank = _ORDER.index(letter, _TIMED_FROM) if timed else _ORDER.index(letter)
    return _Length(t.text, t.start, t.end, t.mod, days, unit, rank)


def _compound(adoc: ArticleDoc, sent: SentenceFacts) -> list[_Length]:
    """The sentence's lengths of time, with parts written as one length joined: "two hours, 35
    seconds" is 2h 0m 35s, not two hours and, apart, 35 seconds."""
    text = adoc.article.text
    out: list[_Length] = []
    for t in adoc.timexes_in(sent.start, sent.end):
        part = _length(t)
        if part is None:
            continue
        prev = out[-1] if out else None
        between = text[prev.end : t.start].strip().lower() if prev else None
        if prev and between in _JOINS and part.rank > prev.rank and not part.mod:
            out[-1] = _Length(
                text[prev.start : t.end],
                prev.start,
                t.end,
                prev.mod,
                prev.days + part.days,
                part.unit,
                part.rank,
            )
        else:
            out.append(part)
    return out


def _time_frame(adoc: ArticleDoc, sent: SentenceFacts, t, n: int, **fields) -> Frame:
    """A frame on the time expression `t` (anything with text, start and end offsets): what
    every time frame shares, and `fields`."""
    return Frame(
        id=f"{adoc.article.id}#v{n + 1}",
        article=adoc.article.id,
        text=t.text,
        reported=adoc.article.published,
        places=sent.places,
        headline=sent.headline,
        sentence=sent.index,
        start=t.start,
        end=t.end,
        evidence=adoc.evidence(t.start, t.end),
        **fields,
    )


def clock_frames(adoc: ArticleDoc, ctx: Context, sent: SentenceFacts, n: int) -> list[Frame]:
    """'struck at 11:56 local time', 'took off at 2:11 PM': a time of day for an event."""
    out: list[Frame] = []
    for t in adoc.timexes_in(sent.start, sent.end):
        m = _CLOCK.search(t.value)
        if t.type != "TIME" or not m:
            continue
        minutes = int(m.group(1)) * 60 + int(m.group(2))
        approx = (t.mod or "").upper() == "APPROX"
        tail = adoc.article.text[t.end : t.end + 16]
        tz = _TIMEZONES.search(adoc.article.text[t.start : t.end] + tail)
        event = _event_word(adoc, ctx, sent.span, t.start)
        if event is None:
            continue  # a time of day of nothing named ('at 16:08 UTC') has nothing to match
        attr = f"clock_{event}"
        out.append(
            _time_frame(
                adoc,
                sent,
                t,
                n + len(out),
                measure="clock",
                attribute=attr,
                attribute_label=f"time of {event.replace('_', ' ')}",
                cue=event,
                value=minutes,
                low=minutes - (30 if approx else 0),
                high=minutes + (30 if approx else 0),
                bound=Bound.APPROX if approx else Bound.EXACT,
                unit="minute",
                timezone=_tz_label(tz.group(1)) if tz else None,
            )
        )
    return out


def _tz_label(text: str) -> str:
    return "local" if text.lower().startswith("local") else ("UTC" if text == "GMT" else text)


def _event_word(adoc: ArticleDoc, ctx: Context, sent: Span, offset: int) -> str | None:
    """The event named nearest the clock time: a noun ('quake', 'crash') before a verb."""
    best: tuple[int, int, str] | None = None
    for tok in sent:
        if tok.pos_ not in ("VERB", "NOUN"):
            continue
        entry = ctx.vocab.lookup("event_types", tok.lemma_) or ctx.vocab.lookup(
            "event_types", tok.text
        )
        particle = next((c for c in tok.children if c.dep_ == "prt"), None)
        if particle is not None:  # 'lifted off', 'took off': the verb with its particle
            entry = ctx.vocab.lookup("event_types", f"{tok.lemma_} {particle.lower_}") or entry
        if entry is None:
            continue
        key = (0 if tok.pos_ == "NOUN" else 1, abs(adoc.char(tok) - offset), entry.id)
        if best is None or key < best:
            best = key
    return best[2] if best else None
