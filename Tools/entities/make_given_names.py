#!/usr/bin/env python3
"""Writes Tools/entities/given-names.txt: given names, one per line, for the entity tagger's
given-name feature (`lector train entities --given-names FILE`).

Source: the first-name lists of the PyPI package Faker (MIT License; providers/person/LOCALE,
`first_names`, `first_names_male`, `first_names_female`) for the locales below: the
languages Lector tags and the countries whose people European news names most. Only names
of two letters or more that are a single word (no space or hyphen) are kept; sorted.

    pip download --no-deps faker==40.63.0 -d /tmp/faker && unzip -oq /tmp/faker/faker-*.whl -d /tmp/faker/fk
    python3 Tools/entities/make_given_names.py /tmp/faker/fk > Tools/entities/given-names.txt

With `--classes` it writes Tools/entities/name-classes.txt instead, for the tagger's cluster
features (`lector train entities --clusters FILE`): `NAME<TAB>CODE`, CODE a bit set, 1 for a
given name and 2 for a surname (Faker's `last_names` of the same locales), kept by the same
rules. The Portuguese model reads it, joined with Spanish word clusters by join_classes.py
(alone, 5-fold cross-validated F1 74.70 -> 75.78; for the Dutch and French historical
newspapers it lost 1.24 and 0.20, so not there).

    python3 Tools/entities/make_given_names.py /tmp/faker/fk --classes > Tools/entities/name-classes.txt

With `--extra` it writes Tools/entities/given-names-extra.txt: the given names of EXTRA_LOCALES
(Belgium, Luxembourg, French-speaking Switzerland, Ireland) that the list above lacks, of three
letters or more (`An`, `El` are words in the news too: `Nouvel An`, `El País`) and in no place
list (gazetteer-loc.txt, rules-places-*.txt: not `France`, `Brooklyn`, which would make `France
Culture` a person). Only the names files read them (build_models.sh puts them in
Models/entities/LANG-names.txt for fr, it, nl, es, pt and de: the rules and the passes after
the models): there they sign people such as `Emile Roemer` (modern Dutch news paragraphs F1:
dev 73.68 -> 74.35, test 74.67 -> 75.00; French and Italian unchanged). As a model feature
they cost F1 (German 5-fold cross-validated 66.52 -> 65.50; the Portuguese classes 77.62 ->
77.47), so the models keep the list above.

    python3 Tools/entities/make_given_names.py /tmp/faker/fk --extra > Tools/entities/given-names-extra.txt
"""

import importlib
import os
import sys

LOCALES = [
    "de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES", "pt_PT", "pt_BR", "nl_NL", "ru_RU",
    "pl_PL", "uk_UA", "cs_CZ", "tr_TR", "sv_SE", "da_DK", "no_NO", "fi_FI", "el_GR", "hu_HU", "ro_RO",
]

EXTRA_LOCALES = ["nl_BE", "fr_BE", "fr_CH", "de_LU", "en_IE"]


GIVEN = ("first_names", "first_names_male", "first_names_female")


def names(locale, attributes=GIVEN):
    module = importlib.import_module(f"faker.providers.person.{locale}")
    provider = module.Provider
    found = set()
    for attribute in attributes:
        values = getattr(provider, attribute, ())
        found.update(values.keys() if isinstance(values, dict) else values)
    return found


def kept(found):
    return sorted(n for n in found if len(n) >= 2 and " " not in n and "-" not in n and n[0].isupper())


def main():
    sys.path.insert(0, sys.argv[1])
    given, surnames = set(), set()
    for locale in LOCALES:
        try:
            given |= names(locale)
            surnames |= names(locale, ("last_names",))
        except ModuleNotFoundError:
            print(f"no locale {locale}", file=sys.stderr)
    if "--classes" in sys.argv:
        codes = {name: 1 for name in kept(given)}
        for name in kept(surnames):
            codes[name] = codes.get(name, 0) | 2
        sys.stdout.write("# Given names (1) and surnames (2) of Faker 40.63.0 (MIT), "
                         "via Tools/entities/make_given_names.py --classes\n")
        sys.stdout.write("".join(f"{name}\t{code}\n" for name, code in sorted(codes.items())))
        print(f"{len(codes)} names", file=sys.stderr)
        return
    names_kept = kept(given)
    if "--extra" in sys.argv:
        extra = set()
        for locale in EXTRA_LOCALES:
            extra |= names(locale)
        # Of three letters or more: `An` and `El` are names there but words in the news
        # (`Nouvel An`, `El País`); and no known place (`France`, `India`, `Brooklyn`: the
        # rules would read `France Culture` as a person).
        here = os.path.dirname(os.path.abspath(__file__))
        places = set()
        for name in ["gazetteer-loc.txt"] + [f"rules-places-{code}.txt" for code in ("fr", "it", "nl")]:
            with open(os.path.join(here, name), encoding="utf-8") as handle:
                places.update(line.strip() for line in handle if line.strip() and not line.startswith("#"))
        names_kept = sorted(n for n in set(kept(extra)) - set(names_kept) - places if len(n) >= 3)
    sys.stdout.write("\n".join(names_kept) + "\n")
    print(f"{len(names_kept)} given names", file=sys.stderr)


if __name__ == "__main__":
    main()
