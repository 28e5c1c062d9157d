import LectorBuiltIn
import LectorConfig
import LectorCore
import LectorPipeline
import LectorTestSupport
import Testing

@Suite("ChainBuilder")
struct ChainBuilderTests {
    private let registry = ProcessorRegistry([
        ClosureProcessorFactory(name: "language", provides: ["language"]) { _ in FixedLanguageProcessor(code: "en") },
        ClosureProcessorFactory(name: "summary") { options in
            _ = try options.int("sentences", default: 3, in: 1...50)
            return RecordingProcessor(field: "summary")
        },
        ClosureProcessorFactory(name: "sentiment", requires: ["language"]) { _ in RecordingProcessor(field: "sentiment")
        },
    ])

    private func configuration(_ yaml: String) throws -> LectorConfiguration {
        try ConfigurationLoader.parse(
            Array(yaml.utf8),
            file: "config.yaml",
            directory: "/srv/lector",
            purpose: .process
        )
    }

    private func errors(_ yaml: String) throws -> [String] {
        let loaded = try configuration(yaml)
        let error = try #require(throws: ConfigurationErrors.self) {
            try ChainBuilder(registry: registry).build(loaded)
        }
        return error.errors.map(\.description)
    }

    @Test("a good chain builds, with the config hash and generation")
    func builds() throws {
        let loaded = try configuration("pipeline:\n  - language\n  - summary: {sentences: 2}\n  - sentiment\n")
        let chain = try ChainBuilder(registry: registry).build(loaded, generation: 4)
        #expect(chain.steps.map(\.name) == ["language", "summary", "sentiment"])
        #expect(chain.identity.generation == 4)
        #expect(chain.identity.configHash == "sha256:\(loaded.sha256)")
    }

    @Test("an unknown processor is reported where it is written, with a did-you-mean")
    func unknownProcessor() throws {
        #expect(
            try errors("pipeline:\n  - language\n  - sumary\n")
                == ["config.yaml:3:5: unknown processor 'sumary' (did you mean 'summary'?)"]
        )
    }

    @Test("a bad option is a configuration error at the option")
    func badOption() throws {
        #expect(
            try errors("pipeline:\n  - summary:\n      sentences: 0\n")
                == ["config.yaml:3:18: summary: sentences must be between 1 and 50, found 0"]
        )
        #expect(
            try errors("pipeline:\n  - summary: {sentence: 2}\n")
                == ["config.yaml:2:15: summary: unknown option 'sentence' (did you mean 'sentences'?)"]
        )
    }

    @Test("when: language needs a language step earlier; so does a processor that requires it")
    func prerequisites() throws {
        let found = try errors(
            "pipeline:\n  - summary: {when: {language: [en]}}\n  - sentiment\n  - language\n"
        )
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("config.yaml:2:"))
        #expect(found[0].hasSuffix("'when: language' needs a language step earlier in the pipeline"))
        #expect(found[1] == "config.yaml:3:5: 'sentiment' needs a 'language' step earlier in the pipeline")
    }

    @Test("all errors are reported in one pass, in file order")
    func collectsAll() throws {
        let found = try errors("pipeline:\n  - summry\n  - summary: {sentences: x}\n  - sentimant\n")
        #expect(found.count == 3)
        #expect(found.map { $0.split(separator: ":")[1] } == ["2", "3", "4"])
    }

    @Test("--processors: unknown names and missing prerequisites")
    func processorsList() throws {
        let builder = ChainBuilder(registry: registry)
        #expect(try builder.build(processors: ["language", "sentiment"]).steps.count == 2)
        let error = try #require(throws: ConfigurationErrors.self) {
            try builder.build(processors: ["sentiment", "langauge"])
        }
        #expect(
            error.errors.map(\.message) == [
                "'sentiment' needs a 'language' step earlier in the chain",
                "unknown processor 'langauge' (did you mean 'language'?)",
            ]
        )
    }

    @Test("the built-in registry knows the metadata processor and its default chain builds")
    func builtIn() throws {
        let chain = try ChainBuilder(registry: .builtIn, models: TestModels.cache)
            .build(processors: ProcessorRegistry.builtIn.defaultChain)
        #expect(chain.steps.map(\.name).contains("metadata"))
    }
}
