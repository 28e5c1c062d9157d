#!/usr/bin/env python3
"""Turns news paragraphs with inline name marks into the CoNLL files `lector eval entities` reads.

Input (UTF-8): one paragraph a line, blank lines between them; each name written as
`[PER …]`, `[ORG …]` or `[LOC …]`, e.g. `il ministro [PER Giancarlo Giorgetti] dell'[ORG Eni]`.
Output: `TOKEN<TAB>TAG` lines (IOB2: B-PER, I-PER, …, O), a blank line after each paragraph.
A paragraph stays one unit: the processor splits its sentences itself, as it does a user's.

Tokens are split at whitespace, then punctuation is split off their edges (not from
abbreviations such as `M.`, `dhr.`, `Sr.` or an initial `J.`), so that a name is whole tokens.
An elided article stays on the word it is written onto, as in the text (`dell'Eni`): the token
is tagged with the name that follows the apostrophe, and `lector eval entities` counts it
found when its word is. A mark that does not fall on token edges is an error (the line is
named).

    python3 Tools/entities/markup_to_conll.py PARAGRAPHS.txt > LANG.txt
"""

import re
import sys

MARK = re.compile(r"\[(PER|ORG|LOC) ([^\[\]]+)\]")
OPENING = "«\"“‘(¿¡"
CLOSING = ".,;:!?»\"”’)…-–—'"
ABBREVIATIONS = {
    "m.", "mm.", "mme.", "mmes.", "mlle.", "dr.", "st.", "ste.", "sr.", "sra.", "srta.", "dña.", "d.", "dhr.",
    "mevr.", "mr.", "mrs.", "ms.", "prof.", "ing.", "dott.", "on.", "sig.", "avv.", "gen.", "jr.", "drs.", "ir.",
    "nr.", "n.", "art.", "p.", "ca.", "bzw.", "etc.", "ecc.",
}
# The elided articles and prepositions `lector eval entities` reads past (CoNLLEvaluation.elisions).
ELISIONS = {"l", "d", "dell", "all", "dall", "nell", "sull", "coll", "un", "quell", "qu", "jusqu", "lorsqu", "puisqu", "c",
            "j", "m", "n", "s", "t"}
ELISION = re.compile(r"^(\w{1,8}['’])(\w)")


def parse(line, number):
    """The paragraph's plain text and its marks as (start, end, type) character offsets."""
    text, marks, position = [], [], 0
    offset = 0
    for match in MARK.finditer(line):
        before = line[position:match.start()]
        if "[" in before or "]" in before:
            sys.exit(f"line {number}: a bracket outside a mark near {before[-30:]!r}")
        text.append(before)
        offset += len(before)
        name = match.group(2)
        if name != name.strip():
            sys.exit(f"line {number}: a mark with spaces at its edges: {match.group(0)!r}")
        marks.append((offset, offset + len(name), match.group(1)))
        text.append(name)
        offset += len(name)
        position = match.end()
    rest = line[position:]
    if "[" in rest or "]" in rest:
        sys.exit(f"line {number}: a bracket outside a mark near {rest[:30]!r}")
    text.append(rest)
    return "".join(text), marks


def tokens(text, mark_ends=frozenset()):
    """The tokens of a plain paragraph, as (start, end) character offsets; punctuation right
    after a mark's end is always split off (`Serie A.`: no initial there)."""
    result = []
    for match in re.finditer(r"\S+", text):
        start, end = match.start(), match.end()
        while start < end and text[start] in OPENING:
            result.append((start, start + 1))
            start += 1
        trailing = []
        while end > start and text[end - 1] in CLOSING:
            word = text[start:end]
            # `M.`, `dhr.`, `Sr.` as written (lowercase or capitalised), not `ING.` (a name).
            abbreviation = (word.lower() in ABBREVIATIONS and not word[:-1].isupper()) or re.fullmatch(
                r"[A-ZÀ-Ý]\.", text[start:end])
            if abbreviation and end - 1 not in mark_ends:
                break
            trailing.insert(0, (end - 1, end))
            end -= 1
        if start < end:
            result.append((start, end))
        result.extend(trailing)
    return result


def split_at_marks(text, spans, marks):
    """Tokens cut where a mark begins or ends at a hyphen or slash inside them (`PP-AL` as
    `[ORG PP]-[LOC AL]`): the names and the joining mark become tokens of their own."""
    cuts = set()
    for start, end, _ in marks:
        if start > 0 and text[start - 1] in "-/–":
            cuts.update((start - 1, start))
        if end < len(text) and text[end] in "-/–":
            cuts.update((end, end + 1))
    result = []
    for start, end in spans:
        inner = sorted(c for c in cuts if start < c < end)
        edges = [start] + inner + [end]
        result.extend((a, b) for a, b in zip(edges, edges[1:]) if a < b)
    return result


def word_start(text, start, end):
    """Where a token's word starts: after an elided article written onto it (`dell'Eni`)."""
    elided = ELISION.match(text[start:end])
    if elided and elided.group(1)[:-1].lower() in ELISIONS:
        return start + len(elided.group(1))
    return start


def convert(lines):
    out = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        text, marks = parse(line, number)
        spans = split_at_marks(text, tokens(text, frozenset(end for _, end, _ in marks)), marks)
        words = [word_start(text, s, e) for s, e in spans]
        for start, end, kind in marks:
            inside = [i for i, (s, e) in enumerate(spans) if start <= words[i] and e <= end]
            if not inside or start not in (spans[inside[0]][0], words[inside[0]]) or spans[inside[-1]][1] != end:
                sys.exit(f"line {number}: the mark {text[start:end]!r} does not fall on token edges")
            for i, (s, e) in enumerate(spans):
                if i not in inside and s < end and e > start:
                    sys.exit(f"line {number}: the mark {text[start:end]!r} cuts the token {text[s:e]!r}")
        for (start, end), word in zip(spans, words):
            tag = "O"
            for mark_start, mark_end, kind in marks:
                if mark_start <= word and end <= mark_end:
                    tag = ("B-" if mark_start in (start, word) else "I-") + kind
            out.append(f"{text[start:end]}\t{tag}")
        out.append("")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as handle:
        sys.stdout.write(convert(handle.read().splitlines()))


if __name__ == "__main__":
    main()
