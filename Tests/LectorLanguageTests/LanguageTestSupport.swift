import LectorCore
import LectorTestSupport
import Logging

@testable import LectorLanguage

/// Helpers shared by the language tests.
enum LanguageTestSupport {
    static let context = ProcessingContext(logger: Logger(label: "test"))

    /// The `language` field the processor writes for `text`.
    static func field(_ text: String, processor: LanguageProcessor? = nil) throws -> JSONValue {
        let processor = try processor ?? LanguageProcessor(models: TestModels.cache)
        let document = processor.process(Document(id: "t", text: text), context: context)
        return document.annotations["language"] ?? .null
    }

    /// The code the processor finds for `text`.
    static func code(_ text: String, processor: LanguageProcessor? = nil) throws -> String? {
        try field(text, processor: processor)["code"]?.stringValue
    }

    /// Options as `config.yaml` would give them: scalars, or lists of scalars.
    static func options(_ entries: [(String, [String]?, String?)]) throws -> ProcessorOptions {
        let here = SourceLocation(line: 3, column: 5)
        let mapping = entries.map { key, list, scalar in
            let value: ConfigValue
            if let list {
                value = ConfigValue(.sequence(list.map { ConfigValue(.scalar($0, quoted: false), at: here) }), at: here)
            } else {
                value = ConfigValue(.scalar(scalar ?? "", quoted: false), at: here)
            }
            return ConfigEntry(key: key, keyLocation: here, value: value)
        }
        return try ProcessorOptions(ConfigValue(.mapping(mapping), at: here))
    }

    /// A processor made by the factory from options.
    static func processor(_ entries: [(String, [String]?, String?)]) throws -> LanguageProcessor {
        var options = try options(entries)
        options.models = TestModels.cache
        let made = try LanguageProcessorFactory().makeProcessor(options: &options)
        try options.finish()
        guard let processor = made as? LanguageProcessor else {
            throw ProcessorError(.internal, "not a LanguageProcessor")
        }
        return processor
    }
}
