#!/usr/bin/env bash
# Formats every tracked (and new, unignored) Swift file in place, then lints strictly.
# `scripts/format.sh --lint` only lints (as `make test` does) and fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -d '' files < <(git ls-files -z --cached --others --exclude-standard '*.swift')
[ "${#files[@]}" -gt 0 ] || exit 0
if [ "${1:-}" != "--lint" ]; then
    swift format format --parallel --in-place "${files[@]}"
fi
swift format lint --strict --parallel "${files[@]}"
