/// A daemon that could not start, or stopped: the status its process exits with.
public struct DaemonExit: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exit status (`sysexits.h` codes: 66, 69, 71, 73, 78; 0 after a drain).
    public var status: Int32

    /// Creates an exit with a status.
    ///
    /// - Parameter status: The exit status.
    public init(_ status: Int32) {
        self.status = status
    }

    /// The status, for a log line.
    public var description: String { "exit status \(status)" }
}
