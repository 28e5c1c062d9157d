#!/usr/bin/env python3
"""Builds Models/sentiment/lexicon.tsv: the word list the `sentiment` processor loads.

Sources:
- the VADER lexicon (`vader_lexicon.txt` of the PyPI package vaderSentiment 3.3.2, MIT,
  C.J. Hutto): word -> mean valence on -4..+4 (only the word and its mean are kept);
- British spellings of its -ize/-yze words, and regular inflections of its words
  (-s, -ed, -ing, -er, -est, -ly, -ness), derived here;
- the Pattern adjective lexicon (`textblob/en/en-sentiment.xml` of the PyPI package
  textblob 0.20.1; the file itself is marked license="PDDL", Tom De Smedt and Walter
  Daelemans, from Pattern 2.6 (BSD-3-Clause)): word -> mean polarity (-1..+1) over its
  senses, as KIND `p`; the processor sums it apart from the VADER valences;
- labMT 1.0 (`labMTsimple/data/LabMT/labMT1.txt` of the PyPI package labMTsimple 2.8.8;
  Data S1 of Dodds et al., "Temporal patterns of happiness and information in a global
  social network", PLoS ONE 2011, CC BY): the mean happiness rating (1..9, 50 raters) of
  the 10,222 most frequent words of Twitter, Google Books, the New York Times and song
  lyrics, as KIND `m` (-1..+1): the connotation of ordinary words VADER leaves out
  (`war`, `prison`, `children`, `vacation`);
- the opinion lexicon of Hu and Liu (KDD 2004), read from Debian's r-cran-tidytext (MIT) by
  Tools/sentiment/extract_bing.py (`--bing`): words VADER lacks get a valence of ±1 when
  labMT does not rate them neutral or of the other sign;
- the rule words below (negators, intensifiers, hedges, contrast words, and the news and
  finance vocabulary of direction and quantities), written for Lector.

    pip download --no-deps vaderSentiment==3.3.2 && unzip vaderSentiment-*.whl -d vader
    pip download --no-deps textblob==0.20.1 && unzip textblob-*.whl -d textblob
    pip download --no-deps labMTsimple==2.8.8 && tar xzf labMTsimple-2.8.8.tar.gz
    python3 Tools/sentiment/build_lexicon.py vader/vaderSentiment/vader_lexicon.txt \
        --pattern textblob/textblob/en/en-sentiment.xml \
        --labmt labMTsimple-2.8.8/labMTsimple/data/LabMT/labMT1.txt --bing bing.tsv   # extract_bing.py

File format (UTF-8, one entry a line, `#` comments): `KIND<TAB>WORD<TAB>VALUE` where KIND is
`v` valence (-4..+4), `b` intensifier (scale added, e.g. 0.3 or -0.3), `n` negator,
`c` contrast (VALUE: weight of the clause before it), `h` hedge (VALUE: scale),
`u`/`d` direction up/down (VALUE: strength), `q` quantity (VALUE: +1 more is good,
-1 more is bad), `p` Pattern polarity (-1..+1), `m` labMT connotation (-1..+1). Words are lowercase; a word may have several kinds.
"""

import collections
import os
import sys
import xml.etree.ElementTree as ElementTree

NEGATORS = """not no never nor neither none nobody nothing nowhere without cannot
n't aint ain't arent aren't cant can't couldnt couldn't didnt didn't doesnt doesn't dont don't
hadnt hadn't hasnt hasn't havent haven't isnt isn't mightnt mightn't mustnt mustn't neednt
needn't shant shan't shouldnt shouldn't wasnt wasn't werent weren't wont won't wouldnt
wouldn't rarely seldom hardly barely despite few lack lacks lacked lacking""".split()

BOOSTERS_UP = """absolutely amazingly awfully completely considerably decidedly deeply
enormously entirely especially exceptionally extremely fabulously flipping fully greatly
hella highly hugely incredibly intensely majorly more most particularly purely quite really
remarkably so substantially thoroughly totally tremendously uber unbelievably unusually
utterly very sharply significantly strongly massively
utter effing flippin frickin fricking friggin frigging fuckin fucking fuggin fugging""".split()

BOOSTERS_DOWN = """almost barely hardly marginally occasionally partly scarcely slightly
somewhat sorta kinda less little modestly mildly""".split()

