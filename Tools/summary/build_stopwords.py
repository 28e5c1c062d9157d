#!/usr/bin/env python3
"""Builds Models/summary/stopwords.tsv for the `summary` processor.

Sources (both permissively licensed, fetched with pip, never vendored):
  - PyPI `stopwordsiso` 0.7.1 (MIT): stopwords-iso.json, ISO 639-1 keyed lists.
  - PyPI `stop-words` 2025.11.4 (BSD-3-Clause): per-language text files; used for
    Norwegian (nb, nn), which stopwords-iso lacks.

Usage:
  pip download --no-deps stopwordsiso==0.7.1 stop-words==2025.11.4 -d /tmp/sw
  python3 Tools/summary/build_stopwords.py /tmp/sw > Models/summary/stopwords.tsv

Output: one line per language, `CODE<TAB>word word word…`, words lowercased, single
tokens only (entries with spaces are dropped), sorted, for the 75 languages the
language processor knows when a list exists.
"""
import json
import sys
import zipfile
from pathlib import Path

LANGUAGES = (
    "af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gu he hi hr hu hy id is it ja "
    "ka kk ko la lg lt lv mi mk mn mr ms nb nl nn pa pl pt ro ru sk sl sn so sq sr st sv sw ta te th "
    "tl tn tr ts uk ur vi xh yo zh zu"
).split()
STOP_WORDS_FILES = {"nb": "norwegian.txt", "nn": "norwegian.txt"}


def wheel(folder: Path, prefix: str) -> zipfile.ZipFile:
    matches = sorted(folder.glob(prefix + "-*.whl"))
    if not matches:
        sys.exit(f"no {prefix} wheel in {folder}")
    return zipfile.ZipFile(matches[-1])


def main() -> None:
    folder = Path(sys.argv[1])
    iso = json.loads(wheel(folder, "stopwordsiso").read("stopwordsiso/stopwords-iso.json"))
    extra = wheel(folder, "stop_words")
    lists = {}
    for code in LANGUAGES:
        words = list(iso.get(code, []))
        if not words and code in STOP_WORDS_FILES:
            text = extra.read("stop_words/stop-words/" + STOP_WORDS_FILES[code]).decode("utf-8")
            words = text.split("\n")
        cleaned = sorted({w.strip().lower() for w in words if w.strip() and " " not in w.strip()})
        if cleaned:
            lists[code] = cleaned
    for code in sorted(lists):
        print(code + "\t" + " ".join(lists[code]))
    print(f"{len(lists)} languages", file=sys.stderr)


if __name__ == "__main__":
    main()
