import LectorCore
import LectorSummary
import LectorTestSupport
import Logging
import Testing

/// Helpers shared by the summary tests.
enum SummaryTesting {
    static let location = SourceLocation(line: 7, column: 9)

    /// Options as `config.yaml` would give them: `key: value` scalars, or lists for `[…]`.
    static func options(_ entries: [(String, String)]) throws -> ProcessorOptions {
        let mapping = entries.enumerated().map { offset, entry in
            let at = SourceLocation(line: location.line + offset, column: location.column)
            let value: ConfigValue
            if entry.1.hasPrefix("[") {
                let items = entry.1.dropFirst().dropLast().split(separator: ",").map {
                    ConfigValue(.scalar(String($0.filter { $0 != " " }), quoted: false), at: at)
                }
                value = ConfigValue(.sequence(items), at: at)
            } else {
                value = ConfigValue(.scalar(entry.1, quoted: false), at: at)
            }
            return ConfigEntry(key: entry.0, keyLocation: at, value: value)
        }
        return try ProcessorOptions(ConfigValue(.mapping(mapping), at: SourceLocation(line: 6, column: 5)))
    }

    /// A processor made by the factory from `entries`.
    static func processor(_ entries: [(String, String)] = []) throws -> SummaryProcessor {
        var options = try options(entries)
        options.models = TestModels.cache
        let processor = try SummaryProcessorFactory().makeProcessor(options: &options)
        try options.finish()
        return try #require(processor as? SummaryProcessor)
    }

    /// The summary the processor writes for `text`.
    static func summarize(
        _ text: String,
        options: [(String, String)] = [],
        title: String? = nil,
        language: String? = nil
    ) throws -> (sentences: [JSONValue], text: String) {
        var document = Document(id: "test", text: text)
        if let title { document.metadata["title"] = .string(title) }
        if let language { document.annotations["language"] = ["code": .string(language)] }
        let result = try processor(options).process(document, context: ProcessingContext(logger: Logger(label: "test")))
        let summary = try #require(result.annotations["summary"])
        return (try #require(summary["sentences"]?.arrayValue), try #require(summary["text"]?.stringValue))
    }

    /// The text of `text` between scalar offsets.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[start..<end])
        return String(view)
    }

    /// A news article with page furniture between its paragraphs.
    static let newsArticle = """
        Harbour ferries go electric

        By Jane Doe

        LONDON (Reuters) - The city council voted on Tuesday to electrify all harbour ferries by 2030, \
        ending decades of diesel service across the harbour.

        Share this with Email Facebook Twitter

        Ferries carry 40,000 passengers a day across the harbour, and the council said electric ferries \
        would cut the harbour's emissions by half.

        Photo: John Smith/Getty Images

        The first four electric ferries will enter service next spring, the council said. Critics said the \
        plan would cost the city too much money.

        Electric ferries

        The council will borrow 120 million euros to pay for the ferries and for charging stations on both piers.

        Scroll down for video
        """
}