HEDGES = """may might could perhaps possibly reportedly allegedly apparently seemingly
likely unlikely expected""".split()

# Comparisons open a clause about the reference point ("a loss, compared to a profit a
# year earlier"), which counts this much.
COMPARISONS = {"compared": 0.3, "compares": 0.3, "versus": 0.3, "vs": 0.3}

# Contrast words and the weight of what comes before them (what follows weighs 1.5).
CONTRAST = {"but": 0.5, "however": 0.5, "yet": 0.6, "nevertheless": 0.5, "nonetheless": 0.5,
            "although": 0.6, "though": 0.6, "whereas": 0.7, "while": 0.8, "instead": 0.5}

UP = {"rise": 1.0, "rises": 1.0, "rising": 1.0, "rose": 1.0, "risen": 1.0,
      "increase": 1.0, "increases": 1.0, "increased": 1.0, "increasing": 1.0,
      "grow": 1.0, "grows": 1.0, "grew": 1.0, "grown": 1.0, "growing": 1.0,
      "up": 0.8, "higher": 0.9, "gain": 1.0, "gains": 1.0, "gained": 1.0,
      "climb": 1.0, "climbs": 1.0, "climbed": 1.0, "jump": 1.2, "jumps": 1.2, "jumped": 1.2,
      "soar": 1.5, "soars": 1.5, "soared": 1.5, "surge": 1.4, "surges": 1.4, "surged": 1.4,
      "doubled": 1.3, "tripled": 1.4, "improve": 1.0, "improves": 1.0, "improved": 1.0,
      "boost": 1.0, "boosts": 1.0, "boosted": 1.0, "rebound": 1.0, "rebounded": 1.0,
      "expand": 0.8, "expands": 0.8, "expanded": 0.8, "advanced": 0.8, "strengthened": 1.0,
      "widened": 0.8, "exceeded": 1.0, "beat": 0.8, "tops": 0.8, "topped": 0.8,
      "record": 0.6, "peak": 0.5, "recovered": 0.9, "outperformed": 1.2, "upgraded": 1.2,
      "upgrade": 1.2, "raises": 1.0, "raised": 1.0, "raise": 1.0, "lifted": 1.0, "lifts": 1.0,
      "stronger": 1.0, "strengthen": 1.0}

DOWN = {"fall": 1.0, "falls": 1.0, "falling": 1.0, "fell": 1.0, "fallen": 1.0,
        "decrease": 1.0, "decreases": 1.0, "decreased": 1.0, "decreasing": 1.0,
        "decline": 1.0, "declines": 1.0, "declined": 1.0, "declining": 1.0,
        "drop": 1.0, "drops": 1.0, "dropped": 1.0, "down": 0.8, "lower": 0.9,
        "slump": 1.3, "slumps": 1.3, "slumped": 1.3, "plunge": 1.5, "plunges": 1.5,
        "plunged": 1.5, "tumble": 1.4, "tumbles": 1.4, "tumbled": 1.4, "slid": 1.0,
        "slide": 1.0, "slides": 1.0, "sank": 1.3, "sink": 1.2, "sinks": 1.2, "shrink": 1.0,
        "shrank": 1.0, "shrinks": 1.0, "cut": 0.9, "cuts": 0.9, "reduce": 0.9,
        "reduced": 0.9, "reduces": 0.9, "weakened": 1.0, "narrowed": 0.9, "narrow": 0.9,
        "lowered": 1.0, "halved": 1.3, "slashed": 1.3, "slashes": 1.3, "dipped": 0.8,
        "eased": 0.7, "downgraded": 1.2, "downgrade": 1.2, "missed": 1.0, "contracted": 1.0,
        "deteriorated": 1.2, "worsened": 1.2, "slip": 1.0, "slips": 1.0, "slipped": 1.0,
        "retreated": 0.9, "weaker": 1.0, "lost": 1.0, "loses": 1.0, "tank": 1.2, "tanks": 1.2,
        "tanked": 1.2}

