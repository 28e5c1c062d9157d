/// All the mistakes found in one configuration file, in file order.
///
/// The loader does not stop at the first mistake: it reports every one it can find, so
/// that `lector check` can print them all at once. The ``description`` has one
/// ``ConfigurationError`` per line.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    /// The mistakes, sorted by location (errors without a location first); never empty
    /// when thrown by ``ConfigurationLoader`` or ``YAMLReader``.
    public var errors: [ConfigurationError]

    /// The configuration as far as it could be decoded, when the file was readable YAML.
    ///
    /// It lets the pipeline check processor names and options in the same pass, so one run
    /// of `lector check` reports every mistake, not the configuration's first and the
    /// chain's later. Never use it to run anything.
    public var partial: LectorConfiguration?

    /// Creates a collection, sorting the errors by location.
    ///
    /// The sort is stable: errors at the same location keep their order.
    ///
    /// - Parameters:
    ///   - errors: The mistakes, in any order.
    ///   - partial: The configuration as far as it could be decoded.
    public init(_ errors: [ConfigurationError], partial: LectorConfiguration? = nil) {
        self.partial = partial
        self.errors = errors.enumerated()
            .sorted { lhs, rhs in
                switch (lhs.element.location, rhs.element.location) {
                case (nil, nil): return lhs.offset < rhs.offset
                case (nil, _): return true
                case (_, nil): return false
                case (let left?, let right?):
                    return left == right ? lhs.offset < rhs.offset : left < right
                }
            }
            .map(\.element)
    }

    /// Whether the configuration file does not exist (and nothing else is wrong).
    ///
    /// Callers exit 66 (`EX_NOINPUT`) for it rather than 78 (`EX_CONFIG`): a file that is
    /// missing may appear later, so a service manager may retry, while a wrong file stays
    /// wrong until someone edits it.
    public var isFileMissing: Bool {
        !errors.isEmpty && errors.allSatisfy { $0.code == .fileNotFound }
    }

    /// One error per line, each `FILE:LINE:COLUMN: message`.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
