#!/usr/bin/env python3
"""Writes Tools/entities/classes-ru.txt: Russian word forms with a 16-bit code for the entity
tagger's cluster features (`lector train entities --clusters FILE`). The code joins two
sources:

1. Bits 0-5: the proper-name classes of the OpenCorpora dictionary (opencorpora.org,
   revision 417150; CC BY-SA 3.0) as compiled in the PyPI package pymorphy3-dicts-ru
   2.4.417150.4580142 (package MIT License), read with pymorphy3 2.0.6. Every form of every
   lexeme with one of the grammemes below gets the union of its lexemes' classes:

       Name 1 (given name), Surn 2 (surname), Patr 4 (patronymic), Geox 8 (place),
       Orgn 16 (organisation), Trad 32 (trade mark)

   so `Путина` gets 2 and `Москве` 8. No form of this revision carries Trad.
2. Bits 6-15: a two-level k-means clustering of the navec news embeddings
   (news_v1_1B_250K_300d_100q: 250,000 lowercase words of Russian news, 300 dimensions;
   MIT License), as shipped in the PyPI package natasha 1.6.0 and read with navec 0.10.0:
   16 clusters of the unit-length vectors (bits 6-9), then 64 inside each (bits 10-15),
   scikit-learn's KMeans with one start and seed 0.

Every form is written with a capital first letter, as names are written. The words of
navec join in order of their corpus count until the table holds LIMIT forms (520,000, so
the model's table stays at 2^20 slots). The tagger reads a code by its lowest 4, 6 and 10
bits and whole: the person and place classes, all classes, then with the coarse cluster,
then with the fine one; neighbours by their classes.

Tried and not kept (5-fold cross-validated F1 over ner/ru/dev.txt, with the silver
WikiNER): the classes alone 79.50; with navec codes on every navec word 80.27, also in
lowercase 80.26, cluster bits below the class bits 79.12; this file 79.98. Marking the
forms that are also common words (`Роза`, `Вера`), adding abbreviations (`ООН`) in
capitals, or writing each form with ё also with е did not help the classes alone (78.77,
79.31, 78.97).

    pip install pymorphy3==2.0.6 pymorphy3-dicts-ru==2.4.417150.4580142 navec==0.10.0 scikit-learn==1.9.1
    pip download --no-deps natasha==1.6.0 && unzip -j natasha-1.6.0-*.whl \\
        natasha/data/emb/navec_news_v1_1B_250K_300d_100q.tar
    python3 Tools/entities/make_ru_classes.py navec_news_v1_1B_250K_300d_100q.tar \\
        > Tools/entities/classes-ru.txt
"""

import collections
import os
import sys

# KMeans sums in parallel in float32, so its clusters depend on the number of threads: the
# committed file was built with two (with one, about a fifth of the fine clusters differ).
os.environ.setdefault("OMP_NUM_THREADS", "2")

import numpy
import pymorphy3
from navec import Navec
from sklearn.cluster import KMeans

CLASSES = {"Name": 1, "Surn": 2, "Patr": 4, "Geox": 8, "Orgn": 16, "Trad": 32}
COARSE, FINE = 16, 64
LIMIT = 520_000


def capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]


def dictionary_classes() -> dict:
    """Each capitalised form of a proper-name lexeme with its class bits."""
    analyzer = pymorphy3.MorphAnalyzer()
    codes = collections.defaultdict(int)
    for word, tag, _normal, _paradigm, _index in analyzer.dictionary.iter_known_words():
        code = 0
        for grammeme, bit in CLASSES.items():
            if grammeme in tag.grammemes:
                code |= bit
        if code:
            codes[capitalized(word)] |= code
    return codes


def vector_clusters(path: str) -> list:
    """(word, count, coarse, fine) for each word of the navec table."""
    navec = Navec.load(path)
    words, counts = navec.vocab.words, navec.vocab.counts
    keep = [index for index, word in enumerate(words) if word not in ("<unk>", "<pad>")]
    vectors = navec.pq.unpack()[keep].astype(numpy.float32)
    vectors /= numpy.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    coarse = KMeans(COARSE, n_init=1, random_state=0, max_iter=50).fit(vectors).labels_
    fine = numpy.zeros(len(keep), dtype=int)
    for cluster in range(COARSE):
        members = numpy.where(coarse == cluster)[0]
        fitted = KMeans(min(FINE, len(members)), n_init=1, random_state=0, max_iter=50).fit(vectors[members])
        fine[members] = fitted.labels_
    return [(words[index], counts[index], int(coarse[row]), int(fine[row])) for row, index in enumerate(keep)]


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: make_ru_classes.py NAVEC_TAR")
    codes = dictionary_classes()
    for word, _count, coarse, fine in sorted(vector_clusters(sys.argv[1]), key=lambda entry: (-entry[1], entry[0])):
        form = capitalized(word)
        if form not in codes and len(codes) >= LIMIT:
            continue
        codes[form] |= coarse << 6 | fine << 10
    out = sys.stdout
    out.write("# Russian word forms with OpenCorpora proper-name classes (bits 0-5: Name 1, Surn 2, Patr 4, "
              "Geox 8, Orgn 16, Trad 32; CC BY-SA 3.0) and navec news-vector clusters (bits 6-15; MIT), "
              "via Tools/entities/make_ru_classes.py\n")
    for word in sorted(codes):
        if codes[word]:
            out.write(f"{word}\t{codes[word]}\n")


if __name__ == "__main__":
    main()
