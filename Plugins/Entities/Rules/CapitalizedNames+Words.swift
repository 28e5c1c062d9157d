import LectorText

/// The words ``CapitalizedNames`` reads names by: titles, organisation and venue words,
/// particles, place prepositions and the function words that open sentences, per language.
extension CapitalizedNames {
    /// Words that lead a person's name (lowercased, final period dropped).
    static let personCues: [String: Set<String>] = [
        "fr": [
            "m", "mme", "mlle", "me", "dr", "pr", "président", "présidente", "ministre", "chancelier", "chancelière",
            "premier", "première", "maire", "député", "députée", "sénateur", "sénatrice", "secrétaire", "directeur",
            "directrice", "porte-parole", "juge", "avocat", "avocate", "général", "pape", "roi", "reine", "prince",
            "princesse", "patron", "patronne", "candidat", "candidate", "entraîneur", "attaquant", "ex-président",
        ],
        "it": [
            "sig", "sig.ra", "signor", "signora", "dott", "dottor", "dottoressa", "prof", "avv", "on", "presidente",
            "ministro", "ministra", "premier", "sindaco", "sindaca", "senatore", "senatrice", "deputato", "deputata",
            "segretario", "segretaria", "direttore", "direttrice", "portavoce", "giudice", "generale", "papa", "re",
            "regina", "principe", "allenatore", "attaccante", "cancelliere", "leader", "ex",
        ],
        "nl": [
            "dhr", "mevr", "mr", "dr", "prof", "ir", "drs", "minister", "premier", "president", "burgemeester",
            "wethouder", "staatssecretaris", "directeur", "woordvoerder", "rechter", "generaal", "paus", "koning",
            "koningin", "prins", "prinses", "trainer", "topman", "topvrouw", "kamerlid", "bondskanselier",
        ],
        // Spanish, Portuguese and German: only for the passes after their models
        // (organisations known by name, people with particles).
        "es": [
            "sr", "sra", "don", "doña", "presidente", "presidenta", "ministro", "ministra", "alcalde", "alcaldesa",
            "rey", "reina", "juez", "jueza", "entrenador", "diputado", "diputada",
        ],
        "pt": [
            "sr", "sra", "dr", "dra", "presidente", "ministro", "ministra", "prefeito", "prefeita", "governador",
            "deputado", "deputada", "senador", "senadora", "juiz", "juíza", "treinador",
        ],
        "de": [
            "herr", "frau", "dr", "prof", "kanzler", "kanzlerin", "minister", "ministerin", "präsident",
            "präsidentin", "bürgermeister", "bürgermeisterin", "trainer", "chef", "chefin",
        ],
    ]

    /// Words that make a run an organisation (lowercased), wherever they stand in it.
    static let organizationWords: Set<String> = [
        // fr
        "banque", "ministère", "commission", "parlement", "conseil", "parti", "union", "assemblée", "tribunal", "cour",
        "université", "société", "groupe", "compagnie", "fédération", "association", "agence", "institut", "fondation",
        "gouvernement", "sénat", "comité", "syndicat", "caisse", "office", "autorité",
        // it
        "banca", "ministero", "commissione", "parlamento", "consiglio", "partito", "unione", "camera", "senato",
        "tribunale", "corte", "università", "società", "gruppo", "federazione", "associazione", "agenzia", "istituto",
        "fondazione", "governo", "comitato", "procura", "regione", "comune",
        // nl
        "bank", "ministerie", "commissie", "parlement", "raad", "partij", "kamer", "rechtbank", "universiteit",
        "groep", "vereniging", "federatie", "stichting", "instituut", "agentschap", "regering", "kabinet", "gemeente",
        "hof", "politie", "omroep",
    ]

    /// Lowercase words after which a name is an organisation's (`la société X`).
    static let organizationCues: Set<String> = [
        "société", "groupe", "entreprise", "constructeur", "compagnie", "firme", "club", "società", "gruppo",
        "azienda", "casa", "bedrijf", "concern", "onderneming", "club",
    ]

    /// Legal forms that end a company's name.
    static let legalSuffixes: Set<String> = [
        "sa", "s.a", "sas", "sarl", "spa", "s.p.a", "srl", "s.r.l", "nv", "n.v", "bv", "b.v", "ag", "gmbh", "ltd",
        "inc", "plc", "se",
    ]

    /// Prepositions after which a short name is a place.
    static let placeCues: [String: Set<String>] = [
        "fr": ["à", "au", "aux", "en", "vers", "depuis"],
        "it": ["a", "in", "da", "verso", "nel", "nella"],
        "nl": ["in", "naar", "uit", "te", "vanuit"],
    ]

