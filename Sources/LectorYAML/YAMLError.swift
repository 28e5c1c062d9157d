public import LectorCore

/// A mistake in a YAML input: where it is, the key path of the node (`chain[2].options`),
/// and what is wrong. The reader's callers turn it into their own error
/// (`ConfigurationError`) or warning (front matter).
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line and column, when known.
    public var location: SourceLocation?
    /// The key path of the node, empty at the root.
    public var keyPath: String
    /// What is wrong.
    public var message: String
    /// Where the mistake starts, when libyaml noticed it later than that (at ``location``):
    /// the key of a `key` line without its `:` (noticed at the next token), or the quote or
    /// bracket left open when the input ended. `nil` when the mistake is at ``location``.
    public var origin: SourceLocation?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - location: The 1-based line and column, when known.
    ///   - keyPath: The key path of the node, empty at the root.
    ///   - message: What is wrong.
    ///   - origin: Where the mistake starts, when libyaml noticed it only at `location`.
    public init(location: SourceLocation?, keyPath: String, message: String, origin: SourceLocation? = nil) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.origin = origin
    }

    /// Whether this says only that the input holds no document (it is empty, or only
    /// comments).
    public var isEmptyInput: Bool { message == YAMLError.emptyMessage }

    /// `LINE:COLUMN: message`, or the message alone when the location is unknown.
    public var description: String {
        guard let location else { return message }
        return "\(location.line):\(location.column): \(message)"
    }

    /// The message of the error for an input without a document.
    static let emptyMessage = "the file is empty"
}
