/// The tone toward a target: how likely a sentence is negative, neutral or positive toward
/// something it names.
package struct TargetTone: Sendable, Equatable {
    /// The three probabilities, summing to 1.
    package var negative: Float
    /// See ``negative``.
    package var neutral: Float
    /// See ``negative``.
    package var positive: Float

    /// `positive - negative`, in -1…1.
    package var score: Float { positive - negative }

    /// The most probable label.
    package var label: String {
        if neutral >= positive, neutral >= negative { return "neutral" }
        return positive > negative ? "positive" : "negative"
    }

    /// The most probable label's probability.
    package var confidence: Float { max(negative, neutral, positive) }

    /// The mean of several tones (one per mention of an entity).
    ///
    /// - Parameter tones: The tones; at least one.
    /// - Returns: Their mean.
    static func mean(_ tones: [TargetTone]) -> TargetTone {
        let count = Float(max(1, tones.count))
        return TargetTone(
            negative: tones.reduce(0) { $0 + $1.negative } / count,
            neutral: tones.reduce(0) { $0 + $1.neutral } / count,
            positive: tones.reduce(0) { $0 + $1.positive } / count
        )
    }
}