# Headlines write in the present tense ("Profit falls", "Tesco beats forecasts") and
# reports in the progressive: the other forms of the words of change above.
UP.update({"beats": 0.8, "beating": 0.8, "doubles": 1.3, "doubling": 1.3, "triples": 1.4,
           "widens": 0.8, "widening": 0.8, "hike": 0.9, "hikes": 0.9, "hiked": 0.9,
           "strengthens": 1.0, "strengthening": 1.0, "improving": 1.0, "rebounds": 1.0,
           "rebounding": 1.0, "recovers": 0.9, "recovering": 0.9, "exceeds": 1.0,
           "outperforms": 1.2, "upgrades": 1.2, "raising": 1.0, "lifting": 1.0,
           "boosting": 1.0, "expanding": 0.8, "climbing": 1.0, "jumping": 1.2, "soaring": 1.5,
           "surging": 1.4, "gaining": 1.0, "advances": 0.8, "advancing": 0.8,
           # Costs "mount", shares "leap".
           "mount": 1.0, "mounts": 1.0, "mounted": 1.0, "mounting": 1.0, "leap": 1.2,
           "leaps": 1.2, "leapt": 1.2, "leaped": 1.2})
DOWN.update({"misses": 1.0, "dips": 0.8, "dipping": 0.8, "lowers": 1.0, "lowering": 1.0,
             "halves": 1.3, "narrows": 0.9, "narrowing": 0.9, "trim": 0.8, "trims": 0.8,
             "trimmed": 0.8, "weakens": 1.0, "weakening": 1.0, "deteriorates": 1.2,
             "deteriorating": 1.2, "worsens": 1.2, "worsening": 1.2, "downgrades": 1.2,
             "eases": 0.7, "slashing": 1.3, "cutting": 0.9, "reducing": 0.9, "shrinking": 1.0,
             "sliding": 1.0, "slipping": 1.0, "sinking": 1.2, "plunging": 1.5, "tumbling": 1.4,
             "slumping": 1.3, "tanking": 1.2, "losing": 1.0, "retreats": 0.9,
             # Shares "shed" or "dive", margins "erode", sales "sag".
             "shed": 1.0, "sheds": 1.0, "shedding": 1.0, "dive": 1.4, "dives": 1.4, "dived": 1.4,
             "erode": 1.0, "erodes": 1.0, "eroded": 1.0, "eroding": 1.0, "sag": 1.0, "sags": 1.0,
             "sagged": 1.0, "sagging": 1.0})

GOOD_QUANTITIES = """job profit profits sales revenue revenues earnings income ebit ebitda
margin margins dividend dividends orders order demand output production turnover result
results eps shares share stock stocks price prices value volume volumes growth market
guidance forecast outlook rating capacity deliveries exports productivity employment
jobs cash flow backlog occupancy traffic customers subscribers bookings inflows assets
contract contracts""".split()

BAD_QUANTITIES = """loss losses cost costs debt debts expenses expense unemployment layoffs
deficit inflation risk risks impairment impairments writedown writedowns charges
provisions losses liabilities jobless defaults arrears deficits emissions outflows outflow
redemptions tax taxes""".split()

# Finance and news words the VADER lexicon lacks or weighs for another register (0 removes
# a word whose VADER valence belongs to another sense: "shares" of stock are not "sharing").
NEWS_VALENCE = {"profit": 1.2, "profitable": 1.8, "layoffs": -2.0, "bankruptcy": -2.8,
                "bankrupt": -2.6, "lawsuit": -1.5, "fraud": -3.0, "probe": -1.2,
                "recession": -2.2, "downturn": -1.8, "slowdown": -1.5, "default": -1.5,
                "writedown": -1.8, "impairment": -1.5, "outperform": 1.8, "underperform": -1.8,
                "upbeat": 1.8, "bullish": 1.8, "bearish": -1.8, "rally": 1.5, "rallies": 1.5,
                "selloff": -1.8, "sell-off": -1.8, "warns": -1.5, "warning": -1.5,
                "shortfall": -1.8, "strike": -1.0, "sanctions": -1.2, "resigns": -1.0,
                "ousted": -1.5, "scandal": -2.5, "fine": 0, "fined": -1.8, "penalty": -1.5,
                "share": 0, "shares": 0, "stake": 0, "debt": -0.8, "awarded": 1.5,
                "win": 2.0, "wins": 2.0, "won": 1.8, "launch": 0.6, "launches": 0.6,
                "record": 0.4, "robust": 1.6, "solid": 1.2, "disappointing": -2.0,
                "job": 0.0, "cuts": -1.0, "outflows": -1.2, "outflow": -1.2, "inflows": 1.0,
                "rout": -2.0, "spill": -1.5, "subdued": -0.8, "meltdown": -2.5}


