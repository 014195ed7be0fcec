"""Whose act a value belongs to: the named subject of the verb the value hangs on.

'Skyjet bought 60 jets' and 'Aerova bought 12 jets' are figures of two buyers, however alike
the sentences; 'the ministry counted 80,000' and 'the union counted 250,000' are two
counts. Only names (organisations and people) are read: 'the airline' or 'police' say too
little to keep two figures apart.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from checker.textutil import fold

_NAMED = {"ORG", "PERSON"}
# Verbs of speech: their subject is who reports the figure (the source), not whose act it is.
_SPEECH = {"say", "tell", "report", "announce", "confirm", "add", "tweet", "speak", "write"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# Verbs that say only that something is or has: no act to tell two figures apart.
_LIGHT = {"be", "have", "become", "remain", "stand", "reach", "total", "number", "include"}


def agent(value: Token) -> str | None:
    """The folded name of the organisation or person that does or holds what the value
    measures: the subject of its verb, or a possessive on its noun ('Chamisa's 44.3 percent')."""
    noun = value.head if value.dep_ in ("nummod", "quantmod", "compound") else value
    for child in noun.children:
        if child.dep_ == "poss":
            name = _name_in(child)
            if name is not None:
                return name
    verb = governing_verb(value)
    if verb is None or verb.lemma_ in _SPEECH:
        return None
    doer = [c for c in verb.children if c.dep_ in _SUBJECTS]
    # 'the Velvet Owls, who picked up five nominations': the relative clause's noun
    doer = [verb.head if c.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else c for c in doer]
    # a passive's doer: '60 jets were bought by Skyjet'
    doer += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for head in doer:
        words = set(head.subtree)
        if head.is_ancestor(verb):  # a relative clause hangs under its noun: not its words
            words -= set(verb.subtree)
        if any(t.like_num for t in words):
            return None  # the value or another figure is the subject: '45 people died'
        name = _name_in(head)
        if name is not None:
            return name
    return None


def governing_verb(tok: Token) -> Token | None:
    """The first verb above the value in the parse, within its clause."""
    for up in tok.ancestors:
        if up.pos_ in ("VERB", "AUX"):
            return up
    return None


def verb_of(value: Token) -> str | None:
    """The lemma of the verb the value hangs on ('ordered' in 'three airlines have ordered'),
    unless it says only that something is, has or was said."""
    verb = governing_verb(value)
    if verb is None or verb.lemma_ in _LIGHT or verb.lemma_ in _SPEECH:
        return None
    return verb.lemma_.lower()


def _name_in(head: Token) -> str | None:
    """The name a subject phrase holds: its head's own entity, else a name it is built on
    ('the CGT union')."""
    tokens = [head, *(t for t in head.lefts if t.dep_ in ("compound", "poss"))]
    for t in tokens:
        if t.ent_type_ in _NAMED:
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            if ent is not None:
                name = re.sub(r"['’]s$", "", fold(ent.text))
                return name[4:] if name.startswith("the ") else name
    # a proper noun the tagger gave no entity ('the Velvet Owls'); places are not actors here
    if head.pos_ == "PROPN" and not head.ent_type_:
        words = [t for t in tokens if t.pos_ == "PROPN" and not t.ent_type_]
        return fold(" ".join(t.text for t in sorted(words, key=lambda t: t.i)))
    return None
