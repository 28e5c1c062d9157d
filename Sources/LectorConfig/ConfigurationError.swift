public import LectorCore

/// One mistake in a configuration file, with where it is.
///
/// Its ``description`` is the one line `lector check` prints and the daemon logs:
/// `config.yaml:4:3: unknown key 'workrs' (did you mean 'workers'?)`, or `config.yaml: message`
/// when the file could not be read at all. Several mistakes travel together as
/// ``ConfigurationErrors``.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A broad classification that callers can switch on.
    ///
    /// Almost every mistake is ``invalid``. A caller that must tell a file that is not
    /// there from one that is wrong (a service manager should retry the first, not the
    /// second) checks for ``fileNotFound``.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable { case invalid, fileNotFound, unreadable }
        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The file was read and something in it is wrong.
        public static let invalid = Self(.invalid)
        /// The file does not exist (`ENOENT`, or a folder on its path is missing).
        public static let fileNotFound = Self(.fileNotFound)
        /// The file exists but cannot be read: no permission, a directory, too large.
        public static let unreadable = Self(.unreadable)

        /// The code's name: `invalid`, `file_not_found` or `unreadable`.
        public var description: String {
            switch wrapped {
            case .invalid: "invalid"
            case .fileNotFound: "file_not_found"
            case .unreadable: "unreadable"
            }
        }
    }

    /// The classification; ``Code/invalid`` unless the file could not be read.
    public var code: Code

    /// The configuration file's path, as given (for example `config.yaml` or
    /// `/etc/lector/config.yaml`).
    public var file: String

    /// Where in the file the mistake is; `nil` only when the file cannot be read at all.
    public var location: SourceLocation?

    /// The key path of the offending node, for example `pipeline[2].when.language`,
    /// `workers`, or the empty string for the root. Sequence indices count from 0.
    public var keyPath: String

    /// What is wrong, in one line, for example
    /// `unknown key 'workrs' (did you mean 'workers'?)`.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - file: The configuration file's path, as given.
    ///   - location: Where in the file, or `nil` when the file cannot be read.
    ///   - keyPath: The offending node's key path (`""` for the root).
    ///   - message: What is wrong, in one line.
    ///   - code: The classification; ``Code/invalid`` by default.
    public init(file: String, location: SourceLocation?, keyPath: String, message: String, code: Code = .invalid) {
        self.code = code
        self.file = file
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`, or `FILE: message` when there is no location.
    public var description: String {
        if let location {
            return "\(file):\(location.line):\(location.column): \(message)"
        }
        return "\(file): \(message)"
    }
}
