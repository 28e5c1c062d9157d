import LectorText

/// Abbreviations of country names written in capitals (`US`, `U.S.`, `UK`, `UAE`): a country,
/// LOC, as the CoNLL-2003 annotation tags `U.S.` even before a noun (`U.S. officials`; 309 of
/// its 377 in the English training split). A tagger trained on Reuters text, which writes
/// `U.S.`, reads the undotted `US` of other newspapers as MISC, the way it reads a nationality
/// before a noun (`American officials`): the English model typed 115 of the 225 `US` of the
/// BBC DEV articles so. A mention of exactly such a word that a tagger typed MISC is a place.
enum CountryAbbreviations {
    /// The abbreviations, as written.
    static let forms: Set<String> = ["US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E."]

    /// The longest of ``forms``, in scalars: longer mentions are no abbreviation, with no
    /// string made.
    private static let longest = forms.map(\.unicodeScalars.count).max() ?? 0

    /// The mentions, each MISC one that is exactly a country's abbreviation typed LOC.
    ///
    /// - Parameters:
    ///   - mentions: Named mentions.
    ///   - text: Their text.
    /// - Returns: The mentions, in the same order.
    static func retyped(_ mentions: [EntityMention], in text: ScalarText) -> [EntityMention] {
        mentions.map { mention in
            guard mention.type == .miscellaneous, mention.range.count <= longest,
                forms.contains(text.slice(mention.range))
            else { return mention }
            var place = mention
            place.type = .location
            return place
        }
    }
}
