import CYAML
public import LectorCore

/// Reads one YAML document into a ``ConfigValue`` tree, with the 1-based line and column
/// of every node.
///
/// It uses libyaml's event API and keeps only what a configuration file needs:
///
/// - Mappings, sequences and scalars. Scalars stay text; ``ConfigValue``'s accessors give
///   them a type when read, so `on` stays `on` until something asks for a Boolean.
/// - **Aliases** (`*name`) are rejected, which also rules out "billion laughs" inputs.
///   Anchors (`&name`) without aliases are harmless and ignored.
/// - **Tags** (`!!str`, `!custom`) are rejected: quote a value that must stay a string.
/// - Keys must be scalars; a key written twice in one mapping is an error at the second
///   one, and the first is kept.
/// - Exactly one document; an empty (or comment-only) file is an error.
/// - Nesting is limited to ``maximumDepth`` levels; the first node deeper than that stops
///   the reading, so a file of nested brackets costs no more than its first few levels.
///
/// Every mistake is reported, not only the first, except that a libyaml syntax error stops
/// the reading (libyaml cannot recover from one).
public enum YAMLReader {
    /// The deepest nesting of mappings and sequences accepted.
    public static let maximumDepth = 64

    /// Parses one YAML document into a tree.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents (UTF-8; a UTF-16 file with a byte-order mark is also
    ///     accepted, as libyaml detects it).
    ///   - file: The file's path as given, for the errors.
    /// - Returns: The document's root node.
    /// - Throws: ``ConfigurationErrors``, one per mistake found, sorted by location.
    public static func parse(_ bytes: [UInt8], file: String) throws(ConfigurationErrors) -> ConfigValue {
        let (root, errors) = read(bytes, file: file)
        guard errors.isEmpty, let root else {
            throw ConfigurationErrors(
                errors.isEmpty
                    ? [ConfigurationError(file: file, location: nil, keyPath: "", message: "the file is empty")]
                    : errors
            )
        }
        return root
    }

    /// Reads as much of the document as possible, collecting mistakes.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: The file's path, for the errors.
    /// - Returns: The root (`nil` after a syntax error or for an empty file) and the mistakes.
    static func read(_ bytes: [UInt8], file: String) -> (root: ConfigValue?, errors: [ConfigurationError]) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            let error = ConfigurationError(
                file: file,
                location: nil,
                keyPath: "",
                message: "cannot start the YAML parser (out of memory)"
            )
            return (nil, [error])
        }
        defer { yaml_parser_delete(parser) }
        return bytes.withUnsafeBufferPointer { input in
            // libyaml keeps a pointer to `input` (and to `parser`) until the parser is deleted,
            // so every call to `yaml_parser_parse` happens inside this closure.
            yaml_parser_set_input_string(parser, input.baseAddress, input.count)
            var builder = YAMLTreeBuilder(parser: parser, bytes: bytes, file: file)
            let root = builder.build()
            return (root, builder.errors)
        }
    }
}
