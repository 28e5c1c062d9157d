package import LectorCore
import LectorLanguage
import LectorText

/// Tunes the per-language score offsets (priors) on labelled samples, to raise the mean of
/// per-language accuracy.
///
/// Each sample is scored once without priors. Coordinate ascent then tries, for one
/// language at a time, a few offset changes and keeps the one that most raises the mean
/// (over kinds) of mean per-language accuracy; a change only moves a sample whose best or
/// runner-up it touches, so each try costs one pass over the samples.
package struct PriorTuner {
    private let detector: LanguageDetector
    private var rows: [Row] = []
    private var expected: [Int] = []
    private var kinds: [Int] = []
    private var totals: [[Int]] = []
    private var fixedRight: [[Int]] = []
    private var offsets: [Double]
    private var best: [Int] = []
    private var runnerUp: [Int] = []

    private struct Row {
        var candidates: [Int]
        var scores: [Double]
    }

    /// Creates a tuner over the shipped model, starting from zero offsets.
    ///
    /// - Parameter models: Where the model files are loaded.
    /// - Throws: ``ProcessorError`` when the model cannot be loaded.
    package init(models: ModelCache) throws {
        let model = try LanguageModelFiles.load(from: models).value
        detector = LanguageDetector(model: model.ngrams, words: model.words)
        offsets = [Double](repeating: 0, count: detector.model.languageCount)
    }

    /// Adds samples of one kind.
    ///
    /// - Parameters:
    ///   - samples: The labelled samples.
    ///   - kind: The kind's index (0, 1, 2), so that kinds weigh the same.
    package mutating func add(_ samples: [LanguageEvaluation.Sample], kind: Int) {
        let codes = detector.model.codes
        while totals.count <= kind {
            totals.append([Int](repeating: 0, count: codes.count))
            fixedRight.append([Int](repeating: 0, count: codes.count))
        }
        for sample in samples {
            guard let truth = codes.firstIndex(of: sample.code) else { continue }
            let text = ScalarText(sample.text)
            let raw = detector.rawScores(text, in: [0..<text.count])
            totals[kind][truth] += 1
            // Samples decided without scores (script shortcut, too short) cannot be moved.
            guard !raw.scores.isEmpty else {
                if raw.candidates == [truth] { fixedRight[kind][truth] += 1 }
                continue
            }
            rows.append(Row(candidates: raw.candidates, scores: raw.scores))
            expected.append(truth)
            kinds.append(kind)
        }
    }

    /// Runs coordinate ascent and returns the offsets by code.
    ///
    /// - Parameter rounds: Passes over the languages.
    /// - Returns: The offsets (only non-zero ones).
    package mutating func tune(rounds: Int = 3) -> [String: Double] {
        refresh()
        var score = objective(changing: nil, by: 0)
        let steps = [-2.0, -1, -0.5, -0.25, 0.25, 0.5, 1, 2]
        for _ in 0..<rounds {
            for language in offsets.indices {
                var choice = 0.0
                for step in steps {
                    let tried = objective(changing: language, by: step)
                    if tried > score + 1e-9 {
                        score = tried
                        choice = step
                    }
                }
                if choice != 0 {
                    offsets[language] += choice
                    refresh()
                }
            }
        }
        var result: [String: Double] = [:]
        for (index, offset) in offsets.enumerated() where offset != 0 { result[detector.model.codes[index]] = offset }
        return result
    }

    /// Recomputes every sample's best and runner-up under the current offsets.
    private mutating func refresh() {
        best = []
        runnerUp = []
        for row in rows {
            var first = -1
            var second = -1
            for index in row.candidates {
                let value = row.scores[index] + offsets[index]
                if first < 0 || value > row.scores[first] + offsets[first] {
                    second = first
                    first = index
                } else if second < 0 || value > row.scores[second] + offsets[second] {
                    second = index
                }
            }
            best.append(first)
            runnerUp.append(second)
        }
    }

    /// The mean over kinds of mean per-language accuracy if `language`'s offset moved by
    /// `step` (only scored samples can move; the others count as they stand). A language
    /// that is not a sample's candidate scores `-infinity` there, so it never wins it.
    private func objective(changing language: Int?, by step: Double) -> Double {
        var right = totals.map { [Int](repeating: 0, count: $0.count) }
        for row in rows.indices {
            var winner = best[row]
            if let language {
                let scores = rows[row].scores
                if winner == language {
                    let second = runnerUp[row]
                    if second >= 0, scores[language] + offsets[language] + step < scores[second] + offsets[second] {
                        winner = second
                    }
                } else if scores[language] + offsets[language] + step > scores[winner] + offsets[winner] {
                    winner = language
                }
            }
            if winner == expected[row] { right[kinds[row]][expected[row]] += 1 }
        }
        var sum = 0.0
        var kindCount = 0
        for (kind, counts) in totals.enumerated() {
            var languages = 0
            var accuracy = 0.0
            for (language, total) in counts.enumerated() where total > 0 {
                languages += 1
                accuracy += Double(right[kind][language] + fixedRight[kind][language]) / Double(total)
            }
            if languages > 0 {
                sum += accuracy / Double(languages)
                kindCount += 1
            }
        }
        return kindCount > 0 ? sum / Double(kindCount) : 0
    }
}
