/// What the ``DaemonScheduler`` decided, for the Dispatch code of ``Daemon`` to carry out.
enum SchedulerAction: Sendable, Equatable {
    /// Claim an inbox entry; answer with ``SchedulerEvent/claimed(_:_:)``.
    case claim(FileName)
    /// Measure the outbox's free bytes; answer with ``SchedulerEvent/freeSpace(_:)``.
    case measureFreeSpace
    /// Run a claimed document through the chain on a worker (its `attempt`th time).
    case dispatch(FileName, attempt: Int)
    /// Send ``SchedulerEvent/tick`` at this instant (or soon after).
    case wake(at: ContinuousClock.Instant)
    /// A document failed transiently and runs again after `delay` (log it).
    case retry(FileName, reason: String, delay: Duration, attempt: Int)
    /// The outbox's file system is nearly full: claiming pauses (log and notify it).
    case diskPaused(freeBytes: Int)
    /// Space is back: claiming resumes (log and notify it).
    case diskResumed
    /// The spool cannot be written: claiming pauses (log it).
    case spoolBlocked(String)
    /// The spool can be written again: claiming resumes (log it).
    case spoolResumed
    /// Load the configuration again, off the control queue; answer with
    /// ``SchedulerEvent/reloadFinished(_:)``.
    case startReload
    /// The daemon is ready: say READY=1 and write the status.
    case ready
    /// Write the status file (and `STATUS=`).
    case writeStatus
    /// Stop watching the inbox and say STOPPING=1: a drain began, `held` documents to finish.
    case drain(held: Int, signal: Int32)
    /// End the process with `status` after a drain (or its deadline): put back the claimed
    /// documents no worker started, write the last status, release the spool.
    case stop(status: Int32, returning: [FileName], timedOut: Bool)
    /// End the process with `status` at once (a second signal): what is held stays claimed
    /// and is recovered at the next start.
    case abort(status: Int32, held: Int)
}
