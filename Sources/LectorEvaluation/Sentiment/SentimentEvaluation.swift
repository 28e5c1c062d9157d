import Glibc
import LectorSentiment

/// Quality figures of sentiment scores against human judgements, for one data set.
///
/// Add one prediction per record; read Pearson r against the human score (when the set
/// has scores), 3-class accuracy and macro-F1 against the gold labels, and the mean time
/// per text.
package struct SentimentEvaluation: Sendable {
    /// The labels, in the order the confusion counts use.
    package static let labels = ["negative", "neutral", "positive"]

    /// The set's name.
    package let name: String
    private var predicted: [Double] = []
    private var gold: [Double] = []
    private var confusion = [[Int]](repeating: [0, 0, 0], count: 3)
    private var polarRecords = 0
    private var polarRight = 0
    /// Records added.
    package private(set) var count = 0
    /// Seconds spent in the processor, summed.
    package private(set) var seconds: Double = 0

    /// Creates an empty evaluation.
    ///
    /// - Parameter name: The set's name.
    package init(name: String) {
        self.name = name
    }

    /// Adds one record.
    ///
    /// - Parameters:
    ///   - score: The predicted score.
    ///   - label: The predicted label.
    ///   - goldScore: The human score (-1…1), or `nil` when the set has only labels.
    ///   - goldLabel: The gold label.
    ///   - seconds: Time spent scoring it.
    package mutating func add(score: Double, label: String, goldScore: Double?, goldLabel: String, seconds: Double) {
        count += 1
        self.seconds += seconds
        if let goldScore {
            predicted.append(score)
            gold.append(goldScore)
        }
        if let row = Self.labels.firstIndex(of: goldLabel), let column = Self.labels.firstIndex(of: label) {
            confusion[row][column] += 1
        }
        if goldLabel == "positive" || goldLabel == "negative" {
            polarRecords += 1
            if (goldLabel == "positive" && score > 0) || (goldLabel == "negative" && score < 0) { polarRight += 1 }
        }
    }

    /// Over the records whose gold label is positive or negative, the share whose score has
    /// that sign (a score of 0 counts as wrong): what the neutral band cannot blur, and the
    /// only fair figure for sets with polar labels only.
    package var polarAccuracy: Double {
        polarRecords > 0 ? Double(polarRight) / Double(polarRecords) : 0
    }

    /// Macro-F1 of always answering the most frequent gold label: the floor to beat.
    package var majorityMacroF1: Double {
        let golds = (0..<3).map { confusion[$0].reduce(0, +) }
        let total = golds.reduce(0, +)
        guard let top = golds.max(), top > 0, total > 0 else { return 0 }
        let precision = Double(top) / Double(total)
        return 2 * precision / (precision + 1) / 3
    }

    /// Pearson's r between predicted and human scores, or `nil` when the set has none.
    package var pearson: Double? {
        guard predicted.count > 1 else { return nil }
        let n = Double(predicted.count)
        let meanX = predicted.reduce(0, +) / n
        let meanY = gold.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (x, y) in zip(predicted, gold) {
            sxy += (x - meanX) * (y - meanY)
            sxx += (x - meanX) * (x - meanX)
            syy += (y - meanY) * (y - meanY)
        }
        guard sxx > 0, syy > 0 else { return 0 }
        return sxy / (sxx * syy).squareRoot()
    }

    /// The share of records whose label is right.
    package var accuracy: Double {
        let total = confusion.joined().reduce(0, +)
        guard total > 0 else { return 0 }
        return Double((0..<3).map { confusion[$0][$0] }.reduce(0, +)) / Double(total)
    }

    /// The mean over the three labels of F1 (a label never predicted nor gold has F1 0).
    package var macroF1: Double {
        var sum = 0.0
        for label in 0..<3 {
            let truePositives = Double(confusion[label][label])
            let predictedCount = Double((0..<3).map { confusion[$0][label] }.reduce(0, +))
            let goldCount = Double(confusion[label].reduce(0, +))
            guard predictedCount > 0, goldCount > 0, truePositives > 0 else { continue }
            let precision = truePositives / predictedCount
            let recall = truePositives / goldCount
            sum += 2 * precision * recall / (precision + recall)
        }
        return sum / 3
    }

    /// Texts per second, from the time spent scoring.
    package var textsPerSecond: Double {
        seconds > 0 ? Double(count) / seconds : 0
    }
}
