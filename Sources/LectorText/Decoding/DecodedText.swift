/// Text decoded from the bytes of a file, with what the decoder had to guess.
///
/// ``TextDecoder/decode(_:maximumBytes:)`` produces this. The text is ready for processing:
/// line endings are `"\n"` only and a byte-order mark is gone.
public struct DecodedText: Sendable, Equatable {
    /// The decoded text.
    ///
    /// Line endings are normalised to `"\n"` (both CRLF and a lone CR) and a leading
    /// byte-order mark is removed.
    public var text: String

    /// The encoding the bytes were read as.
    ///
    /// One of `"utf-8"`, `"utf-16le"`, `"utf-16be"` or `"windows-1252"`.
    public var encoding: String

    /// Things worth knowing about the decoding that are not errors.
    ///
    /// For example `"input is not valid UTF-8; decoded as Windows-1252"`. Empty for clean
    /// UTF-8.
    public var warnings: [String]

    /// Creates decoded text.
    ///
    /// - Parameters:
    ///   - text: The text, with line endings already normalised.
    ///   - encoding: The encoding's name, as in ``encoding``.
    ///   - warnings: Warnings about the decoding.
    public init(text: String, encoding: String, warnings: [String] = []) {
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}
