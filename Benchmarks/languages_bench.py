#!/usr/bin/env python3
"""The default chain's speed per language, beside English, and on a mixed folder.

Usage: languages_bench.py [--lector PATH] [--data DIR] [--seconds 2] [--rounds 3]

From DATA/langid/sentences/<code>.txt (Leipzig Wortschatz sentences, one file per
language; see that folder's README) it writes, in a temporary folder, 30 articles of 10
sentences per language for en, de, fr, es, it, pt, nl and ru, plus one folder mixing them
all, and runs `lector bench` on each (the default chain: metadata, language, entities,
summary, sentiment, with every entity model loaded). It prints articles/s on one core per
language and its ratio to English, and the mixed folder's model load time and peak
resident memory, then one JSON line. Nothing is copied into the repository.

The languages run in rounds, English first in each, and each figure is the median over the
rounds; a language's ratio is the median of its ratios to the same round's English. On a
shared machine the speed drifts within a minute, and one pass in a fixed order read the
last languages up to 25 % low.
"""
import argparse
import json
import os
import shutil
import subprocess
import statistics
import sys
import tempfile

LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "ru"]


def write_articles(sentences_dir, language, folder, per_article=10, count=30):
    with open(os.path.join(sentences_dir, f"{language}.txt"), encoding="utf-8") as handle:
        sentences = [line.strip() for line in handle if line.strip()]
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{language}.jsonl"), "w", encoding="utf-8") as out:
        for index in range(count):
            chunk = sentences[index * per_article:(index + 1) * per_article]
            if not chunk:
                break
            out.write(json.dumps({"title": chunk[0][:80], "article": " ".join(chunk[1:])}) + "\n")


def bench(lector, folder, seconds):
    output = subprocess.run([lector, "bench", folder, "--seconds", str(seconds)], capture_output=True, text=True,
                            check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lector", default=".build/release/lector")
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--seconds", type=float, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sentences = os.path.join(args.data, "langid", "sentences")
    root = tempfile.mkdtemp(prefix="lector-languages-")
    rates = {language: [] for language in LANGUAGES}
    ratios = {language: [] for language in LANGUAGES}
    try:
        for language in LANGUAGES:
            write_articles(sentences, language, os.path.join(root, language))
            write_articles(sentences, language, os.path.join(root, "mixed"))
        for _ in range(max(args.rounds, 1)):
            for language in LANGUAGES:
                rates[language].append(bench(args.lector, os.path.join(root, language), args.seconds)[
                    "articles_per_second_1"])
                english = rates["en"][-1]
                ratios[language].append(rates[language][-1] / english if english else 0)
        mixed = bench(args.lector, os.path.join(root, "mixed"), args.seconds)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{'language':>8} {'articles/s (1 core)':>20} {'vs English':>11}   (median of {max(args.rounds, 1)} rounds; "
          "ratios per round)")
    summary = {}
    for language in LANGUAGES:
        rate = statistics.median(rates[language])
        ratio = statistics.median(ratios[language])
        summary[language] = {"articles_per_second_1": rate, "vs_english": round(ratio, 2),
                             "vs_english_rounds": [round(r, 2) for r in ratios[language]]}
        print(f"{language:>8} {rate:>20.0f} {ratio:>11.2f}   {' '.join(f'{r:.2f}' for r in ratios[language])}")
    print(f"mixed folder: {mixed['articles_per_second_1']:.0f} articles/s on one core, "
          f"{mixed['articles_per_second_2']:.0f} on two; model load {mixed['load_ms']:.0f} ms; "
          f"peak resident memory {mixed['peak_rss_mb']} MB")
    summary["mixed"] = {key: mixed[key] for key in ("articles_per_second_1", "articles_per_second_2", "load_ms",
                                                      "peak_rss_mb")}
    print(json.dumps(summary))


if __name__ == "__main__":
    sys.exit(main())
