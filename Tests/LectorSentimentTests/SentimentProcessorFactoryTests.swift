import LectorCore
import LectorSentiment
import LectorTestSupport
import Testing

@Suite struct SentimentProcessorFactoryTests {
    static func options(_ entries: [(String, String)]) throws -> ProcessorOptions {
        let mapping = entries.enumerated().map { offset, entry in
            ConfigEntry(
                key: entry.0,
                keyLocation: SourceLocation(line: 3 + offset, column: 7),
                value: ConfigValue(.scalar(entry.1, quoted: false), at: SourceLocation(line: 3 + offset, column: 20))
            )
        }
        return try ProcessorOptions(ConfigValue(.mapping(mapping), at: SourceLocation(line: 2, column: 5)))
    }

    static func processor(_ entries: [(String, String)]) throws -> SentimentProcessor {
        var options = try options(entries)
        options.models = TestModels.cache
        let processor = try SentimentProcessorFactory().makeProcessor(options: &options)
        try options.finish()
        return try #require(processor as? SentimentProcessor)
    }

    @Test func describesItself() {
        let factory = SentimentProcessorFactory()
        #expect(factory.name == "sentiment")
        #expect(
            factory.options.map(\.name) == ["per_entity", "sentences", "neutral_band", "min_mentions", "languages"]
        )
        #expect(
            factory.options.map(\.defaultValue) == ["true", "true", "0.1", "1", "[en, de, es, fr, it, nl, pt, ru]"]
        )
        #expect(!factory.summary.isEmpty && !factory.summary.contains("\n"))
    }

    @Test func readsOptions() throws {
        #expect(try Self.processor([]).options == SentimentOptions())
        let processor = try Self.processor([
            ("per_entity", "false"), ("sentences", "false"), ("neutral_band", "0.25"), ("min_mentions", "3"),
        ])
        #expect(
            processor.options
                == SentimentOptions(perEntity: false, sentences: false, neutralBand: 0.25, minMentions: 3)
        )
    }

    @Test(arguments: [
        ("neutral_band", "1.5", "neutral_band must be between 0.0 and 1.0"),
        ("neutral_band", "wide", "number"),
        ("per_entity", "sometimes", "expected true or false"),
        ("min_mentions", "0", "min_mentions must be between 1 and 1000"),
        ("languages", "xx", "no sentiment lexicon for 'xx' (sentiment/xx.tsv)"),
    ])
    func rejectsBadValues(key: String, value: String, message: String) throws {
        let error = try #require(throws: ProcessorError.self) { try Self.processor([(key, value)]) }
        #expect(error.code == .invalidOptions)
        #expect(error.description.contains(message), "\(error)")
        #expect(error.location != nil)
    }

    @Test func languagesNarrowWhatIsScored() throws {
        let processor = try Self.processor([("languages", "de")])
        #expect(processor.options.languages == ["de"])
        #expect(processor.supportedLanguages == ["en", "de"], "English is always scored")
    }

    @Test func rejectsUnknownOptionsWithASuggestion() throws {
        let error = try #require(throws: ProcessorError.self) { try Self.processor([("neutral_bnd", "0.2")]) }
        #expect(error.code == .invalidOptions)
        #expect(error.description.contains("did you mean 'neutral_band'?"), "\(error)")
        #expect(error.location == SourceLocation(line: 3, column: 7))
    }
}
