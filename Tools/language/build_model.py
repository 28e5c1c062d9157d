#!/usr/bin/env python3
"""Builds Models/language/ngrams.bin, the language processor's n-gram model.

Source: the character 1- to 5-gram frequency tables of the PyPI package
lingua-language-detector 1.4.2 (Apache-2.0), files
`lingua/language-models/<code>/<order>grams.json.br` (brotli-compressed JSON of the form
{"language": "GERMAN", "ngrams": {"count/total": "ngram ngram ...", ...}}). Only those
figures are read; no code of that package is used or copied.

    pip download --no-deps lingua-language-detector==1.4.2 -d /tmp/lingua
    pip install brotli
    python3 Tools/language/build_model.py /tmp/lingua/lingua_language_detector-1.4.2-py3-none-any.whl --keep 60000 --part-size 28000000

The tables' fractions are conditional probabilities: an n-gram's count over the count of
its (n-1)-letter prefix. For each language and order, the `--keep` most frequent n-grams
(largest counts) are kept (all of orders 1 and 2). A kept n-gram scores ln(p) for that
language; the floor for an order is ln(smallest kept p) - FLOOR_MARGIN (scores are stored
relative to it; a detector backs off to shorter prefixes for n-grams a language lacks). The file stores
each kept n-gram's score above the floor, quantized to 1/10 nat, so that a detector adds
count * floor once per order and then only the differences of the languages that have it.

File format (all integers little-endian):

    magic     4 bytes  "LLID"
    version   u32      1
    languages u32      L
    slots     u32      S
    entries   u32      E
    step      f32      nats per quantum of an entry's score (1/10)
    L times:  code 8 bytes (ASCII, NUL-padded), floors 5 x f32 (orders 1..5)
    S times:  key u32 (0 = empty slot), packed u32 (first entry << 8 | entry count)
    E times:  u16 (language index << 8 | quantized score above the floor)

An n-gram's hash is 64-bit FNV-1a over its Unicode scalar values (h ^= scalar; h *= prime),
lowercased text, no padding, followed by the splitmix64 finalizer (h ^= h >> 30;
h *= 0xBF58476D1CE4E5B9; h ^= h >> 27; h *= 0x94D049BB133111EB; h ^= h >> 31). Its slot is found by linear probing (wrapping) from ((h & 0xFFFFFFFF) * S) >> 32; its key
is (h >> 32) | 1.
"""

import argparse
import io
import json
import math
import struct
import sys
import zipfile

import brotli

ORDERS = ["unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"]
STEP = 1.0 / 10.0
FLOOR_MARGIN = 1.0
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = (1 << 64) - 1


def fnv(ngram: str) -> int:
    """FNV-1a over the scalars, then the splitmix64 finalizer (FNV's low bits alone cluster)."""
    value = FNV_OFFSET
    for char in ngram:
        value ^= ord(char)
        value = (value * FNV_PRIME) & MASK64
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & MASK64
    return value ^ (value >> 31)


def read_table(archive: zipfile.ZipFile, code: str, order: str):
    name = f"lingua/language-models/{code}/{order}.json.br"
    try:
        raw = archive.read(name)
    except KeyError:
        return []
    data = json.loads(brotli.decompress(raw))
    items = []
    for fraction, grams in data["ngrams"].items():
        count, total = fraction.split("/")
        probability = int(count) / int(total)
        for gram in grams.split(" "):
            items.append((int(count), probability, gram))
    # The fractions are conditional (count of the n-gram over the count of its prefix), so
    # the most frequent n-grams are those with the largest numerators, not probabilities.
    items.sort(key=lambda item: (-item[0], -item[1], item[2]))
    return [(probability, gram) for _, probability, gram in items]


def pack(
    codes: list[str], floors: list[list[float]], postings: dict[int, list[tuple[int, int]]], step: float = STEP
) -> bytes:
    """The LLID file (format above) for languages, their five floors, the postings (for
    each n-gram's FNV hash, its (language index, quantized score) pairs) and the nats per
    quantum."""
    slots = math.ceil(len(postings) / 0.75)
    table = [(0, 0)] * slots
    entries = io.BytesIO()
    entry_count = 0
    for hashed in sorted(postings):
        items = sorted(postings[hashed])
        key = ((hashed >> 32) | 1) & 0xFFFFFFFF
        slot = ((hashed & 0xFFFFFFFF) * slots) >> 32
        while table[slot][0] != 0:
            slot = slot + 1 if slot + 1 < slots else 0
        table[slot] = (key, entry_count << 8 | len(items))
        for language, quantum in items:
            entries.write(struct.pack("<H", language << 8 | quantum))
        entry_count += len(items)
    out = io.BytesIO()
    out.write(b"LLID")
    out.write(struct.pack("<IIIIf", 1, len(codes), slots, entry_count, step))
    for code, language_floors in zip(codes, floors):
        out.write(code.encode("ascii").ljust(8, b"\0"))
        out.write(struct.pack("<5f", *language_floors))
    for key, packed in table:
        out.write(struct.pack("<II", key, packed))
    out.write(entries.getvalue())
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wheel", help="lingua_language_detector-1.4.2-py3-none-any.whl")
    parser.add_argument("--out", default="Models/language/ngrams.bin")
    parser.add_argument("--keep", type=int, default=60000, help="n-grams kept per language for orders 3-5")
    parser.add_argument(
        "--part-size",
        type=int,
        default=0,
        help="when > 0, write OUT.0, OUT.1, ... of at most this many bytes instead of OUT",
    )
    args = parser.parse_args()

    archive = zipfile.ZipFile(args.wheel)
    codes = sorted(
        {name.split("/")[2] for name in archive.namelist() if name.startswith("lingua/language-models/")}
        - {""}
    )
    postings: dict[int, list[tuple[int, float]]] = {}
    floors: list[list[float]] = []
    for index, code in enumerate(codes):
        language_floors = []
        for order_index, order in enumerate(ORDERS):
            items = read_table(archive, code, order)
            if order_index >= 2:
                items = items[: args.keep]
            if not items:
                language_floors.append(math.log(1e-9))
                continue
            floor = math.log(min(probability for probability, _ in items)) - FLOOR_MARGIN
            language_floors.append(floor)
            for probability, gram in items:
                quantum = min(255, max(1, round((math.log(probability) - floor) / STEP)))
                postings.setdefault(fnv(gram), []).append((index, quantum))
        floors.append(language_floors)
        print(f"{code}: {len(postings)} distinct n-grams so far", file=sys.stderr)

    data = pack(codes, floors, postings)
    if args.part_size > 0:
        for index, start in enumerate(range(0, len(data), args.part_size)):
            with open(f"{args.out}.{index}", "wb") as part:
                part.write(data[start : start + args.part_size])
    else:
        with open(args.out, "wb") as whole:
            whole.write(data)
    print(f"{len(codes)} languages, {len(postings)} n-grams, {len(data)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
