#!/bin/sh
# Splits a CoNLL file (blank line between sentences) into a training part and a held-out part
# for honest figures: every 5th sentence (the 5th, 10th, ...) is held out, so each sub-corpus
# of a merged file (GermEval + PUD, Bosque + PUD, factRuEval + PUD) is held out in proportion.
# Writes OUT_DIR/train.txt and OUT_DIR/heldout.txt. Never write OUT_DIR inside the repository.
#
#   Tools/entities/split_heldout.sh ../shared/data/ner/de/dev.txt /tmp/ner-split/de
set -eu
in=$1
out=$2
mkdir -p "$out"
awk -v train="$out/train.txt" -v held="$out/heldout.txt" '
    BEGIN { RS = ""; ORS = "\n\n" }
    { if (NR % 5 == 0) print > held; else print > train }
' "$in"
