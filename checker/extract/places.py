"""Component: place mentions, resolved against the gazetteer, with their spatial word.

"in Ghent" places something inside the town; "outside Brussels" or "near Brussels" places it
in the surroundings. Person names the model mislabelled as places are skipped (the people component
runs first and marks their tokens).
"""

from __future__ import annotations

from checker.extract.document import ArticleDoc
from checker.extract.nlp import doc_text
from checker.extract.pipeline import Context, component
from checker.models.facts import Mention, PlaceRef
from checker.models.place import PlaceKind

_PLACE_LABELS = {"GPE", "LOC", "FAC", "PERSON", "ORG"}
_STRIP = ("the ", "The ")


# Words that may stand before a place and say where something is from or going, not where it is.
_DIRECTIONAL = {"from": "from", "to": "to", "into": "to", "toward": "to", "towards": "to"}


def spatial_relation(gaz, text_before: str) -> str:
    """The spatial relation the words right before a place name signal: in, near, from, to."""
    words = text_before.split()[-5:]
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[-n:])
        spatial = gaz.spatial_word(phrase)
        if spatial is not None:
            return spatial.relation
    if words and words[-1].lower() in _DIRECTIONAL:
        return _DIRECTIONAL[words[-1].lower()]
    return "mention"


@component("places", requires=("people",), assigns=("places", "countries"))
def places(adoc: ArticleDoc, ctx: Context) -> None:
    gaz = ctx.gazetteer
    doc = adoc.doc
    # Countries first (names and demonyms), so cities can be disambiguated by them.
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            place = gaz.lookup(ent.text) if ent.label_ != "NORP" else gaz.demonym(ent.text)
            if place is not None and place.kind == PlaceKind.COUNTRY and place.country:
                adoc.countries.add(place.country)
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS:
            continue
        if any(t.i in adoc.person_tokens for t in ent):
            continue
        text = ent.text
        for prefix in _STRIP:
            if text.startswith(prefix):
                text = text[len(prefix) :]
        place = gaz.lookup(text, context=sorted(adoc.countries))
        if place is None:
            continue
        if ent.label_ in ("PERSON", "ORG") and place.kind not in (
            PlaceKind.CITY,
            PlaceKind.COUNTRY,
        ):
            continue
        start = ent.start_char + adoc.offset
        before = doc_text(doc)[max(0, ent.start_char - 40) : ent.start_char]
        relation = spatial_relation(gaz, before)
        adoc.places.append(
            PlaceRef(
                mention=Mention(text=ent.text, start=start, end=start + len(ent.text)),
                place=place,
                relation=relation,
            )
        )
        if place.country:
            adoc.countries.add(place.country)
