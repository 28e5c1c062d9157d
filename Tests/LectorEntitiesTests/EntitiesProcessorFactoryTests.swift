import LectorCore
import LectorEntities
import LectorPipeline
import LectorTestSupport
import Logging
import Testing

@Suite("EntitiesProcessorFactory")
struct EntitiesProcessorFactoryTests {
    private func make(_ options: [(String, Option)]) throws -> any Processor {
        let location = LectorCore.SourceLocation(line: 1, column: 1)
        let entries = options.map { key, option in
            ConfigEntry(key: key, keyLocation: location, value: option.value(at: location))
        }
        var reader = try ProcessorOptions(ConfigValue(.mapping(entries), at: location))
        reader.models = TestModels.cache
        let processor = try EntitiesProcessorFactory().makeProcessor(options: &reader)
        try reader.finish()
        return processor
    }

    @Test("options are read and described")
    func options() throws {
        let factory = EntitiesProcessorFactory()
        #expect(factory.options.map(\.name) == ["types", "min_confidence", "languages"])
        #expect(!factory.summary.isEmpty)
        let processor = try #require(
            make([("types", .list(["person", "DATE"])), ("min_confidence", .scalar("0.7"))]) as? EntitiesProcessor
        )
        #expect(processor.types == Set<EntityType>([.person, .date]))
        #expect(processor.minimumConfidence == 0.7)
        // Names in English, Spanish, German, Portuguese and Russian; values in seven.
        #expect(processor.supportedLanguages == ["en", "es", "de", "fr", "it", "pt", "nl", "ru"])
        let english = try make([("languages", .list(["en"])), ("types", .list(["PERSON", "ORG"]))])
        #expect(english.supportedLanguages == ["en"])
    }

    @Test(
        "bad options are configuration errors",
        arguments: [
            ("types", Option.list(["PERSN"]), "did you mean 'PERSON'"),
            ("types", Option.list([]), "at least one type"),
            ("min_confidence", Option.scalar("1.5"), "min_confidence must be between"),
            ("languages", Option.list(["xx"]), "no entity model for 'xx'"),
            ("min_confidense", Option.scalar("0.5"), "did you mean 'min_confidence'"),
        ]
    )
    func badOptions(key: String, option: Option, message: String) {
        #expect {
            _ = try make([(key, option)])
        } throws: { error in
            (error as? ProcessorError)?.message.contains(message) == true
        }
    }

    @Test("a document in a language with neither a model nor value words is skipped with a reason")
    func languageSkip() throws {
        let result = try Self.entities(language: "uk", text: "Володимир Зеленський виступив у Києві.")
        let step = try #require(result.steps.last)
        #expect(step.name == "entities")
        guard case .skipped(let reason) = step.status else {
            Issue.record("expected a skip, got \(step.status)")
            return
        }
        #expect(reason.contains("language 'uk' is not supported"))
        #expect(result.document.annotations["entities"] == nil)
    }
}

extension EntitiesProcessorFactoryTests {
    /// The entities step run on a text after a step that sets its language.
    static func entities(language: String, text: String) throws -> ProcessedDocument {
        let fakeLanguage = ClosureProcessorFactory(name: "fakelang", provides: ["language"]) { _ in
            SetLanguage(code: language)
        }
        let chain = try ChainBuilder(
            registry: ProcessorRegistry([fakeLanguage, EntitiesProcessorFactory()]),
            models: TestModels.cache
        )
        .build(processors: ["fakelang", "entities"])
        return chain.run(Document(id: language, text: text), logger: Logger(label: "test"))
    }

    @Test("a German document gets its names and its values")
    func germanValues() throws {
        let result = try Self.entities(
            language: "de",
            text: "Angela Merkel sagte am 3. März 2024, der Umsatz sei um 1,2 Prozent gestiegen."
        )
        guard case .ok = try #require(result.steps.last).status else {
            Issue.record("the step did not run")
            return
        }
        let entities = result.document.annotations["entities"]?.arrayValue ?? []
        let types = entities.compactMap { $0.objectValue?["type"]?.stringValue }
        #expect(Set(types) == ["PERSON", "DATE", "PERCENT"])
    }
}

/// An option value in a test: a scalar or a list of scalars.
enum Option: Sendable {
    case scalar(String)
    case list([String])

    func value(at location: LectorCore.SourceLocation) -> ConfigValue {
        switch self {
        case .scalar(let text): ConfigValue(.scalar(text, quoted: false), at: location)
        case .list(let items):
            ConfigValue(.sequence(items.map { ConfigValue(.scalar($0, quoted: false), at: location) }), at: location)
        }
    }
}

/// Sets the document's language, as a language step would.
private struct SetLanguage: Processor {
    let code: String

    func process(_ document: Document, context: ProcessingContext) -> Document {
        var document = document
        document.annotations["language"] = ["code": .string(code)]
        return document
    }
}
