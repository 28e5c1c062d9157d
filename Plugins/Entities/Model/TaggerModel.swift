/// A trained BIO tagger for ``NamedType`` entities: hashed feature weights, tag
/// transitions, and a list of words known in lowercase.
///
/// Immutable once built, so one instance is shared by every worker. Load it with
/// ``init(bytes:)``; the file format is in `TaggerModel+Binary.swift`.
package final class TaggerModel: Sendable {
    /// The language the model was trained for (ISO 639-1), as recorded in the file.
    package let language: String
    /// The number of feature buckets is `1 << bucketBits`.
    package let bucketBits: Int
    /// `buckets * tagCount` weights, bucket by bucket.
    let weights: [Float]
    /// `(tagCount + 1) * tagCount` transition weights; the last row is the start.
    let transitions: [Float]
    /// ``transitions`` with the moves BIO forbids set to impossible (see ``Viterbi``).
    let allowedTransitions: [Float]
    /// The features this model reads.
    let extractor: FeatureExtractor

    /// Creates a model from its parts.
    ///
    /// - Parameters:
    ///   - language: The language code.
    ///   - bucketBits: log2 of the number of buckets.
    ///   - weights: `(1 << bucketBits) * tagCount` weights.
    ///   - transitions: `(tagCount + 1) * tagCount` weights.
    ///   - lowercaseWords: Hashes of words known in lowercase.
    ///   - gazetteer: Known place names.
    ///   - clusters: Word clusters (none by default).
    package init(
        language: String,
        bucketBits: Int,
        weights: [Float],
        transitions: [Float],
        lowercaseWords: some Sequence<UInt64>,
        gazetteer: Gazetteer,
        clusters: WordClusters = .empty
    ) {
        self.language = language
        self.bucketBits = bucketBits
        self.weights = weights
        self.transitions = transitions
        self.allowedTransitions = Viterbi.allowedTransitions(transitions)
        self.extractor = FeatureExtractor(
            bucketBits: bucketBits,
            lowercaseWords: HashSet64(lowercaseWords),
            gazetteer: gazetteer,
            clusters: clusters
        )
    }

    /// Tags one sentence.
    ///
    /// - Parameters:
    ///   - tokens: The sentence's token hashes.
    ///   - buckets: Scratch space for the features, reused between calls.
    ///   - withMargins: Whether to compute per-token margins.
    /// - Returns: A BIO tag per token and, when asked, its margin.
    package func tag(
        _ tokens: [TokenFeatures],
        buckets: inout [Int32],
        withMargins: Bool
    ) -> (tags: [Int], margins: [Float]) {
        var scratch = TaggerScratch()
        swap(&scratch.buckets, &buckets)
        tag(tokens, scratch: &scratch, withMargins: withMargins)
        swap(&scratch.buckets, &buckets)
        return (scratch.tags, scratch.margins)
    }

    /// Tags one sentence into reused buffers.
    ///
    /// - Parameters:
    ///   - tokens: The sentence's token hashes.
    ///   - scratch: Buffers reused between calls; on return its `tags` hold a BIO tag per
    ///     token and, when asked, its `margins` a margin per token (else it is empty).
    ///   - withMargins: Whether to compute per-token margins.
    func tag(_ tokens: [TokenFeatures], scratch: inout TaggerScratch, withMargins: Bool) {
        extractor.extract(tokens, into: &scratch.buckets, places: &scratch.places)
        Self.emissions(
            weights: weights,
            buckets: scratch.buckets,
            count: tokens.count,
            perToken: extractor.templateCount,
            into: &scratch.emissions
        )
        Viterbi.decode(count: tokens.count, allowed: allowedTransitions, withMargins: withMargins, scratch: &scratch)
    }

    /// Sums the weights of each token's features, per tag.
    ///
    /// The nine tag weights of a bucket are read as eight lanes of a SIMD vector plus one,
    /// and summed in registers.
    ///
    /// - Parameters:
    ///   - weights: The model's weights, bucket by bucket.
    ///   - buckets: `perToken` feature buckets per token.
    ///   - count: The number of tokens.
    ///   - perToken: Features per token (``FeatureExtractor/templateCount``).
    /// - Returns: `tagCount` scores per token.
    package static func emissions(weights: [Float], buckets: [Int32], count: Int, perToken: Int) -> [Float] {
        var emissions: [Float] = []
        Self.emissions(weights: weights, buckets: buckets, count: count, perToken: perToken, into: &emissions)
        return emissions
    }

    /// Writes ``emissions(weights:buckets:count:perToken:)`` into a reused buffer.
    package static func emissions(
        weights: [Float],
        buckets: [Int32],
        count: Int,
        perToken: Int,
        into emissions: inout [Float]
    ) {
        let tags = NamedType.tagCount
        emissions.reset(to: 0, count: count * tags)
        weights.withUnsafeBufferPointer { table in
            buckets.withUnsafeBufferPointer { features in
                emissions.withUnsafeMutableBufferPointer { scores in
                    guard let base = table.baseAddress, tags == 9 else {
                        for token in 0..<count {
                            for feature in features[(token * perToken)..<((token + 1) * perToken)] {
                                for tag in 0..<tags { scores[token * tags + tag] += table[Int(feature) * tags + tag] }
                            }
                        }
                        return
                    }
                    let raw = UnsafeRawPointer(base)
                    for token in 0..<count {
                        var lanes = SIMD8<Float>()
                        var last: Float = 0
                        for feature in features[(token * perToken)..<((token + 1) * perToken)] {
                            let offset = Int(feature) * 9
                            lanes += raw.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Float>.self)
                            last += base[offset + 8]
                        }
                        let out = token * 9
                        for lane in 0..<8 { scores[out + lane] = lanes[lane] }
                        scores[out + 8] = last
                    }
                }
            }
        }
    }
}
