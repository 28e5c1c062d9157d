#!/usr/bin/env python3
"""Reference figures: lingua-language-detector 1.4.2 on a folder laid out like
../shared/data/langid, scored as `lector eval language` scores Lector (mean of per-language
accuracy per kind; a sample lingua leaves undecided counts as wrong).

    python3 -m venv /tmp/langvenv
    /tmp/langvenv/bin/pip install lingua-language-detector==1.4.2
    /tmp/langvenv/bin/python Tools/language/lingua_reference.py ../shared/data/langid

High-accuracy mode over all 75 languages, models preloaded (about 4 GB resident and tens
of minutes of CPU on this data). lingua is only run here; nothing of it is shipped.
"""

import os
import sys

from lingua import LanguageDetectorBuilder

KINDS = ["sentences", "word-pairs", "single-words"]


def samples(folder: str, kind: str):
    for name in sorted(os.listdir(os.path.join(folder, kind))):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, kind, name), encoding="utf-8") as handle:
            for line in handle.read().split("\n"):
                line = line.rstrip("\r ")
                if line:
                    yield name[:-4], line


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/langid"
    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
    for kind in KINDS:
        right: dict[str, int] = {}
        total: dict[str, int] = {}
        for code, text in samples(folder, kind):
            found = detector.detect_language_of(text)
            total[code] = total.get(code, 0) + 1
            if found is not None and found.iso_code_639_1.name.lower() == code:
                right[code] = right.get(code, 0) + 1
        accuracy = {code: right.get(code, 0) / total[code] for code in total}
        mean = 100 * sum(accuracy.values()) / len(accuracy)
        print(f"{kind}: {mean:.2f}% (mean of {len(accuracy)} languages)", flush=True)
        print("  " + " ".join(f"{code} {100 * accuracy[code]:.1f}" for code in sorted(accuracy)), flush=True)


if __name__ == "__main__":
    main()
