"""Compare who two articles rank first of a kind ('the first airline to fly the Z9').

Two firsts of one kind (airline, customer, airliner) in articles of one story are about the same
ranking. The same holder in both ('Singapore Airlines' / 'Singapore Airlines'; 'All Nippon Airways'
/ 'ANA') is an agreement. Different holders are a conflict only when both articles also say the
same act on the same thing ('the first airline to fly the Z9' in both): 'the first airline to
order it' and 'the first airline to fly it' can both be true.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.align.blocking import ArticlePairs
from checker.align.comparison import Comparison, Side
from checker.models.facts import ArticleFacts, FirstFact

# Words many names share: 'EVA Airways' and 'All Nippon Airways' are two airlines.
_GENERIC_NAME_WORDS = frozenset(
    {
        "air", "airlines", "airline", "airways", "group", "inc", "corp", "corporation", "co",
        "company", "companies", "bank", "motors", "international", "holdings", "plc", "ltd",
        "limited", "university", "national", "united", "new", "general", "american", "the",
    }
)  # fmt: skip


def same_holder(a: str, b: str) -> bool:
    """A distinctive name word in common ('orbis 450 skyliner' / 'skyliner'), or one the
    other's initials ('all nippon airways' / 'ana')."""
    wa, wb = a.split(), b.split()
    if (set(wa) & set(wb)) - _GENERIC_NAME_WORDS:
        return True
    initials = ("".join(w[0] for w in wa), "".join(w[0] for w in wb))
    return (len(wb) == 1 and initials[0] == wb[0]) or (len(wa) == 1 and initials[1] == wa[0])


def _side(f: FirstFact, article: str) -> Side:
    return Side(
        article,
        f.evidence,
        f.holder_text,
        highlight=(f.start, f.end),
        detail={"holder": f.holder, "kind": f.kind, "act": f.act, "thing": f.thing},
    )


def first_comparisons(
    facts: list[ArticleFacts],
    same_story: Callable[[str, str], bool],
    label: Callable[[str], str],
    pairs: ArticlePairs | None = None,
) -> list[Comparison]:
    """Firsts of one kind in two articles of one story: the same holder, or rival holders."""
    out: list[Comparison] = []
    seen: set[tuple[str, str, str, str, str]] = set()
    named = [f for f in facts if f.firsts]
    for fa, fb in (pairs or ArticlePairs()).pairs(named):
        if not same_story(fa.article, fb.article):
            continue
        for x in fa.firsts:
            for y in fb.firsts:
                if x.kind != y.kind or x.negated or y.negated:
                    continue
                same = same_holder(x.holder, y.holder)
                # Rivals must be ranked for the same act on the same thing.
                rivals = x.act is not None and x.act == y.act and x.thing == y.thing
                # The same holder agrees when the acts fit or the clauses share a word
                # ('to use composite material' / 'to be manufactured with composites').
                acts_fit = (
                    x.act is None
                    or y.act is None
                    or x.act == y.act
                    or bool(set(x.words) & set(y.words))
                )
                if not ((same and acts_fit) or (not same and rivals)):
                    continue
                key = (fa.article, x.holder, fb.article, y.holder, x.kind)
                if key in seen:
                    continue
                seen.add(key)
                what = label(x.kind)
                relation = "first_same_holder" if same else "first_other_holder"
                detail = (
                    f"both name {x.holder_text} ({y.holder_text}) the first {what}"
                    if same
                    else f"{x.holder_text} vs {y.holder_text}: each is named the first {what} "
                    "to do the same thing"
                )
                out.append(
                    Comparison(
                        "statement",
                        f"the first {what}",
                        _side(x, fa.article),
                        _side(y, fb.article),
                        {"statement_relation": relation, "modality": "reported+reported"},
                        detail,
                        0.8 if same or rivals else 0.6,
                        evidence=2,
                    )
                )
    return out
