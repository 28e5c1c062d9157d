#!/bin/sh
# Retrains the English sentiment processor's two learned files from ../shared/data/sentiment:
# Models/sentiment/weights.tsv (the learned layer, Tools/sentiment/train.py) and then
# Models/sentiment/targets.tsv (the target layer, Tools/sentiment/train_targets.py), whose
# features include the learned layer's scores. Run from the repository root after
# `swift build -c release --product lector`; needs numpy, scipy and scikit-learn (1.9.1).
#
#   Tools/sentiment/train_layers.sh            # writes both files
#   Tools/sentiment/train_layers.sh --figures  # also prints the cross-validated figures
#
# The learned layer trains on NewsMTSC too, so a training sentence's learned score would
# know its label. The target layer is therefore cross-fitted: five learned layers, each
# without one fold of NewsMTSC sentences, score the sentences of that fold
# (`train_targets.py --cross-fitted`).
set -eu
lector=.build/release/lector
data=../shared/data/sentiment
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$lector" eval sentiment "$data" --rules-only --dump-features "$work/features.jsonl" >/dev/null
python3 Tools/sentiment/train.py "$work/features.jsonl" --fold-layers "$work/folds"
for fold in 0 1 2 3 4; do
    LECTOR_MODELS="$work/folds/$fold" "$lector" eval sentiment "$data/newsmtsc.dev.jsonl" \
        --dump-target-features "$work/folds/$fold/targets.jsonl" >/dev/null
done
python3 Tools/sentiment/train_targets.py --cross-fitted "$work/folds"
if [ "${1:-}" = "--figures" ]; then
    python3 Tools/sentiment/train.py "$work/features.jsonl" --all-dev
    python3 Tools/sentiment/train_targets.py --cross-fitted "$work/folds" --all-dev
fi
