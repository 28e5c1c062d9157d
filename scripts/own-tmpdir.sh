#!/bin/sh
# Runs a command with TMPDIR set to a new folder of its own, and removes that folder after
# it, keeping the command's exit status. The Swift toolchain leaves empty
# `TemporaryDirectory.*` folders in TMPDIR on every `swift build` and `swift test` (6 and 5
# of them here; swift-driver issue 2049, swift issue 73415), so without this each
# `make test` left 11 in /tmp, for good. The folder is made inside the current TMPDIR, so
# the tests' own temporary folders stay on the same file system, with paths only 20 bytes
# longer.
set -u
own=$(mktemp -d "${TMPDIR:-/tmp}/lector-swift.XXXXXX") || exit 1
trap 'rm -rf "$own"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
TMPDIR=$own "$@"
