/// Nationality and region adjectives (`Russian`, `German`, `European`): MISC for the CoNLL
/// scheme, but a word about where something comes from, not a thing the article is about.
/// An entity all of whose mentions are one of these words is marked `"demonym": true`,
/// ranks below names in salience, and gets no tone of its own from the sentiment step.
///
/// The list is the adjectival forms in common news use, written out here: English (its
/// plurals, `Russians`, people, are not in it), and the capitalised forms of the languages
/// tagged by rules: Dutch adjectives (`Duitse`), French and Italian names of peoples
/// (`Français`, `Italiani`).
enum Demonyms {
    /// The words, lowercased.
    static let words: Set<String> = [
        "afghan", "african", "albanian", "algerian", "american", "andalusian", "arab", "arabian", "argentine",
        "argentinian", "armenian", "asian", "australian", "austrian", "azerbaijani", "balkan", "baltic",
        "bangladeshi", "basque", "belarusian", "belgian", "bolivian", "bosnian", "brazilian", "british",
        "bulgarian", "burmese", "cambodian", "canadian", "caribbean", "catalan", "chechen", "chilean", "chinese",
        "colombian", "congolese", "croatian", "cuban", "cypriot", "czech", "danish", "dutch", "ecuadorian",
        "egyptian", "emirati", "english", "eritrean", "estonian", "ethiopian", "european", "filipino", "finnish",
        "flemish", "french", "georgian", "german", "ghanaian", "greek", "guatemalan", "haitian", "honduran",
        "hungarian", "icelandic", "indian", "indonesian", "iranian", "iraqi", "irish", "israeli", "italian",
        "ivorian", "jamaican", "japanese", "jordanian", "kazakh", "kenyan", "korean", "kosovan", "kurdish",
        "kuwaiti", "kyrgyz", "latin", "latvian", "lebanese", "libyan", "lithuanian", "luxembourgish",
        "macedonian", "malaysian", "maltese", "mexican", "moldovan", "mongolian", "montenegrin", "moroccan",
        "nepalese", "nigerian", "nordic", "norwegian", "pakistani", "palestinian", "panamanian", "paraguayan",
        "persian", "peruvian", "polish", "portuguese", "qatari", "romanian", "russian", "rwandan", "saudi",
        "scandinavian", "scottish", "senegalese", "serbian", "slovak", "slovakian", "slovenian", "somali",
        "soviet", "spanish", "sudanese", "swedish", "swiss", "syrian", "taiwanese", "tajik", "tanzanian", "thai",
        "tibetan", "tunisian", "turkish", "turkmen", "ugandan", "ukrainian", "uruguayan", "uzbek", "venezuelan",
        "vietnamese", "welsh", "yemeni", "zambian", "zimbabwean",
        // nl
        "afrikaanse", "amerikaanse", "arabische", "aziatische", "belgische", "britse", "canadese", "deense",
        "duitse", "engelse", "europese", "franse", "griekse", "iraanse", "israëlische", "italiaanse", "japanse",
        "nederlandse", "noorse", "oekraïense", "oostenrijkse", "palestijnse", "poolse", "russische", "spaanse",
        "syrische", "turkse", "vlaamse", "zweedse", "zwitserse", "chinees",
        // fr
        "allemands", "allemandes", "américains", "américaines", "anglais", "belges", "britanniques", "canadiens",
        "chinois", "espagnols", "européens", "européennes", "français", "françaises", "grecs", "iraniens",
        "israéliens", "italiens", "italiennes", "japonais", "marocains", "néerlandais", "palestiniens", "polonais",
        "portugais", "russes", "suisses", "syriens", "turcs", "ukrainiens",
        // it
        "americani", "britannici", "cinesi", "europei", "francesi", "inglesi", "israeliani", "italiani", "olandesi",
        "palestinesi", "russi", "spagnoli", "tedeschi", "ucraini",
    ]

    /// The weight of a demonym's salience against a name's.
    static let salienceWeight = 0.25

    /// Whether every mention's text is one of ``words``.
    ///
    /// - Parameter mentions: The mentions' texts.
    /// - Returns: `true` when all are demonyms.
    static func all(_ mentions: [String]) -> Bool {
        !mentions.isEmpty && mentions.allSatisfy { words.contains($0.lowercased()) }
    }
}
