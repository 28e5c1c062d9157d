import Glibc
import LectorCore
import LectorSystem

/// The folder daemon's decisions, as a pure value: which inbox entries to claim, when to
/// start a document, when to retry one, when claiming pauses for a full disk or an
/// unwritable spool, how SIGHUPs coalesce into reloads, and when a drain ends or a second
/// signal ends the process.
///
/// It does no I/O and reads no clock: ``handle(_:now:)`` takes an event and the time, and
/// returns the actions for ``Daemon`` to carry out on its Dispatch queues. Tests drive it
/// with a manual clock, with no sleeping.
///
/// Its state is internal rather than `private(set)` because the decisions are split over
/// several files (`DaemonScheduler+Documents.swift`); only the scheduler changes it, and
/// the daemon reads it for the status.
struct DaemonScheduler: Sendable {
    /// Where the daemon is in its life.
    enum Phase: Sendable, Equatable {
        /// Loading and binding: names are queued, none is started yet.
        case starting
        /// Claiming and processing.
        case running
        /// SIGTERM/SIGINT: finishing what is held, claiming nothing new.
        case draining
        /// The process ends; every later event is ignored.
        case stopped
    }

    /// The configuration values the decisions depend on.
    struct Settings: Sendable, Equatable {
        /// How many documents run at once.
        var workers: Int
        /// How many documents are dispatched to each worker beyond the one it runs: the
        /// daemon's ``WorkerPool`` hands them over as workers finish. Six, so that the
        /// control queue, told of staged outputs only when at most one waits per worker,
        /// refills the hand-off list five documents per worker at a time (2 workers, 2,620
        /// BBC DEV articles: 1,249-1,257 documents/s against 1,205-1,224 with three).
        var queuedPerWorker = 6
        /// Below this many free bytes in the outbox, claiming pauses.
        var minimumFreeBytes: Int
        /// How long a drain waits for held documents.
        var shutdownTimeout: Duration
        /// How many analysed documents may wait for the committer before claiming stops.
        var maximumCommitting = OutputCommitter.maximumBatch
        /// The backoff of transient errors.
        var retryPolicy = RetryPolicy()
        /// How often the free space is measured while claiming.
        var spaceCheckInterval = Duration.seconds(1)
    }

    /// Why a name waits, and what happens when its time comes.
    struct Wait: Sendable, Equatable {
        /// When it is due.
        var due: ContinuousClock.Instant
        /// `true`: a claimed document to start again (a retry); `false`: an inbox entry to
        /// look at again (too young, busy, a failed claim).
        var isClaimed: Bool
    }

    var settings: Settings
    var phase = Phase.starting
    var pending = NameQueue()
    var ready = NameQueue()
    /// Names whose claim was asked for and not yet answered.
    var claiming: Set<FileName> = []
    var inFlight: Set<FileName> = []
    /// Documents analysed whose outputs wait for the committer (their workers are free).
    var committing: Set<FileName> = []
    var discovered: [FileName: ContinuousClock.Instant] = [:]
    var attempts: [FileName: Int] = [:]
    var waiting: [FileName: Wait] = [:] {
        didSet { earliestWait = nil }
    }
    /// The earliest due time in ``waiting`` (`.some(nil)` when it is empty), or `nil` when
    /// it must be worked out again: kept so that an event that leaves ``waiting`` alone (a
    /// rescan seeing thousands of waiting names) does not scan it.
    private var earliestWait: ContinuousClock.Instant??
    /// Names seen in the inbox again while this daemon held an entry of that name (a
    /// re-drop during processing): listed again as soon as that entry is done.
    var seenAgain: Set<FileName> = []
    /// Names adopted from a dead sibling while this daemon was finishing an entry of the
    /// same name: started when that entry is done.
    var heldAgain: Set<FileName> = []
    /// Why the spool cannot be written: claiming pauses until a document is written again.
    var blockedReason: String?
    /// Whether claiming pauses because the outbox's file system is nearly full.
    var paused = false
    var lastSpaceCheck: ContinuousClock.Instant?
    var measuringSpace = false
    /// The first and second SIGTERM/SIGINT, and the drain's deadline.
    var shutdown = ShutdownSequence()
    /// The earliest wake-up asked for and not yet passed.
    var nextWake: ContinuousClock.Instant?
    var reload = ReloadCoalescer()
    /// The status the process exits with after a drain: 0, or 75 when the inbox went away.
    var exitStatus: Int32 = 0
    var processed = 0
    var failed = 0
    var retries = 0
    /// Discovery-to-output times of recent documents, in milliseconds.
    var latencies = LatencyWindow()
    /// The latest problem, for the status.
    var lastError: String?

