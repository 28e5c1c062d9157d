/// A token: a span of scalar offsets and what kind of text it is.
///
/// Offsets count Unicode scalars into the ``ScalarText`` that was tokenized, half-open.
public struct Token: Sendable, Equatable {
    /// What kind of text a token is.
    public enum Kind: Sendable, Equatable {
        /// Letters (with marks, inner digits, inner apostrophes and hyphens), a known
        /// abbreviation or initial with its period (`Mr.`, `U.S.`, `J.`), a single Han,
        /// Hiragana or Katakana character, or a run of Thai, Lao, Khmer or Myanmar letters.
        /// A number directly followed by letters (`4th`, `1990s`, `3D`) is a word too.
        case word
        /// Digits, with inner decimal and grouping separators: `42`, `3.5`, `1,234.56`,
        /// `1,50,000`, `1.234,56`.
        case number
        /// Punctuation. A run of sentence enders (`...`, `?!`, `。！`) or of hyphens (`--`)
        /// is one token; other punctuation is one token per character.
        case punctuation
        /// Symbols (`%`, `$`, `+`, `&`, `@`, `#`, `/`, `©`), an emoji with its modifiers,
        /// variation selectors and zero-width-joined parts, and whole URLs and e-mail
        /// addresses.
        case symbol
    }

    /// The offset of the first scalar.
    public var start: Int
    /// The offset just past the last scalar.
    public var end: Int
    /// The kind of token.
    public var kind: Kind

    /// Creates a token.
    ///
    /// - Parameters:
    ///   - start: The offset of the first scalar.
    ///   - end: The offset just past the last scalar.
    ///   - kind: The kind of token.
    public init(start: Int, end: Int, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }

    /// The token's range of scalar offsets.
    public var range: Range<Int> { start..<end }

    /// The token's text.
    ///
    /// - Parameter text: The text that was tokenized.
    /// - Returns: The scalars from ``start`` to ``end``.
    public func text(in text: ScalarText) -> String {
        text.slice(start..<end)
    }
}

extension Array where Element == Token {
    /// The index of the first token that starts at or after `offset` (`count` when none
    /// does), by binary search: tokens are in text order.
    ///
    /// - Parameter offset: A scalar offset.
    /// - Returns: The index.
    public func firstIndex(startingAtOrAfter offset: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
