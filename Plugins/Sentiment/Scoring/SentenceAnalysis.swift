/// A sentence as the scorer saw it: its span, its features and its clauses.
package struct SentenceAnalysis: Sendable {
    /// Scalar offset of the sentence's first scalar.
    package var start: Int
    /// Scalar offset just past its last scalar.
    package var end: Int
    /// The sentence's features, contrast weighting applied.
    package var features: SentimentFeatures
    /// The sentence's clauses (split at contrast words and `;`), each with its own
    /// features, unweighted.
    package var clauses: [Clause]

    /// A clause: a span and its features.
    package struct Clause: Sendable {
        /// Scalar offset of the clause's first word.
        package var start: Int
        /// Scalar offset just past its last word.
        package var end: Int
        /// Its features.
        package var features: SentimentFeatures
    }

    /// The clause holding a scalar offset, or the whole sentence when none does.
    ///
    /// - Parameter offset: A scalar offset inside the sentence.
    /// - Returns: The features to attribute to something mentioned there.
    package func features(at offset: Int) -> SentimentFeatures {
        for clause in clauses where offset < clause.end {
            return clause.features
        }
        return clauses.last?.features ?? features
    }
}
