import LectorCore
import LectorEvaluation
import LectorSentiment
import LectorTestSupport
import LectorText
import Logging
import Testing

/// The target layer: the tone of a sentence toward a span it names (a person), for
/// `sentiment.targets` and for PERSON entities.
@Suite struct SentimentTargetTests {
    /// The tone toward `name` in `text` through `sentiment.targets`.
    private func tone(toward name: String, in text: String) throws -> JSONValue {
        let scalars = Array(text.unicodeScalars)
        let needle = Array(name.unicodeScalars)
        let start = try #require(
            (0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle }
        )
        let processor = try SentimentProcessor(models: TestModels.cache)
        var document = Document(id: "t", text: text)
        document.targets = [Document.Target(start..<start + needle.count)]
        let result = processor.process(document, context: ProcessingContext(logger: Logger(label: "test")))
        return try #require(result.annotations["sentiment"]?["targets"]?.arrayValue?.first)
    }

    @Test(arguments: [
        ("Critics accused Smith of lying to Congress.", "Smith", "negative"),
        ("The senator praised Jones for her courage and her service.", "Jones", "positive"),
        ("Brown will visit Ohio on Tuesday.", "Brown", "neutral"),
        ("Voters overwhelmingly rejected Miller, who was charged with fraud last year.", "Miller", "negative"),
    ])
    func toneTowardAPerson(text: String, name: String, label: String) throws {
        let target = try tone(toward: name, in: text)
        #expect(target["label"]?.stringValue == label, "\(text): \(target)")
        let confidence = try #require(target["confidence"]?.doubleValue)
        #expect(confidence > 1.0 / 3 && confidence <= 1, "the most probable class's probability")
        let score = try #require(target["score"]?.doubleValue)
        #expect(label == "neutral" ? abs(score) < 0.5 : (label == "positive") == (score > 0))
    }

    @Test func twoPeopleInOneSentenceGetTheirOwnTone() throws {
        for text in [
            "Clark won praise for saving the hospital, while Adams was convicted of bribery and fraud.",
            "Adams was convicted of bribery and fraud, while Clark won praise for saving the hospital.",
        ] {
            #expect(try tone(toward: "Clark", in: text)["label"] == "positive", "\(text)")
            #expect(try tone(toward: "Adams", in: text)["label"] == "negative", "\(text)")
        }
    }

    @Test func aPersonEntityGetsTheTargetLayerAndACompanyTheClauses() throws {
        let text = "Critics accused Smith of lying. Smith denied it. Analysts praised Apple for its strong results."
        let annotation = try sentiment(text, annotations: entities([("Smith", "PERSON"), ("Apple", "ORG")], in: text))
        let scored = try #require(annotation["entities"]?.arrayValue)
        let smith = try #require(scored.first { $0["text"] == "Smith" })
        #expect(smith["mentions"] == 2)
        #expect(smith["label"] == "negative", "\(smith)")
        let apple = try #require(scored.first { $0["text"] == "Apple" })
        #expect(apple["label"] == "positive", "\(apple)")
    }

    @Test func theLayerReadsItsFileByFeatureName() throws {
        // A feature the file names by `REGION:KEY` is found again by its hash while scoring:
        // the word right after the target (`Rn:`) and a pair after it (`RB:`).
        let file = "# test\nbias\t-\t0\t1\t0\nx\tRn:resigned\t3\t0\t0\nx\tRB:resigned in\t2\t0\t0\n"
        let layer = try TargetLayer(parsing: Array(file.utf8))
        let base = try SentimentModel.load(from: TestModels.cache).value
        let scorer = SentimentScorer(lexicon: base.lexicon, layer: base.layer, targetLayer: layer)
        let text = "Baker resigned in disgrace."
        let features = try #require(scorer.targetFeatures(toward: 0..<5, in: ScalarText(text)))
        #expect(features["Rn:resigned"] == 1 && features["RB:resigned in"] == 1)
        #expect(features["x:start"] == 1, "the target opens its sentence")
        #expect(features.keys.allSatisfy { !$0.hasSuffix(":baker") }, "the target's own words are no feature")
        let processor = SentimentProcessor(options: SentimentOptions(), scorer: scorer)
        var document = Document(id: "t", text: text)
        document.targets = [Document.Target(0..<5)]
        let result = processor.process(document, context: ProcessingContext(logger: Logger(label: "test")))
        let target = try #require(result.annotations["sentiment"]?["targets"]?.arrayValue?.first)
        // Logits (5, 1, 0): negative = e^5 / (e^5 + e + 1).
        let negative = 148.413 / (148.413 + 2.718 + 1)
        #expect(abs((target["confidence"]?.doubleValue ?? 0) - negative) < 0.002)
        #expect(target["label"] == "negative")
    }

    @Test func aMalformedFileNamesItsLine() {
        #expect(throws: SentimentModelError.self) { try TargetLayer(parsing: Array("x\tRn:a\t1\t2\n".utf8)) }
        #expect(throws: SentimentModelError.self) { try TargetLayer(parsing: Array("x\tnocolon\t1\t2\t3\n".utf8)) }
        #expect(throws: SentimentModelError.self) { try TargetLayer(parsing: Array("x\tRn:a\t1\t2\t3\n".utf8)) }
        do {
            _ = try TargetLayer(parsing: Array("bias\t-\t0\t0\t0\nx\tRn:a\t1\tq\t3\n".utf8))
            Issue.record("a malformed weight was accepted")
        } catch {
            #expect(error.line == 2)
        }
    }

    @Test func aRecordWithATargetSpanIsHeldOutBySentence() throws {
        let text = "Critics accused Smith of lying to Congress."
        func record(_ id: String) throws -> SentimentRecord {
            let line: JSONValue = [
                "id": .string(id), "set": "newsmtsc", "text": .string(text), "target": "Smith",
                "target_start": 16, "target_end": 21, "label": "negative",
            ]
            return try #require(SentimentRecord(line: Array(line.encodedString().utf8), fallbackSet: "x"))
        }
        let first = try record("a")
        #expect(first.targetSpan == 16..<21)
        let ids = (0..<40).map { "n\($0)" }
        #expect(Set(try ids.map { try record($0).isHeldOut }).count == 1, "one sentence, one side")
    }

    @Test func aHeadlineRatedTowardSeveralCompaniesIsHeldOutWhole() throws {
        let text = "EU drops Shell, BP, Statoil from ethanol benchmark investigation"
        func record(_ id: String, _ target: String) throws -> SentimentRecord {
            let line: JSONValue = [
                "id": .string(id), "set": "semeval2017_headlines", "text": .string(text), "target": .string(target),
                "score": 0.3, "label": "positive",
            ]
            return try #require(SentimentRecord(line: Array(line.encodedString().utf8), fallbackSet: "x"))
        }
        let records = try (0..<40).map { try record("h\($0)", ["Shell", "BP", "Statoil"][$0 % 3]) }
        #expect(Set(records.map(\.isHeldOut)).count == 1, "one headline, one side")
    }
}
