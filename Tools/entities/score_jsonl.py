#!/usr/bin/env python3
"""Scores `lector process --processors entities --jsonl` on a CoNLL file, independently of
`lector eval entities`: each sentence is sent as one JSON line (tokens joined by spaces),
mentions are mapped back to the tokens they cover, and PER/ORG/LOC/MISC chunks are scored
with conlleval semantics (exact match; IOB1 or IOB2 input).

    python3 Tools/entities/score_jsonl.py ../shared/data/ner/conll2003-en/eng.testa \
        [--lector .build/release/lector] [--language es]

--language puts `metadata.language` on every line; without it the processor picks the
model by the text's function words.
"""
import argparse
import json
import subprocess


def read_conll(path):
    sentences, tokens, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(parts[-1])
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def chunks(labels):
    found, current = [], None
    for index, label in enumerate(labels):
        kind = label[2:] if len(label) > 2 and label[1] == "-" else None
        if current and kind == current[2] and not label.startswith("B-"):
            current[1] = index + 1
            continue
        if current:
            found.append(tuple(current))
        current = [index, index + 1, kind] if kind else None
    if current:
        found.append(tuple(current))
    return set(found)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("conll")
    parser.add_argument("--lector", default=".build/release/lector")
    parser.add_argument("--language")
    arguments = parser.parse_args()
    sentences = read_conll(arguments.conll)
    lines, offsets = [], []
    for number, (tokens, _) in enumerate(sentences):
        position, spans = 0, []
        for token in tokens:
            spans.append((position, position + len(token)))
            position += len(token) + 1
        offsets.append(spans)
        record = {"id": str(number), "text": " ".join(tokens)}
        if arguments.language:
            record["metadata"] = {"language": arguments.language}
        lines.append(json.dumps(record, ensure_ascii=False))
    output = subprocess.run(
        [arguments.lector, "process", "--processors", "entities", "--jsonl"],
        input="\n".join(lines) + "\n", capture_output=True, text=True, check=True,
    ).stdout
    names = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
    counts = {}
    for line in output.splitlines():
        document = json.loads(line)
        number = int(document["id"])
        spans = offsets[number]
        gold = chunks(sentences[number][1])
        predicted = set()
        for entity in document.get("entities", []):
            kind = names.get(entity["type"])
            if not kind:
                continue
            for mention in entity["mentions"]:
                covered = [i for i, (a, b) in enumerate(spans) if mention["start"] <= a and b <= mention["end"]]
                if covered:
                    predicted.add((covered[0], covered[-1] + 1, kind))
        for kind in ("PER", "ORG", "LOC", "MISC", "all"):
            keep = (lambda c: True) if kind == "all" else (lambda c, k=kind: c[2] == k)
            g, p = {c for c in gold if keep(c)}, {c for c in predicted if keep(c)}
            total = counts.setdefault(kind, [0, 0, 0])
            total[0] += len(g & p)
            total[1] += len(p)
            total[2] += len(g)
    print("type   precision  recall      F1")
    for kind, (correct, found, gold) in counts.items():
        precision = 100 * correct / found if found else 0
        recall = 100 * correct / gold if gold else 0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
        print(f"{kind:<5} {precision:10.2f} {recall:7.2f} {f1:7.2f}")


if __name__ == "__main__":
    main()
