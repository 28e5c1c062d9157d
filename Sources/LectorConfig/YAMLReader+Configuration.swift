public import LectorCore
public import LectorYAML

extension YAMLReader {
    /// Parses a configuration file's one YAML document into a tree.
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

    /// Reads as much of a configuration file as possible, collecting mistakes.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: The file's path, for the errors.
    /// - Returns: The root (`nil` after a syntax error or for an empty file) and the mistakes.
    static func read(_ bytes: [UInt8], file: String) -> (root: ConfigValue?, errors: [ConfigurationError]) {
        let (root, errors) = read(bytes, source: "config files")
        return (
            root,
            errors.map {
                ConfigurationError(file: file, location: $0.location, keyPath: $0.keyPath, message: $0.message)
            }
        )
    }
}
