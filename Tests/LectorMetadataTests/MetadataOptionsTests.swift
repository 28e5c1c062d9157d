import LectorCore
import LectorMetadata
import Testing

@Suite struct MetadataOptionsTests {
    static let location = SourceLocation(line: 7, column: 9)

    /// Options as `config.yaml` would give them: `key: value` scalars.
    static func options(_ entries: [(String, String)]) throws -> ProcessorOptions {
        let mapping = entries.enumerated().map { offset, entry in
            ConfigEntry(
                key: entry.0,
                keyLocation: SourceLocation(line: location.line + offset, column: location.column),
                value: ConfigValue(.scalar(entry.1, quoted: false), at: SourceLocation(line: 1, column: 1))
            )
        }
        return try ProcessorOptions(ConfigValue(.mapping(mapping), at: SourceLocation(line: 6, column: 5)))
    }

    static func processor(_ entries: [(String, String)]) throws -> MetadataProcessor {
        var options = try options(entries)
        let processor = try MetadataProcessorFactory().makeProcessor(options: &options)
        try options.finish()
        return try #require(processor as? MetadataProcessor)
    }

    @Test func factoryDescribesItself() {
        let factory = MetadataProcessorFactory()
        #expect(factory.name == "metadata")
        #expect(factory.provides == ["metadata"])
        #expect(factory.requires.isEmpty)
        #expect(factory.options.map(\.name) == ["title", "front_matter", "headers", "keep_header"])
        #expect(factory.options.map(\.defaultValue) == ["true", "true", "true", "false"])
        #expect(!factory.summary.isEmpty && !factory.summary.contains("\n"))
    }

    @Test func defaults() throws {
        var options = ProcessorOptions.empty
        let processor = try #require(
            try MetadataProcessorFactory().makeProcessor(options: &options) as? MetadataProcessor
        )
        try options.finish()
        #expect(
            processor.detectsTitle && processor.readsFrontMatter && processor.readsHeaders && !processor.keepsHeader
        )
    }

    @Test func unknownOptionIsRejectedWithLocation() throws {
        var options = try Self.options([("title", "false"), ("keep_headers", "true")])
        _ = try MetadataProcessorFactory().makeProcessor(options: &options)
        let error = try #require(throws: ProcessorError.self) { try options.finish() }
        #expect(error.code == .invalidOptions)
        #expect(error.location == SourceLocation(line: 8, column: 9))
        #expect(error.message == "unknown option 'keep_headers' (did you mean 'keep_header'?)")
    }

    @Test func nonBooleanOptionIsRejected() throws {
        var options = try Self.options([("title", "maybe")])
        let error = try #require(throws: ProcessorError.self) {
            try MetadataProcessorFactory().makeProcessor(options: &options)
        }
        #expect(error.code == .invalidOptions)
        #expect(error.message == "expected true or false, found 'maybe'")
    }

    @Test func titleOff() throws {
        let processor = try Self.processor([("title", "false")])
        let text = "Talks in Moscow\nBy Jane Doe\n\nBody."
        let document = runMetadata(text, processor: processor)
        #expect(document.text == text)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
    }

    @Test func frontMatterOff() throws {
        let processor = try Self.processor([("front_matter", "no")])
        let text = "---\ntitle: Talks\n---\nBody."
        let document = runMetadata(text, processor: processor)
        #expect(document.text == text)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
        #expect(document.warnings.isEmpty)
    }

    @Test func headersOff() throws {
        let processor = try Self.processor([("headers", "false")])
        for text in ["Title: Talks\nDate: 2022-02-16\n\nBody.", "date 2022-02-16 After talks…"] {
            let document = runMetadata(text, processor: processor)
            #expect(document.text == text)
            #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
        }
    }

    @Test func keepHeader() throws {
        let processor = try Self.processor([("keep_header", "true")])
        let text = "---\ntitle: Talks\ndate: 16 February 2022\n---\n\nBody."
        let document = runMetadata(text, processor: processor)
        #expect(document.text == text)
        let expected: JSONValue = ["date": "2022-02-16", "title": "Talks", "date_raw": "16 February 2022"]
        #expect(JSONValue.object(document.metadata) == expected)
    }
}
