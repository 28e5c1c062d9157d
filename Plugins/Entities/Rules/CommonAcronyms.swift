import LectorText

/// Acronyms that are common nouns in news, not names: `PIB` and `TVA` in French, `Pil` and
/// `Iva` in Italian, `btw` in Dutch, `DVD` and `PC` in English. Written in capitals they
/// look like an organisation's name to a tagger and to the rules (`CDI`, `TGV`, `PDG` came
/// out ORG or LOC in French news); the processor drops a one-word named mention that is one
/// of them.
enum CommonAcronyms {
    /// The acronyms per language, lowercased.
    static let nouns: [String: Set<String>] = [
        "fr": [
            "pib", "tva", "cdi", "cdd", "tgv", "ter", "rer", "pdg", "dg", "smic", "rsa", "hlm", "sdf", "vtc", "ivg",
            "pma", "bts", "ia", "ogm", "pme", "tpe", "eti", "cac", "ehpad", "qpv", "zfe", "apl", "caf",
        ],
        "it": [
            "pil", "iva", "imu", "tari", "tasi", "dpcm", "isee", "cig", "tfr", "rsa", "ztl", "pnrr", "ires", "irap",
            "irpef", "rdc", "pmi", "dl", "ddl", "dlgs", "tav", "dop", "igp", "doc", "docg", "ogm", "tac", "pet", "aids",
            "hiv", "pin", "sim", "gps", "spa", "srl", "ad", "ia", "naspi",
        ],
        "es": [
            "pib", "ipc", "iva", "erte", "ertes", "ere", "irpf", "pyme", "pymes", "smi", "ia", "ave", "dana", "ibi",
            "mir", "eso", "ceo", "opa",
        ],
        "pt": ["pib", "iva", "irs", "ipca", "selic", "pme", "pmes", "ia", "ceo", "opa"],
        "nl": [
            "btw", "bbp", "cao", "ozb", "wia", "ww", "aow", "pgb", "zzp", "zzp'er", "vve", "ai", "ceo", "cfo", "ov",
        ],
        "de": ["bip", "mwst", "ki", "ceo", "cfo", "kita", "kitas", "ezb-zins"],
        // The BBC DEV articles had `DVD` ORG 42 times, `PC` 34, `DVDs` MISC 18, `CD` 4. Not
        // `pcs`: the lowercased `PCS` is also a union's name.
        "en": [
            "dvd", "dvds", "pc", "cd", "cds", "tv", "ipo", "ipos", "sms", "mp", "mps", "ceo", "cfo", "gdp", "vat",
            "atm", "atms", "pin",
        ],
    ]

    /// Whether a one-word mention is a common-noun acronym of the language.
    ///
    /// - Parameters:
    ///   - mention: A named mention.
    ///   - text: Its text.
    ///   - language: The text's language.
    /// - Returns: Whether to drop it.
    static func isCommonNoun(_ mention: EntityMention, in text: ScalarText, language: String) -> Bool {
        guard let nouns = nouns[language], mention.type.isNamed, mention.end - mention.start <= 8 else { return false }
        let word = text.slice(mention.range)
        return !word.contains(" ") && nouns.contains(word.lowercased())
    }
}
