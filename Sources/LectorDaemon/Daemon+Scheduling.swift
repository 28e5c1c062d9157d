import Dispatch
import Foundation
import LectorConfig
import LectorCore
import LectorPipeline
import LectorSystem
import Logging

extension Daemon {
    /// Watcher events, on the control queue.
    func handle(_ events: [InboxWatcher.Event]) {
        for event in events {
            switch event {
            case .file(let name): enqueue(name)
            case .created(let name): enqueueCreated(name)
            case .overflow:
                logger.notice("inotify queue overflowed; rescanning the inbox")
                rescan()
            case .inboxGone:
                logger.error(
                    "the inbox was removed or moved; stopping so that a restart watches the new one",
                    metadata: ["inbox.path": "\(spool.layout.inbox)", "exit_code": "\(Self.inboxGoneExitCode)"]
                )
                state.value.exitCode = Self.inboxGoneExitCode
                beginShutdown(signal: SIGTERM)
                return
            }
        }
        schedule()
    }

    /// Lists the inbox and queues every document not already known.
    func rescan() {
        guard state.value.phase != .draining else { return }
        do {
            for name in try spool.scanInbox() { enqueue(name) }
        } catch {
            logger.error(
                "cannot read the inbox",
                metadata: ["error": "\(error)", "inbox.path": "\(spool.layout.inbox)"]
            )
        }
        schedule()
    }

    /// Queues a name seen in the inbox, unless it is ignored or already known. A name this
    /// daemon holds already (in flight, waiting for a retry) is remembered and queued again
    /// when that entry is done, so a re-drop is not left for the next rescan.
    func enqueue(_ name: FileName) {
        guard !name.isIgnored, state.value.phase != .draining else { return }
        if state.value.holds(name) || state.value.waiting.contains(name) || state.value.ready.contains(name) {
            state.value.seenAgain.insert(name)
            return
        }
        if state.value.pending.append(name), state.value.discovered[name] == nil {
            state.value.discovered[name] = .now
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
        default: enqueue(name)
        }
    }

    /// Starts documents while there are free workers: claimed ones first, then inbox ones.
    func schedule() {
        guard state.value.phase == .running else { return }
        while state.value.inFlight.count < state.value.configuration.workers,
            state.value.committing.count < OutputCommitter.maximumBatch
        {
            if let name = state.value.ready.popFirst() {
                dispatch(name)
                continue
            }
            guard !state.value.pending.isEmpty, state.value.blockedReason == nil, hasFreeSpace(),
                let name = state.value.pending.popFirst()
            else { break }
            claimAndDispatch(name)
        }
    }

    private func claimAndDispatch(_ name: FileName) {
        let minimumAge = state.value.configuration.spool?.minAge ?? 0
        do {
            switch try spool.claim(name, minimumAge: minimumAge, now: Date().timeIntervalSince1970) {
            case .claimed:
                dispatch(name)
            case .gone, .directory:
                state.value.discovered[name] = nil
            case .tooYoung(let wait):
                waitThenEnqueue(name, seconds: max(wait, 0.01))
            case .busy:
                // Open for writing: its close reports it; look again in a second all the same.
                waitThenEnqueue(name, seconds: 1)
            }
        } catch {
            state.value.lastError = "cannot claim \(name): \(error)"
            logger.warning("cannot claim", metadata: ["document.file": "\(name)", "error": "\(error)"])
            if error.isTransient { waitThenEnqueue(name, seconds: 1) }
        }
    }

    /// Holds a name back for `seconds`, then queues it again (events meanwhile are absorbed).
    private func waitThenEnqueue(_ name: FileName, seconds: Double) {
        state.value.waiting.insert(name)
        control.asyncAfter(deadline: .now() + seconds) { @Sendable [self] in
            state.value.waiting.remove(name)
            state.value.seenAgain.remove(name)
            enqueue(name)
            schedule()
        }
    }

    /// Whether the outbox has room; checked at most once a second. While it does not,
    /// claiming pauses (the status timer retries).
    private func hasFreeSpace() -> Bool {
        let now = ContinuousClock.now
        if let last = state.value.lastSpaceCheck, now - last < .seconds(1) { return !state.value.paused }
        state.value.lastSpaceCheck = now
        let free = (try? SystemCalls.freeBytes(spool.layout.outbox)) ?? Int.max
        let minimum = state.value.configuration.spool?.minFreeSpace ?? SpoolConfiguration.defaultMinFreeSpace
        let paused = free < minimum
        if paused != state.value.paused {
            state.value.paused = paused
            if paused {
                state.value.lastError =
                    "the outbox's file system is nearly full (\(free / 1_048_576) MiB free); claiming paused"
                logger.warning("disk nearly full: claiming paused", metadata: ["free_mib": "\(free / 1_048_576)"])
            } else {
                logger.notice("disk space available again: claiming resumed")
            }
            notifier.send("STATUS=\(statusLine())")
        }
        return !paused
    }

