/// How long a summary may be: a number of sentences or a share of the article's, and
/// optionally a cap in characters.
package struct SummaryLength: Sendable, Equatable {
    /// How many sentences to pick.
    package enum Count: Sendable, Equatable {
        /// This many sentences (option `sentences`).
        case sentences(Int)
        /// This share of the article's sentences that are not furniture, rounded, at least
        /// one (option `ratio`).
        case ratio(Double)
    }

    /// The number of sentences.
    package var count: Count
    /// The most characters (Unicode scalars) the picked sentences may have together, not
    /// counting the spaces that join them (option `max_chars`); `nil` for no cap.
    package var maxCharacters: Int?

    /// Creates a length.
    ///
    /// - Parameters:
    ///   - count: The number of sentences.
    ///   - maxCharacters: The cap in characters, if any.
    package init(_ count: Count = .sentences(3), maxCharacters: Int? = nil) {
        self.count = count
        self.maxCharacters = maxCharacters
    }

    /// The number of sentences to pick from an article with `available` candidates.
    ///
    /// - Parameter available: Sentences that may be picked.
    /// - Returns: At most `available`.
    func sentenceCount(available: Int) -> Int {
        switch count {
        case .sentences(let wanted): return min(wanted, available)
        case .ratio(let share):
            guard available > 0 else { return 0 }
            return min(available, max(1, Int((share * Double(available)).rounded())))
        }
    }
}