    /// Creates a scheduler in the starting phase.
    ///
    /// - Parameter settings: The configuration values the decisions depend on.
    init(settings: Settings) {
        self.settings = settings
    }

    /// Documents this daemon holds: being analysed or being committed.
    var held: Int { inFlight.count + committing.count }

    /// Names known and not held: queued, claimed and waiting for a worker, or waiting for
    /// their time.
    var queued: Int { pending.count + ready.count + waiting.count }

    /// Documents that wait for a worker and will get one: dispatched beyond the workers, and,
    /// while running, claimed ones not yet dispatched and seen ones that may be claimed (not
    /// while draining, nor while claiming is paused or blocked). The committer waits longer
    /// for a batch only while this queue alone holds documents longer than its window.
    var backlog: Int {
        let dispatched = max(inFlight.count - settings.workers, 0)
        guard phase == .running else { return dispatched }
        return dispatched + ready.count + (paused || blockedReason != nil ? 0 : pending.count)
    }

    /// Whether this daemon holds a document of that name (being analysed or committed).
    func holds(_ name: FileName) -> Bool { inFlight.contains(name) || committing.contains(name) }

    /// Takes an event in and decides.
    ///
    /// - Parameters:
    ///   - event: What happened.
    ///   - now: The time now, from the daemon's clock.
    /// - Returns: What the daemon is to do, in order.
    mutating func handle(_ event: SchedulerEvent, now: ContinuousClock.Instant) -> [SchedulerAction] {
        guard phase != .stopped else { return [] }
        var actions: [SchedulerAction] = []
        switch event {
        case .started:
            guard phase == .starting else { return [] }
            phase = .running
            actions.append(.ready)
        case .fileSeen(let name): enqueue(name, now: now)
        case .adopted(let names): adopt(names)
        case .claimed(let name, let result): claimed(name, result, now: now, into: &actions)
        case .freeSpace(let bytes): measured(bytes, now: now, into: &actions)
        case .staged(let names):
            for name in names where inFlight.remove(name) != nil { committing.insert(name) }
        case .finished(let name, let result): finished(name, result, now: now, into: &actions)
        case .signal(let number) where number == SIGHUP:
            if phase != .draining, reload.request() { actions.append(.startReload) }
        case .signal(let number): terminate(signal: number, now: now, into: &actions)
        case .inboxGone:
            exitStatus = Daemon.inboxGoneExitCode
            terminate(signal: SIGTERM, now: now, into: &actions)
        case .tick: tick(now: now, into: &actions)
        case .reloadFinished(let applied):
            if let applied {
                // Only what a configuration sets; the rest (retry policy, intervals) stays.
                settings.workers = applied.workers
                settings.minimumFreeBytes = applied.minimumFreeBytes
                settings.shutdownTimeout = applied.shutdownTimeout
            }
            actions.append(.writeStatus)
            if phase != .draining, reload.finish() { actions.append(.startReload) }
        }
        finishIfIdle(into: &actions)
        schedule(now: now, into: &actions)
        wakeIfNeeded(now: now, into: &actions)
        return actions
    }

