public import Logging
import Synchronization

/// A log handler that keeps messages in memory, for assertions on logs.
public struct InMemoryLogHandler: LogHandler {
    /// One recorded log line.
    public struct Entry: Sendable {
        /// The level.
        public var level: Logger.Level
        /// The message.
        public var message: String
        /// The metadata, rendered as strings.
        public var metadata: [String: String]
    }

    /// Where entries go; shared by copies of the handler.
    public final class Storage: Sendable {
        private let entries = Mutex<[Entry]>([])

        /// Creates empty storage.
        public init() {}

        /// The entries so far.
        public var all: [Entry] { entries.withLock { $0 } }

        fileprivate func append(_ entry: Entry) {
            entries.withLock { $0.append(entry) }
        }
    }

    /// The storage this handler writes to.
    public let storage: Storage
    /// The metadata every line carries.
    public var metadata: Logger.Metadata = [:]
    /// The lowest level recorded.
    public var logLevel: Logger.Level = .trace

    /// Creates a handler.
    ///
    /// - Parameter storage: Where to keep entries.
    public init(storage: Storage) {
        self.storage = storage
    }

    /// A logger over a fresh handler, and the storage to inspect.
    ///
    /// - Parameter label: The logger's label.
    /// - Returns: The logger and its storage.
    public static func makeLogger(label: String = "test") -> (Logger, Storage) {
        let storage = Storage()
        return (Logger(label: label) { _ in InMemoryLogHandler(storage: storage) }, storage)
    }

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Records one line.
    ///
    /// - Parameter event: The log event.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        storage.append(
            Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" })
        )
    }
}
