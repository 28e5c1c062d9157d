/// A sentence as the scorer saw it: its span, its features and its segments.
package struct SentenceAnalysis: Sendable {
    /// Scalar offset of the sentence's first scalar.
    package var start: Int
    /// Scalar offset just past its last scalar.
    package var end: Int
    /// The sentence's features, contrast weighting applied.
    package var features: SentimentFeatures
    /// The sentence's segments in order: its clauses (split at contrast words and `;`)
    /// split further at `,` `:` and dashes, each with its own features, unweighted. A
    /// clause's features are the sum of its segments'.
    var segments: [Segment]
    /// The sentence's words and emoticons as the rules read them, in order.
    var words: [ScoredWord]
    /// The sentence's tokens: indices into the text's tokens.
    var tokens: Range<Int>

    /// A segment: a span, the clause it belongs to, and its features.
    struct Segment: Sendable {
        /// Scalar offset of the segment's first word.
        package var start: Int
        /// Scalar offset just past its last word (the sentence's end for the last one).
        package var end: Int
        /// The clause it belongs to, counted from 0 within the sentence.
        package var clause: Int
        /// Its features.
        package var features: SentimentFeatures
    }

    /// The segments to attribute to something mentioned at a scalar offset: the segment
    /// holding it when that carries sentiment of its own, its name's words aside (`FTSE
    /// ends lower, Tesco outperforms`: Tesco gets `outperforms`), else every segment of
    /// its clause.
    ///
    /// - Parameters:
    ///   - offset: A scalar offset inside the sentence.
    ///   - name: The features of the name mentioned there, which do not count.
    /// - Returns: Indices into ``segments``.
    func attribution(at offset: Int, name: SentimentFeatures = SentimentFeatures()) -> [Int] {
        guard let index = segments.firstIndex(where: { offset < $0.end }) ?? segments.indices.last else { return [] }
        var own = segments[index].features
        own.remove(name)
        if own.hasSentiment { return [index] }
        let clause = segments[index].clause
        return segments.indices.filter { segments[$0].clause == clause }
    }
}
