package import LectorEntities

/// Trains a ``TaggerModel`` with the averaged structured perceptron (Collins 2002): decode
/// each training sentence with the current weights and, where the best path differs from
/// the gold one, add the gold path's features and subtract the predicted path's; the model
/// keeps the average of the weights over all steps.
package struct PerceptronTrainer {
    /// The language code recorded in the model.
    package var language: String
    /// log2 of the number of feature buckets.
    package var bucketBits: Int
    /// Passes over the training data.
    package var epochs: Int
    /// Known place names, for features (empty: none).
    package var gazetteer: Gazetteer = .empty
    /// Word clusters, for features (empty: none).
    package var clusters: WordClusters = .empty
    /// Called after each epoch with the epoch number and the averaged model so far.
    package var onEpoch: ((Int, TaggerModel) -> Void)?

    /// Creates a trainer.
    ///
    /// - Parameters:
    ///   - language: The language code.
    ///   - bucketBits: log2 of the number of buckets (18 gives a 4.7 MB model).
    ///   - epochs: Passes over the data.
    package init(language: String, bucketBits: Int = 18, epochs: Int = 7) {
        self.language = language
        self.bucketBits = bucketBits
        self.epochs = epochs
    }

    /// Trains on a corpus.
    ///
    /// - Parameter corpus: The training sentences.
    /// - Returns: The averaged model.
    package func train(_ corpus: CoNLLCorpus) -> TaggerModel {
        let tags = NamedType.tagCount
        let lexicon = Self.lowercaseLexicon(corpus)
        let extractor = FeatureExtractor(
            bucketBits: bucketBits,
            lowercaseWords: HashSet64(lexicon),
            gazetteer: gazetteer,
            clusters: clusters
        )
        let perToken = extractor.templateCount
        var examples: [(buckets: [Int32], gold: [Int])] = []
        examples.reserveCapacity(corpus.sentences.count)
        for sentence in corpus.sentences {
            let features = sentence.tokens.map { TokenFeatures(ArraySlice(Array($0.unicodeScalars))) }
            var buckets: [Int32] = []
            extractor.extract(features, into: &buckets)
            examples.append((buckets, Chunk.tags(sentence.chunks, count: sentence.tokens.count)))
        }
        var weights = [Float](repeating: 0, count: (1 << bucketBits) * tags)
        var totals = [Double](repeating: 0, count: weights.count)
        var transitions = [Float](repeating: 0, count: (tags + 1) * tags)
        var transitionTotals = [Double](repeating: 0, count: transitions.count)
        var step: Double = 1
        var order = Array(examples.indices)
        var random = SplitMix(state: 0x5EED)
        for epoch in 1...max(epochs, 1) {
            for index in order.indices.reversed() {
                order.swapAt(index, Int(random.next() % UInt64(index + 1)))
            }
            for exampleIndex in order {
                let (buckets, gold) = examples[exampleIndex]
                let count = gold.count
                let emissions = TaggerModel.emissions(
                    weights: weights,
                    buckets: buckets,
                    count: count,
                    perToken: perToken
                )
                let predicted = Viterbi.decode(
                    emissions: emissions,
                    count: count,
                    transitions: transitions,
                    withMargins: false
                ).tags
                if predicted != gold {
                    for position in 0..<count {
                        let previousGold = position == 0 ? tags : gold[position - 1]
                        let previousPredicted = position == 0 ? tags : predicted[position - 1]
                        if gold[position] != predicted[position] {
                            for feature in buckets[(position * perToken)..<((position + 1) * perToken)] {
                                let base = Int(feature) * tags
                                weights[base + gold[position]] += 1
                                totals[base + gold[position]] += step
                                weights[base + predicted[position]] -= 1
                                totals[base + predicted[position]] -= step
                            }
                        }
                        if gold[position] != predicted[position] || previousGold != previousPredicted {
                            transitions[previousGold * tags + gold[position]] += 1
                            transitionTotals[previousGold * tags + gold[position]] += step
                            transitions[previousPredicted * tags + predicted[position]] -= 1
                            transitionTotals[previousPredicted * tags + predicted[position]] -= step
                        }
                    }
                }
                step += 1
            }
            if let onEpoch, epoch < epochs {
                onEpoch(epoch, average(weights, totals, transitions, transitionTotals, step, lexicon))
            }
        }
        let model = average(weights, totals, transitions, transitionTotals, step, lexicon)
        onEpoch?(epochs, model)
        return model
    }

    private func average(
        _ weights: [Float],
        _ totals: [Double],
        _ transitions: [Float],
        _ transitionTotals: [Double],
        _ step: Double,
        _ lexicon: Set<UInt64>
    ) -> TaggerModel {
        let averaged = zip(weights, totals).map { Float(Double($0) - $1 / step) }
        let averagedTransitions = zip(transitions, transitionTotals).map { Float(Double($0) - $1 / step) }
        return TaggerModel(
            language: language,
            bucketBits: bucketBits,
            weights: averaged,
            transitions: averagedTransitions,
            lowercaseWords: lexicon,
            gazetteer: gazetteer,
            clusters: clusters
        )
    }

    /// Hashes of the words that occur at least twice in all-lowercase form.
    static func lowercaseLexicon(_ corpus: CoNLLCorpus) -> Set<UInt64> {
        var counts: [UInt64: Int] = [:]
        for sentence in corpus.sentences {
            for token in sentence.tokens where token.unicodeScalars.allSatisfy({ !$0.properties.isUppercase }) {
                let features = TokenFeatures(ArraySlice(Array(token.unicodeScalars)))
                if features.hasLetter { counts[features.lower, default: 0] += 1 }
            }
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }
}

/// A small deterministic random number generator, so training is reproducible.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
