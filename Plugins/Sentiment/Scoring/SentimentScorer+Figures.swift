import LectorText

extension SentimentScorer {
    /// Whether a sentence's tokens hold a figure: an amount, a count or a rate, which makes
    /// `up` and `down` words of change (see ``applyRules(_:hasFigures:)``).
    ///
    /// A figure is a number (`5`, `1.2`), a number glued to its unit (`5pc`, `10bn`, `3m`),
    /// a currency sign (`$`, `€`, `₹`) or a percent sign (`%`, `‰`, `％`). A year (`2019`,
    /// `1990s`: four digits from 1800 to 2100) is a date, not a figure.
    ///
    /// - Parameters:
    ///   - tokens: The sentence's tokens.
    ///   - scalars: The text the tokens index.
    /// - Returns: Whether any of them is a figure.
    static func hasFigures(_ tokens: ArraySlice<Token>, scalars: [Unicode.Scalar]) -> Bool {
        tokens.contains { token in
            switch token.kind {
            case .number, .word:
                let digits = scalars[token.range].prefix { $0.value >= 0x30 && $0.value <= 0x39 }
                guard !digits.isEmpty else { return false }
                return !isYear(digits)
            case .symbol, .punctuation:
                let scalar = scalars[token.start]
                return percentSigns.contains(scalar) || scalar.properties.generalCategory == .currencySymbol
            }
        }
    }

    /// Percent and per-mille signs, the full-width one (a punctuation mark) included.
    private static let percentSigns: Set<Unicode.Scalar> = ["%", "‰", "‱", "٪", "％"]

    /// Whether ASCII digits are a year: four of them, from 1800 to 2100.
    private static func isYear(_ digits: ArraySlice<Unicode.Scalar>) -> Bool {
        guard digits.count == 4 else { return false }
        let value = digits.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
        return (1800...2100).contains(value)
    }
}
