/// The spool folders the daemon works in.
///
/// Paths are absolute: the loader resolves relative paths against the configuration
/// file's directory (and does not expand `~`).
public struct SpoolConfiguration: Sendable, Equatable {
    /// Where documents arrive (`inbox`).
    public var inbox: String
    /// Where enriched JSON documents are written (`outbox`).
    public var outbox: String
    /// Where documents that failed go, with an `.error.json` beside each (`failed`).
    public var failed: String
    /// Where originals are kept after success (`archive`), or `nil` when none is configured.
    public var archive: String?
    /// How long a file must have been left unmodified before it is claimed (`min_age`),
    /// in seconds; 0 claims at once.
    public var minAge: Double
    /// Claiming pauses while the outbox's file system has less free space than this, in
    /// bytes (`min_free_space`, default 64 MiB), so a full disk never turns into failures.
    public var minFreeSpace: Int

    /// How often the inbox is listed again and dead sibling daemons' work is taken over
    /// (`rescan_interval`, default 30 s), in seconds. inotify is the main path; the rescan
    /// is the safety net for lost events and for daemons killed while sharing the inbox.
    public var rescanInterval: Double

    /// The default for ``rescanInterval``: 30 seconds.
    public static let defaultRescanInterval = 30.0

    /// The default for ``minFreeSpace``: 64 MiB.
    public static let defaultMinFreeSpace = 64 << 20

    /// Creates a spool configuration.
    ///
    /// - Parameters:
    ///   - inbox: The inbox folder, absolute.
    ///   - outbox: The outbox folder, absolute.
    ///   - failed: The failed folder, absolute.
    ///   - archive: The archive folder, absolute, or `nil`.
    ///   - minAge: The minimum age of a file before it is claimed, in seconds.
    ///   - minFreeSpace: The free space below which claiming pauses, in bytes.
    ///   - rescanInterval: Seconds between rescans of the inbox.
    public init(
        inbox: String,
        outbox: String,
        failed: String,
        archive: String? = nil,
        minAge: Double = 0,
        minFreeSpace: Int = SpoolConfiguration.defaultMinFreeSpace,
        rescanInterval: Double = SpoolConfiguration.defaultRescanInterval
    ) {
        self.inbox = inbox
        self.outbox = outbox
        self.failed = failed
        self.archive = archive
        self.minAge = minAge
        self.minFreeSpace = minFreeSpace
        self.rescanInterval = rescanInterval
    }
}
