/// The `sentiment` processor's options.
package struct SentimentOptions: Sendable, Equatable {
    /// Whether to score each entity the entities step found (`per_entity`, default `true`).
    package var perEntity: Bool
    /// Whether to list each sentence's score (`sentences`, default `true`).
    package var sentences: Bool
    /// Scores within ±band are `neutral` (`neutral_band`, default 0.1).
    package var neutralBand: Double
    /// The fewest mentions an entity needs to be scored (`min_mentions`, default 1).
    package var minMentions: Int
    /// The languages scored besides English (`languages`); `nil`, the default, scores
    /// every language whose lexicon is in the models folder.
    package var languages: [String]?

    /// Creates options.
    ///
    /// - Parameters:
    ///   - perEntity: Score each entity.
    ///   - sentences: List sentence scores.
    ///   - neutralBand: The half-width of the neutral band.
    ///   - minMentions: The fewest mentions an entity needs.
    ///   - languages: The languages scored (English always is); `nil` for every language
    ///     with a lexicon.
    package init(
        perEntity: Bool = true,
        sentences: Bool = true,
        neutralBand: Double = 0.1,
        minMentions: Int = 1,
        languages: [String]? = nil
    ) {
        self.perEntity = perEntity
        self.sentences = sentences
        self.neutralBand = neutralBand
        self.minMentions = minMentions
        self.languages = languages
    }

    /// The label of a score: `positive` at or above the band, `negative` at or below minus
    /// the band, else `neutral`.
    ///
    /// - Parameter score: A score in -1…1.
    /// - Returns: The label.
    package func label(for score: Double) -> String {
        score >= neutralBand ? "positive" : score <= -neutralBand ? "negative" : "neutral"
    }
}
