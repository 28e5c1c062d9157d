#!/usr/bin/env python3
"""Builds Models/language/words.bin, the word layer of the language processor.

Source: the word-frequency lists of the PyPI package wordfreq 3.1.1 (data CC BY-SA 4.0, by
Robyn Speer and contributors; see NOTICE). Only the lists are read, through the package's
`get_frequency_dict`; no code of that package is used or copied. Each model language takes
wordfreq's "large" list where there is one, else its "small" list, and keeps the words at
least CUTOFF frequent:

- its own list, for the 41 languages wordfreq has;
- Tagalog (tl) the Filipino list (fil);
- Bosnian and Croatian (bs, hr) the Serbo-Croatian list (sh), and Serbian (sr, written in
  Cyrillic in the model) that list transliterated to Cyrillic;
- none for the languages with a script of their own (OWN_SCRIPT), which the script settles;
- PROXIES below: a language wordfreq lacks takes the list of the close language it is most
  confused with (nn that of nb, af of nl, mr of hi). The two then get the same word
  evidence, so the layer does not tip the pair; the character model alone tells them apart.

    python3 -m venv /tmp/langvenv && /tmp/langvenv/bin/pip install wordfreq==3.1.1
    /tmp/langvenv/bin/python Tools/language/build_words.py

A word is kept when all its characters are letters (Unicode categories L*), lowercased
letter by letter as the detector does. Its score for a language is ln(frequency / CUTOFF),
quantized to 1/20 nat. The file has the layout of ngrams.bin (see build_model.py; same
hashes, slots and entries, and floors all zero): the key is the whole word's hash.
"""

import argparse
import io
import math
import struct
import sys

import wordfreq

from build_model import fnv, pack

CUTOFF = 3e-7
STEP = 1.0 / 20.0
CODES = (
    "af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gu he hi hr hu hy id is it ja ka kk ko la "
    "lg lt lv mi mk mn mr ms nb nl nn pa pl pt ro ru sk sl sn so sq sr st sv sw ta te th tl tn tr ts uk ur vi xh "
    "yo zh zu"
).split()
SOURCES = {"tl": "fil", "bs": "sh", "hr": "sh"}
PROXIES = {"nn": "nb", "af": "nl", "mr": "hi"}
# Languages with a script of their own are told by the script alone (no list needed).
OWN_SCRIPT = set("bn el gu he hy ja ka ko pa ta te th zh".split())
LATIN_TO_CYRILLIC = {
    "lj": "љ", "nj": "њ", "dž": "џ", "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "đ": "ђ", "e": "е",
    "ž": "ж", "z": "з", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п",
    "r": "р", "s": "с", "t": "т", "ć": "ћ", "u": "у", "f": "ф", "h": "х", "c": "ц", "č": "ч", "š": "ш",
}


def to_cyrillic(word: str):
    """Serbian Latin to Cyrillic, digraphs first; None when a letter has no mapping."""
    out = []
    index = 0
    while index < len(word):
        pair = word[index : index + 2]
        if pair in LATIN_TO_CYRILLIC:
            out.append(LATIN_TO_CYRILLIC[pair])
            index += 2
        elif word[index] in LATIN_TO_CYRILLIC:
            out.append(LATIN_TO_CYRILLIC[word[index]])
            index += 1
        else:
            return None
    return "".join(out)


def lowered(word: str) -> str:
    """Lowercases letter by letter, keeping the first scalar of a longer mapping (as Swift does)."""
    return "".join(char.lower()[0] for char in word)


def frequencies(source: str) -> dict[str, float]:
    """A wordfreq list by exact code (wordfreq itself would fall back to a related language)."""
    size = "large" if source in wordfreq.available_languages("large") else "small"
    if source not in wordfreq.available_languages(size):
        return {}
    return wordfreq.get_frequency_dict(source, size)


def scores(source: str, cyrillic: bool = False) -> dict[str, int]:
    table: dict[str, int] = {}
    for word, frequency in frequencies(source).items():
        if frequency < CUTOFF or not word.isalpha():
            continue
        word = lowered(word)
        if cyrillic:
            word = to_cyrillic(word)
            if word is None:
                continue
        quantum = min(255, max(1, round(math.log(frequency / CUTOFF) / STEP)))
        table[word] = max(table.get(word, 0), quantum)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="Models/language/words.bin")
    args = parser.parse_args()

    tables: dict[str, dict[str, int]] = {}
    for code in CODES:
        tables[code] = {} if code in OWN_SCRIPT else scores(SOURCES.get(code, code))
    tables["sr"] = scores("sh", cyrillic=True)
    for code, proxy in PROXIES.items():
        tables[code] = tables[proxy]

    postings: dict[int, list[tuple[int, int]]] = {}
    for index, code in enumerate(CODES):
        for word, quantum in tables[code].items():
            postings.setdefault(fnv(word), []).append((index, quantum))
        print(f"{code}: {len(tables[code])} words", file=sys.stderr)

    data = pack(CODES, [[0.0] * 5 for _ in CODES], postings, step=STEP)
    with open(args.out, "wb") as whole:
        whole.write(data)
    print(f"{len(postings)} words, {len(data)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
