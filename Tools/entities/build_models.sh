#!/bin/sh
# Rebuilds the German, Portuguese, Russian, French and Dutch entity models from the data in
# ../shared/data/ner (see NOTICE for sources and licences). Run from the repository root
# after `swift build -c release --product lector`.
#
#   Tools/entities/build_models.sh              # writes Models/entities/{de,pt,ru,fr,nl}.bin
#   Tools/entities/build_models.sh --held-out   # the measured figures: trains on 4/5 of
#                                               # each set, scores the other 1/5 (every 5th
#                                               # sentence) with `lector eval entities`
#   Tools/entities/build_models.sh --names      # only Models/entities/{fr,it,nl,es,pt,de}-names.txt
#
# Settings (chosen by 5-fold cross-validation over each language's dev.txt; see NOTICE):
#   de: GermEval 2014 + UNER German PUD (ner/de/dev.txt); 14 epochs, 2^20 buckets,
#       gazetteer Tools/entities/gazetteer-loc-de.txt (gazetteer-loc.txt and pycountry's German
#       country and region names, `Frankreich`, `Österreich`: 5-fold cross-validated F1
#       65.98 -> 66.52; the French and Dutch models lost 0.02 and 0.23 with theirs), and the
#       given names of Tools/entities/given-names.txt (held-out F1 52.92 -> 54.73, PER
#       52.14 -> 58.45; for pt, ru and nl they moved F1 by -0.6 to +0.3, so not there),
#       and the Brown clusters of Tools/entities/clusters-de.txt (Tools/entities/make_clusters.py;
#       5-fold cross-validated F1 54.54 -> 66.06 with the 400,000 most frequent words; 200,000:
#       62.82, 800,000: 65.56 with fewer cluster features).
#   pt: UNER Portuguese Bosque + PUD (ner/pt/dev.txt) with the treebank's split contractions
#       joined again ("em o" -> "no", "de a" -> "da"; Tools/entities/contract_pt.awk), as
#       newspapers write them; 14 epochs, 2^19 buckets, gazetteer
#       Tools/entities/gazetteer-loc-pt.txt. (Trained on the split forms, the model loses
#       about 5 F1 on contracted text: 69.8 against 75.4 in 5-fold cross-validation.) The
#       given names and surnames of Tools/entities/name-classes.txt (make_given_names.py
#       --classes; 5-fold cross-validated F1 74.70 -> 75.78) joined with the Spanish Brown
#       clusters of clusters-es.txt (Tools/entities/join_classes.py; 75.78 -> 77.62, held-out
#       fifth 75.89 -> 76.82). 2^20 buckets gave 77.71 but took the peak memory of all
#       models loaded past 400 MB.
#   ru: factRuEval-2016 + UNER Russian PUD (ner/ru/dev.txt) plus the silver WikiNER ru sample
#       with its MISC tags turned to O (the gold sets have no MISC); 18 epochs, 2^20 buckets,
#       gazetteer Tools/entities/gazetteer-loc-ru.txt, and the dictionary's proper-name
#       classes of Tools/entities/classes-ru.txt read as clusters (make_ru_classes.py; 5-fold
#       cross-validated F1 75.74 -> 79.50), joined there with k-means clusters of the navec
#       news word vectors (79.50 -> 79.98; held-out fifth 79.91 -> 80.91).
#   fr, it, nl rules (CapitalizedNames; Italian has no model): Models/entities/LANG-names.txt,
#       the places of Tools/entities/rules-places-LANG.txt (make_gazetteer_local.py LANG --rules:
#       the language's country names and its home countries' regions that gazetteer-loc.txt
#       lacks, no given names) and the given names of given-names.txt and given-names-extra.txt
#       (Belgian, Luxembourg, Swiss and Irish names; make_given_names.py --extra; Dutch news
#       paragraphs dev 73.68 -> 74.35, test 74.67 -> 75.00). With them the Dutch rules
#       sign modern people (`Frans Timmermans`, `Emile Roemer`), which the given names cost
#       the Dutch model itself (below). And the organisations of Tools/entities/organizations.txt
#       (make_organizations.py: listed companies, international bodies) for that language and
#       for all: modern news test paragraphs F1 fr 72.53 -> 74.11, it 72.53 -> 72.87, nl
#       71.74 -> 74.13; the French historical held-out fifth 72.57 -> 72.48, Dutch unchanged.
#       The processor also takes the rules' whole name where the fr or nl model cut a known
#       place or organisation short (nl test 74.13 -> 74.67; held-out fr 72.48 -> 72.53).
#       With organizations-national.txt (parties, institutions, clubs; make_organizations.py),
#       and a known organisation replacing the mentions inside it and retyping a place of
#       its exact extent: dev fr 77.17 -> 81.94, it 79.65 -> 84.24, nl 74.35 -> 79.49;
#       test fr 74.11 -> 79.02, it 73.21 -> 77.92, nl 75.00 -> 77.92; the historical
#       held-out fifth fr 72.54 -> 72.52, nl 58.97 -> 58.92 (`Gedeputeerde Staten` is left
#       out: the KB gold does not tag it, and it cost nl 0.46).
#   es, pt, de: Models/entities/LANG-names.txt with the given names and the organisations
#       for the passes after the model (organisations known by name, people whose surname
#       has particles): news paragraphs pt dev 81.23 -> 82.68, test 81.70 -> 82.50; de test
#       81.75 -> 84.77; es dev 82.98, test 84.82 -> 84.96; held-out fifth de 64.69 -> 65.19,
#       pt 76.82 -> 76.86; CoNLL-2002 testa 78.45 -> 78.44.
#   fr, nl: the Europeana Newspapers sets of ner/open_newswiki (BnF French, KB Dutch; CC0;
#       historical OCR, PER/LOC/ORG); 16 epochs, 2^18 buckets (2^20 gained under 0.6 F1 on
#       the held-out fifth), gazetteer Tools/entities/gazetteer-loc.txt; fr also the given
#       names (held-out 72.43 -> 72.55, and modern names such as `Olaf Scholz` are found;
#       nl 54.63 -> 54.00 with them, so not there). The processor adds
#       the signed names of its French and Dutch rules (CapitalizedNames) where these models
#       find none; the --held-out figures include that.
# All retokenized with Lector's tokenizer (the default). The data is never copied into the
# repository: derived files go to a temporary folder that is removed at the end.
set -eu
DATA=${DATA:-../shared/data/ner}
LECTOR=${LECTOR:-.build/release/lector}
OUT=${OUT:-Models/entities}
mode=${1:-final}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Silver Russian WikiNER without MISC.
sed 's/\t[BI]-MISC$/\tO/' "$DATA/ru/wikiner_ru_silver/dev.txt" >"$work/ru-silver.txt"
# Portuguese with its contractions joined.
LC_ALL=C awk -f Tools/entities/contract_pt.awk "$DATA/pt/dev.txt" >"$work/pt-dev.txt"

