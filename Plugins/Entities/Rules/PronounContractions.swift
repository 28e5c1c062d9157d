import LectorText

/// The English pronoun `I` with a contraction (`I'm`, `I've`, `I'd`, `I'll`): one capitalised
/// token with an apostrophe, shaped like `O'Neill`. The English model learned from text that
/// splits `I` from `'m`, and tagged these MISC, ORG or PERSON 77 times in the 655 BBC DEV
/// articles (`I'm` 53 times). They are never a name, whatever the text's language, and the
/// processor drops a one-word mention that is one.
enum PronounContractions {
    /// The forms, with a straight or a typographic apostrophe.
    static let forms: Set<String> = ["I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll"]

    /// Whether a named mention is exactly one of ``forms``.
    ///
    /// - Parameters:
    ///   - mention: A mention.
    ///   - text: Its text.
    /// - Returns: Whether to drop it.
    static func isContraction(_ mention: EntityMention, in text: ScalarText) -> Bool {
        mention.type.isNamed && (3...4).contains(mention.range.count) && text.scalars[mention.start] == "I"
            && forms.contains(text.slice(mention.range))
    }
}
