#!/usr/bin/env python3
"""Fits the summary processor's scoring weights (Models/summary/weights.tsv).

Coordinate search: starting from the current weights, each weight in turn is tried at a
few multiples and offsets; a change is kept when it raises the mean of ROUGE-1, ROUGE-2
and ROUGE-Lsum F1 on ONE training file (by default the CNN/DailyMail DEV set) by more
than --min-gain, as `lector eval summary` measures it. The other files are only reported,
never fitted on, so the figures on them show whether the fit carries over.

Usage (from the repository root, after `swift build -c release --product lector`):
  python3 Tools/summary/fit_weights.py --train ../shared/data/summarization/cnndm_frank.dev.jsonl \
      --report ../shared/data/summarization/xsum_frank.dev.jsonl:1 \
      --report ../shared/data/summarization/bbc_news_summary.dev.jsonl:3 --write
"""
import argparse
import json
import subprocess
from pathlib import Path

NAMES = ["lead", "late", "centrality", "title", "entities", "length", "quote", "paragraph", "redundancy"]
LECTOR = ".build/release/lector"
WEIGHTS = Path("Models/summary/weights.tsv")


def evaluate(path: str, sentences: int, weights: dict) -> dict:
    spec = ",".join(f"{k}={v:.4g}" for k, v in weights.items())
    out = subprocess.run(
        [LECTOR, "eval", "summary", path, "--sentences", str(sentences), "--weights", spec, "--rounds", "1"],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def objective(figures: dict) -> float:
    return (figures["rouge1"] + figures["rouge2"] + figures["rougeLsum"]) / 3


def read_weights() -> dict:
    weights = {}
    for line in WEIGHTS.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, value = line.split()
            weights[name] = float(value)
    return weights


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", required=True)
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--report", action="append", default=[], help="FILE:SENTENCES, reported only")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--min-gain", type=float, default=0.05)
    parser.add_argument("--fixed", default="lead", help="comma-separated weights not to fit")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    weights = read_weights()
    fixed = set(args.fixed.split(","))
    best = objective(evaluate(args.train, args.sentences, weights))
    print(f"start {best:.3f} {weights}")
    for _ in range(args.rounds):
        for name in NAMES:
            if name in fixed:
                continue
            current = weights[name]
            for candidate in sorted({current * 0.5, current * 1.5, current + 0.1, current - 0.1, 0.0}):
                trial = dict(weights, **{name: round(candidate, 4)})
                score = objective(evaluate(args.train, args.sentences, trial))
                if score > best + args.min_gain:
                    best, weights = score, trial
                    print(f"  {name} = {candidate:.4g}: {best:.3f}")
    print(f"fitted {best:.3f} {weights}")
    for item in args.report:
        path, sentences = item.rsplit(":", 1)
        figures = evaluate(path, int(sentences), weights)
        print(f"report {Path(path).name}: {json.dumps(figures)}")
    if args.write:
        WEIGHTS.write_text(
            "# Fitted by Tools/summary/fit_weights.py on " + Path(args.train).name + "\n"
            + "".join(f"{name}\t{weights[name]:.4g}\n" for name in NAMES)
        )


if __name__ == "__main__":
    main()
