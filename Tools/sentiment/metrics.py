"""Figures shared by the sentiment tools: Pearson r, 3-class accuracy and macro-F1, and the
fold of a NewsMTSC sentence."""

import hashlib
import math

LABELS = ("negative", "neutral", "positive")


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


def label_of(score, band):
    return "positive" if score >= band else "negative" if score <= -band else "neutral"


def macro_f1(predicted, gold):
    accuracy = sum(p == g for p, g in zip(predicted, gold)) / len(gold)
    f1s = []
    for label in LABELS:
        tp = sum(p == label and g == label for p, g in zip(predicted, gold))
        fp = sum(p == label and g != label for p, g in zip(predicted, gold))
        fn = sum(p != label and g == label for p, g in zip(predicted, gold))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return accuracy, sum(f1s) / len(f1s)


def sentence_fold(text):
    """The cross-fitting fold (0..4) of a sentence: the second byte of SHA-256 of its text
    (the first decides the held-out fifth), so a sentence rated toward several people is in
    one fold."""
    return hashlib.sha256(text.encode("utf-8")).digest()[1] % 5
