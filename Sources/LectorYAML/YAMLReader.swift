import CYAML
public import LectorCore

/// Reads one YAML document into a ``ConfigValue`` tree, with the 1-based line and column
/// of every node: the one YAML reader, for `config.yaml` (LectorConfig) and for article
/// front matter (LectorMetadata).
///
/// It uses libyaml's event API and keeps only what configuration and front matter need:
///
/// - Mappings, sequences and scalars, in block or flow style (`{a: 1}`, `[a, b]`), with
///   every scalar style (plain, quoted, literal `|`, folded `>`, multi-line). Scalars stay
///   text with whether they were quoted; ``ConfigValue``'s accessors give them a type when
///   read, so `on` stays `on` until something asks for a Boolean.
/// - **Aliases** (`*name`) are rejected, which also rules out "billion laughs" inputs.
///   Anchors (`&name`) without aliases are harmless and ignored.
/// - **Tags** (`!!str`, `!custom`) are rejected: quote a value that must stay a string.
/// - Keys must be scalars; a key written twice in one mapping is an error at the second
///   one, and the first is kept.
/// - Exactly one document; an empty (or comment-only) input is an error.
/// - Nesting is limited to ``maximumDepth`` levels; the first node deeper than that stops
///   the reading, so an input of nested brackets costs no more than its first few levels.
///
/// Every mistake is reported, not only the first, except that a libyaml syntax error stops
/// the reading (libyaml cannot recover from one).
public enum YAMLReader {
    /// The deepest nesting of mappings and sequences accepted.
    public static let maximumDepth = 64

    /// Reads as much of the document as possible, collecting mistakes.
    ///
    /// - Parameters:
    ///   - bytes: The input (UTF-8; UTF-16 with a byte-order mark is also accepted, as
    ///     libyaml detects it).
    ///   - source: What the input is, plural, for messages ("aliases are not supported in
    ///     config files").
    /// - Returns: The root (`nil` after a syntax error or for an empty input) and the
    ///   mistakes, in the order found.
    public static func read(_ bytes: [UInt8], source: String) -> (root: ConfigValue?, errors: [YAMLError]) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            return (
                nil, [YAMLError(location: nil, keyPath: "", message: "cannot start the YAML parser (out of memory)")]
            )
        }
        defer { yaml_parser_delete(parser) }
        return bytes.withUnsafeBufferPointer { input in
            // libyaml keeps a pointer to `input` (and to `parser`) until the parser is deleted,
            // so every call to `yaml_parser_parse` happens inside this closure.
            yaml_parser_set_input_string(parser, input.baseAddress, input.count)
            var builder = YAMLTreeBuilder(parser: parser, bytes: bytes, source: source)
            let root = builder.build()
            return (root, builder.errors)
        }
    }
}
