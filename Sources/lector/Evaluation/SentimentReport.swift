import Foundation
import LectorCore
import LectorEvaluation
import LectorSentiment

/// The table and JSON line `lector eval sentiment` prints.
struct SentimentReport {
    let evaluations: [SentimentEvaluation]
    /// The lexicon-sum baseline on the same records, in the same order.
    let baselines: [SentimentEvaluation]
    let part: String
    let rulesOnly: Bool
    let band: Double
    let towardsTarget: Bool

    func print() {
        Swift.print(
            "sentiment evaluation (\(rulesOnly ? "rules only" : "rules + learned layer"), part: \(part), "
                + "neutral band ±\(band)\(towardsTarget ? ", records with a target scored towards it" : ""))"
        )
        Swift.print(
            "set                          n  pearson_r  accuracy  macro_f1  polar_acc  majority_f1  lexicon_r  lexicon_f1"
                + "   texts/s"
        )
        var sets = JSONObject()
        var count = 0
        var seconds = 0.0
        for (evaluation, baseline) in zip(evaluations, baselines) {
            let r = Self.column(evaluation.pearson, width: 9)
            Swift.print(
                evaluation.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + String(format: "%7d", evaluation.count) + "  " + r
                    + String(
                        format: "  %8.3f  %8.3f  %9.3f  %11.3f",
                        evaluation.accuracy,
                        evaluation.macroF1,
                        evaluation.polarAccuracy,
                        evaluation.majorityMacroF1
                    ) + "  " + Self.column(baseline.pearson, width: 9)
                    + String(format: "  %10.3f  %8.0f", baseline.macroF1, evaluation.textsPerSecond)
            )
            sets[evaluation.name] = [
                "n": .int(evaluation.count), "pearson_r": evaluation.pearson.map { .double(Self.round($0)) } ?? .null,
                "accuracy": .double(Self.round(evaluation.accuracy)),
                "macro_f1": .double(Self.round(evaluation.macroF1)),
                "polar_accuracy": .double(Self.round(evaluation.polarAccuracy)),
                "majority_macro_f1": .double(Self.round(evaluation.majorityMacroF1)),
                "lexicon_sum": [
                    "pearson_r": baseline.pearson.map { .double(Self.round($0)) } ?? .null,
                    "accuracy": .double(Self.round(baseline.accuracy)),
                    "macro_f1": .double(Self.round(baseline.macroF1)),
                    "polar_accuracy": .double(Self.round(baseline.polarAccuracy)),
                ],
            ]
            count += evaluation.count
            seconds += evaluation.seconds
        }
        let rate = seconds > 0 ? Double(count) / seconds : 0
        Swift.print(String(format: "throughput: %.0f texts/s on one core (processor calls only)", rate))
        Swift.print(
            "lexicon_*: a VADER-style baseline, the same lexicon's valences summed with no rules, "
                + "x/sqrt(x^2+15), neutral within ±\(SentimentScorer.baselineBand)"
        )
        let json: JSONValue = [
            "processor": "sentiment", "part": .string(part), "learned": .bool(!rulesOnly),
            "neutral_band": .double(band), "towards_target": .bool(towardsTarget), "sets": .object(sets),
            "texts_per_second": .double(rate.rounded()),
        ]
        Swift.print(json.encodedString())
    }

    /// A figure right-aligned in `width` columns, or `-` when there is none.
    private static func column(_ value: Double?, width: Int) -> String {
        value.map { String(format: "%\(width).3f", $0) } ?? String(repeating: " ", count: width - 1) + "-"
    }

    private static func round(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
