import Foundation
import LectorCore
import LectorEvaluation
import LectorSentiment

/// The table and JSON line `lector eval sentiment` prints.
struct SentimentReport {
    let evaluations: [SentimentEvaluation]
    let part: String
    let rulesOnly: Bool
    let band: Double
    let towardsTarget: Bool

    func print() {
        Swift.print(
            "sentiment evaluation (\(rulesOnly ? "rules only" : "rules + learned layer"), part: \(part), "
                + "neutral band ±\(band)\(towardsTarget ? ", records with a target scored towards it" : ""))"
        )
        Swift.print("set                          n  pearson_r  accuracy  macro_f1  polar_acc  majority_f1   texts/s")
        var sets = JSONObject()
        var count = 0
        var seconds = 0.0
        for evaluation in evaluations {
            let r = evaluation.pearson.map { String(format: "%9.3f", $0) } ?? String(repeating: " ", count: 8) + "-"
            Swift.print(
                evaluation.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + String(format: "%7d", evaluation.count) + "  " + r
                    + String(
                        format: "  %8.3f  %8.3f  %9.3f  %11.3f  %8.0f",
                        evaluation.accuracy,
                        evaluation.macroF1,
                        evaluation.polarAccuracy,
                        evaluation.majorityMacroF1,
                        evaluation.textsPerSecond
                    )
            )
            sets[evaluation.name] = [
                "n": .int(evaluation.count), "pearson_r": evaluation.pearson.map { .double(Self.round($0)) } ?? .null,
                "accuracy": .double(Self.round(evaluation.accuracy)),
                "macro_f1": .double(Self.round(evaluation.macroF1)),
                "polar_accuracy": .double(Self.round(evaluation.polarAccuracy)),
                "majority_macro_f1": .double(Self.round(evaluation.majorityMacroF1)),
            ]
            count += evaluation.count
            seconds += evaluation.seconds
        }
        let rate = seconds > 0 ? Double(count) / seconds : 0
        Swift.print(String(format: "throughput: %.0f texts/s on one core (processor calls only)", rate))
        let json: JSONValue = [
            "processor": "sentiment", "part": .string(part), "learned": .bool(!rulesOnly),
            "neutral_band": .double(band), "towards_target": .bool(towardsTarget), "sets": .object(sets),
            "texts_per_second": .double(rate.rounded()),
        ]
        Swift.print(json.encodedString())
    }

    private static func round(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
