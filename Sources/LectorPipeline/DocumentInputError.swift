/// An input that could not become a document: not text, too large, empty, unreadable, or a
/// JSON Lines record without the fields it needs.
public struct DocumentInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A short code: `not_text`, `too_large`, `empty`, `unreadable`, `invalid_json`,
    /// `invalid_record`.
    public var code: String
    /// What is wrong, in one line.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The short code.
    ///   - message: What is wrong.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
