extension Document {
    /// A span of the input that a caller wants the tone toward (`targets` in a JSON Lines
    /// record): its offsets as given, and where it is in ``Document/text`` now.
    public struct Target: Sendable, Equatable {
        /// The offsets as the caller gave them (Unicode scalars into the record's `text`).
        public var given: Range<Int>
        /// The offsets into the current text, or `nil` once the span was removed with the
        /// article's header.
        public var current: Range<Int>?

        /// Creates a target at the same place in the given and the current text.
        ///
        /// - Parameter range: Its scalar offsets.
        public init(_ range: Range<Int>) {
            self.init(given: range, current: range)
        }

        /// Creates a target given at one place and found at another.
        ///
        /// - Parameters:
        ///   - given: The offsets as the caller gave them.
        ///   - current: The offsets into the current text, or `nil`.
        public init(given: Range<Int>, current: Range<Int>?) {
            self.given = given
            self.current = current
        }
    }

    /// Removes the text before `index` (a header), moving ``targets`` with the text that
    /// stays; a target that began in the removed part has no current place any more.
    ///
    /// - Parameter index: Where the text that stays begins.
    public mutating func dropText(before index: String.Index) {
        let removed = text.unicodeScalars[..<index].count
        text = String(text[index...])
        for position in targets.indices {
            guard let current = targets[position].current else { continue }
            targets[position].current =
                current.lowerBound >= removed ? (current.lowerBound - removed)..<(current.upperBound - removed) : nil
        }
    }
}
