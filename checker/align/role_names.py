"""Who holds a role, in comparable form: organisation keys, person names, title breadth and
the signs that a role changed hands. Used by `checker.align.pairs` to compare roles."""

from __future__ import annotations

import re

from checker.align.comparison import Comparison
from checker.models.facts import ArticleFacts, RoleFact
from checker.textutil import fold

# Words for an organisation that leave its name implied ('company CEO Jane Roe').
_GENERIC_ORGS = {
    "company",
    "firm",
    "group",
    "corporation",
    "business",
    "carrier",
    "airline",
    "bank",
    "manufacturer",
    "maker",
    "giant",
    "conglomerate",
    "organisation",
    "organization",
    "agency",
}
_ORG_SUFFIX = re.compile(
    r"[,\s]+(inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|ag|sa|nv|se|gmbh)\.?$"
)
# Vague titles and the categories of the precise titles they cover (a CFO is an executive).
_BROADER_TITLES = {
    "executive": {"business"},
    "official": {"government", "regional", "local", "police", "diplomacy", "international"},
}
# The sentence says the role changed hands: a new holder, or a successor named as such.
_NEW_HOLDER = re.compile(r"\b(new|newly[- ]appointed|incoming|interim|acting)\s+(\w+\s+)?$")
_SUCCESSION = re.compile(
    r"\b(succeed(s|ed|ing)?|replac(e|es|ed|ing)|took over from|taking over from|successor|"
    r"predecessor)\b",
    re.IGNORECASE,
)


def _org_key(name: str, vocab=None) -> str:
    """An organisation's name for comparing: folded, without 'the', 'Inc.' or 'Ltd'; an alias in
    the vocabulary gives its id. A country code stays as it is."""
    if len(name) == 2 and name.isupper():
        return name
    key = fold(name).strip()
    key = key[4:] if key.startswith("the ") else key
    key = _ORG_SUFFIX.sub("", re.sub(r"['’]s$", "", key)).strip()
    entry = vocab.lookup("orgs", key) if vocab is not None and key else None
    return entry.id if entry is not None else key


def _role_orgs(facts: list[ArticleFacts], vocab=None) -> dict[int, str | None]:
    """The organisation of each role (by id of the RoleFact), as a comparable key.

    Two implied organisations are resolved, each only when one candidate fits:
    - a bare common noun ('the festival's director', 'port director') is the one named body of
      that kind in the story ('Lindenklang festival') whose name its own article also uses;
    - no organisation, or a generic word ('company CEO Steve Jobs'), is the organisation that
      another article gives the same person in the same title, if this article names it.
    """
    raw = {id(r): (_org_key(r.org, vocab) if r.org else None) for f in facts for r in f.roles}
    names = {f.article: {_org_key(n, vocab) for n in f.names} for f in facts}
    out: dict[int, str | None] = {}
    for f in facts:
        for r in f.roles:
            org = raw[id(r)]
            out[id(r)] = org
            if org is None or org in _GENERIC_ORGS:
                cands = {
                    raw[id(o)]
                    for g in facts
                    if g.article != f.article
                    for o in g.roles
                    if o.role == r.role
                    and raw[id(o)] in names[f.article]
                    and raw[id(o)] not in _GENERIC_ORGS
                    and _full_name_match(o.person_key, r.person_key)
                }
            elif " " not in org and len(org) > 2 and org not in names[f.article]:
                cands = {
                    o
                    for o in raw.values()
                    if o and o.endswith(" " + org) and o[: -len(org) - 1] in names[f.article]
                }
            else:
                continue
            if len(cands) == 1:
                out[id(r)] = cands.pop()
    return out


def _specific(org: str | None, names: set[str]) -> bool:
    """A named organisation (not 'company', not a country, not a bare 'festival')."""
    return (
        org is not None
        and org not in _GENERIC_ORGS
        and not (len(org) == 2 and org.isupper())
        and (org in names or org.split()[0] in names)
    )


def _related_orgs(a: str, b: str) -> bool:
    """One name inside the other ('EADS' and 'EADS North America'), or one the other's
    initials ('USAF', 'United States Air Force'): perhaps one body, or parent and division."""
    wa, wb = a.split(), b.split()
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    return "".join(w[0] for w in wa) == b or "".join(w[0] for w in wb) == a


def _broader(wide: RoleFact, narrow: RoleFact, vocab) -> bool:
    """`wide` is a vague title ('executive') that covers `narrow`, a precise one of its kind."""
    covers = _BROADER_TITLES.get(wide.role)
    if not covers or narrow.role in _BROADER_TITLES or narrow.role == wide.role:
        return False
    entry = vocab.get("roles", narrow.role)
    return entry is not None and getattr(entry, "category", None) in covers


def _full_name_match(a: str, b: str) -> bool:
    """Same person, both named with at least a first name and a surname."""
    return len(a.split()) >= 2 and len(b.split()) >= 2 and same_person(a, b)


def _person_pair(x: RoleFact, y: RoleFact) -> tuple[str, str, str, str]:
    return (x.evidence.article, x.person_key, y.evidence.article, y.person_key)


def _changed_hands(r: RoleFact, other: RoleFact) -> bool:
    """r's sentence says the role changed hands: 'the new port director', 'X, who succeeded
    <other>'. Two holders named close together are then a succession, not a contradiction."""
    quote = r.evidence.quote
    at = quote.find(r.title)
    if at >= 0 and _NEW_HOLDER.search(quote[:at]):
        return True
    surname = other.person.split()[-1] if other.person else ""
    return bool(_SUCCESSION.search(quote)) and bool(surname) and surname in quote


def _neighbours(a: str, b: str, roles: list[RoleFact]) -> bool:
    """Agreements on a role holder chain through the articles in order (a-b, b-c), instead of
    repeating the same agreement for every pair of the many articles that name one CEO."""
    articles = sorted({r.evidence.article for r in roles})
    return abs(articles.index(a) - articles.index(b)) == 1


def _closeness(c: Comparison) -> int:
    return 0 if c.features.get("role_relation") != "different_person_disjoint" else 1


def same_person(a: str, b: str) -> bool:
    """Same person by folded name: equal, or one is the other's surname with a matching initial."""
    if a == b:
        return True
    pa, pb = fold(a).split(), fold(b).split()
    if not pa or not pb:
        return False
    if pa[-1] != pb[-1]:
        return False
    if len(pa) == 1 or len(pb) == 1:
        return True
    return pa[0][0] == pb[0][0]
