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
    /// The clauses split further at `,` `:` and dashes, each with its own features,
    /// unweighted.
    package var segments: [Clause] = []

    /// A clause: a span and its features.
    package struct Clause: Sendable {
        /// Scalar offset of the clause's first word.
        package var start: Int
        /// Scalar offset just past its last word.
        package var end: Int
        /// Its features.
        package var features: SentimentFeatures
    }

    /// What to attribute to something mentioned at a scalar offset: the segment holding it
    /// when that segment carries sentiment of its own (`FTSE ends lower, Tesco
    /// outperforms`: Tesco gets `outperforms`), else the clause holding it, else the whole
    /// sentence.
    ///
    /// - Parameter offset: A scalar offset inside the sentence.
    /// - Returns: A key that is the same for two offsets given the same span (to count a
    ///   span once), and the span's features.
    package func attribution(at offset: Int) -> (key: Int, features: SentimentFeatures) {
        if let index = segments.firstIndex(where: { offset < $0.end }), segments[index].features.hasSentiment {
            return (1024 + index, segments[index].features)
        }
        guard let index = clauses.firstIndex(where: { offset < $0.end }) else {
            return (clauses.count, clauses.last?.features ?? features)
        }
        return (index, clauses[index].features)
    }
}
