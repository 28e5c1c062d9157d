#!/usr/bin/env python3
"""Writes Tools/entities/given-names.txt: given names, one per line, for the entity tagger's
given-name feature (`lector train entities --given-names FILE`).

Source: the first-name lists of the PyPI package Faker (MIT License; providers/person/LOCALE,
`first_names`, `first_names_male`, `first_names_female`) for the locales below: the
languages Lector tags and the countries whose people European news names most. Only names
of two letters or more that are a single word (no space or hyphen) are kept; sorted.

    pip download --no-deps faker==40.63.0 -d /tmp/faker && unzip -oq /tmp/faker/faker-*.whl -d /tmp/faker/fk
    python3 Tools/entities/make_given_names.py /tmp/faker/fk > Tools/entities/given-names.txt
"""

import importlib
import sys

LOCALES = [
    "de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES", "pt_PT", "pt_BR", "nl_NL", "ru_RU",
    "pl_PL", "uk_UA", "cs_CZ", "tr_TR", "sv_SE", "da_DK", "no_NO", "fi_FI", "el_GR", "hu_HU", "ro_RO",
]


def names(locale):
    module = importlib.import_module(f"faker.providers.person.{locale}")
    provider = module.Provider
    found = set()
    for attribute in ("first_names", "first_names_male", "first_names_female"):
        values = getattr(provider, attribute, ())
        found.update(values.keys() if isinstance(values, dict) else values)
    return found


def main():
    sys.path.insert(0, sys.argv[1])
    everything = set()
    for locale in LOCALES:
        try:
            everything |= names(locale)
        except ModuleNotFoundError:
            print(f"no locale {locale}", file=sys.stderr)
    kept = sorted(n for n in everything if len(n) >= 2 and " " not in n and "-" not in n and n[0].isupper())
    sys.stdout.write("\n".join(kept) + "\n")
    print(f"{len(kept)} given names", file=sys.stderr)


if __name__ == "__main__":
    main()
