/// A small language guesser: tells English, Spanish, German, Portuguese, Russian, French and
/// Dutch apart by their commonest short words (a word common to several, such as `de` or
/// `que`, counts a share for each).
///
/// The real detector is the `language` processor (Plugins/Language); this one is for a step
/// that needs a language when no `language` step ran (as `entities` does with
/// `lector process --processors entities`), and costs one hash lookup per short word.
public enum LanguageGuess {
    /// The commonest short function words of each language with a model.
    public static let stopWords: [String: [String]] = [
        "en": ["the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "it", "by", "as", "at", "he"],
        "es": ["de", "la", "el", "que", "y", "en", "los", "del", "las", "por", "con", "para", "una", "se", "al", "es"],
        "de": [
            "der", "die", "und", "den", "dem", "ist", "mit", "auf", "ein", "eine", "sich", "auch", "im", "zu", "von",
            "für",
        ],
        "pt": [
            "do", "da", "em", "os", "um", "não", "dos", "das", "ao", "com", "é", "pela", "pelo", "foi", "à", "mais",
        ],
        "ru": ["и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "к", "за", "от", "для", "он", "о"],
        "fr": [
            "le", "la", "les", "de", "des", "et", "est", "une", "du", "qui", "dans", "pas", "au", "sur", "il", "ne",
            "en", "que", "à", "ce", "aux",
        ],
        "nl": ["het", "een", "van", "dat", "niet", "op", "zijn", "met", "voor", "te", "er", "ook", "aan", "bij", "om"],
    ]

    private static let keys: [WordKey: [String]] = {
        var keys: [WordKey: [String]] = [:]
        for (language, words) in stopWords.sorted(by: { $0.key < $1.key }) {
            for word in words {
                guard let key = WordKey(ArraySlice(Array(word.unicodeScalars))) else { continue }
                keys[key, default: []].append(language)
            }
        }
        return keys
    }()

    /// The language among `candidates` whose function words are commonest in the text's
    /// first 400 tokens, or `nil` when none occurs.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - tokens: Its tokens.
    ///   - candidates: The languages to choose from.
    /// - Returns: The best candidate, if any word counted.
    public static func guess(_ text: ScalarText, tokens: [Token], among candidates: [String]) -> String? {
        var counts: [String: Double] = [:]
        for token in tokens.prefix(400) where token.kind == .word && token.end - token.start <= 4 {
            guard let key = WordKey(text.scalars[token.range], lowercasingASCII: true), let languages = keys[key] else {
                continue
            }
            let among = languages.filter(candidates.contains)
            for language in among { counts[language, default: 0] += 1 / Double(among.count) }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
