"""Places resolved against the gazetteer, and how two places relate."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class PlaceKind(StrEnum):
    CONTINENT = "continent"
    COUNTRY = "country"
    REGION = "region"
    CITY = "city"


class Place(BaseModel):
    """A gazetteer entry: what a place name in an article refers to."""

    name: str
    kind: PlaceKind
    country: str | None = None  # ISO 3166-1 alpha-2, None for continents
    region: str | None = None  # first-level subdivision name, when known
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    geonameid: int | None = None
    continent: str | None = None  # GeoNames continent code (EU, AS, AF, NA, SA, OC, AN)
    code: str | None = None  # ISO 3166-2 code of a region, when known

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.country or ''}:{self.region or ''}:{self.name}"


class PlaceRelationKind(StrEnum):
    SAME = "same"
    A_IN_B = "a_in_b"  # a lies inside b (Lyon in France)
    B_IN_A = "b_in_a"
    NEAR = "near"  # distinct but within a small distance
    DISJOINT = "disjoint"
    UNKNOWN = "unknown"


class PlaceRelation(BaseModel):
    kind: PlaceRelationKind
    distance_km: float | None = None
