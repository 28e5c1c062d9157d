#!/usr/bin/env python3
"""Writes a word-cluster table for the entity tagger's cluster features (`lector train
entities --clusters FILE`): `WORD<TAB>PATH`, the most frequent words first.

The clusters are the Brown clusters spaCy shipped with its version 2 models, as kept in the
PyPI wheel spacy-lookups-data 1.0.5 (MIT, ExplosionAI GmbH): `LANG_lexeme_cluster.json.gz`
(word -> cluster) and `LANG_lexeme_prob.json.gz` (word -> log probability, for the order
and the cut). A cluster is a path in the Brown merge tree, stored as an integer whose lowest
bit is the decision nearest the root, so a shorter path prefix is `PATH & (2^k - 1)`; the
tagger reads prefixes of 4, 6 and 10 bits and the whole path (at most 16 bits). Words of cluster 0 (none) are
left out.

    pip download --no-deps spacy-lookups-data==1.0.5 && unzip spacy_lookups_data-1.0.5-*.whl -d lookups
    python3 Tools/entities/make_clusters.py lookups/spacy_lookups_data/data de 400000 \
        > Tools/entities/clusters-de.txt   # and es 400000 > Tools/entities/clusters-es.txt
"""

import gzip
import json
import os
import sys


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: make_clusters.py DATA_FOLDER LANGUAGE COUNT")
    folder, language, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with gzip.open(os.path.join(folder, f"{language}_lexeme_cluster.json.gz")) as handle:
        clusters = json.load(handle)
    with gzip.open(os.path.join(folder, f"{language}_lexeme_prob.json.gz")) as handle:
        probabilities = json.load(handle)
    # A word starting with `#` (hashtags, `#` itself) would read as a comment line.
    words = [w for w, c in clusters.items() if c and w.strip() and "\t" not in w and "\n" not in w
             and not w.startswith("#")]
    words.sort(key=lambda w: (-probabilities.get(w, -100.0), w))
    out = sys.stdout
    out.write(f"# Brown clusters of the {count} most frequent {language} words with one; "
              "spacy-lookups-data 1.0.5 (MIT), via Tools/entities/make_clusters.py\n")
    for word in words[:count]:
        if not 0 < clusters[word] < 1 << 16:
            sys.exit(f"{word}: path {clusters[word]} has more than 16 decisions")
        out.write(f"{word}\t{clusters[word]}\n")


if __name__ == "__main__":
    main()
