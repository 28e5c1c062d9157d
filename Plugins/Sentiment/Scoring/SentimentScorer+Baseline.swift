package import LectorText

extension SentimentScorer {
    /// The threshold of ``lexiconBaseline(_:)``'s labels: VADER's own.
    package static let baselineBand: Float = 0.05

    /// A VADER-style baseline to measure the rules and the learned layer against: the
    /// valences of the text's words in the same lexicon, summed with no rule at all (no
    /// negation, intensifier, contrast, capitals or composition; negators and intensifiers
    /// count nothing), then normalised as VADER normalises its sum, `x / √(x² + 15)`. Its
    /// labels cut at ±``baselineBand``. It reads the whole text, with no notion of a target.
    ///
    /// - Parameter text: The text.
    /// - Returns: The baseline score, -1…1.
    package func lexiconBaseline(_ text: ScalarText) -> Float {
        let tokens = Tokenizer.tokenize(text)
        let sum = scoredWords(tokens[...], text: text).reduce(Float(0)) { $0 + $1.entry.ownValence }
        return sum / (sum * sum + 15).squareRoot()
    }
}