bits=20
names=""
clusters=""
train() { # language epochs gazetteer training-file [extra-file]; $bits buckets, $names given names, $clusters
    language=$1 epochs=$2 gazetteer=$3 data=$4
    shift 4
    if [ $# -gt 0 ]; then
        cat "$data" "$@" >"$work/$language-all.txt"
        data="$work/$language-all.txt"
    fi
    "$LECTOR" train entities --data "$data" --language "$language" --epochs "$epochs" \
        --bucket-bits "$bits" --gazetteer "$gazetteer" ${names:+--given-names "$names"} \
        ${clusters:+--clusters "$clusters"} --out "$OUT/$language.bin"
}

pt_classes() { # Portuguese name classes joined with the Spanish Brown clusters
    python3 Tools/entities/join_classes.py Tools/entities/name-classes.txt Tools/entities/clusters-es.txt \
        >"$work/classes-pt.txt"
}

names_and_organizations() { # language: its given names (g) and organisations (o) lines
    sed 's/^/g\t/' Tools/entities/given-names.txt Tools/entities/given-names-extra.txt
    awk -F '\t' -v language="$1" '!/^#/ && ($1 == "*" || $1 == language) { print "o\t" $2 }' \
        Tools/entities/organizations.txt
}

names_files() { # the names files: places, given names and organisations (fr, it, nl); given names and organisations (es, pt, de)
    for language in fr it nl; do
        {
            printf '# Place names (p) and given names (g) for the %s rules, added to the model'"'"'s places\n' "$language"
            printf '# (gazetteer-loc.txt), and organisations (o); written by Tools/entities/build_models.sh from\n'
            printf '# Tools/entities/rules-places-%s.txt, given-names.txt, given-names-extra.txt and organizations.txt\n' "$language"
            printf '# (sources in NOTICE).\n'
            sed 's/^/p\t/' "Tools/entities/rules-places-$language.txt"
            names_and_organizations "$language"
        } >"$OUT/$language-names.txt"
    done
    for language in es pt de; do
        {
            printf '# Given names (g) and organisations (o) for the passes after the %s model (people with\n' "$language"
            printf '# particles, organisations known by name); written by Tools/entities/build_models.sh from\n'
            printf '# Tools/entities/given-names.txt, given-names-extra.txt and organizations.txt (sources in NOTICE).\n'
            names_and_organizations "$language"
        } >"$OUT/$language-names.txt"
    done
}

case $mode in
final)
    names=Tools/entities/given-names.txt clusters=Tools/entities/clusters-de.txt
    train de 14 Tools/entities/gazetteer-loc-de.txt "$DATA/de/dev.txt"
    names="" clusters=""
    pt_classes
    bits=19 clusters="$work/classes-pt.txt"
    train pt 14 Tools/entities/gazetteer-loc-pt.txt "$work/pt-dev.txt"
    bits=20 clusters=""
    clusters=Tools/entities/classes-ru.txt
    train ru 18 Tools/entities/gazetteer-loc-ru.txt "$DATA/ru/dev.txt" "$work/ru-silver.txt"
    clusters=""
    bits=18
    names=Tools/entities/given-names.txt
    train fr 16 Tools/entities/gazetteer-loc.txt "$DATA/open_newswiki/fr.txt"
    names=""
    train nl 16 Tools/entities/gazetteer-loc.txt "$DATA/open_newswiki/nl.txt"
    names_files
    ;;
