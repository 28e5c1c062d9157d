import LectorText

/// Tells the languages with an entity model apart by their commonest words (no word is
/// listed for two languages), for documents that reach the
/// `entities` step without a language (no `language` step ran, as with
/// `lector process --processors entities`).
enum LanguageGuess {
    /// The commonest short function words of each language with a model.
    static let stopWords: [String: [String]] = [
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
    ]

    private static let keys: [UInt64: String] = {
        var keys: [UInt64: String] = [:]
        for (language, words) in stopWords.sorted(by: { $0.key < $1.key }) {
            for word in words where keys[ValueScan.key(ArraySlice(Array(word.unicodeScalars)))] == nil {
                keys[ValueScan.key(ArraySlice(Array(word.unicodeScalars)))] = language
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
    static func guess(_ text: ScalarText, tokens: [Token], among candidates: [String]) -> String? {
        var counts: [String: Int] = [:]
        for token in tokens.prefix(400) where token.kind == .word && token.end - token.start <= 4 {
            if let language = keys[ValueScan.key(text.scalars[token.range])], candidates.contains(language) {
                counts[language, default: 0] += 1
            }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
