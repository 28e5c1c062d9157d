import Glibc

/// What the rules found in a span of text (a clause, a sentence or a whole document), the
/// input of both the rule score and the learned layer.
package struct SentimentFeatures: Sendable, Equatable {
    /// The names of the dense features, in the order ``dense`` gives them.
    package static let names = [
        "rule", "positive", "negative", "finance", "emphasis", "length", "pattern_positive", "pattern_negative",
        "connotation_positive", "connotation_negative", "connotation_mean", "tone_per_word",
    ]

    /// The sum of the positive word contributions and finance compositions (valence
    /// scale, -4…4 per word).
    package var positive: Float = 0
    /// The sum of the negative word contributions, as a positive number.
    package var negative: Float = 0
    /// The sum of the finance compositions (`profit rose` +, `costs rose` −), also counted
    /// in ``positive`` or ``negative``.
    package var finance: Float = 0
    /// The sum of the positive polarities of the second lexicon (Pattern's adjectives,
    /// -1…1 per word), after intensifiers, negation, hedges and contrast.
    package var patternPositive: Float = 0
    /// The sum of its negative polarities, as a positive number.
    package var patternNegative: Float = 0
    /// The sum of the positive connotations of the third lexicon (labMT's happiness
    /// ratings, -1…1 per word), after negation, hedges and contrast.
    package var connotationPositive: Float = 0
    /// The sum of its negative connotations, as a positive number.
    package var connotationNegative: Float = 0
    /// The words the third lexicon knows (scaled like the sums when spans are added).
    var connotationWords: Float = 0
    /// The sum of the tones of the words that have one (negated ones reversed and damped as
    /// valences are), each times its contrast weight and hedge scale.
    var toneSum: Float = 0
    /// The letter words outside compositions, toned or not: the denominator of the tone per
    /// word (scaled like the sums when spans are added, so the ratio keeps its scale).
    package var plainWords: Float = 0
    /// Exclamation marks (at most three a sentence count).
    var exclamations: Float = 0
    /// Word tokens seen.
    package var wordCount: Float = 0
    /// The sum of the learned layer's word weights, each times its contrast weight and
    /// hedge scale (0 without a layer).
    package var learnedWords: Float = 0
    /// The words, lowercase, negated ones prefixed with `¬`, when the scorer collects them
    /// (to train the learned layer); empty otherwise.
    package var words: [String] = []
    /// The contrast weight (`but`: before 0.5, after 1.5) times the hedge scale of each of
    /// ``words``, which scales its learned weight as it scales its valence.
    package var wordWeights: [Float] = []
    /// The scale of the word weights (below 1 for long documents).
    package var wordScale: Float = 1

    /// Creates empty features.
    package init() {}

    /// The signed rule sum: positive minus negative (finance included), emphasised by `!`.
    var ruleSum: Float {
        let sum = positive - negative
        guard sum != 0 else { return 0 }
        return sum + (sum > 0 ? 1 : -1) * 0.3 * min(exclamations, 3)
    }

    /// Whether any word or composition carried sentiment (a valence, a polarity or a
    /// finance composition; a connotation does not count: names like `Apple` or `Shell`
    /// have one).
    var hasSentiment: Bool {
        positive != 0 || negative != 0 || patternPositive != 0 || patternNegative != 0
    }

    /// The rule score, in -1…1.
    var ruleScore: Float {
        tanhf(ruleSum / 3)
    }

    /// The dense features, in ``names`` order, each roughly in -1…1: the rule score, the
    /// positive and negative sums, the finance sum, emphasis, length, and the second
    /// lexicon's positive and negative sums, the third lexicon's positive and negative
    /// sums and mean, and the tone per word.
    package var dense: [Float] {
        var values: [Float] = []
        values.reserveCapacity(Self.names.count)
        forEachDense { _, value in values.append(value) }
        return values
    }

    /// The dot product of the dense features with weights in ``names`` order, without
    /// building an array (this runs for every sentence).
    ///
    /// - Parameter weights: One weight per dense feature; missing ones count 0.
    /// - Returns: `Σ dense[i] · weights[i]`.
    func denseDot(_ weights: [Float]) -> Float {
        var total: Float = 0
        forEachDense { index, value in
            if index < weights.count { total += value * weights[index] }
        }
        return total
    }

    @inline(__always)
    private func forEachDense(_ body: (Int, Float) -> Void) {
        let sum = ruleSum
        body(0, tanhf(sum / 3))
        body(1, tanhf(positive / 4))
        body(2, tanhf(negative / 4))
        body(3, tanhf(finance / 2))
        body(4, sum == 0 ? 0 : (sum > 0 ? 1 : -1) * min(exclamations, 3) / 3)
        body(5, min(1, wordCount / 40))
        body(6, tanhf(patternPositive))
        body(7, tanhf(patternNegative))
        body(8, tanhf(connotationPositive))
        body(9, tanhf(connotationNegative))
        body(10, connotationWords > 0 ? (connotationPositive - connotationNegative) / connotationWords : 0)
        body(11, plainWords > 0 ? toneSum / plainWords : 0)
    }

    /// Takes out what a part of this span contributed (a name inside it), never below 0.
    ///
    /// - Parameter part: The features of the part, read on its own.
    package mutating func remove(_ part: SentimentFeatures) {
        positive = max(0, positive - part.positive)
        negative = max(0, negative - part.negative)
        finance -= part.finance
        patternPositive = max(0, patternPositive - part.patternPositive)
        patternNegative = max(0, patternNegative - part.patternNegative)
        connotationPositive = max(0, connotationPositive - part.connotationPositive)
        connotationNegative = max(0, connotationNegative - part.connotationNegative)
        connotationWords = max(0, connotationWords - part.connotationWords)
        // The name's words stay words of the span (the tone per word keeps its denominator);
        // only their tones go.
        toneSum -= part.toneSum
        if abs(toneSum) < 1e-6 { toneSum = 0 }
        wordCount = max(0, wordCount - part.wordCount)
        learnedWords -= part.learnedWords
        if abs(learnedWords) < 1e-6 { learnedWords = 0 }
        // The collected words (training dumps only): one occurrence of each of the part's.
        for word in part.words {
            guard let index = words.lastIndex(of: word) else { continue }
            words.remove(at: index)
            if index < wordWeights.count { wordWeights.remove(at: index) }
        }
    }

    /// Adds another span's features, scaling its contributions.
    ///
    /// - Parameters:
    ///   - other: The span to add.
    ///   - weight: The scale of its sums.
    ///   - wordFactor: The scale of its learned word weights (the whole span's ``wordScale``
    ///     applies on top).
    package mutating func add(_ other: SentimentFeatures, weight: Float = 1, wordFactor: Float = 1) {
        positive += other.positive * weight
        negative += other.negative * weight
        finance += other.finance * weight
        patternPositive += other.patternPositive * weight
        patternNegative += other.patternNegative * weight
        connotationPositive += other.connotationPositive * weight
        connotationNegative += other.connotationNegative * weight
        connotationWords += other.connotationWords * weight
        toneSum += other.toneSum * weight
        plainWords += other.plainWords * weight
        exclamations += other.exclamations
        wordCount += other.wordCount
        learnedWords += other.learnedWords * wordFactor
        words.append(contentsOf: other.words)
        wordWeights.append(contentsOf: wordFactor == 1 ? other.wordWeights : other.wordWeights.map { $0 * wordFactor })
    }
}
