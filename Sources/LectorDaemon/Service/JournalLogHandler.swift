import Glibc
public import Logging

/// A log handler for a daemon under systemd: one line per event on stderr, with
/// `key=value` metadata, and — when `$JOURNAL_STREAM` says stderr goes to the journal — a
/// `<N>` syslog priority prefix that journald turns into the entry's priority (and no
/// timestamp, which journald adds).
public struct JournalLogHandler: LogHandler {
    /// The lowest level logged.
    public var logLevel: Logger.Level
    /// Metadata on every line.
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let factory: JournalLogHandlerFactory

    /// Creates a handler; ``JournalLogHandlerFactory/makeHandler(label:)`` is the usual way.
    ///
    /// - Parameters:
    ///   - label: The logger's label (`lector.daemon`).
    ///   - factory: The factory whose lock and settings the handler shares.
    public init(label: String, factory: JournalLogHandlerFactory) {
        self.label = label
        self.factory = factory
        logLevel = factory.level
    }

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    ///
    /// - Parameter event: The event.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = factory.journal ? "<\(Self.priority(event.level))>" : "\(Self.timestamp()) \(event.level) "
        line += "\(label): \(Self.oneLine("\(event.message)"))"
        for key in merged.keys.sorted() {
            line += " \(key)=\(Self.quoted(Self.oneLine("\(merged[key].map { "\($0)" } ?? "")")))"
        }
        line += "\n"
        factory.write(line)
    }

    /// syslog(3) priorities: 7 debug … 2 critical.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? text.map { $0.isNewline ? "\\n" : String($0) }.joined() : text
    }

    private static func quoted(_ text: String) -> String {
        text.isEmpty || text.contains(" ") || text.contains("\"") ? "\"\(text.replacingQuotes())\"" : text
    }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = Int(now.tv_nsec / 1_000_000)
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        map { $0 == "\"" ? "\\\"" : String($0) }.joined()
    }
}
