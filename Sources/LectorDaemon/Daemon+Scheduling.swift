import Dispatch
import Foundation
import LectorConfig
import LectorCore
import LectorPipeline
import LectorSystem
import Logging
import Synchronization

extension Daemon {
    /// Tells the scheduler what happened and carries out what it decides, on the control
    /// queue. An action that asks a question (a claim, the free space) answers it with
    /// another event, which waits in ``DaemonState/events`` until the actions before it
    /// are carried out: one loop, never a recursion, so a backlog of thousands of names
    /// that cannot be claimed yet (too young, claimed by a sibling) needs no stack. The
    /// outputs workers staged since the last call (``stagedNames``) are told first, so the
    /// scheduler hears that a document was staged before it hears its outcome.
    ///
    /// - Parameters:
    ///   - event: What happened.
    ///   - metadata: Log metadata for the actions' log lines (a document's).
    ///   - now: The time of the event; the clock's time when `nil`.
    func send(_ event: SchedulerEvent, metadata: Logger.Metadata = [:], now: ContinuousClock.Instant? = nil) {
        let staged = stagedNames.withLock { names in
            defer { names = [] }
            return names
        }
        if !staged.isEmpty { state.value.events.append(QueuedEvent(event: .staged(staged), metadata: [:], now: now)) }
        state.value.events.append(QueuedEvent(event: event, metadata: metadata, now: now))
        guard !state.value.sending else { return }
        state.value.sending = true
        defer { state.value.sending = false }
        while !state.value.events.isEmpty {
            let next = state.value.events.removeFirst()
            let actions = state.value.scheduler.handle(next.event, now: next.now ?? clock.now)
            for action in actions { perform(action, metadata: next.metadata) }
        }
        let (backlog, workers) = (state.value.scheduler.backlog, state.value.scheduler.settings.workers)
        committer.noteBacklog(perWorker: backlog / max(workers, 1))
    }

    /// Watcher events, on the control queue.
    func handle(_ events: [InboxWatcher.Event]) {
        for event in events {
            switch event {
            case .file(let name): send(.fileSeen(name))
            case .created(let name): enqueueCreated(name)
            case .overflow:
                logger.notice("inotify queue overflowed; rescanning the inbox")
                rescan()
            case .inboxGone:
                stopForLostInbox()
                return
            }
        }
    }

    /// The inbox was removed, moved or replaced: stops with ``inboxGoneExitCode``, so that
    /// systemd restarts the daemon on whatever folder now has the inbox's path.
    func stopForLostInbox() {
        logger.error(
            "the inbox was removed or moved; stopping so that a restart watches the new one",
            metadata: ["inbox.path": "\(spool.layout.inbox)", "exit_code": "\(Self.inboxGoneExitCode)"]
        )
        send(.inboxGone)
    }

    /// Lists the inbox and tells the scheduler every name.
    func rescan() {
        guard state.value.scheduler.phase == .starting || state.value.scheduler.phase == .running else { return }
        do {
            for name in try spool.scanInbox() { send(.fileSeen(name)) }
        } catch {
            logger.error(
                "cannot read the inbox",
                metadata: ["error": "\(error)", "inbox.path": "\(spool.layout.inbox)"]
            )
        }
    }

    /// A name was created in the inbox. Regular files with one link are being written and
    /// will report their close; everything else reports nothing more (a hard link, FIFO,
    /// socket or symlink), so it is queued now — and treated as the start-up scan treats it.
    private func enqueueCreated(_ name: FileName) {
        guard !name.isIgnored, let status = try? SystemCalls.status(spool.layout.inbox.appending(name)) else { return }
        switch status.kind {
        case .directory: return
        case .regular where status.links < 2: return
        default: send(.fileSeen(name))
        }
    }

    private func perform(_ action: SchedulerAction, metadata: Logger.Metadata) {
        switch action {
        case .claim(let name): send(.claimed(name, claim(name)))
        case .measureFreeSpace: send(.freeSpace((try? SystemCalls.freeBytes(spool.layout.outbox)) ?? Int.max))
        case .dispatch(let name, let attempt): dispatch(name, attempt: attempt)
        case .wake(let instant):
            let delay = max((instant - clock.now).inSeconds, 0)
            control.asyncAfter(deadline: .now() + delay) { @Sendable [self] in
                send(.tick, now: max(clock.now, instant))
            }
        case .retry(let name, let reason, let delay, let attempt):
            let details: Logger.Metadata = [
                "document.file": "\(name)", "error": "\(reason)", "retry_in_s": "\(delay.inSeconds)",
                "attempt": "\(attempt)",
            ]
            logger.warning("transient error; will retry", metadata: metadata.merging(details) { $1 })
        case .diskPaused(let free):
            logger.warning("disk nearly full: claiming paused", metadata: ["free_mib": "\(free / 1_048_576)"])
            notifier.send("STATUS=\(statusLine())")
        case .diskResumed:
            logger.notice("disk space available again: claiming resumed")
            notifier.send("STATUS=\(statusLine())")
        case .spoolBlocked(let reason):
            logger.warning("the spool cannot be written: claiming paused", metadata: ["error": "\(reason)"])
        case .spoolResumed: logger.notice("the spool can be written again: claiming resumed")
        case .startReload: startReload()
        case .ready: announceReady()
        case .writeStatus: writeStatus()
        case .drain(let held, let number): drain(held: held, signal: number)
        case .stop(let status, let returning, let timedOut):
            stop(status: status, returning: returning, timedOut: timedOut)
        case .abort(let status, let held):
            logger.warning("second signal: exiting now", metadata: ["in_flight": "\(held)"])
            exitLatch.finish(status)
        }
    }

