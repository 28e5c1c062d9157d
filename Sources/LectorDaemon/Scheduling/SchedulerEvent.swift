import LectorSystem

/// What happened, told to the ``DaemonScheduler``: by the watcher, the spool, the
/// workers, the signal sources, the timers and the reload.
enum SchedulerEvent: Sendable, Equatable {
    /// Signal handling works: the daemon is ready and may start documents.
    case started
    /// A name was seen in the inbox (an inotify event or a scan).
    case fileSeen(FileName)
    /// Documents of dead sibling daemons, moved into this daemon's work folder.
    case adopted([FileName])
    /// What claiming a name (asked with ``SchedulerAction/claim(_:)``) found.
    case claimed(FileName, ClaimResult)
    /// The outbox's free bytes (asked with ``SchedulerAction/measureFreeSpace``).
    case freeSpace(Int)
    /// Workers analysed these documents; their outputs wait for the committer (the workers
    /// are free). Told in batches, before any of their outcomes; an empty batch asks only
    /// for more documents to be started.
    case staged([FileName])
    /// A document is done, one way or another.
    case finished(FileName, DocumentResult)
    /// SIGHUP, SIGTERM or SIGINT.
    case signal(Int32)
    /// The inbox was removed or moved away.
    case inboxGone
    /// Time passed (a timer fired): due retries, the drain deadline, the space check.
    case tick
    /// A reload ended: the new settings when it was applied, `nil` when it was rejected.
    case reloadFinished(DaemonScheduler.Settings?)

    /// What claiming a name found.
    enum ClaimResult: Sendable, Equatable {
        /// The entry is in this daemon's work folder.
        case claimed
        /// The entry is gone, or is a directory.
        case gone
        /// The entry is younger than `min_age`: look again after the seconds given.
        case tooYoung(Double)
        /// The entry is open for writing: look again in a second.
        case busy
        /// The claim failed; a transient error is tried again in a second.
        case failed(reason: String, transient: Bool)
    }

    /// How a document ended.
    enum DocumentResult: Sendable, Equatable {
        /// Its output is in the outbox.
        case written
        /// It is in `failed/`, for the reason given.
        case failed(String)
        /// It was removed before it was processed.
        case vanished
        /// A transient error: retry it later; `spoolBlocked` when the spool cannot be written.
        case retry(String, spoolBlocked: Bool)
    }
}