    /// Capitalised function words that open sentences (and `Le Monde` aside, are not names).
    static let openers: Set<String> = [
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "ce", "cet", "cette", "ces", "il", "elle", "ils",
        "elles", "on", "nous", "mais", "et", "ou", "dans", "pour", "par", "sur", "avec", "selon", "après", "avant",
        "depuis", "lors", "si", "quand", "alors", "en", "au", "aux", "à", "son", "sa", "ses", "leur", "leurs", "tout",
        "lo", "gli", "i", "uno", "una", "di", "del", "della", "dei", "nel", "nella", "per", "con", "secondo", "dopo",
        "prima", "ma", "e", "o", "questo", "questa", "quel", "quella", "anche", "se", "da", "dal", "dalla", "tra",
        "fra", "sono", "è", "het", "een", "dat", "die", "deze", "dit", "maar", "en", "of", "in", "op", "voor", "met",
        "volgens", "na", "bij", "ook", "als", "zij", "hij", "wij", "er", "toen", "nu", "om",
    ]

    /// Capitalised function words that open sentences in Spanish, Portuguese and German,
    /// whose only rules are the passes after their models (``organizationLanguages``),
    /// besides ``openers``.
    static let organizationOpeners: [String: Set<String>] = [
        "es": [
            "el", "la", "los", "las", "un", "una", "en", "con", "por", "para", "según", "tras", "pero", "y", "o", "del",
            "al", "este", "esta", "ese", "esa", "desde", "ante", "sin", "sobre", "también", "ayer", "hoy",
        ],
        "pt": [
            "o", "a", "os", "as", "um", "uma", "no", "na", "nos", "nas", "do", "da", "dos", "das", "em", "com", "por",
            "para", "segundo", "após", "mas", "e", "ou", "ao", "à", "este", "esta", "esse", "essa", "desde", "sem",
            "também", "ontem", "hoje",
        ],
        "de": [
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "im", "am", "laut", "nach",
            "mit", "für", "bei", "und", "oder", "aber", "auch", "in", "auf", "von", "vom", "zum", "zur", "wie", "dass",
            "als", "seit", "gegen", "ohne", "unter", "über", "vor", "gestern", "heute",
        ],
    ]

    /// ``openers`` with the language's ``organizationOpeners``, for the passes after the
    /// models (``withKnownOrganizations(_:in:tokens:sentences:)``,
    /// ``withParticleNames(_:in:tokens:sentences:)``).
    static let passOpeners: [String: Set<String>] = Dictionary(
        uniqueKeysWithValues: organizationLanguages.map { ($0, openers.union(organizationOpeners[$0] ?? [])) }
    )

    /// The ``openers`` that never begin a name: prepositions, conjunctions, pronouns and
    /// demonstratives, not the articles and particles that do (`Le Monde`, `De Telegraaf`,
    /// `Da Silva`).
    static let leadingWords: Set<String> = openers.subtracting([
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "lo", "gli", "i", "uno", "una", "di", "del", "della",
        "dei", "da", "dal", "dalla", "het", "een", "die", "il",
    ])

    /// Lowercase nouns of streets, squares and stations that name a place with the name
    /// after them (`via Caracciolo`, `place de la République`, `gare Montparnasse`); Dutch
    /// writes its streets as one word (`Leidseplein`).
    static let streetNouns: [String: Set<String>] = [
        "fr": ["rue", "avenue", "boulevard", "place", "quai", "allée", "impasse", "gare", "cours"],
        "it": [
            "via", "viale", "piazza", "piazzale", "largo", "corso", "vicolo", "lungomare", "lungotevere", "stazione",
        ],
    ]

    /// Street nouns whose street takes its name directly (`cours Mirabeau`, `corso Buenos
    /// Aires`, `largo Argentina`): with a particle they are idioms (`au cours de`, `nel corso
    /// del`, `al largo di`).
    static let directStreetNouns: Set<String> = ["cours", "corso", "largo"]

    /// Nouns before a street, square or building named after a person (`rue Victor Hugo`,
    /// `stade Pierre Mauroy`): there a given name is no sign of a person.
    static let venueNouns: Set<String> = [
        "rue", "avenue", "boulevard", "place", "quai", "pont", "stade", "lycée", "collège", "école", "aéroport", "gare",
        "hôpital", "musée", "théâtre", "palais", "parc", "square", "allée", "allées", "straat", "laan", "plein", "weg",
        "via", "viale", "piazza", "piazzale", "largo", "corso", "lungomare", "galleria", "stadio", "aeroporto",
        "ospedale", "policlinico", "museo", "scuola", "liceo", "teatro", "palazzo", "ponte", "porta", "villa", "parco",
        "stazione", "chiesa", "basilica",
    ]

