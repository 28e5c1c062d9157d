#!/usr/bin/env python3
"""Writes Tools/entities/organizations.txt: organisations the French, Italian, Dutch, Spanish,
Portuguese and German entity passes know by name, `LANG<TAB>NAME` per line (LANG `*` for
every language), sorted.

Sources:
  * the listed companies of the PyPI package pytickersymbols (MIT License) in the indices
    of ``INDICES`` (the large companies of Europe and the United States that European news
    names; the small-cap and other indices add names that are ordinary English words:
    `Match`, `Block`, `Integer`), as `*`: each name as listed and without its legal form
    (`ASML Holding` -> `ASML`, `Aegon N.V.` -> `Aegon`), a name with `'` also with `’`;
  * Tools/entities/organizations-intl.txt, written for Lector: international and European
    bodies under their names in each language (`fr<TAB>Organisation mondiale de la santé`);
  * Tools/entities/organizations-national.txt, written for Lector: the parties, national
    institutions, public companies, broadcasters, unions, universities and clubs of the
    countries whose news is in French, Italian or Dutch (`nl<TAB>Raad van State`).

Names of more than four tokens are dropped (the gazetteer's longest phrase), and names of
one or two letters or starting in lowercase (never looked up). How the rules use them
(Plugins/Entities/Rules/CapitalizedNames+Organizations.swift): a known name that is a whole
capitalised run is an organisation, with the exceptions that file lists (a known place, a
person's title, a given name, a surname already named, a French place word, an opening
word without an inner capital).

    pip download --no-deps pytickersymbols==1.17.10 -d /tmp/pts && unzip -oq /tmp/pts/pytickersymbols-*.whl -d /tmp/pts/pk
    python3 Tools/entities/make_organizations.py /tmp/pts/pk > Tools/entities/organizations.txt
"""
import os
import re
import sys

INDICES = {
    "AEX", "BEL 20", "CAC_40", "CAC Mid 60", "DAX", "MDAX", "TecDAX", "EURO STOXX 50", "FTSE 100", "IBEX 35",
    "Switzerland 20", "DOW JONES", "NASDAQ 100", "S&P 100",
}

# Legal forms and their like, removed from the end of a listed name (repeatedly).
LEGAL_FORMS = [
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "company", "plc", "ltd",
    "ltd.", "limited", "n.v.", "nv", "s.a.", "sa", "se", "ag", "kgaa", "& co. kgaa", "s.p.a.", "spa", "asa",
    "ab", "oyj", "a/s", "holding", "holdings", "group", "groupe", "gruppe", "sa/nv", "n.v", "lp", "l.p.",
    "trust", "the", "and", "&", "und", "et",
]


def clean(name):
    """The listed name without trailing commas, legal forms and parentheses."""
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    while True:
        stripped = name.rstrip(" ,")
        lower = stripped.lower()
        for form in sorted(LEGAL_FORMS, key=len, reverse=True):
            if lower.endswith(" " + form):
                stripped = stripped[: -len(form) - 1].rstrip(" ,")
                break
        else:
            return stripped
        name = stripped


def tokens(name):
    """A rough count of Lector's tokens as the rules look names up: words (joined by a
    hyphen or a full stop, as Lector keeps them), an elided article apart from its word
    (`l'énergie`: 2), and each other mark apart."""
    name = re.sub(r"\b(?:[LlDd]|dell|all|dall|nell|sull|qu)['’]", r"\g<0> ", name)
    return len(re.findall(r"\w+(?:['’.\-]\w+)*['’]?|[^\w\s]", name))


def companies(package_folder):
    sys.path.insert(0, package_folder)
    from pytickersymbols import PyTickerSymbols  # noqa: E402

    symbols = PyTickerSymbols()
    names = set()
    for index in sorted(INDICES & set(symbols.get_all_indices())):
        for stock in symbols.get_stocks_by_index(index):
            listed = stock["name"].strip()
            for name in {listed.rstrip(" ,"), clean(listed)}:
                names.add(name)
                if "'" in name:
                    names.add(name.replace("'", "’"))
    return names


def usable(name):
    """Whether the rules can look the name up: three letters or more, at most four tokens (the
    gazetteer's longest phrase), not starting in lowercase."""
    return len(name) >= 3 and not name[0].islower() and 1 <= tokens(name) <= 4


def main():
    if len(sys.argv) != 2 or not os.path.isdir(os.path.join(sys.argv[1], "pytickersymbols")):
        sys.exit("usage: make_organizations.py UNPACKED_PYTICKERSYMBOLS_WHEEL")
    rows = set()
    for name in companies(sys.argv[1]):
        rows.add(("*", name))
    here = os.path.dirname(os.path.abspath(__file__))
    for written in ("organizations-intl.txt", "organizations-national.txt"):
        with open(os.path.join(here, written), encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 2 or not parts[1].strip():
                    sys.exit(f"{written}:{number}: expected LANG<TAB>NAME")
                name = parts[1].strip()
                if not usable(name):
                    sys.exit(f"{written}:{number}: {name!r} is never looked up (two letters or fewer, "
                             "more than four tokens, or a lowercase start)")
                rows.add((parts[0], name))
    kept = sorted((lang, name) for lang, name in rows if usable(name))
    print("# Organisations known by name (CapitalizedNames+Organizations.swift), for fr, it, nl, es, pt and de: "
          "LANG<TAB>NAME, * for all.")
    print("# Written by Tools/entities/make_organizations.py (sources in NOTICE); do not edit.")
    for lang, name in kept:
        print(f"{lang}\t{name}")


if __name__ == "__main__":
    main()
