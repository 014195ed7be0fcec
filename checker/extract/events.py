"""Component: events — what happened (or is planned, or denied), to what, when, where.

An event is read from a verb whose lemma is a known predicate ("began", "was held", "signed") or
from a noun that names an event type ("a joint training exercise"). Its theme is what the event is
about: the direct object, or else the subject nearest the verb (spaCy often attaches coordinated
subjects to the wrong verb; the nearest one is the safer guess). Time, places, venue and counts
are taken from the event's own clause; a time carried over from earlier text is marked inherited.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from checker.extract.document import ArticleDoc
from checker.extract.nlp import doc_text
from checker.extract.pipeline import Context, component
from checker.extract.timeref import _timex_tokens, clause_head, clause_tokens, time_for_token
from checker.models.facts import EventFact, Modality
from checker.textutil import fold

# Objects that carry no meaning of their own: "began operations", "took part".
LIGHT_NOUNS = {
    "operation",
    "operations",
    "work",
    "activity",
    "part",
    "place",
    "effort",
    "process",
    "step",
    "way",
}
# Modifiers that do not identify an event: "the first training", "a new exercise".
_WEAK_MODIFIERS = {
    "first",
    "second",
    "third",
    "last",
    "final",
    "new",
    "same",
    "other",
    "further",
    "more",
    "such",
    "latest",
    "recent",
    "previous",
    "next",
    "own",
    "several",
    "many",
    "some",
}
_PLANNED_AUX = {"will", "would", "shall", "'ll", "’ll"}
_PLAN_VERBS = {
    "plan",
    "expect",
    "schedule",
    "set",
    "intend",
    "aim",
    "hope",
    "propose",
    "due",
    "prepare",
    "agree",
    "promise",
    "pledge",
    "vow",
    "want",
    "seek",
    "need",
    "try",
    "wish",
}
# Directives: "told airlines not to buy" reports advice, not a purchase or its absence.
_DIRECTIVE_VERBS = {"tell", "ask", "urge", "recommend", "order", "advise", "call", "warn"}
_CONDITIONS = {"if", "unless", "whether"}
_MODAL_AUX = {"should", "must", "could", "might", "may", "can", "ought"}
_NEG = {"not", "n't", "never", "no"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_PRONOUN_POS = {"PRON"}
# Reporting verbs attribute facts to a source; they are not events of the story themselves.
_ATTRIBUTION_CLASSES = {"announce", "say", "report", "state"}


def _lemma(tok: Token) -> str:
    return fold(tok.lemma_ or tok.text)


def theme_words(head: Token, ctx: Context) -> list[str]:
    """Lemmas that describe a noun phrase: its modifiers and head ('joint naval exercise')."""
    words: list[str] = []
    for child in head.children:
        if child.i > head.i:
            continue
        if child.dep_ in ("compound", "amod", "nmod") and child.pos_ in (
            "NOUN",
            "ADJ",
            "PROPN",
            "VERB",
        ):
            for sub in child.subtree:
                if sub.pos_ in ("NOUN", "ADJ", "PROPN") and sub.is_alpha:
                    word = _lemma(sub)
                    if word not in _WEAK_MODIFIERS:
                        words.append(word)
    words.append(_lemma(head))
    return words


def _nearest_subject(verb: Token) -> Token | None:
    subjects: list[Token] = []
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            subjects.append(child)
            subjects.extend(c for c in child.conjuncts if c.pos_ in ("NOUN", "PROPN"))
    subjects = [s for s in subjects if s.i < verb.i] or subjects
    if not subjects:
        # "…, when the units were joined" and participles: the head may hold the subject.
        return None
    return min(subjects, key=lambda s: abs(verb.i - s.i))


def agent_of(verb: Token, theme: Token | None, ctx: Context | None = None) -> str | None:
    """The named doer of a transitive event ('Ryanair bought…'), folded; None for pronouns."""
    if theme is None or theme.dep_ not in ("dobj", "obj"):
        return None
    subject = _nearest_subject(verb)
    if subject is None and verb.dep_ == "xcomp":
        subject = _nearest_subject(verb.head)  # "Officials agreed to purchase…"
    if subject is not None and subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
        subject = verb.head  # "The Velvet Owls, who picked up five nominations"
    if subject is None or subject.pos_ == "PRON":
        return None
    # Only a proper name identifies the doer ("Irish airline Aer Lingus" -> "aer lingus",
    # "officials from China" -> "china"); "fans" and "supporters" may be the same people.
    names = [
        t
        for t in subject.subtree
        if t.pos_ == "PROPN" and not any(a.dep_ in ("relcl", "acl") for a in t.ancestors)
    ]
    agent = fold(" ".join(t.text for t in names)) or None
    if agent and ctx is not None:
        # "the UN" and "the United Nations" are one doer.
        entry = ctx.vocab.lookup("orgs", agent)
        if entry is not None:
            return entry.id
    return agent


def _noun_agent(noun: Token, ctx: Context) -> str | None:
    """Who does what a noun names: "Aeroflot's purchase", "Aeroflot negotiates purchase of…"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return fold(" ".join(t.text for t in child.subtree if t.pos_ == "PROPN")) or None
    if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB":
        return agent_of(noun.head, noun, ctx)
    return None