    /// Last words of the names of venues (`Rod Laver Arena`, `Madison Square Garden`).
    static let venueEnds: Set<String> = [
        "arena", "stadium", "park", "hall", "center", "centre", "tower", "bridge", "airport", "square", "garden",
        "street",
    ]

    /// Last words of the names of events and prizes, which are no people (`Australian Open`,
    /// `Grande Slam`, `Gran Prix`).
    static let eventEnds: Set<String> = [
        "open", "slam", "cup", "festival", "prix", "league", "award", "awards", "summit", "games", "tour", "day",
    ]

    /// Lowercase nouns that name what kind of company follows (`la société TotalEnergies`,
    /// `het concern Shell`); not `rue` or `place`, which belong to a street's name.
    static let companyNouns: Set<String> = [
        "société", "groupe", "entreprise", "compagnie", "firme", "constructeur", "géant", "opérateur", "banque",
        "bedrijf", "concern", "firma", "onderneming", "groep", "società", "gruppo", "azienda",
    ]

    /// Lowercase particles inside names (`Charles de Gaulle`, `Leonardo da Vinci`, `Mark van der Berg`).
    static let particles: Set<String> = [
        "de", "du", "des", "d", "la", "le", "di", "da", "del", "della", "van", "der", "den", "ter", "von", "d'",
        "d’", "dell'", "dell’",
    ]

    /// The most scalars a token of one of ``particles`` has (with a full stop after it, which
    /// ``cueForm(_:)`` drops): longer tokens are no particle, with no string made.
    static let particleLength = (particles.map(\.unicodeScalars.count).max() ?? 0) + 1

    /// Adjectives that continue an institution's name in lowercase (`Commissione europea`,
    /// `Assemblée nationale`, `Corte costituzionale`), in their inflected forms. A list, not
    /// word endings: endings take verbs too (`la Banca d'Italia pubblica`, `la Commission
    /// explique`).
    static let institutionAdjectives: [String: Set<String>] = [
        "it": Self.inflected(
            [
                "europe", "nazional", "central", "costituzional", "regional", "comunal", "provincial", "superior",
                "italian", "mondial", "federal", "general", "civil", "penal", "amministrativ", "distrettual",
                "internazional", "democratic", "popolar", "social", "finanziari", "economic", "monetari", "sanitari",
                "militar", "parlamentar", "statal", "antimafia", "antitrust", "tributari", "metropolitan",
                "territorial", "permanent", "suprem", "ordinari", "straordinari",
            ],
            endings: ["o", "a", "i", "e", ""]
        ),
        "fr": Self.inflected(
            [
                "européen", "national", "central", "constitutionnel", "régional", "municipal", "départemental",
                "supérieur", "international", "fédéral", "général", "civil", "pénal", "administratif", "démocrate",
                "socialiste", "populaire", "social", "financier", "économique", "monétaire", "sanitaire", "militaire",
                "parlementaire", "mondial", "suprême", "libéral", "républicain", "écologiste", "insoumis", "français",
                "québécois", "belge", "suisse", "territorial", "permanent", "paritaire", "olympique",
            ],
            endings: ["", "e", "s", "es", "ne", "nes", "le", "les", "aux", "ve", "ves", "ère", "ères"]
        ),
    ]

    /// Every stem with every ending.
    private static func inflected(_ stems: [String], endings: [String]) -> Set<String> {
        Set(stems.flatMap { stem in endings.map { stem + $0 } })
    }

    /// Whether a lowercase word is an adjective that continues an institution's name.
    ///
    /// - Parameters:
    ///   - word: The word, lowercased.
    ///   - language: The text's language.
    /// - Returns: Whether it is in ``institutionAdjectives``.
    static func isAdjective(_ word: String, language: String) -> Bool {
        institutionAdjectives[language]?.contains(word) ?? false
    }

    /// Words before a saint's name in places and institutions (`Ospedale San Giovanni Bosco`).
    static let saints: Set<String> = ["san", "santa", "santo", "saint", "sainte", "sint", "st", "ste"]

    /// Prepositions fused with an article, after which a capitalised word is an institution
    /// or a place rather than a person (`ministro degli Esteri`, `président du Sénat`).
    static let contractedArticles: Set<String> = [
        "del", "dello", "della", "dei", "degli", "delle", "dell'", "dell’", "du", "des",
    ]

    /// Particles that, after a whole name, start what the person is of (`minister Eelco Heinen
    /// van Financiën`, `Olaf Scholz von der SPD`) rather than more of the name.
    static let ofParticles: Set<String> = ["van", "von"]
}
