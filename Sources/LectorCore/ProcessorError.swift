/// An error thrown by a ``Processor`` or by a ``ProcessorFactory`` validating its options.
///
/// #### Errors
/// - ``Code/invalidInput``: the document cannot be interpreted by this processor.
/// - ``Code/invalidOptions``: an option in `config.yaml` is wrong; ``location`` says where.
/// - ``Code/unsupportedLanguage``: the document's language is not one the processor knows.
/// - ``Code/timedOut``: the processor ran past its time limit.
/// - ``Code/unavailable``: a model, program or library the processor needs is missing or broken.
/// - ``Code/pluginFailed``: an external plugin crashed, hung, or broke its protocol.
/// - ``Code/internal``: a bug.
public struct ProcessorError: Error, Sendable, CustomStringConvertible {
    /// A broad classification that callers can switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case invalidInput, invalidOptions, unsupportedLanguage, timedOut, unavailable, pluginFailed, `internal`
        }
        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The document could not be interpreted.
        public static let invalidInput = Self(.invalidInput)
        /// An option in the configuration is wrong.
        public static let invalidOptions = Self(.invalidOptions)
        /// The document's language is not supported.
        public static let unsupportedLanguage = Self(.unsupportedLanguage)
        /// The processor ran out of time.
        public static let timedOut = Self(.timedOut)
        /// Something the processor needs (a model, a program, a library) is missing or broken.
        public static let unavailable = Self(.unavailable)
        /// An external plugin crashed, hung, or broke its protocol (it is restarted).
        public static let pluginFailed = Self(.pluginFailed)
        /// A bug: an invariant did not hold.
        public static let `internal` = Self(.internal)

        /// The code's name, as written in error files (`invalid_input`, …).
        public var description: String {
            switch wrapped {
            case .invalidInput: "invalid_input"
            case .invalidOptions: "invalid_options"
            case .unsupportedLanguage: "unsupported_language"
            case .timedOut: "timed_out"
            case .unavailable: "unavailable"
            case .pluginFailed: "plugin_failed"
            case .internal: "internal"
            }
        }
    }

    /// The classification.
    public var code: Code
    /// What went wrong, in one line.
    public var message: String
    /// The processor that failed (its config name), if known.
    public var processor: String?
    /// Where in `config.yaml` the problem is, for ``Code/invalidOptions``.
    public var location: SourceLocation?
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The classification.
    ///   - message: What went wrong, in one line.
    ///   - processor: The processor's config name.
    ///   - location: Where in `config.yaml`, for option errors.
    ///   - cause: The underlying error.
    public init(
        _ code: Code,
        _ message: String,
        processor: String? = nil,
        location: SourceLocation? = nil,
        cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.processor = processor
        self.location = location
        self.cause = cause
    }

    /// One line: the processor (if known), the message and the cause (if any).
    public var description: String {
        var text = processor.map { "\($0): \(message)" } ?? message
        if let cause { text += " (\(cause))" }
        return text
    }
}

/// A position in a configuration file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, counting from 1.
    public var line: Int
    /// The column, counting from 1, in characters.
    public var column: Int

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - line: The line, from 1.
    ///   - column: The column, from 1.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `LINE:COLUMN`.
    public var description: String { "\(line):\(column)" }

    /// Orders by line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
