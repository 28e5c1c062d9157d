import LectorEvaluation
import LectorSentiment
import Testing

@Suite struct SentimentEvaluationTests {
    @Test func pearsonAccuracyAndMacroF1() {
        var evaluation = SentimentEvaluation(name: "toy")
        let rows: [(Double, String, Double, String)] = [
            (0.8, "positive", 0.9, "positive"), (0.2, "positive", 0.1, "positive"),
            (0.0, "neutral", 0.0, "neutral"), (-0.5, "negative", -0.6, "negative"),
            (-0.1, "neutral", -0.4, "negative"),
        ]
        for (score, label, gold, goldLabel) in rows {
            evaluation.add(score: score, label: label, goldScore: gold, goldLabel: goldLabel, seconds: 0.001)
        }
        #expect(evaluation.count == 5)
        #expect(abs((evaluation.pearson ?? 0) - 0.9791) < 0.001)
        #expect(evaluation.accuracy == 0.8)
        // negative: P 1, R 0.5, F1 2/3; neutral: P 0.5, R 1, F1 2/3; positive: F1 1.
        #expect(abs(evaluation.macroF1 - (2.0 / 3 + 2.0 / 3 + 1) / 3) < 1e-9)
        #expect(abs(evaluation.textsPerSecond - 1000) < 1e-6)
    }

    @Test func labelOnlySetsHaveNoPearson() {
        var evaluation = SentimentEvaluation(name: "labels")
        evaluation.add(score: 0.5, label: "positive", goldScore: nil, goldLabel: "positive", seconds: 0)
        evaluation.add(score: 0, label: "neutral", goldScore: nil, goldLabel: "negative", seconds: 0)
        #expect(evaluation.pearson == nil)
        #expect(evaluation.accuracy == 0.5)
        #expect(evaluation.textsPerSecond == 0)
    }

    @Test func recordsReadTheDataLayout() throws {
        let line = #"{"id": "x:1", "set": "vader_nyt", "text": "Good.", "score_norm": 0.5, "label": "positive"}"#
        let record = try #require(SentimentRecord(line: Array(line.utf8), fallbackSet: "file"))
        #expect(record.set == "vader_nyt")
        #expect(record.score == 0.5)
        let bare = #"{"text": "Fine.", "score_norm": null, "label": "neutral"}"#
        let other = try #require(SentimentRecord(line: Array(bare.utf8), fallbackSet: "file"))
        #expect(other.set == "file")
        #expect(other.score == nil)
        #expect(SentimentRecord(line: Array(#"{"text": "no label"}"#.utf8), fallbackSet: "f") == nil)
    }
}
