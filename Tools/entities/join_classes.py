#!/usr/bin/env python3
"""Writes one cluster table (`lector train entities --clusters FILE`) from a table of name
classes and a table of Brown clusters: `WORD<TAB>CODE`, CODE the word's name classes in the
low two bits (Tools/entities/name-classes.txt: 1 given name, 2 surname) and its Brown path,
cut to 14 decisions, above them. The tagger reads prefixes of 4, 6 and 10 bits and the whole
code, so a name's class counts in every one of them. Words of the name table come first,
then the cluster table's words in its order (most frequent first).

The Portuguese model reads the name classes joined with the Spanish Brown clusters of
Tools/entities/clusters-es.txt: the two languages share most names of people, places and
organisations, and many spellings. 5-fold cross-validated F1 on ner/pt/dev.txt (14 epochs,
2^19 buckets): 75.78 with the name classes alone (10 epochs, 2^20), 77.62 joined; the
Spanish clusters alone 77.23 (10 epochs, 2^20).

    python3 Tools/entities/join_classes.py Tools/entities/name-classes.txt \
        Tools/entities/clusters-es.txt > FILE
"""

import sys

CLASS_BITS = 2
PATH_MASK = (1 << (16 - CLASS_BITS)) - 1


def read(path):
    """The table's words and codes, in file order."""
    table = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            word, code = line.rstrip("\n").split("\t")
            table[word] = int(code)
    return table


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: join_classes.py NAME_CLASSES CLUSTERS")
    names, clusters = read(sys.argv[1]), read(sys.argv[2])
    if any(code >> CLASS_BITS for code in names.values()):
        sys.exit(f"{sys.argv[1]}: a name class needs more than {CLASS_BITS} bits")
    out = sys.stdout
    out.write(f"# Name classes of {sys.argv[1]} (bits 0-1) joined with the Brown clusters of {sys.argv[2]} "
              "(bits 2-15), via Tools/entities/join_classes.py\n")
    for word in list(names) + [w for w in clusters if w not in names]:
        code = names.get(word, 0) | (clusters.get(word, 0) & PATH_MASK) << CLASS_BITS
        if code:
            out.write(f"{word}\t{code}\n")


if __name__ == "__main__":
    main()
