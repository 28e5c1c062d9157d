import Glibc
public import Logging
import Synchronization

/// Makes ``JournalLogHandler``s that share one lock, so that the lines of all loggers made
/// from one factory never interleave on stderr.
///
/// ```swift
/// let logs = JournalLogHandlerFactory(level: .info)
/// LoggingSystem.bootstrap(logs.makeHandler(label:))
/// ```
public final class JournalLogHandlerFactory: Sendable {
    /// The lowest level the handlers log, unless changed on a logger.
    public let level: Logger.Level
    /// Whether lines carry `<N>` syslog priority prefixes instead of timestamps.
    public let journal: Bool
    private let lock = Mutex<Void>(())

    /// Creates a factory.
    ///
    /// - Parameters:
    ///   - level: The lowest level logged.
    ///   - journal: Whether to write `<N>` prefixes; by default, when `$JOURNAL_STREAM` is set.
    public init(level: Logger.Level = .info, journal: Bool? = nil) {
        self.level = level
        self.journal = journal ?? (getenv("JOURNAL_STREAM") != nil)
    }

    /// A handler for one logger.
    ///
    /// - Parameter label: The logger's label (`lector.daemon`).
    /// - Returns: The handler.
    public func makeHandler(label: String) -> JournalLogHandler {
        JournalLogHandler(label: label, factory: self)
    }

    /// Writes one whole line to stderr, under the lock.
    ///
    /// - Parameter line: The line, with its newline.
    func write(_ line: String) {
        var bytes = Array(line.utf8)
        lock.withLock { _ in
            bytes.withUnsafeMutableBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Glibc.write(2, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }
}
