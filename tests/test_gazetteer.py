"""Gazetteer: name lookup, homonyms and context, demonyms, containment, distances."""

from __future__ import annotations

import pytest

from checker.extract.gazetteer import Gazetteer, fold, get_gazetteer
from checker.models.place import Place, PlaceKind, PlaceRelationKind


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def place(gaz: Gazetteer, name: str, context: tuple[str, ...] = ()) -> Place:
    found = gaz.lookup(name, context=context)
    assert found is not None, name
    return found


# ------------------------------------------------------------------ lookup


@pytest.mark.parametrize(
    ("name", "kind", "country", "expected_name"),
    [
        ("Belgrade", PlaceKind.CITY, "RS", "Belgrade"),
        ("Novi Sad", PlaceKind.CITY, "RS", "Novi Sad"),
        ("Smederevo", PlaceKind.CITY, "RS", "Smederevo"),
        ("Guangzhou", PlaceKind.CITY, "CN", "Guangzhou"),
        ("the People's Republic of China", PlaceKind.COUNTRY, "CN", "China"),
        ("China", PlaceKind.COUNTRY, "CN", "China"),
        ("Guangdong", PlaceKind.REGION, "CN", "Guangdong"),
        ("Guangdong Province", PlaceKind.REGION, "CN", "Guangdong"),
        ("the southern Chinese province of Guangdong", PlaceKind.REGION, "CN", "Guangdong"),
        ("Henan Province", PlaceKind.REGION, "CN", "Henan"),
        ("U.S.", PlaceKind.COUNTRY, "US", "United States"),
        ("US", PlaceKind.COUNTRY, "US", "United States"),
        ("United States", PlaceKind.COUNTRY, "US", "United States"),
        ("America", PlaceKind.COUNTRY, "US", "United States"),
        ("UK", PlaceKind.COUNTRY, "GB", "United Kingdom"),
        ("Britain", PlaceKind.COUNTRY, "GB", "United Kingdom"),
        ("Russia", PlaceKind.COUNTRY, "RU", "Russia"),
        ("South Korea", PlaceKind.COUNTRY, "KR", "South Korea"),
        ("Czech Republic", PlaceKind.COUNTRY, "CZ", "Czechia"),
        ("the Netherlands", PlaceKind.COUNTRY, "NL", "Netherlands"),
        ("Serbia's", PlaceKind.COUNTRY, "RS", "Serbia"),
        ("Texas", PlaceKind.REGION, "US", "Texas"),
        ("Bavaria", PlaceKind.REGION, "DE", "Bavaria"),  # ISO "Bayern", English catalogue
        ("Vojvodina", PlaceKind.REGION, "RS", "Vojvodina"),
        ("Peking", PlaceKind.CITY, "CN", "Beijing"),  # GeoNames alternate name
        ("Kiev", PlaceKind.CITY, "UA", "Kyiv"),
        ("St. Petersburg", PlaceKind.CITY, "RU", "Saint Petersburg"),
        ("the Serbian capital, Belgrade", PlaceKind.CITY, "RS", "Belgrade"),
        ("outside Belgrade", PlaceKind.CITY, "RS", "Belgrade"),
    ],
)
def test_lookup(gaz: Gazetteer, name: str, kind: PlaceKind, country: str, expected_name: str):
    found = place(gaz, name)
    assert (found.kind, found.country, found.name) == (kind, country, expected_name)


def test_continent(gaz: Gazetteer):
    europe = place(gaz, "Europe")
    assert europe.kind == PlaceKind.CONTINENT
    assert europe.country is None
    assert europe.continent == "EU"


def test_diacritics_and_case_are_folded(gaz: Gazetteer):
    assert fold("Niš") == fold("Nis") == "nis"
    assert fold("U.S.") == "us"
    nis = place(gaz, "Nis")
    assert nis.name == "Niš" and nis.country == "RS"
    assert place(gaz, "NIŠ").geonameid == nis.geonameid
    assert place(gaz, "novi sad").name == "Novi Sad"
    assert place(gaz, "São Paulo").geonameid == place(gaz, "Sao Paulo").geonameid


@pytest.mark.parametrize(
    "name",
    ["Stefanović", "Vučić", "Aleksandar Vučić", "Deepens Friendship", "Reuters", "of", "", "  "],
)
def test_non_places_return_none(gaz: Gazetteer, name: str):
    assert gaz.lookup(name) is None


def test_non_places_stay_none_with_context(gaz: Gazetteer):
    # Even with the country in context, surnames do not become villages.
    assert gaz.lookup("Stefanović", context=["RS"]) is None
    assert gaz.lookup("Vučić", context=["RS"]) is None


