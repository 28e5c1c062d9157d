#!/usr/bin/env python3
"""Trains the sentiment processor's target layer: Models/sentiment/targets.tsv.

The target layer gives the tone of a sentence toward someone it names: per-entity tone of
PERSON entities, and `sentiment.targets` for spans a caller names (English documents). It is a
three-class logistic regression (negative, neutral, positive) over the features
`lector eval sentiment --dump-target-features FILE` writes (`TargetFeatures` in
Plugins/Sentiment: which tokens stand where around the target, by side and distance, the
pairs of neighbouring tokens read outward from it, and the lexicon's valences and tones by
side and distance), so training sees exactly what the processor computes.

Data: NewsMTSC (Hamborg & Donnay, EACL 2021; MIT), sentences from US political news with
the tone toward one person in each, ../shared/data/sentiment/newsmtsc.dev.jsonl. Records
whose sentence hashes into the held-out fifth (`holdout: true`: first byte of SHA-256 of the
text divisible by 5, so a sentence rated toward several people is all on one side) are left
out, so `lector eval sentiment FILE --part holdout` measures on sentences the layer never saw.

The learned layer's scores are features here, and that layer is trained on NewsMTSC too, so
a training sentence's score would know its label. The layer is therefore cross-fitted:
`train.py --fold-layers DIR` writes five learned layers, layer K trained without the
sentences of fold K (`metrics.sentence_fold`); each dumps the target features of every
record (`LECTOR_MODELS=DIR/K lector eval sentiment … --dump-target-features DIR/K/targets.jsonl`),
and `--cross-fitted DIR` reads each record from the dump of its own fold's layer, which never
saw it. The processor scores unseen sentences with the whole layer, as the fold layers
scored these.

Choices, each by 5-fold cross-validated macro-F1 inside the training part, folds grouped by
sentence: L2 strength C (`--search` reruns the grid), balanced class weights, and features
seen in at least MIN_COUNT training records. `--all-dev` prints the cross-validated macro-F1
over all DEV records (the held-out fifth included; nothing is written).

The target's own words are never features: the layer learns how sentences speak of someone,
not whom the raters' outlets liked.

    swift build -c release --product lector
    .build/release/lector eval sentiment ../shared/data/sentiment/newsmtsc.dev.jsonl \\
        --dump-target-features /tmp/targets.jsonl
    pip install scikit-learn   # 1.9.1
    python3 Tools/sentiment/train_targets.py /tmp/targets.jsonl [--search | --all-dev]
    python3 Tools/sentiment/train_targets.py --cross-fitted DIR [--search | --all-dev]

File format (UTF-8, `#` comments): `bias<TAB>-<TAB>N<TAB>U<TAB>P`, then
`x<TAB>REGION:KEY<TAB>N<TAB>U<TAB>P`, one weight per class (negative, neutral, positive).
"""

import collections
import json
import os
import sys

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, cross_val_predict

from metrics import sentence_fold

CLASSES = ["negative", "neutral", "positive"]
STRENGTH = 0.05  # C, what `--search` picks
MIN_COUNT = 2
GRID = [0.03, 0.05, 0.1, 0.2, 0.3]


def load(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def cross_fitted(folder):
    """Each record of the five fold dumps (the same records in the same order) from the dump
    of the layer that did not train on its sentence."""
    dumps = [load(os.path.join(folder, str(fold), "targets.jsonl")) for fold in range(5)]
    if len({len(dump) for dump in dumps}) != 1:
        sys.exit(f"{folder}: the five dumps differ in length")
    for index, record in enumerate(dumps[0]):
        if any((dump[index]["id"], dump[index]["text"]) != (record["id"], record["text"]) for dump in dumps[1:]):
            sys.exit(f"{folder}: the five dumps differ at record {index}")
    return [dumps[sentence_fold(record["text"])][index] for index, record in enumerate(dumps[0])]


def prune(records, min_count):
    counts = collections.Counter(name for record in records for name in record["features"])
    kept = {name for name, count in counts.items() if count >= min_count}
    return [{k: v for k, v in record["features"].items() if k in kept} for record in records]


def model(strength):
    return LogisticRegression(C=strength, max_iter=5000, class_weight="balanced")


def cross_validated(records, strength, min_count=MIN_COUNT):
    """Macro-F1 of 5-fold cross-validation grouped by sentence (pruning inside each fold's
    training part would change little: a feature seen twice overall is almost always seen
    in the training part)."""
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(prune(records, min_count))
    y = [record["label"] for record in records]
    groups = [record["text"] for record in records]
    predicted = cross_val_predict(model(strength), x, y, cv=GroupKFold(5), groups=groups)
    return f1_score(y, predicted, average="macro"), np.mean(np.array(predicted) == np.array(y))


def write(records, strength, path):
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(prune(records, MIN_COUNT))
    y = [record["label"] for record in records]
    fitted = model(strength).fit(x, y)
    order = [list(fitted.classes_).index(label) for label in CLASSES]
    coef = fitted.coef_[order]
    bias = fitted.intercept_[order]
    lines = [
        "# The sentiment processor's target layer (Tools/sentiment/train_targets.py): a",
        "# three-class logistic regression over TargetFeatures, trained on NewsMTSC (MIT); its",
        "# features include weights.tsv's scores, so it shares that file's terms (NOTICE).",
        f"# {len(records)} training records, C {strength}, features seen in >= {MIN_COUNT} records.",
        "# KIND\tNAME\tNEGATIVE\tNEUTRAL\tPOSITIVE",
        "bias\t-\t" + "\t".join(f"{value:.5g}" for value in bias),
    ]
    names = vectorizer.get_feature_names_out()
    for column in np.argsort(names):
        weights = coef[:, column]
        if np.max(np.abs(weights)) < 1e-4:
            continue
        lines.append(f"x\t{names[column]}\t" + "\t".join(f"{value:.4g}" for value in weights))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(lines) - 5} features", file=sys.stderr)


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(arguments) != 1:
        sys.exit(__doc__)
    loaded = cross_fitted(arguments[0]) if "--cross-fitted" in sys.argv else load(arguments[0])
    # NewsMTSC only (MIT): a dump of a whole folder also holds other sets' target records.
    records = [r for r in loaded if r["label"] in CLASSES and r["set"] == "newsmtsc"]
    training = [r for r in records if not r["holdout"]]
    if "--all-dev" in sys.argv:
        f1, accuracy = cross_validated(records, STRENGTH)
        print(f"all DEV ({len(records)}): cross-validated macro-F1 {f1:.4f}, accuracy {accuracy:.4f}")
        return
    if "--search" in sys.argv:
        for strength in GRID:
            f1, accuracy = cross_validated(training, strength)
            print(f"C {strength}: cross-validated macro-F1 {f1:.4f}, accuracy {accuracy:.4f}", flush=True)
        return
    f1, accuracy = cross_validated(training, STRENGTH)
    print(f"training part ({len(training)}): cross-validated macro-F1 {f1:.4f}, accuracy {accuracy:.4f}")
    here = os.path.dirname(os.path.abspath(__file__))
    write(training, STRENGTH, os.path.join(here, "..", "..", "Models", "sentiment", "targets.tsv"))


if __name__ == "__main__":
    main()