def _of_complement(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return None


def _theme_token(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and child.pos_ in ("NOUN", "PROPN"):
            if fold(child.text) not in LIGHT_NOUNS:
                return child
    return _nearest_subject(verb)


def modality_of(trigger: Token, theme: Token | None = None) -> Modality:
    """Planned when a future/conditional auxiliary or a plan verb governs the trigger.

    Negated when the trigger is ('did not sign') or its theme is ('no one was hurt').
    """
    children = list(trigger.children)
    if theme is not None:
        children += [c for c in theme.children if c.dep_ == "det"]
    # "if there is a yes vote", "unless they sign": a condition reports nothing either way.
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if any(c.dep_ == "mark" and fold(c.text) in _CONDITIONS for c in clause.children):
        return Modality.HEDGED
    # "need to buy", "plans to open": an intention, even when negated ("do not need to buy").
    if trigger.dep_ in ("xcomp", "ccomp") and _lemma(trigger.head) in _DIRECTIVE_VERBS:
        return Modality.HEDGED
    if trigger.dep_ in ("xcomp", "ccomp") and _lemma(trigger.head) in _PLAN_VERBS:
        return Modality.PLANNED
    # "should not purchase", "could open": advice or possibility, not a report either way.
    if any(c.dep_ == "aux" and fold(c.text) in _MODAL_AUX for c in children):
        return Modality.HEDGED
    if any(c.dep_ == "neg" or fold(c.text) in _NEG and c.dep_ in ("neg", "det") for c in children):
        # "did not sign", "was never held": a past event denied. "we do not buy": a general
        # statement, which contradicts no report of one purchase.
        tags = {trigger.tag_} | {c.tag_ for c in children if c.dep_ in ("aux", "auxpass")}
        if tags & {"VBD", "VBN"} or not any(c.dep_ == "neg" for c in children):
            return Modality.NEGATED
        return Modality.HEDGED
    if any(c.dep_ == "aux" and fold(c.text) in _PLANNED_AUX for c in children):
        return Modality.PLANNED
    cur = trigger
    for _ in range(3):
        if cur.dep_ in ("xcomp", "ccomp", "advcl") and _lemma(cur.head) in _PLAN_VERBS:
            return Modality.PLANNED
        if (
            any(c.dep_ == "aux" and fold(c.text) in _PLANNED_AUX for c in cur.children)
            and cur.dep_ == "xcomp"
        ):
            return Modality.PLANNED
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ not in ("VERB", "AUX"):
            break
    return Modality.REPORTED


def _participants(tokens: list[Token], adoc: ArticleDoc, ctx: Context) -> list[str]:
    """Countries (ISO codes) and people named in a clause."""
    out: set[str] = set()
    for tok in tokens:
        pid = adoc.person_tokens.get(tok.i)
        if pid:
            out.update(p.key for p in adoc.people if p.id == pid)
            continue
        if tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper():
            place = ctx.gazetteer.demonym(tok.text)
            if place is not None and place.country:
                out.add(place.country)
    chars = sorted(adoc.char(t) for t in tokens)
    near = adoc.starting_in("places", chars[0] - MAX_MENTION, chars[-1] + 1) if chars else []
    for ref in near:
        if (
            ref.place is not None
            and ref.place.country
            and any(ref.mention.start <= ch < ref.mention.end for ch in chars)
        ):
            out.add(ref.place.country)
    return sorted(out)


MAX_MENTION = 500  # characters: a place or count mention starts at most this far before a word
_OWNED = re.compile(r"([A-Z][\w’'.&]*)\s*-\s*owned\s+$")
# A site is where the event took place only when a locative preposition introduces it.
_LOCATIVE = {"at", "in", "inside", "near", "outside", "on", "within", "by"}


def _venue(adoc: ArticleDoc, ctx: Context, tokens: list[Token]) -> tuple[str | None, str | None]:
    """(venue kind id, owner) of a site named in the clause: 'a Japanese-owned car plant'."""
    if not tokens:
        return None, None
    lo = min(t.idx for t in tokens)
    hi = max(t.idx + len(t.text) for t in tokens)
    text = doc_text(adoc.doc)
    for start, end, entry in ctx.vocab.find_all("venues", text[lo:hi]):
        head = adoc.doc.char_span(lo + start, lo + end, alignment_mode="expand")
        if head is None or head.root.head.lower_ not in _LOCATIVE:
            continue
        before = text[max(0, lo + start - 40) : lo + start]
        m = _OWNED.search(before)
        # The owner is kept as written ("Japanese", "Acme"): whether a company is Japanese is
        # knowledge the article does not give, so owners are shown, not compared.
        owner = m.group(1) if m else None
        return entry.id, owner
    return None, None


def _predicate(tok: Token, ctx: Context):
    """Vocabulary entry of a verb trigger, trying phrasal forms first ('take place')."""
    lemma = _lemma(tok)
    for child in tok.children:
        if child.dep_ in ("prt", "dobj") and child.i == tok.i + 1:
            entry = ctx.vocab.lookup("predicates", f"{lemma} {_lemma(child)}")
            if entry is not None:
                return entry
    return ctx.vocab.lookup("predicates", lemma)


def _event_type(tok: Token, ctx: Context):
    entry = ctx.vocab.lookup("event_types", _lemma(tok))
    if entry is None:
        entry = ctx.vocab.lookup("event_types", fold(tok.text))
    return entry


def _place_refs(adoc: ArticleDoc, tokens: list[Token]):
    starts = {adoc.char(t) for t in tokens}
    return [
        ref for ref in adoc.places if ref.relation in ("in", "near") and ref.mention.start in starts
    ]


@component("events", requires=("timexes", "people", "places", "counts"), assigns=("events",))
def events(adoc: ArticleDoc, ctx: Context) -> None:
    doc = adoc.doc
    themes_used: set[int] = set()
    found: list[EventFact] = []

    def add(
        trigger: Token,
        predicate: str,
        theme_tok: Token | None,
        type_id: str | None,
        modality: Modality,
        agent: str | None = None,
    ):
        head = clause_head(trigger) if trigger.pos_ not in ("VERB", "AUX") else trigger
        tokens = clause_tokens(head)
        if theme_tok is not None:
            tokens = tokens + [t for t in theme_tok.subtree if t not in tokens]
        time, inherited = time_for_token(adoc, trigger)
        venue, owner = _venue(adoc, ctx, tokens)
        start = adoc.char(trigger)
        # A count belongs to the event when it counts the event's theme ("14 people were
        # killed"), not merely when it stands in the same clause.
        theme_chars = {adoc.char(t) for t in theme_tok.subtree} if theme_tok is not None else set()
        near = (
            adoc.starting_in("counts", min(theme_chars) - MAX_MENTION, max(theme_chars) + 1)
            if theme_chars
            else []
        )
        counts = [c for c in near if any(c.start <= ch < c.end for ch in theme_chars)]
        found.append(
            EventFact(
                id=f"{adoc.article.id}#e{len(found) + 1}",
                trigger=trigger.text,
                predicate=predicate,
                event_type=type_id,
                theme=" ".join(theme_words(theme_tok, ctx)) if theme_tok is not None else "",
                participants=_participants(tokens, adoc, ctx),
                agent=agent,
                modality=modality,
                time=time,
                time_inherited=inherited,
                places=_place_refs(adoc, tokens),
                venue=venue,
                venue_owner=owner,
                counts=counts,
                evidence=adoc.evidence(start, start + len(trigger.text)),
            )
        )

    # Verbs first, so a noun that is a verb's theme is not counted twice.
    for tok in doc:
        if tok.pos_ not in ("VERB",):
            continue
        entry = _predicate(tok, ctx)
        if entry is None or entry.predicate_class in _ATTRIBUTION_CLASSES:
            continue
        theme = _theme_token(tok)
        if theme is None or theme.pos_ in _PRONOUN_POS:
            continue
        etype = _event_type(theme, ctx)
        themes_used.add(theme.i)
        add(
            tok,
            entry.predicate_class,
            theme,
            etype.id if etype else None,
            modality_of(tok, theme),
            agent_of(tok, theme, ctx),
        )

    in_timex = _timex_tokens(adoc)
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in themes_used:
            continue
        if tok.i in in_timex:
            continue  # "March" in "on March 7" is a month, not a march
        if tok.dep_ == "compound":
            continue  # "training" in "training exercise": the head noun speaks for the phrase
        etype = _event_type(tok, ctx)
        if etype is None:
            continue
        # "a No vote", "if we had no investment": a bare noun with "no" is too often a name or a
        # condition to read as a denial; verbs carry denials ("did not sign", "no one was hurt").
        modality = modality_of(tok) if tok.head.pos_ == "VERB" else Modality.REPORTED
        if modality == Modality.NEGATED:
            modality = Modality.HEDGED
        predicate = getattr(etype, "predicate", None)
        if predicate:
            # A nominalised verb ("the evacuation of 180 passengers") reads like the verb: its
            # theme is the "of" complement, so it aligns with "180 passengers were evacuated".
            of_obj = _of_complement(tok)
            add(tok, predicate, of_obj or tok, etype.id, modality, _noun_agent(tok, ctx))
        else:
            add(tok, "occur", tok, etype.id, modality)

    found.sort(key=lambda e: e.evidence.start)
    adoc.events = found