def test_homonym_prefers_well_known_place(gaz: Gazetteer):
    paris = place(gaz, "Paris")
    assert paris.country == "FR"
    # A U.S. article still means Paris, France: a capital beats a small homonym ...
    assert place(gaz, "Paris", ("US",)).country == "FR"
    # ... unless the article is about Texas, or says so.
    texan = place(gaz, "Paris", ("US", "Texas"))
    assert (texan.country, texan.region) == ("US", "Texas")
    assert place(gaz, "Paris, Texas").region == "Texas"
    assert place(gaz, "London").country == "GB"
    assert place(gaz, "London", ("CA",)).country == "CA"  # London, Ontario is large


def test_context_country_breaks_ties(gaz: Gazetteer):
    # "Canton": a U.S. city by its primary name; Guangzhou by an alternate name in China.
    assert place(gaz, "Canton").country == "US"
    assert place(gaz, "Canton", ("CN",)).name == "Guangzhou"
    # "Georgia": the country, but the U.S. state in an article about the United States.
    assert place(gaz, "Georgia").kind == PlaceKind.COUNTRY
    georgia_us = place(gaz, "Georgia", ("US",))
    assert (georgia_us.kind, georgia_us.country) == (PlaceKind.REGION, "US")


def test_small_places_need_context(gaz: Gazetteer):
    # Žabalj (Serbia, ~9,000 people) is only in the 1,000+ list.
    assert gaz.lookup("Zabalj") is None
    zabalj = place(gaz, "Žabalj", ("RS",))
    assert (zabalj.kind, zabalj.country, zabalj.region) == (PlaceKind.CITY, "RS", "Vojvodina")


def test_country_vs_capital_and_city_vs_state(gaz: Gazetteer):
    assert place(gaz, "Mexico").kind == PlaceKind.COUNTRY
    assert place(gaz, "Mexico City").kind == PlaceKind.CITY
    new_york = place(gaz, "New York")
    assert (new_york.kind, new_york.region) == (PlaceKind.CITY, "New York")
    assert place(gaz, "New York City").geonameid == new_york.geonameid
    state = place(gaz, "New York State")
    assert (state.kind, state.code) == (PlaceKind.REGION, "US-NY")
    assert place(gaz, "Washington").kind == PlaceKind.CITY  # the capital
    assert place(gaz, "Washington State").code == "US-WA"
    assert place(gaz, "Quebec").kind == PlaceKind.REGION  # not the province's largest city
    valencia = place(gaz, "Valencia")  # the largest city of its region, not the region
    assert (valencia.kind, valencia.country) == (PlaceKind.CITY, "ES")
    # Homonyms in different countries: the bigger one.
    assert place(gaz, "Victoria").code == "AU-VIC"
    assert place(gaz, "Gaza").country == "PS"


# ------------------------------------------------------------------ demonyms


@pytest.mark.parametrize(
    ("word", "kind", "name"),
    [
        ("Serbian", PlaceKind.COUNTRY, "Serbia"),
        ("Serbs", PlaceKind.COUNTRY, "Serbia"),
        ("Chinese", PlaceKind.COUNTRY, "China"),
        ("American", PlaceKind.COUNTRY, "United States"),
        ("U.S.", PlaceKind.COUNTRY, "United States"),
        ("British", PlaceKind.COUNTRY, "United Kingdom"),
        ("Dutch", PlaceKind.COUNTRY, "Netherlands"),
        ("Ivorian", PlaceKind.COUNTRY, "Ivory Coast"),
        ("Texan", PlaceKind.REGION, "Texas"),
        ("Scottish", PlaceKind.REGION, "Scotland"),
        ("European", PlaceKind.CONTINENT, "Europe"),
    ],
)
def test_demonym(gaz: Gazetteer, word: str, kind: PlaceKind, name: str):
    found = gaz.demonym(word)
    assert found is not None, word
    assert (found.kind, found.name) == (kind, name)


def test_demonym_unknown_word(gaz: Gazetteer):
    assert gaz.demonym("Friendship") is None
    assert gaz.demonym("") is None


def test_every_demonym_resolves(gaz: Gazetteer):
    unresolved = [word for word in gaz._demonyms if gaz.demonym(word) is None]
    assert unresolved == []


# ------------------------------------------------------------------ containment


def test_containment_chain(gaz: Gazetteer):
    guangzhou, guangdong, china = (place(gaz, n) for n in ("Guangzhou", "Guangdong", "China"))
    asia = place(gaz, "Asia")
    assert gaz.contains(guangdong, guangzhou)
    assert gaz.contains(china, guangdong)
    assert gaz.contains(china, guangzhou)
    assert gaz.contains(asia, guangzhou)
    assert not gaz.contains(guangzhou, guangdong)
    assert gaz.relation(guangzhou, guangdong).kind == PlaceRelationKind.A_IN_B
    assert gaz.relation(china, guangzhou).kind == PlaceRelationKind.B_IN_A
    assert gaz.relation(guangdong, china).kind == PlaceRelationKind.A_IN_B


