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
Spanish clusters alone 77.23 (10 epochs, 2^20). A name with no Spanish cluster has no path
bits, as a Brown path of left turns only would: the whole code still tells them apart.

    python3 Tools/entities/join_classes.py Tools/entities/name-classes.txt \
        Tools/entities/clusters-es.txt > FILE
"""

import sys

CLASS_BITS = 2
PATH_MASK = (1 << (16 - CLASS_BITS)) - 1


def read(path, limit):
    """The table's words and codes (each 1 to `limit` - 1), in file order; stops at a bad
    line or a repeated word with its file and line number."""
    table = {}
    with open(path, encoding="utf-8", newline="\n") as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 2 or not fields[1].isdigit() or not 0 < int(fields[1]) < limit:
                sys.exit(f"{path}:{number}: expected WORD<TAB>CODE with 0 < CODE < {limit}")
            if fields[0] in table:
                sys.exit(f"{path}:{number}: {fields[0]!r} is listed twice")
            table[fields[0]] = int(fields[1])
    return table


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: join_classes.py NAME_CLASSES CLUSTERS")
    names, clusters = read(sys.argv[1], 1 << CLASS_BITS), read(sys.argv[2], 1 << 16)
    out = sys.stdout
    out.write(f"# Name classes of {sys.argv[1]} (bits 0-1) joined with the Brown clusters of {sys.argv[2]} "
              "(bits 2-15), via Tools/entities/join_classes.py\n")
    for word in list(names) + [w for w in clusters if w not in names]:
        code = names.get(word, 0) | (clusters.get(word, 0) & PATH_MASK) << CLASS_BITS
        if code:
            out.write(f"{word}\t{code}\n")


if __name__ == "__main__":
    main()
