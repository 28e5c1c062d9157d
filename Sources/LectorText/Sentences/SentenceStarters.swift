/// Capitalised words that commonly start a sentence, and month names.
///
/// After an abbreviation that can also end a sentence (`U.S.`, `etc.`, `Inc.`) or a single
/// initial (`B.`), the splitter ends the sentence only when one of these starters follows:
/// "…in the U.S. The president…" splits, "…the U.S. Army…" does not.
enum SentenceStarters {
    private static let starters = keys([
        // English
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
        "Here", "But", "And", "Or", "So", "Yet", "In", "On", "At", "As", "If", "When", "While", "After", "Before",
        "However", "Meanwhile", "Then", "Now", "His", "Her", "Its", "Their", "Our", "My", "Your", "What", "Who",
        "Why", "How", "Where", "Which", "Some", "Many", "Most", "All", "No", "Not", "One", "Since", "Because",
        "Although", "Though", "Also", "Still", "Today", "Yesterday", "Tomorrow", "Last", "Next", "For", "From",
        "With", "By", "To", "Despite", "Instead", "During", "Thus", "Indeed", "Moreover", "Nevertheless", "Yes",
        "Each", "Every", "Both", "Such", "Other", "Others", "Several", "According", "Later", "Earlier", "Under",
        // German
        "Der", "Die", "Das", "Ein", "Eine", "Er", "Sie", "Es", "Wir", "Ich", "Aber", "Und", "Im", "Am", "Auf",
        "Dies", "Diese", "Dieser", "Dann", "Doch", "Auch", "Nach", "Mit", "Bei", "Zum", "Zur",
        // French
        "Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "Nous", "Je", "Mais", "Et", "Un", "Une", "Ce", "Cette",
        "Dans", "En", "Pour", "Selon",
        // Spanish
        "El", "Los", "Las", "Él", "Ella", "Ellos", "Pero", "Y", "Una", "Este", "Esta", "Para", "Según", "Con",
    ])

    private static let months = keys([
        "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
        "November", "Dezember", "Jan.", "Feb.", "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.",
        "Nov.", "Dez.",
    ])

    /// Whether the text is a common sentence starter.
    ///
    /// - Parameter word: A word token's scalars.
    /// - Returns: Whether it commonly starts a sentence.
    static func isStarter(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = word.first, first.isCapital, word.count <= 12 else { return false }
        return WordKey(word).map(starters.contains) ?? false
    }

    /// Whether the text is a German month name, so that `3. Oktober` (an ordinal day) is
    /// not a sentence end.
    ///
    /// - Parameter word: A word token's scalars.
    /// - Returns: Whether it is a month.
    static func isMonth(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = word.first, first.isCapital, word.count <= 9 else { return false }
        return WordKey(word).map(months.contains) ?? false
    }

    private static func keys(_ words: [String]) -> Set<WordKey> {
        Set(words.compactMap(WordKey.init))
    }
}
