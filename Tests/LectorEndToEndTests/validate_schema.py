#!/usr/bin/env python3
"""Validates JSON documents (one per line, or one pretty document per file) against Lector's schema.

Usage: validate_schema.py SCHEMA FILE...   Prints one line per invalid document; exits 1 if any.
"""
import json
import sys

import jsonschema


def documents(path):
    text = open(path, encoding="utf-8").read()
    try:
        yield json.loads(text)
        return
    except json.JSONDecodeError:
        pass
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield json.loads(line)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    count = bad = 0
    for path in sys.argv[2:]:
        for document in documents(path):
            count += 1
            errors = list(validator.iter_errors(document))
            if errors:
                bad += 1
                print(f"{path}: {document.get('id')!r}: {errors[0].message}")
    print(f"{count} documents, {bad} invalid")
    sys.exit(1 if bad or count == 0 else 0)


if __name__ == "__main__":
    main()
