import LectorSystem

/// An error of the daemon itself: its spool cannot be set up, its inbox cannot be watched.
///
/// Errors about one document never become a `DaemonError`: they send that document to
/// `failed/` (or, when transient, retry it).
public struct DaemonError: Error, Sendable, CustomStringConvertible {
    /// A broad classification that callers can switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable { case spool, watch, configuration, signal }
        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// A spool directory cannot be created, locked or used.
        public static let spool = Self(.spool)
        /// The inbox cannot be watched (inotify).
        public static let watch = Self(.watch)
        /// The configuration cannot be loaded.
        public static let configuration = Self(.configuration)
        /// Signal handling could not be set up.
        public static let signal = Self(.signal)

        /// The code's name.
        public var description: String {
            switch wrapped {
            case .spool: "spool"
            case .watch: "watch"
            case .configuration: "configuration"
            case .signal: "signal"
            }
        }
    }

    /// The classification.
    public var code: Code
    /// What went wrong, in one line.
    public var message: String
    /// The underlying error (often an ``Errno``).
    public var cause: (any Error)?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The classification.
    ///   - message: What went wrong.
    ///   - cause: The underlying error.
    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The message and the cause, in one line.
    public var description: String {
        cause.map { "\(message): \($0)" } ?? message
    }
}