--held-out)
    OUT="$work/models/entities"
    mkdir -p "$OUT"
    Tools/entities/split_heldout.sh "$DATA/de/dev.txt" "$work/de"
    Tools/entities/split_heldout.sh "$work/pt-dev.txt" "$work/pt"
    Tools/entities/split_heldout.sh "$DATA/ru/dev.txt" "$work/ru"
    Tools/entities/split_heldout.sh "$DATA/open_newswiki/fr.txt" "$work/fr"
    Tools/entities/split_heldout.sh "$DATA/open_newswiki/nl.txt" "$work/nl"
    names=Tools/entities/given-names.txt clusters=Tools/entities/clusters-de.txt
    train de 14 Tools/entities/gazetteer-loc-de.txt "$work/de/train.txt"
    names="" clusters=""
    pt_classes
    bits=19 clusters="$work/classes-pt.txt"
    train pt 14 Tools/entities/gazetteer-loc-pt.txt "$work/pt/train.txt"
    bits=20 clusters=""
    clusters=Tools/entities/classes-ru.txt
    train ru 18 Tools/entities/gazetteer-loc-ru.txt "$work/ru/train.txt" "$work/ru-silver.txt"
    clusters=""
    bits=18
    names=Tools/entities/given-names.txt
    train fr 16 Tools/entities/gazetteer-loc.txt "$work/fr/train.txt"
    names=""
    train nl 16 Tools/entities/gazetteer-loc.txt "$work/nl/train.txt"
    names_files
    for language in de pt ru fr nl; do
        LECTOR_MODELS="$work/models" "$LECTOR" eval entities "$work/$language/heldout.txt" --language "$language"
    done
    # The modern news paragraphs written for Lector (Tools/entities/news/README.md), with the
    # committed models and names files: the held-out part of each language.
    for language in it fr es nl pt de; do
        "$LECTOR" eval entities "Tools/entities/news/$language-test.txt" --language "$language"
    done
    ;;
--names)
    names_files
    ;;
*)
    echo "usage: $0 [--held-out | --names]" >&2
    exit 2
    ;;
esac