    private func claim(_ name: FileName) -> SchedulerEvent.ClaimResult {
        let minimumAge = state.value.configuration.spool?.minAge ?? 0
        do {
            switch try spool.claim(name, minimumAge: minimumAge, now: clock.wallTime) {
            case .claimed: return .claimed
            case .gone, .directory: return .gone
            case .tooYoung(let wait): return .tooYoung(wait)
            case .busy: return .busy
            }
        } catch {
            logger.warning("cannot claim", metadata: ["document.file": "\(name)", "error": "\(error)"])
            return .failed(reason: "\(error)", transient: error.isTransient)
        }
    }

    private func dispatch(_ name: FileName, attempt: Int) {
        let job = DocumentJob(
            name: name,
            chain: state.value.chain,
            maximumBytes: state.value.configuration.maxBytes,
            attempt: attempt,
            spool: spool,
            daemonID: spool.id,
            publisher: publisher
        )
        let logger = logger
        let clock = clock
        let generation = job.chain.identity.generation
        let workerCount = state.value.configuration.workers
        let onWorker = job.publisher != nil || Self.writesOnWorker(workers: workerCount, processors: processors)
        workers.submit(limit: workerCount) { @Sendable [self] in
            let start = clock.now
            switch job.analyse(logger: logger) {
            case .ended(let outcome):
                let elapsed = clock.now - start
                control.async { @Sendable [self] in
                    complete(name, outcome: outcome, elapsed: elapsed, generation: generation)
                }
            case .analysed(let result, let id) where onWorker:
                write(job, result, id: id, start: start, generation: generation)
            case .analysed(let result, let id):
                // The worker takes its next document now. This one still counts as in flight
                // until the writer has staged it, so the writer's backlog stays within the
                // documents dispatched, and a failed write stops claiming before more are.
                writer.async { @Sendable [self] in
                    write(job, result, id: id, start: start, generation: generation)
                }
            }
        }
    }

    /// Whether a worker encodes and stages its own outputs rather than handing them to the
    /// writer's queue. The hand-off frees the worker at once, which pays while a core is
    /// left over for the writer (1 worker on 2 cores: 735–746 documents/s against 673–694
    /// on the worker, 2,620 BBC DEV articles dropped at once); once the workers fill every
    /// core it only adds a thread wake-up and a context switch per document (2 workers on
    /// 2 cores, with the committer's 6 ms window: 1,198–1,221 on the worker against
    /// 1,133–1,187). A publish (NATS) also runs on the worker: it waits for its
    /// acknowledgement, and workers let publishes run side by side.
    ///
    /// - Parameters:
    ///   - workers: The configured workers.
    ///   - processors: The cores the daemon may run on.
    /// - Returns: `true` when the workers leave no core for the writer.
    static func writesOnWorker(workers: Int, processors: Int) -> Bool {
        workers >= processors
    }

    /// On the writer's queue (on the worker when ``writesOnWorker(workers:processors:)`` or a
    /// publisher is set): encodes and stages a document's output, tells the scheduler
    /// (`staged`: it now waits for the committer alone), and hands it to the committer.
    private func write(
        _ job: DocumentJob,
        _ result: ProcessedDocument,
        id: String,
        start: ContinuousClock.Instant,
        generation: Int
    ) {
        let name = job.name
        let outcome = job.write(result, id: id)
        guard case .staged(let temporary, let id) = outcome else {
            let elapsed = clock.now - start
            control.async { @Sendable [self] in
                complete(name, outcome: outcome, elapsed: elapsed, generation: generation)
            }
            return
        }
        // Listed before the committer can post the outcome, and every `send` tells the list
        // first, so the scheduler sees them in order. The control queue is woken for it only
        // when the workers run low on documents: under a stream of them, once per few
        // documents instead of once per document (each wake-up preempted a worker).
        stagedNames.withLock { $0.append(name) }
        if workers.isRunningLow { control.async { @Sendable [self] in send(.staged([])) } }
        committer.submit(
            OutputCommitter.Item(name: name, temporary: temporary, id: id) { @Sendable [self] committed in
                let elapsed = clock.now - start
                control.async { @Sendable [self] in
                    complete(name, outcome: committed, elapsed: elapsed, generation: generation)
                }
            }
        )
    }

    /// A document is done: logs how, and tells the scheduler.
    private func complete(_ name: FileName, outcome: DocumentJob.Outcome, elapsed: Duration, generation: Int) {
        let milliseconds = elapsed.inMilliseconds
        var metadata: Logger.Metadata = [
            "document.file": "\(name)", "duration_ms": "\(Double(Int(milliseconds * 100)) / 100)",
            "config.generation": "\(generation)",
        ]
        let result: SchedulerEvent.DocumentResult
        switch outcome {
        case .written(let output, let id):
            metadata["document.id"] = "\(id)"
            metadata["outbox.file"] = "\(output)"
            logger.info("document processed", metadata: metadata.merging(["outcome": "ok"]) { $1 })
            result = .written
        case .failed(let reason):
            logger.warning(
                "document failed",
                metadata: metadata.merging(["outcome": "failed", "error": "\(reason)"]) { $1 }
            )
            result = .failed(reason)
        case .vanished:
            logger.notice("document removed before it was processed", metadata: metadata)
            result = .vanished
        case .staged:
            // Only the committer's outcomes arrive here.
            assertionFailure("a staged outcome reached completion")
            return
        case .retry(let reason, let spoolBlocked):
            result = .retry(reason, spoolBlocked: spoolBlocked)
        }
        send(.finished(name, result), metadata: metadata)
    }
}
