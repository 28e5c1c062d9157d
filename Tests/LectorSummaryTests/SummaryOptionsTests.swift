import LectorCore
import LectorSummary
import LectorTestSupport
import Testing

@Suite("SummaryProcessorFactory")
struct SummaryOptionsTests {
    @Test func factoryDescribesItself() {
        let factory = SummaryProcessorFactory()
        #expect(factory.name == "summary")
        #expect(factory.options.map(\.name) == ["sentences", "ratio", "max_chars", "languages"])
        #expect(!factory.summary.isEmpty && !factory.summary.contains("\n"))
    }

    @Test func defaultsAndValues() throws {
        let plain = try SummaryTesting.processor()
        #expect(plain.length == SummaryLength(.sentences(3)))
        #expect(plain.supportedLanguages == nil)
        let given = try SummaryTesting.processor([("ratio", "0.25"), ("max_chars", "600"), ("languages", "[de, en]")])
        #expect(given.length == SummaryLength(.ratio(0.25), maxCharacters: 600))
        #expect(given.supportedLanguages == ["de", "en"])
        #expect(try SummaryTesting.processor([("languages", "fr")]).supportedLanguages == ["fr"])
    }

    @Test(arguments: [
        ([("sentences", "0")], "sentences must be between 1 and 100"),
        ([("sentences", "three")], "expected a whole number"),
        ([("sentences", "2"), ("ratio", "0.5")], "either sentences or ratio"),
        ([("ratio", "0")], "ratio must be more than 0"),
        ([("ratio", "1.5")], "ratio must be between 0.0 and 1.0"),
        ([("max_chars", "0")], "max_chars must be between 1"),
        ([("languages", "english")], "ISO 639-1 codes"),
        ([("sentence", "3")], "unknown option 'sentence' (did you mean 'sentences'?)"),
    ])
    func optionErrors(entries: [(String, String)], message: String) throws {
        let error = try #require(throws: ProcessorError.self) { try SummaryTesting.processor(entries) }
        #expect(error.code == .invalidOptions)
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location != nil)
    }

    @Test func weightsParse() throws {
        let weights = try ScoringWeights(parsing: "lead\t2\n# comment\ncentrality=0.5, title 0.25\n")
        #expect(weights.lead == 2)
        #expect(weights.centrality == 0.5)
        #expect(weights.title == 0.25)
        #expect(throws: ProcessorError.self) { try ScoringWeights(parsing: "leed 1") }
        #expect(try ScoringWeights.shipped(from: TestModels.cache).value.values.count == ScoringWeights.names.count)
    }

    @Test func stopWordLists() throws {
        let lists = try StopWordLists.shipped(from: TestModels.cache).value
        #expect(lists.languages.count >= 55)
        let english = try #require(lists.mask(for: "en"))
        let german = try #require(lists.mask(for: "de"))
        #expect(lists.languages(of: "The") & english != 0)
        #expect(lists.languages(of: "und") & german != 0)
        #expect(lists.languages(of: "ferries") == 0)
        #expect(lists.mask(for: "xh") == nil)
    }
}
