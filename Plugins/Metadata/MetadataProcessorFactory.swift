public import LectorCore

/// Makes the built-in `metadata` processor (see ``MetadataProcessor``).
///
/// Options (all optional):
/// - `title` (Boolean, default `true`): detect a title line and a byline;
/// - `front_matter` (Boolean, default `true`): read YAML front matter;
/// - `headers` (Boolean, default `true`): read `Key: value` header lines and leading dates;
/// - `keep_header` (Boolean, default `false`): leave the header in the text.
public struct MetadataProcessorFactory: ProcessorFactory {
    /// Creates the factory.
    public init() {}

    /// `metadata`.
    public var name: String { "metadata" }

    /// The languages served.
    public var languageCoverage: String {
        "any; dates and datelines in English, German, French, Spanish, Italian, Portuguese and Dutch"
    }

    /// What the processor adds, for `lector processors`.
    public var summary: String {
        "Moves the article's header (front matter, header lines, title, byline, date) into metadata"
    }

    /// The processor's options.
    public var options: [OptionDescription] {
        [
            OptionDescription("title", type: "boolean", default: "true", "Detect a title line and a byline"),
            OptionDescription("front_matter", type: "boolean", default: "true", "Read YAML front matter"),
            OptionDescription(
                "headers",
                type: "boolean",
                default: "true",
                "Read 'Key: value' header lines and a leading date"
            ),
            OptionDescription("keep_header", type: "boolean", default: "false", "Leave the header in the text"),
        ]
    }

    /// `metadata`: later steps may rely on `metadata.date` and `metadata.title` being set.
    public var provides: Set<String> { ["metadata"] }

    /// Creates a processor from its options.
    ///
    /// - Parameter options: The step's options; the caller rejects the ones left unread.
    /// - Returns: A ``MetadataProcessor``.
    /// - Throws: ``ProcessorError`` with code ``ProcessorError/Code/invalidOptions`` when an
    ///   option is not a Boolean.
    public func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        MetadataProcessor(
            detectsTitle: try options.bool("title", default: true),
            readsFrontMatter: try options.bool("front_matter", default: true),
            readsHeaders: try options.bool("headers", default: true),
            keepsHeader: try options.bool("keep_header", default: false)
        )
    }
}
