#!/usr/bin/env python3
"""Extracts the Bing Liu opinion lexicon from Debian's r-cran-tidytext package.

The lexicon (Hu and Liu, "Mining and summarizing customer reviews", KDD 2004: 6,786 English
words marked positive or negative) ships as the `sentiments` data set of the R package
tidytext, which Debian packages as r-cran-tidytext (main; debian/copyright: MIT). It is
stored in R's lazy-load format (`data/Rdata.rdx` index, `data/Rdata.rdb` zlib-compressed
serialized objects); this reads it with the PyPI package `rdata` (MIT) and writes
`WORD<TAB>positive|negative` lines, for Tools/sentiment/build_lexicon.py --bing.

    apt-get download r-cran-tidytext && dpkg -x r-cran-tidytext_*.deb tidytext
    pip install rdata
    python3 Tools/sentiment/extract_bing.py tidytext/usr/lib/R/site-library/tidytext/data bing.tsv
"""

import gzip
import os
import sys
import warnings
import zlib

import rdata


def unpack(blob: bytes) -> bytes:
    """One lazy-load record: a 4-byte length, then a zlib stream."""
    if blob[:2] == b"\x1f\x8b":
        return gzip.decompress(blob)
    return zlib.decompress(blob[4:])


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: extract_bing.py TIDYTEXT_DATA_DIR OUTPUT.tsv")
    folder, output = sys.argv[1], sys.argv[2]
    warnings.filterwarnings("ignore", module="rdata")
    with open(os.path.join(folder, "Rdata.rdx"), "rb") as handle:
        index = rdata.conversion.convert(rdata.parser.parse_data(unpack(handle.read())))
    offset, length = (int(value) for value in index["variables"]["sentiments"])
    with open(os.path.join(folder, "Rdata.rdb"), "rb") as handle:
        handle.seek(offset)
        frame = rdata.conversion.convert(rdata.parser.parse_data(unpack(handle.read(length))))
    rows = sorted(zip(frame["word"], frame["sentiment"]))
    if len(rows) < 6000 or {label for _, label in rows} != {"positive", "negative"}:
        sys.exit(f"{folder}: unexpected sentiments table ({len(rows)} rows)")
    with open(output, "w", encoding="utf-8") as handle:
        handle.write("# Bing Liu opinion lexicon (Hu and Liu 2004), from Debian r-cran-tidytext (MIT)\n")
        for word, label in rows:
            handle.write(f"{word}\t{label}\n")
    print(f"wrote {output}: {len(rows)} words")


if __name__ == "__main__":
    main()
