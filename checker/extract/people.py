"""Component: people, the names used for them, and the roles they are said to hold.

spaCy's small English model misses or mislabels many names (a Balkan surname tagged as a place, a
job title swallowed into a name). Rules repair that: a capitalized name right after a role title is
a person ("Interior Minister Jane Roe"); a name in apposition to a role title is a person ("Jane
Roe, the interior minister"); a lone surname matching a full name already found in the article is
that person, whatever label the model gave it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from checker.extract.document import ArticleDoc
from checker.extract.nlp import doc_ents, doc_text
from checker.extract.pipeline import Context, component
from checker.extract.timeref import time_for_sentence
from checker.models.facts import Mention, PersonFact, RoleFact
from checker.textutil import fold

_NAME_CHARS = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")
_CONNECTORS = {"and", "&"}
_MAX_NAME_TOKENS = 4
_FORMER = {"former", "ex", "then", "outgoing", "ousted", "late"}
# Words that look like names at a sentence start or in titles but never are.
_NOT_NAMES = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "he",
    "she",
    "they",
    "it",
    "his",
    "her",
    "their",
    "on",
    "in",
    "at",
    "said",
    "says",
}


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    return (
        bool(_NAME_CHARS.match(text))
        and text[0].isupper()
        and not text.isupper()  # acronyms are organisations more often than people
        and fold(text) not in _NOT_NAMES
    )


# Words that make 'Name-word' an adjective, not a name: 'Obama-era', 'Kremlin-backed'.
_HYPHEN_SUFFIXES = {"led", "era", "backed", "based", "owned", "style", "like", "born", "run"}


def _name_part_after_hyphen(tok: Token) -> bool:
    """'Oswalt-Meier', and the second syllable of a given name written in lower case
    ('Sung-min', 'Jae-in')."""
    if _is_name_token(tok):
        return True
    return (
        tok.is_alpha and tok.is_lower and len(tok.text) <= 4 and tok.lower_ not in _HYPHEN_SUFFIXES
    )


def _is_initial(tok: Token) -> bool:
    """'M.' in 'Michael M. Sears': one capital and a full stop, part of a name when a name
    token follows it."""
    return bool(_INITIAL.match(tok.text)) and tok.text[0].isupper()


def name_key(key: str) -> str:
    """A folded name without its middle initials: 'michael m. sears' -> 'michael sears'."""
    parts = key.split()
    if len(parts) <= 2:
        return key
    kept = [parts[0], *(p for p in parts[1:-1] if not _INITIAL.match(p)), parts[-1]]
    return " ".join(kept)


def _name_after(adoc: ArticleDoc, char_end: int) -> Span | None:
    """The capitalized name that starts right after a role title ending at body offset char_end."""
    doc = adoc.doc
    span = doc.char_span(char_end, char_end, alignment_mode="expand")
    start_i = span.start if span is not None else None
    if start_i is None:
        for tok in doc:
            if tok.idx >= char_end:
                start_i = tok.i
                break
    if start_i is None or start_i >= len(doc):
        return None
    # The title must be followed directly by the name (only spaces between).
    if doc_text(doc)[char_end : doc[start_i].idx].strip():
        return None
    end_i = start_i
    while end_i < len(doc) and end_i - start_i < _MAX_NAME_TOKENS:
        tok = doc[end_i]
        # A middle initial is part of the name only when the name goes on after it.
        initial = (
            end_i > start_i
            and _is_initial(tok)
            and end_i + 1 < len(doc)
            and _is_name_token(doc[end_i + 1])
        )
        if not (_is_name_token(tok) or initial):
            break
        end_i += 1
        # Double-barrelled names: "Oswalt-Meier" is three tokens with no spaces between.
        if (
            end_i + 1 < len(doc)
            and doc[end_i].text == "-"
            and not doc[end_i - 1].whitespace_
            and not doc[end_i].whitespace_
            and _name_part_after_hyphen(doc[end_i + 1])
        ):
            end_i += 1
            if not _is_name_token(doc[end_i]):
                end_i += 1  # a lower-case syllable ends the name part: take it with the hyphen
    if end_i == start_i:
        return None
    return doc[start_i:end_i]


_COMPLEMENT_WORDS = {"of", "for", "the"}
# Words that end the names of bodies, never of people ('Ohio State Police', 'Kent County Council').
_BODY_WORDS = {
    "police", "province", "provincial", "ministry", "department", "bureau", "office", "council",
    "committee", "agency", "force", "forces", "army", "navy", "bank", "university", "court",
    "party", "commission", "board", "authority", "service", "services", "group", "company",
    "corporation", "institute", "association", "union", "security", "affairs", "state",
    "states", "republic", "region", "county", "city", "district", "government", "assembly",
}  # fmt: skip


def _name_after_complement(adoc: ArticleDoc, char_end: int) -> Span | None:
    """The name that closes a title's complement: 'Deputy Under Secretary of the Air Force for
    Acquisition Darleen Druyun'. The complement is 'of'/'for' and capitalized words; the name is
    its last two words (three with a middle initial), and at least one word stays for the body."""
    doc = adoc.doc
    span = doc.char_span(char_end, len(doc_text(doc)), alignment_mode="expand")
    if span is None or not len(span) or span[0].lower_ not in ("of", "for"):
        return None
    if doc_text(doc)[char_end : span[0].idx].strip():
        return None
    sent_end = span[0].sent.end
    i = span.start
    seg_start = None
    while i < min(sent_end, span.start + 14):
        tok = doc[i]
        if tok.lower_ in _COMPLEMENT_WORDS and tok.text.islower():
            seg_start = None
        elif _is_name_token(tok) or _is_initial(tok) or (tok.text.isupper() and tok.is_alpha):
            seg_start = i if seg_start is None else seg_start
        else:
            break
        i += 1
    if seg_start is None or i - seg_start < 3:
        return None
    size = 3 if _is_initial(doc[i - 2]) and i - seg_start >= 4 else 2
    name = doc[i - size : i]
    if not (_is_name_token(name[0]) and _is_name_token(name[-1])):
        return None
    if any(t.lower_ in _BODY_WORDS for t in name):
        return None
    return name


def _holder_before(adoc: ArticleDoc, ctx: Context, char_start: int) -> str | None:
    """Whose role a title is, from the words right before it.

    A country adjective or possessive ('French', "France's") gives the country's ISO code; an
    organisation ("Acme's chief executive", "Acme chief executive") gives its folded name.
    """
    doc = adoc.doc
    at = doc.char_span(char_start, char_start + 1, alignment_mode="expand")
    if at is None or at.start == 0:
        return None
    j = at.start - 1
    if doc[j].text in ("'s", "’s", "'", "’") and j > 0:
        j -= 1
    last = doc[j]
    if last.lower_ in ("its", "their"):
        # "Airbus and its CEO Ralph Crosby": the organisation just named in the sentence.
        sent_start = last.sent.start
        for ent in reversed(doc_ents(doc)):
            if ent.end <= j and ent.start >= max(sent_start, j - 8) and ent.label_ == "ORG":
                return _org_name(ent.text)
        return None
    if last.ent_type_ == "ORG":
        ent = next((e for e in doc_ents(doc) if e.start <= j < e.end), None)
        if ent is not None:
            name = fold(ent.text)
            return name[4:] if name.startswith("the ") else name
    if last.pos_ == "PROPN" and last.text[:1].isupper():
        # "EADS's North America CEO": a division named after its parent organisation.
        first = j
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper():
            first -= 1
        if first >= 2 and doc[first - 1].text in ("'s", "’s") and doc[first - 2].ent_type_ == "ORG":
            parent = next((e for e in doc_ents(doc) if e.start <= first - 2 < e.end), None)
            if parent is not None:
                return f"{_org_name(parent.text)} {fold(doc[first : j + 1].text)}"
    if last.text[:1].isupper():  # "port" is a common noun, not the town of Le Port
        place = ctx.gazetteer.demonym(last.text) or ctx.gazetteer.lookup(last.text)
        if place is not None:
            return place.country if place.country and place.kind == "country" else None
        if last.ent_type_ == "NORP":
            return None  # "Civilian", "Republican": a group of people, not a body
    if last.pos_ == "NOUN" and (
        last.dep_ in ("compound", "poss")
        or doc[j + 1].text in ("'s", "’s")
        or (j + 1 == at.start and bool(last.whitespace_) and last.dep_ == "ROOT")  # parser slip
    ):
        # "the festival's director", "Port director …": the common noun names the body;
        # "Rotterdam port director", "Rotterdam's new port director": with its proper name.
        noun = fold(last.lemma_)
        k = j - 1
        while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].text.islower():
            k -= 1
        if k > 0 and doc[k].text in ("'s", "’s"):
            k -= 1
        if k >= 0 and _proper(doc[k]):
            first = k
            while first > 0 and _proper(doc[first - 1]):
                first -= 1
            return f"{_org_name(doc[first : k + 1].text)} {noun}"
        return noun
    if last.pos_ == "PROPN" and last.text[:1].isupper():
        # An organisation the model did not tag ("Volvex's chief executive").
        first = j
        while first > 0 and doc[first - 1].pos_ == "PROPN":
            first -= 1
        return fold(doc[first : j + 1].text)
    return None


def _proper(tok: Token) -> bool:
    """A capitalized proper-name word that can name a body ('Rotterdam' in 'Rotterdam port')."""
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")
    )


def _org_name(text: str) -> str:
    name = fold(text)
    return name[4:] if name.startswith("the ") else name


def _country_in_title(ctx: Context, title: str) -> str | None:
    """'Minister of Internal Affairs of France' or 'German Minister of…' → the country in it."""
    for word in re.findall(r"[^\W\d_][\w’'-]*", title):
        if not word[0].isupper():
            continue
        place = ctx.gazetteer.demonym(word)
        if place is not None and place.country and place.kind == "country":
            return place.country
    return None


class _People:
    """Accumulates persons of one article, merging name variants."""

    def __init__(self, adoc: ArticleDoc) -> None:
        self.adoc = adoc
        self.by_key: dict[str, PersonFact] = {}

    def add(self, span: Span) -> PersonFact:
        name = span.text.strip()
        key = fold(name)
        person = self.by_key.get(key) or self._match_partial(key)
        if person is None:
            person = PersonFact(
                id=f"{self.adoc.article.id}#p{len(self.by_key) + 1}", name=name, key=key
            )
            self.by_key[key] = person
        elif len(key.split()) > len(person.key.split()):
            # A fuller form of a name seen before: keep the fullest as the person's name.
            self.by_key.pop(person.key, None)
            person.name, person.key = name, key
            self.by_key[key] = person
        start = span.start_char + self.adoc.offset
        if not any(m.start == start for m in person.mentions):
            person.mentions.append(Mention(text=name, start=start, end=start + len(name)))
        for tok in span:
            self.adoc.person_tokens[tok.i] = person.id
        return person

    def _match_partial(self, key: str) -> PersonFact | None:
        parts = key.split()
        for person in self.by_key.values():
            if name_key(person.key) == name_key(key):
                return person  # "Michael M. Sears" and "Michael Sears"
            pparts = person.key.split()
            if len(parts) == 1 and parts[0] in (pparts[0], pparts[-1]):
                return person
            if len(pparts) == 1 and pparts[0] in (parts[0], parts[-1]):
                return person
        return None

    def surnames(self) -> dict[str, PersonFact]:
        out: dict[str, PersonFact] = {}
        for person in self.by_key.values():
            parts = person.key.split()
            if len(parts) >= 2:
                for part in (parts[-1], parts[0]):
                    if len(part) > 2:
                        out.setdefault(part, person)
        return out


def _strip_title(span: Span, ctx: Context) -> Span | None:
    """Drop role-title words that the model merged into a name ('Interior Minister Jane Roe')."""
    text = span.text
    matches = ctx.vocab.find_all("roles", text)
    cut = 0
    for start, end, _entry in matches:
        if start <= cut + 1:
            cut = end
    if cut == 0:
        return span
    rest = span.char_span(cut, len(text), alignment_mode="contract") if cut < len(text) else None
    if rest is None:
        rel = span.doc.char_span(span.start_char + cut, span.end_char, alignment_mode="contract")
        return rel if rel is not None and len(rel) else None
    return rest if len(rest) else None


@component("people", requires=("timexes",), assigns=("people", "roles"))
def people(adoc: ArticleDoc, ctx: Context) -> None:
    doc = adoc.doc
    body = doc_text(doc)
    gaz = ctx.gazetteer
    found = _People(adoc)
    # A title word that opens a name ("General Motors", "Governor's Island") is no title. An
    # entity that starts inside the title is the model merging title and name: keep those.
    names = [
        (ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ in ("ORG", "GPE", "FAC", "LOC")
    ]
    role_hits = [
        hit
        for hit in ctx.vocab.find_all("roles", body)
        if not any(s <= hit[0] and hit[1] < e for s, e in names)
    ]
    # (person, title text, entry, title start, title end) before the org/time is decided
    pending: list[tuple[PersonFact, int, int, object, int]] = []

    # 1. A name right after a title, possibly after a chain "Deputy PM and Interior Minister".
    chain_start: int | None = None
    for idx, (start, end, _entry) in enumerate(role_hits):
        if chain_start is None:
            chain_start = start
        nxt = role_hits[idx + 1] if idx + 1 < len(role_hits) else None
        between = body[end : nxt[0]].strip().lower() if nxt else None
        name = _name_after(adoc, end) or _name_after_complement(adoc, end)
        if name is not None and gaz.lookup(name.text) is None and not _is_title_word(name, ctx):
            person = found.add(name)
            for c_start, c_end, c_entry in role_hits[: idx + 1]:
                if c_start >= chain_start:
                    pending.append((person, c_start, c_end, c_entry, chain_start))
            chain_start = None
        elif nxt is None or between not in _CONNECTORS:
            chain_start = None

    # 2. spaCy's PERSON entities, with merged titles removed and places rejected.
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        span = _strip_title(ent, ctx)
        if span is None or not any(_is_name_token(t) for t in span):
            continue
        if any(t.i in adoc.person_tokens for t in span):
            continue
        if gaz.lookup(span.text) is not None:
            continue
        found.add(span)

    # 3a. Title first: "The festival's director, Jonas Feldrain, thanked …".
    for start, end, entry in role_hits:
        m = re.match(r",\s+((?:[A-Z][\w’'.-]*)(?:\s+[A-Z][\w’'.-]*){1,3})\s*[,.;]", body[end:])
        if not m:
            continue
        name_start = end + m.start(1)
        span = doc.char_span(name_start, end + m.end(1), alignment_mode="contract")
        if span is None or gaz.lookup(span.text) is not None or _is_title_word(span, ctx):
            continue
        pending.append((found.add(span), start, end, entry, start))

    # 3b. Apposition: "Jane Roe, the French interior minister," gives Jane Roe that role.
    for start, end, entry in role_hits:
        prefix = body[max(0, start - 60) : start]
        m = re.search(
            r"([^\W\d_][\w'’.\- ]+?),\s+(?:the\s+|a\s+)?(?:[A-Z][\w’'&-]*\s+){0,3}$", prefix
        )
        if not m:
            continue
        name_start = start - len(prefix) + m.start(1)
        name_span = doc.char_span(
            name_start, name_start + len(m.group(1)), alignment_mode="contract"
        )
        if name_span is None:
            continue
        ids = {adoc.person_tokens.get(t.i) for t in name_span} - {None}
        if len(ids) == 1:
            person = next(p for p in found.by_key.values() if p.id in ids)
            pending.append((person, start, end, entry, start))

    # 4. Lone surnames anywhere name the person, whatever the model labelled them.
    surnames = found.surnames()
    for tok in doc:
        if tok.i in adoc.person_tokens or not _is_name_token(tok):
            continue
        person = surnames.get(fold(tok.text))
        if person is not None:
            found.add(doc[tok.i : tok.i + 1])

    adoc.people = list(found.by_key.values())
    adoc.people.sort(key=lambda p: p.mentions[0].start if p.mentions else 0)

    # 5. Roles: org from the words around the title, time from the sentence.
    seen: set[tuple[str, str, int]] = set()
    for person, start, end, entry, chain_start in pending:
        title = body[start:end]
        org = _holder_before(adoc, ctx, chain_start) or _country_in_title(ctx, title)
        file_start = start + adoc.offset
        sent_key = (person.id, entry.id, adoc.sentence_index(file_start))
        if sent_key in seen:
            continue
        seen.add(sent_key)
        # "former US president", "ex-Interior Minister": up to two words before the title.
        before = body[max(0, chain_start - 25) : chain_start].lower()
        former = any(w in _FORMER for w in re.findall(r"[a-z]+", before)[-2:])
        evidence = adoc.evidence(file_start, end + adoc.offset)
        adoc.roles.append(
            RoleFact(
                person=person.name,
                person_key=person.key,
                title=title,
                role=entry.id,
                org=org,
                time=time_for_sentence(adoc, file_start),
                former=former,
                evidence=evidence,
            )
        )


def _is_title_word(span: Span, ctx: Context) -> bool:
    """A 'name' that is itself the start of another title ('Minister Of…') is not a name."""
    return bool(ctx.vocab.find_all("roles", span.text))
