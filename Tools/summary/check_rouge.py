#!/usr/bin/env python3
"""Checks `lector eval summary` against Google's rouge-score package on a DEV file.

Runs `lector process --jsonl --processors summary` (with the record's title as
metadata.title) over FILE, scores each summary against the record's reference with
rouge_score.rouge_scorer.RougeScorer(['rouge1', 'rouge2', 'rougeLsum'], use_stemmer=True),
sentences on separate lines, and prints the mean F1 x 100; `lector eval summary FILE`
must print the same figures for its `lector` row.

Usage (pip install rouge-score; from the repository root, after a release build):
  python3 Tools/summary/check_rouge.py ../shared/data/summarization/cnndm_frank.dev.jsonl [--sentences 3]
"""
import argparse
import json
import subprocess
import tempfile

from rouge_score import rouge_scorer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--sentences", type=int, default=3)
    args = parser.parse_args()
    records = [json.loads(line) for line in open(args.file, encoding="utf-8") if line.strip()]
    lines = [
        json.dumps({"id": str(i), "text": r["article"], "metadata": {"title": r.get("title")}})
        for i, r in enumerate(records)
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".yaml") as config:
        config.write(f"pipeline:\n  - summary: {{sentences: {args.sentences}}}\ninclude_text: false\n")
        config.flush()
        out = subprocess.run(
            [".build/release/lector", "process", "--jsonl", "--config", config.name],
            input="\n".join(lines) + "\n", capture_output=True, text=True, check=True,
        ).stdout
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for record, line in zip(records, out.splitlines()):
        candidate = "\n".join(s["text"] for s in json.loads(line)["summary"]["sentences"])
        reference = "\n".join(record["reference_sentences"]) if record.get("reference_sentences") else record["reference"]
        scores = scorer.score(reference, candidate)
        for key in totals:
            totals[key] += scores[key].fmeasure
    print(json.dumps({key: round(100 * value / len(records), 2) for key, value in totals.items()}))


if __name__ == "__main__":
    main()
