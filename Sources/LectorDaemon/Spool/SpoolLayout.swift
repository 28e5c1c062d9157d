public import LectorConfig
public import LectorSystem

/// Where the spool's folders are.
///
/// ```
/// inbox/NAME                       a producer drops it
/// inbox/.lector/work/ID/NAME       claimed by the daemon ID (atomic rename)
/// inbox/.lector/work/ID/.lock      held with flock while daemon ID lives
/// inbox/.lector/spare/ID/          finished inputs whose inodes will hold outputs
/// inbox/.lector/status-ID.json     the daemon's figures, for `lector status`
/// outbox/NAME.json                 written to a temp name, fsynced, renamed
/// failed/NAME, failed/NAME.error.json
/// archive/NAME                     the original, when `archive:` is set
/// ```
public struct SpoolLayout: Sendable, Equatable {
    /// The inbox.
    public var inbox: FilePath
    /// The outbox.
    public var outbox: FilePath
    /// Where inputs that could not be processed go.
    public var failed: FilePath
    /// Where processed inputs go, if kept.
    public var archive: FilePath?

    /// Lector's own folder inside the inbox (hidden, so never a document).
    public var control: FilePath { inbox.appending(".lector") }
    /// The folder that holds every daemon's work folder.
    public var workRoot: FilePath { control.appending("work") }
    /// The folder that holds every daemon's spare folder.
    public var spareRoot: FilePath { control.appending("spare") }

    /// Creates a layout.
    ///
    /// - Parameters:
    ///   - inbox: The inbox.
    ///   - outbox: The outbox.
    ///   - failed: The failed folder.
    ///   - archive: The archive folder, if any.
    public init(inbox: FilePath, outbox: FilePath, failed: FilePath, archive: FilePath? = nil) {
        self.inbox = inbox
        self.outbox = outbox
        self.failed = failed
        self.archive = archive
    }

    /// The layout a configuration's spool keys describe.
    ///
    /// - Parameter spool: The spool configuration.
    public init(_ spool: SpoolConfiguration) {
        self.init(
            inbox: FilePath(spool.inbox),
            outbox: FilePath(spool.outbox),
            failed: FilePath(spool.failed),
            archive: spool.archive.map(FilePath.init)
        )
    }
}