def british(word: str) -> str | None:
    for american, english in (("ize", "ise"), ("ized", "ised"), ("izes", "ises"),
                              ("izing", "ising"), ("ization", "isation"), ("yze", "yse"),
                              ("yzed", "ysed")):
        if word.endswith(american) and len(word) > len(american) + 2:
            return word[: -len(american)] + english
    return None


VOWELS = set("aeiou")


def inflections(word: str) -> list[str]:
    """Regular English inflections of a lexicon word (`rot` -> `rots`, `rotted`, `rotting`;
    `lovely` -> `loveliest`), so that the processor finds them with one look-up."""
    if word.isalpha() and len(word) > 4 and word.endswith("ly"):
        # Adjectives in -ly compare like other -y words: lovelier, loveliest, loveliness.
        return [word[:-1] + "ier", word[:-1] + "iest", word[:-1] + "iness"]
    if not word.isalpha() or len(word) < 3 or word.endswith(("ed", "ing", "ly", "ness", "s", "est", "ful")):
        return []
    forms = [word + "s", word + "ly", word + "ness"]
    if word.endswith("e"):
        stem = word[:-1]
        forms += [word + "d", stem + "ing", word + "r", word + "st", stem + "y"]
    elif word.endswith("y") and word[-2] not in VOWELS:
        stem = word[:-1]
        forms += [stem + "ies", stem + "ied", stem + "ier", stem + "iest", stem + "ily", stem + "iness"]
    else:
        forms += [word + "ed", word + "ing", word + "er", word + "est", word + "es"]
        if len(word) <= 5 and word[-1] not in VOWELS | {"w", "x", "y"} and word[-2] in VOWELS and word[-3] not in VOWELS:
            forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    return forms


def pattern_polarities(path: str) -> dict[str, float]:
    """Pattern's adjectives: the mean polarity of each lowercase word form over its senses."""
    senses: dict[str, list[float]] = collections.defaultdict(list)
    for element in ElementTree.parse(path).getroot().iter("word"):
        form = element.get("form", "").lower()
        if form and " " not in form:
            senses[form].append(float(element.get("polarity", "0")))
    return {form: sum(values) / len(values) for form, values in senses.items()}


# labMT ratings within this distance of the neutral 5 (on 1..9) carry no connotation.
LABMT_BAND = 1.0


# The valence a word of the Bing Liu lexicon gets (it only says positive or negative): the
# best of 0.75, 1.0, 1.5 and 2.0 by the learned layer's cross-validated mean r (1.0: 0.6756).
BING_VALENCE = 1.0


def labmt_happiness(path: str) -> dict[str, float]:
    """labMT 1.0: each word's mean happiness rating, 1..9 (5 is neutral)."""
    happiness: dict[str, float] = {}
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 3 and fields[0] != "word":
            happiness[fields[0].lower()] = float(fields[2])
    return happiness


def labmt_connotations(path: str) -> dict[str, float]:
    """labMT's ratings mapped to -1..1, the words within labMT's own stop band of the
    neutral 5 (|h - 5| < 1) left out."""
    return {word: (h - 5) / 4 for word, h in labmt_happiness(path).items() if abs(h - 5) >= LABMT_BAND}


def bing_valences(path: str, happiness: dict[str, float]) -> dict[str, float]:
    """The Bing Liu lexicon (see Tools/sentiment/extract_bing.py) as valences of
    ±BING_VALENCE, keeping only words labMT's raters also found polar the same way, or did
    not rate: `work`, `issue`, `vice`, `complex` and `plot` are marked in Bing by one sense
    but rated neutral in labMT, and are left out."""
    valences: dict[str, float] = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or "\t" not in line:
            continue
        word, label = line.rstrip("\n").split("\t")
        sign = 1.0 if label == "positive" else -1.0
        if word in happiness and (abs(happiness[word] - 5) < LABMT_BAND or (happiness[word] - 5) * sign < 0):
            continue
        valences[word] = sign * BING_VALENCE
    return valences


def modifiers() -> set[str]:
    """The rule words that act on other words: negators, intensifiers, hedges, contrast
    and comparison words."""
    return set(NEGATORS) | set(BOOSTERS_UP) | set(BOOSTERS_DOWN) | set(HEDGES) | set(CONTRAST) | set(COMPARISONS)