    private func dispatch(_ name: FileName) {
        state.value.inFlight.insert(name)
        let attempt = (state.value.attempts[name] ?? 0) + 1
        state.value.attempts[name] = attempt
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
        let generation = job.chain.identity.generation
        work.async { @Sendable [self] in
            let start = ContinuousClock.now
            let outcome = job.run(logger: logger)
            guard case .staged(let temporary, let id) = outcome else {
                let elapsed = ContinuousClock.now - start
                control.async { @Sendable [self] in
                    complete(name, outcome: outcome, elapsed: elapsed, generation: generation)
                }
                return
            }
            // The worker is free now; the document stays held until its output is durable.
            control.async { @Sendable [self] in
                state.value.inFlight.remove(name)
                state.value.committing.insert(name)
                schedule()
            }
            committer.submit(
                OutputCommitter.Item(name: name, temporary: temporary, id: id) { @Sendable [self] committed in
                    let elapsed = ContinuousClock.now - start
                    control.async { @Sendable [self] in
                        complete(name, outcome: committed, elapsed: elapsed, generation: generation)
                    }
                }
            )
        }
    }

    private func complete(_ name: FileName, outcome: DocumentJob.Outcome, elapsed: Duration, generation: Int) {
        state.value.inFlight.remove(name)
        state.value.committing.remove(name)
        let milliseconds = elapsed.inMilliseconds
        var latency: Double?
        if let discovered = state.value.discovered[name] {
            latency = (ContinuousClock.now - discovered).inMilliseconds
        }
        var metadata: Logger.Metadata = [
            "document.file": "\(name)", "duration_ms": "\(Double(Int(milliseconds * 100)) / 100)",
            "config.generation": "\(generation)",
        ]
        switch outcome {
        case .written(let output, let id):
            state.value.processed += 1
            if let latency { state.value.latencies.record(latency) }
            metadata["document.id"] = "\(id)"
            metadata["outbox.file"] = "\(output)"
            logger.info("document processed", metadata: metadata.merging(["outcome": "ok"]) { $1 })
            if state.value.blockedReason != nil {
                state.value.blockedReason = nil
                logger.notice("the spool can be written again: claiming resumed")
            }
            forget(name)
        case .failed(let reason):
            state.value.failed += 1
            state.value.lastError = "\(name): \(reason)"
            logger.warning(
                "document failed",
                metadata: metadata.merging(["outcome": "failed", "error": "\(reason)"]) { $1 }
            )
            forget(name)
        case .vanished:
            logger.notice("document removed before it was processed", metadata: metadata)
            forget(name)
        case .staged:
            // Only the committer's outcomes arrive here.
            assertionFailure("a staged outcome reached completion")
        case .retry(let reason, let spoolBlocked):
            state.value.retries += 1
            state.value.lastError = "\(name): \(reason)"
            if spoolBlocked, state.value.blockedReason == nil {
                state.value.blockedReason = reason
                logger.warning("the spool cannot be written: claiming paused", metadata: ["error": "\(reason)"])
            }
            let attempt = state.value.attempts[name] ?? 1
            let delay = retryPolicy.delay(afterAttempt: attempt)
            logger.warning(
                "transient error; will retry",
                metadata: metadata.merging(["error": "\(reason)", "retry_in_s": "\(delay)", "attempt": "\(attempt)"]) {
                    $1
                }
            )
            state.value.waiting.insert(name)
            control.asyncAfter(deadline: .now() + delay) { @Sendable [self] in
                state.value.waiting.remove(name)
                if state.value.phase == .draining { return }
                state.value.ready.append(name)
                schedule()
            }
        }
        finishShutdownIfIdle()
        schedule()
    }

    private func forget(_ name: FileName) {
        state.value.attempts[name] = nil
        state.value.discovered[name] = nil
        if state.value.seenAgain.remove(name) != nil { enqueue(name) }
        if state.value.heldAgain.remove(name) != nil { state.value.ready.append(name) }
    }
}
