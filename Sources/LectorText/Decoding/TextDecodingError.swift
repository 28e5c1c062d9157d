/// Bytes that ``TextDecoder`` refused to turn into text.
///
/// #### Errors
/// - ``Code/notText``: the bytes are binary (a NUL byte, many control characters, or the
///   signature of a known binary format such as PDF, PNG, ZIP, ELF or gzip).
/// - ``Code/tooLarge``: the input is over the size limit (`max_bytes`).
/// - ``Code/empty``: there are no bytes, or only a byte-order mark.
public struct TextDecodingError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A broad classification that callers can switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case notText, tooLarge, empty
        }
        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The bytes are not text.
        public static let notText = Self(.notText)
        /// The input is over the size limit.
        public static let tooLarge = Self(.tooLarge)
        /// The input has no content.
        public static let empty = Self(.empty)

        /// The code's name, as written in error files (`not_text`, `too_large`, `empty`).
        public var description: String {
            switch wrapped {
            case .notText: "not_text"
            case .tooLarge: "too_large"
            case .empty: "empty"
            }
        }
    }

    /// The classification.
    public var code: Code

    /// What is wrong, in one line.
    ///
    /// For example `"not a text file (NUL byte at offset 12)"`.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The classification.
    ///   - message: What is wrong, in one line.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message, which reads well in one log line.
    public var description: String { message }
}