    /// Starts documents while workers are free or have none queued: claimed ones first,
    /// then inbox ones.
    private mutating func schedule(now: ContinuousClock.Instant, into actions: inout [SchedulerAction]) {
        guard phase == .running else { return }
        let dispatchable = settings.workers * (1 + settings.queuedPerWorker)
        while inFlight.count + claiming.count < dispatchable, committing.count < settings.maximumCommitting {
            if let name = ready.popFirst() {
                dispatch(name, into: &actions)
                continue
            }
            guard !pending.isEmpty, blockedReason == nil, hasFreeSpace(now: now, into: &actions),
                let name = pending.popFirst()
            else { break }
            claiming.insert(name)
            actions.append(.claim(name))
        }
    }

    /// Whether the outbox has room, as last measured; asks for a measurement when the last
    /// one is older than the interval (claiming waits for its answer).
    private mutating func hasFreeSpace(now: ContinuousClock.Instant, into actions: inout [SchedulerAction]) -> Bool {
        if let last = lastSpaceCheck, now - last < settings.spaceCheckInterval { return !paused }
        if !measuringSpace {
            measuringSpace = true
            actions.append(.measureFreeSpace)
        }
        return false
    }

    private mutating func measured(_ bytes: Int, now: ContinuousClock.Instant, into actions: inout [SchedulerAction]) {
        measuringSpace = false
        lastSpaceCheck = now
        let full = bytes < settings.minimumFreeBytes
        guard full != paused else { return }
        paused = full
        if full {
            lastError = "the outbox's file system is nearly full (\(bytes / 1_048_576) MiB free); claiming paused"
            actions.append(.diskPaused(freeBytes: bytes))
        } else {
            actions.append(.diskResumed)
        }
    }

    /// SIGTERM/SIGINT: stop claiming, let held documents finish until the deadline. A
    /// second signal ends the process at once.
    private mutating func terminate(
        signal number: Int32,
        now: ContinuousClock.Instant,
        into actions: inout [SchedulerAction]
    ) {
        switch shutdown.signal(number, now: now, timeout: settings.shutdownTimeout) {
        case .exitNow(let status):
            phase = .stopped
            actions.append(.abort(status: status, held: held))
        case .drain:
            phase = .draining
            reload.cancelPending()
            actions.append(.drain(held: held, signal: number))
        }
    }

    private mutating func finishIfIdle(into actions: inout [SchedulerAction]) {
        guard phase == .draining, held == 0, claiming.isEmpty else { return }
        stop(timedOut: false, into: &actions)
    }

    private mutating func stop(timedOut: Bool, into actions: inout [SchedulerAction]) {
        phase = .stopped
        actions.append(.stop(status: exitStatus, returning: ready.removeAll(), timedOut: timedOut))
    }

    /// Time passed: names whose wait is over go back to the queue, and a drain past its
    /// deadline ends.
    private mutating func tick(now: ContinuousClock.Instant, into actions: inout [SchedulerAction]) {
        if let wake = nextWake, wake <= now { nextWake = nil }
        for (name, wait) in waiting.filter({ $0.value.due <= now }).sorted(by: { $0.value.due < $1.value.due }) {
            waiting[name] = nil
            if wait.isClaimed {
                if phase != .draining { ready.append(name) }
            } else {
                seenAgain.remove(name)
                enqueue(name, now: now)
            }
        }
        if phase == .draining, shutdown.isOverdue(now: now) {
            stop(timedOut: true, into: &actions)
        }
    }

    /// Asks for a tick at the earliest time something is due, unless one is asked already.
    private mutating func wakeIfNeeded(now: ContinuousClock.Instant, into actions: inout [SchedulerAction]) {
        guard phase != .stopped else { return }
        if earliestWait == nil { earliestWait = .some(waiting.values.map(\.due).min()) }
        var due = earliestWait ?? nil
        if phase == .draining, let deadline = shutdown.deadline { due = min(due ?? deadline, deadline) }
        guard let due, nextWake.map({ due < $0 }) ?? true else { return }
        nextWake = due
        actions.append(.wake(at: due))
    }
}