@pytest.mark.parametrize(
    ("inner", "outer"),
    [
        ("Novi Sad", "Serbia"),
        ("Novi Sad", "Vojvodina"),
        ("Lyon", "France"),
        ("Texas", "United States"),
        ("Houston", "Texas"),
        ("Munich", "Bavaria"),
        ("Serbia", "Europe"),
    ],
)
def test_contains(gaz: Gazetteer, inner: str, outer: str):
    a, b = place(gaz, inner), place(gaz, outer)
    assert gaz.contains(b, a)
    assert gaz.relation(a, b).kind == PlaceRelationKind.A_IN_B
    assert gaz.relation(b, a).kind == PlaceRelationKind.B_IN_A


def test_not_contained(gaz: Gazetteer):
    assert not gaz.contains(place(gaz, "France"), place(gaz, "Belgrade"))
    assert not gaz.contains(place(gaz, "Texas"), place(gaz, "Novi Sad"))
    assert not gaz.contains(place(gaz, "Europe"), place(gaz, "China"))


# ------------------------------------------------------------------ distances and relations


def test_smederevo_is_near_belgrade(gaz: Gazetteer):
    smederevo, belgrade = place(gaz, "Smederevo"), place(gaz, "Belgrade")
    distance = gaz.distance_km(smederevo, belgrade)
    assert distance is not None and 35 < distance < 50
    relation = gaz.relation(smederevo, belgrade)
    assert relation.kind == PlaceRelationKind.NEAR
    assert relation.distance_km == pytest.approx(distance)
    # A tighter radius makes the same pair disjoint.
    assert gaz.relation(smederevo, belgrade, near_km=20).kind == PlaceRelationKind.DISJOINT


def test_far_cities_are_disjoint(gaz: Gazetteer):
    belgrade, guangzhou = place(gaz, "Belgrade"), place(gaz, "Guangzhou")
    far = gaz.relation(belgrade, guangzhou)
    assert far.kind == PlaceRelationKind.DISJOINT and far.distance_km > 8000
    paris, lyon = place(gaz, "Paris"), place(gaz, "Lyon")
    relation = gaz.relation(paris, lyon)
    assert relation.kind == PlaceRelationKind.DISJOINT
    assert 380 < relation.distance_km < 410


def test_same_place(gaz: Gazetteer):
    assert gaz.relation(place(gaz, "Niš"), place(gaz, "Nis")).kind == PlaceRelationKind.SAME
    assert gaz.relation(place(gaz, "Serbia"), place(gaz, "Serbia")).kind == PlaceRelationKind.SAME


def test_region_and_country_relations(gaz: Gazetteer):
    belgrade, guangdong = place(gaz, "Belgrade"), place(gaz, "Guangdong")
    assert gaz.relation(belgrade, guangdong).kind == PlaceRelationKind.DISJOINT
    assert gaz.relation(place(gaz, "Henan"), guangdong).kind == PlaceRelationKind.DISJOINT
    assert gaz.relation(place(gaz, "Serbia"), place(gaz, "China")).kind == (
        PlaceRelationKind.DISJOINT
    )
    # A city just outside a region is near it (distance to the region's nearest place).
    near = gaz.relation(place(gaz, "Dallas"), place(gaz, "Oklahoma"), near_km=400)
    assert near.kind == PlaceRelationKind.NEAR
    # Russia spans two continents: "not in Asia" is not decidable from GeoNames' one code.
    assert gaz.relation(place(gaz, "Russia"), place(gaz, "Asia")).kind == (
        PlaceRelationKind.UNKNOWN
    )


def test_regions_have_no_coordinates(gaz: Gazetteer):
    guangdong = place(gaz, "Guangdong")
    assert guangdong.lat is None and guangdong.lon is None
    assert gaz.distance_km(guangdong, place(gaz, "Guangzhou")) is None


def test_spatial_words(gaz: Gazetteer):
    spatial, rest = gaz.split_spatial("on the outskirts of Belgrade")
    assert spatial is not None and spatial.relation == "near" and rest == "Belgrade"
    outside = gaz.spatial_word("outside")
    assert outside is not None and outside.relation == "near" and outside.radius_km == 60
    assert gaz.split_spatial("Belgrade") == (None, "Belgrade")


def test_singleton_loads_once():
    first = get_gazetteer()
    loads = Gazetteer.load_count
    second = get_gazetteer()
    assert first is second
    assert loads >= 1
    assert Gazetteer.load_count == loads  # the second call loaded nothing
    assert get_gazetteer.cache_info().misses == 1
