/// The learned layer: a linear model over the rule scorer's features and the words.
///
/// Loaded from `Models/sentiment/weights.tsv` (see `Models/sentiment/README.md`), trained by
/// `Tools/sentiment/train.py` on the MIT-licensed VADER sets. A score is
/// `bias + Σ feature·weight + scale · Σ word weights`, clamped to -1…1.
package struct LearnedLayer: Sendable {
    /// The bias.
    package let bias: Float
    /// The weight of each dense feature, in ``SentimentFeatures/names`` order.
    let featureWeights: [Float]
    /// The weight of each word.
    package let wordWeights: [String: Float]
    /// The weight of each word when negated (written `¬word` in the file).
    let negatedWeights: [String: Float]

    /// Creates a layer.
    ///
    /// - Parameters:
    ///   - bias: The bias.
    ///   - featureWeights: One weight per dense feature.
    ///   - wordWeights: Word weights; a key `¬word` is the weight of a negated word.
    package init(bias: Float, featureWeights: [Float], wordWeights: [String: Float]) {
        self.bias = bias
        self.featureWeights = featureWeights
        var plain: [String: Float] = [:]
        var negated: [String: Float] = [:]
        for (word, weight) in wordWeights {
            if word.hasPrefix("¬") { negated[String(word.dropFirst())] = weight } else { plain[word] = weight }
        }
        self.wordWeights = plain
        self.negatedWeights = negated
    }

    /// Parses `weights.tsv`: `bias<TAB>-<TAB>W`, `f<TAB>NAME<TAB>W`, `w<TAB>WORD<TAB>W`.
    ///
    /// - Parameter bytes: The file's UTF-8 bytes.
    /// - Throws: ``SentimentModelError`` on a malformed line or a missing feature.
    package init(parsing bytes: [UInt8]) throws(SentimentModelError) {
        var bias: Float = 0
        var features: [String: Float] = [:]
        var words: [String: Float] = [:]
        let lines = try TabSeparatedRecords.forEach(in: bytes) { number, fields throws(SentimentModelError) in
            guard fields.count == 3, let value = Float(String(decoding: fields[2], as: UTF8.self)) else {
                throw SentimentModelError(file: "weights.tsv", line: number, message: "expected KIND, NAME and WEIGHT")
            }
            let name = String(decoding: fields[1], as: UTF8.self)
            switch String(decoding: fields[0], as: UTF8.self) {
            case "bias": bias = value
            case "f": features[name] = value
            case "w": words[name] = value
            default: throw SentimentModelError(file: "weights.tsv", line: number, message: "unknown kind")
            }
        }
        var weights: [Float] = []
        for name in SentimentFeatures.names {
            guard let weight = features[name] else {
                throw SentimentModelError(file: "weights.tsv", line: lines, message: "no weight for feature '\(name)'")
            }
            weights.append(weight)
        }
        self.init(bias: bias, featureWeights: weights, wordWeights: words)
    }

    /// The score of a span's features, in -1…1.
    ///
    /// - Parameter features: The span's features.
    /// - Returns: The learned score.
    package func score(_ features: SentimentFeatures) -> Float {
        let total = bias + features.denseDot(featureWeights) + features.learnedWords * features.wordScale
        return min(1, max(-1, total))
    }
}
