import LectorCore
import LectorPipeline
import LectorSentiment
import LectorTestSupport
import LectorText
import Testing

@Suite struct SentimentModelTests {
    @Test func lexiconParsesKindsAndRejectsBadLines() throws {
        let lexicon = try SentimentLexicon(
            parsing: Array("# comment\nv\tgood\t1.9\nb\tvery\t0.3\nn\tnot\t1\nd\tfell\t1\nq\tloss\t-1\n".utf8)
        )
        #expect(lexicon["good"]?.valence == 1.9)
        #expect(lexicon["very"]?.boost == 0.3)
        #expect(lexicon["not"]?.negates == true)
        #expect(lexicon["fell"]?.direction == -1)
        #expect(lexicon["loss"]?.quantity == -1)
        let error = #expect(throws: SentimentModelError.self) {
            try SentimentLexicon(parsing: Array("v\tgood\t1\nx good\n".utf8))
        }
        #expect(error?.line == 2)
        #expect(error?.description.hasPrefix("sentiment/lexicon.tsv:2:") == true)
    }

    @Test func learnedLayerNeedsEveryFeature() throws {
        #expect(throws: SentimentModelError.self) {
            try LearnedLayer(parsing: Array("bias\t-\t0.1\nf\trule\t1\n".utf8))
        }
    }

    @Test func theModelIsLoadedOnceAndShared() throws {
        let first = try SentimentModel.load(from: TestModels.cache).value
        let second = try SentimentModel.load(from: TestModels.cache).value
        #expect(first.lexicon.entries.count == second.lexicon.entries.count)
        #expect(first.layer != nil)
        #expect(first.lexicon.entries.count > 7000)
    }

    @Test func englishRulesOnlyFeaturesAreWhatTheLayerIsFittedOn() throws {
        // `lector eval sentiment --rules-only --dump-features` is the learned layer's
        // training input: English read without the layer still sums its sentences scaled
        // by sqrt(3 / n), as the layer reads them. Only the languages that
        // have no layer read a document as its mean sentence.
        let text = ScalarText(Array(repeating: "What a great result!", count: 12).joined(separator: " "))
        let rulesOnly = try SentimentModel.load(from: TestModels.cache, learned: false).value
        #expect(rulesOnly.layer == nil)
        let english = rulesOnly.documentFeatures(rulesOnly.analyze(text))
        #expect(abs(english.wordScale - 0.5) < 1e-6)
        let german = try SentimentModel.load(language: "de", from: TestModels.cache).value
        let mean = german.documentFeatures(german.analyze(text))
        #expect(abs(mean.wordScale - 1 / 12) < 1e-6)
    }

    @Test func chainSkipsUnsupportedLanguagesWithAReason() throws {
        let step = ChainStep(name: "sentiment", processor: try SentimentProcessor(models: TestModels.cache))
        var polish = Document(id: "d", text: "Wyniki były bardzo dobre.")
        polish.annotations["language"] = ["code": "pl"]
        #expect(step.skipReason(for: polish)?.contains("language 'pl' is not supported") == true)
        var german = Document(id: "g", text: "Die Ergebnisse waren sehr gut.")
        german.annotations["language"] = ["code": "de"]
        #expect(step.skipReason(for: german) == nil)
        let declared = Document(id: "m", text: "Wyniki były dobre.", metadata: JSONObject([("language", "pl")]))
        #expect(step.skipReason(for: declared)?.contains("language 'pl' is not supported") == true, "metadata too")
        var english = Document(id: "e", text: "Good.")
        english.annotations["language"] = ["code": "en"]
        #expect(step.skipReason(for: english) == nil)
        #expect(step.skipReason(for: Document(id: "u", text: "Good.")) == nil, "unknown language runs")
    }
}