def option(arguments: list[str], name: str) -> str | None:
    """Removes `name VALUE` from the arguments and returns VALUE."""
    if name not in arguments:
        return None
    at = arguments.index(name)
    value = arguments[at + 1]
    del arguments[at : at + 2]
    return value


def main() -> None:
    arguments = sys.argv[1:]
    pattern = option(arguments, "--pattern")
    labmt = option(arguments, "--labmt")
    bing = option(arguments, "--bing")
    if bing and not labmt:
        sys.exit("--bing needs --labmt (labMT decides which Bing words keep a valence)")
    source = arguments[0] if arguments else "vader/vaderSentiment/vader_lexicon.txt"
    here = os.path.dirname(os.path.abspath(__file__))
    output = arguments[1] if len(arguments) > 1 else os.path.join(here, "../../Models/sentiment/lexicon.tsv")
    valence: dict[str, float] = {}
    for line in open(source, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2 or not parts[0] or " " in parts[0]:
            continue
        valence[parts[0].lower()] = float(parts[1])
    valence.update(NEWS_VALENCE)
    for word, value in list(valence.items()):
        variant = british(word)
        if variant and variant not in valence:
            valence[variant] = value
    derived: dict[str, float] = {}
    for word, value in valence.items():
        for form in inflections(word):
            if form not in valence and form not in derived:
                derived[form] = value
    valence.update(derived)
    if bing:
        # Words the VADER lexicon, its forms, the news words or the rules already cover keep
        # their reading (`fine` stays 0); the other Bing words and their forms are added.
        rules = modifiers() | set(UP) | set(DOWN) | set(GOOD_QUANTITIES) | set(BAD_QUANTITIES)
        added = {w: v for w, v in bing_valences(bing, labmt_happiness(labmt)).items()
                 if w not in valence and w not in rules}
        for word, value in list(added.items()):
            for form in inflections(word):
                if form not in valence and form not in added and form not in rules:
                    added[form] = value
        valence.update(added)
    lines = ["# Lector sentiment lexicon. KIND<TAB>WORD<TAB>VALUE; built by Tools/sentiment/build_lexicon.py",
             "# Valences from the VADER lexicon (vaderSentiment 3.3.2, MIT, C.J. Hutto) plus Lector's news words."]
    for word in sorted(valence):
        if valence[word] != 0:
            lines.append(f"v\t{word}\t{valence[word]:g}")
    if pattern:
        lines[1] += " Polarities (p) from Pattern's en-sentiment.xml (PDDL, via textblob 0.20.1)."
        polarities = pattern_polarities(pattern)
        lines += [f"p\t{w}\t{v:.3g}" for w, v in sorted(polarities.items()) if abs(v) >= 0.005]
    if bing:
        lines[1] += " Valences of +-1 for Bing Liu's opinion words (Hu and Liu 2004, via Debian r-cran-tidytext, MIT)."
    if labmt:
        lines[1] += " Connotations (m) from labMT 1.0 (Dodds et al. 2011, CC BY, via labMTsimple 2.8.8)."
        # Words with a valence or a polarity, and the rule words, keep their own reading.
        known = set(valence) | set(polarities if pattern else ()) | modifiers()
        lines += [f"m\t{w}\t{v:.3g}" for w, v in sorted(labmt_connotations(labmt).items()) if w not in known]
    lines += [f"n\t{w}\t1" for w in NEGATORS]
    lines += [f"b\t{w}\t0.3" for w in BOOSTERS_UP]
    lines += [f"b\t{w}\t-0.3" for w in BOOSTERS_DOWN]
    lines += [f"h\t{w}\t0.8" for w in HEDGES]
    lines += [f"c\t{w}\t{v:g}" for w, v in CONTRAST.items()]
    lines += [f"c\t{w}\t1" for w in COMPARISONS]
    lines += [f"h\t{w}\t{v:g}" for w, v in COMPARISONS.items()]
    lines += [f"u\t{w}\t{v:g}" for w, v in UP.items()]
    lines += [f"d\t{w}\t{v:g}" for w, v in DOWN.items()]
    lines += [f"q\t{w}\t1" for w in GOOD_QUANTITIES]
    lines += [f"q\t{w}\t-1" for w in BAD_QUANTITIES]
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with open(output, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {output}: {len(lines) - 2} entries")


if __name__ == "__main__":
    main()
