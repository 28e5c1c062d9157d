import LectorCore
import LectorTestSupport
import Testing

@testable import LectorLanguage

@Suite struct LanguageProcessorFactoryTests {
    @Test func describesItself() {
        let factory = LanguageProcessorFactory()
        #expect(factory.name == "language")
        #expect(factory.provides == ["language"])
        #expect(factory.options.map(\.name) == ["languages", "min_confidence", "alternatives", "mixed"])
        #expect(!factory.summary.isEmpty && !factory.summary.contains("\n"))
        #expect(LanguageProcessorFactory.supportedCodes.count == 75)
    }

    @Test func modelKnowsEverySupportedLanguage() throws {
        let model = try LanguageModelFiles.load(from: TestModels.cache).value.ngrams
        #expect(Set(model.codes) == LanguageProcessorFactory.supportedCodes)
    }

    @Test func defaults() throws {
        var options = ProcessorOptions.empty
        options.models = TestModels.cache
        let processor = try #require(
            try LanguageProcessorFactory().makeProcessor(options: &options) as? LanguageProcessor
        )
        #expect(processor.minimumConfidence == 0)
        #expect(processor.alternatives == 3)
        #expect(processor.mixed == false)
    }

    static let badOptions: [([(String, [String]?, String?)], String)] = [
        ([("languages", ["en", "dee"], nil)], "unknown language 'dee'"),
        ([("languages", ["en", "xx"], nil)], "unknown language 'xx'"),
        ([("languages", [], nil)], "at least one language"),
        ([("min_confidence", nil, "1.5")], "min_confidence must be between"),
        ([("min_confidence", nil, "high")], "expected a number"),
        ([("alternatives", nil, "-1")], "alternatives must be between"),
        ([("alternatives", nil, "75")], "alternatives must be between"),
        ([("mixed", nil, "maybe")], "expected true or false"),
        ([("min_confidense", nil, "0.5")], "did you mean 'min_confidence'"),
    ]

    @Test(arguments: badOptions) func rejectsBadOptions(entries: [(String, [String]?, String?)], message: String) {
        do {
            _ = try LanguageTestSupport.processor(entries)
            Issue.record("accepted \(entries)")
        } catch let error as ProcessorError {
            #expect(error.code == .invalidOptions)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.location != nil)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func suggestsACloseCode() throws {
        #expect(throws: ProcessorError.self) { try LanguageTestSupport.processor([("languages", ["dee"], nil)]) }
        do {
            _ = try LanguageTestSupport.processor([("languages", ["dee"], nil)])
        } catch let error as ProcessorError {
            #expect(error.message.contains("did you mean"))
        }
    }
}
