#!/usr/bin/env python3
"""Reference figures of VADER (pip package vaderSentiment, MIT) on the sentiment DEV data.

Not shipped and not used by Lector: it prints, per set, the same figures that
`lector eval sentiment` prints, so the two can be compared on the same records.

    pip install vaderSentiment
    python3 Tools/sentiment/vader_reference.py [../shared/data/sentiment] [--part all|train|holdout]

`--part holdout` keeps the records `lector eval sentiment --part holdout` keeps (the first
byte of SHA-256 of the id divisible by 5; of the text for a record rated toward a target, a
NewsMTSC person or a SemEval company), so both are measured on the same texts. VADER reads
the whole text: it has no notion of a target. Sets with labels only (FPB, NewsMTSC) get no r.
"""

import glob
import hashlib
import json
import os
import sys

from metrics import macro_f1, pearson, label_of

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def is_held_out(record) -> bool:
    """SentimentRecord.isHeldOut: the first byte of SHA-256 of the id, or of the text for a
    record rated toward a target, divisible by 5."""
    targeted = any(key in record for key in ("target", "target_start", "entity_start"))
    key = record["text"] if targeted else record["id"]
    return hashlib.sha256(key.encode("utf-8")).digest()[0] % 5 == 0


def main() -> None:
    arguments = sys.argv[1:]
    part = "all"
    if "--part" in arguments:
        at = arguments.index("--part")
        part = arguments[at + 1]
        del arguments[at : at + 2]
    folder = arguments[0] if arguments else "../shared/data/sentiment"
    analyzer = SentimentIntensityAnalyzer()
    print(f"{'set':<24}{'n':>6}{'r':>8}{'acc':>8}{'macroF1':>9}")
    summary = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.jsonl"))):
        records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        if part != "all":
            held = [is_held_out(r) for r in records]
            records = [r for r, h in zip(records, held) if h == (part == "holdout")]
        name = records[0]["set"]
        ours = [analyzer.polarity_scores(r["text"])["compound"] for r in records]
        gold = [r.get("score_norm") for r in records]
        r = pearson(ours, gold) if all(g is not None for g in gold) else None
        predicted = [label_of(s, 0.05) for s in ours]
        acc, f1 = macro_f1(predicted, [rec["label"] for rec in records])
        summary[name] = {"n": len(records), "pearson": r, "accuracy": acc, "macro_f1": f1}
        shown = f"{r:8.3f}" if r is not None else f"{'-':>8}"
        print(f"{name:<24}{len(records):>6}{shown}{acc:8.3f}{f1:9.3f}")
    print(json.dumps({"vader": summary}))


if __name__ == "__main__":
    main()
