import Dispatch
import Foundation
import Glibc
import LectorConfig
import LectorCore
import LectorDaemon
import LectorPipeline
import LectorSystem
import Logging
import Synchronization

extension NATSDaemon {
    /// Once bound: signals, timers, the workers, then READY=1.
    func start(subscriptions: [NATSPullSubscription], ackWait: Double, loadTime: Duration) {
        let signals = SignalSources(queue: control) { @Sendable [self] number in handle(signal: number) }
        sources.withLock { $0.signals = signals }
        // In-progress acks a third of the way into the deadline, so a slow document is
        // never handed to another daemon while this one works on it.
        let beat = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "lector.nats.heartbeat"))
        let interval = max(0.2, ackWait / 3)
        beat.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
        beat.setEventHandler { [self] in heartbeats.beat() }
        beat.activate()
        let status = DispatchSource.makeTimerSource(queue: statusQueue)
        status.schedule(deadline: .now() + 1, repeating: 2, leeway: .milliseconds(200))
        status.setEventHandler { [self] in refreshStatus() }
        status.activate()
        sources.withLock { $0.list += [beat, status] }
        if let watchdog = SystemdNotifier.watchdogInterval {
            let timer = DispatchSource.makeTimerSource(queue: control)
            timer.schedule(deadline: .now(), repeating: watchdog / 2, leeway: .milliseconds(50))
            timer.setEventHandler { [self] in notifier.send("WATCHDOG=1") }
            timer.activate()
            sources.withLock { $0.list.append(timer) }
        }
        workersRunning.withLock { $0 = subscriptions.count }
        for (index, subscription) in subscriptions.enumerated() {
            let thread = Thread { [self] in work(subscription) }
            thread.name = "lector-worker-\(index)"
            thread.start()
        }
        signals.whenWorking(on: control) { @Sendable [self] in
            announceReady(workers: subscriptions.count, loadTime: loadTime)
            // A SIGHUP sent while connecting reloads now; a SIGTERM drains.
            for number in SignalSources.takeRecorded() { handle(signal: number) }
        }
    }

    /// SIGHUP reloads; SIGTERM and SIGINT drain.
    private func handle(signal number: Int32) {
        if number == SIGHUP { requestReload() } else { beginShutdown(signal: number) }
    }

    /// The `ready` log line and READY=1, once signals are known to work.
    private func announceReady(workers: Int, loadTime: Duration) {
        let generation = state.withLock { $0.chain.identity.generation }
        logger.info(
            "ready",
            metadata: [
                "nats.url": "\(connection.connectedURL ?? "?")", "nats.stream": "\(input.stream)",
                "nats.consumer": "\(input.consumer)", "workers": "\(workers)",
                "config.generation": "\(generation)",
                "load_ms": "\(Int(loadTime.inMilliseconds.rounded()))",
            ]
        )
        notifier.send("READY=1\nMAINPID=\(getpid())\nSTATUS=\(statusLine())")
    }

    /// One line for sd_notify `STATUS=`.
    func statusLine() -> String {
        let current = state.withLock { $0 }
        var line =
            "\(current.shutdown.isDraining ? "draining" : "running"): \(current.processed) processed, \(current.failed) failed, \(current.inFlight) in flight, generation \(current.chain.identity.generation)"
        if let consumer = current.consumer {
            line +=
                "; consumer \(input.consumer): \(consumer.pending) pending, \(consumer.ackPending) unacked, \(consumer.redelivered) redelivered"
        }
        if !connection.isConnected { line += "; NATS connection lost, reconnecting" }
        return line
    }

    /// Asks the server for the consumer's counts, reports them to systemd, and writes the
    /// Prometheus file when `metrics_file` is set.
    private func refreshStatus() {
        let consumer = try? connection.consumerState(input.consumer, stream: input.stream)
        state.withLock { $0.consumer = consumer ?? $0.consumer }
        if notifier.isEnabled { notifier.send("STATUS=\(statusLine())") }
        if let metricsFile = state.withLock({ $0.configuration.metricsFile }) {
            try? writeMetrics(to: metricsFile)
        }
    }

    /// The daemon's figures in the shape the folder daemon reports them, with the consumer's
    /// pending messages as its queue.
    func statusSnapshot() -> DaemonStatus {
        let current = state.withLock { $0 }
        var status = DaemonStatus(
            daemon: daemonID,
            pid: Int(getpid()),
            state: current.shutdown.isDraining ? "draining" : connection.isConnected ? "running" : "paused",
            started: startedAt,
            updated: clock.wallTime,
            generation: current.chain.identity.generation,
            config: current.chain.identity.configHash,
            processed: current.processed,
            failed: current.failed,
            retries: current.retries,
            inFlight: current.inFlight,
            queued: Int(clamping: current.consumer?.pending ?? 0),
            workers: current.configuration.workers,
            lastError: current.lastError,
            latency: [:]
        )
        status.setLatencies(current.latencies)
        return status
    }

    /// Writes `metrics_file`: this daemon's figures and the consumer's counts.
    private func writeMetrics(to path: String) throws {
        var text = DaemonStatus.prometheus([statusSnapshot()])
        if let consumer = state.withLock({ $0.consumer }) {
            text += consumer.prometheus(consumer: input.consumer, stream: input.stream)
        }
        let file = FilePath(path)
        let temporary = FileName(".lector-metrics-\(daemonID).tmp")
        try? SystemCalls.remove(file.folderAndName.folder.appending(temporary))
        try SystemCalls.writeAtomically(Array(text.utf8), to: file, temporary: temporary, sync: false)
    }

    /// SIGHUP: a new chain from the file; the connection and the consumer stay.
    func requestReload() {
        let proceed = state.withLock { state in !state.shutdown.isDraining && state.reload.request() }
        if proceed { startReload() }
    }

    /// Builds the new chain off the control queue; the old one serves meanwhile.
    private func startReload() {
        notifier.send("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds)\nSTATUS=reloading")
        let next = state.withLock { $0.chain.identity.generation + 1 }
        background.async { [self] in
            let outcome: Result<(LectorConfiguration, Chain), ConfigurationErrors>
            do throws(ConfigurationErrors) {
                outcome = .success(
                    try builder.load(path: configPath, purpose: .daemon, generation: next)
                )
            } catch {
                outcome = .failure(error)
            }
            control.async { [self] in finishReload(outcome) }
        }
    }

    private func finishReload(_ outcome: Result<(LectorConfiguration, Chain), ConfigurationErrors>) {
        switch outcome {
        case .success(let (configuration, chain)):
            let kept = state.withLock { state -> LectorConfiguration in
                var applied = configuration
                // Where documents come from and go to is fixed for the process's life.
                applied.natsInput = state.configuration.natsInput
                applied.natsOutput = state.configuration.natsOutput
                applied.outboxFolder = state.configuration.outboxFolder
                applied.workers = state.configuration.workers
                let changed = applied != configuration
                state.configuration = applied
                state.chain = chain
                return changed ? configuration : applied
            }
            if kept != state.withLock({ $0.configuration }) {
                logger.warning(
                    "input, output, outbox and workers changed in the file; they take effect at the next restart"
                )
            }
            Daemon.logReloaded(chain, logger: logger)
            notifier.send("READY=1\nSTATUS=\(statusLine())")
        case .failure(let errors):
            let first = Daemon.logRejected(errors, logger: logger)
            state.withLock { $0.lastError = "reload rejected: \(first)" }
            notifier.send("READY=1\nSTATUS=reload rejected: \(first)")
        }
        // A SIGHUP during this reload asks for one more; a drain asks for none.
        let again = state.withLock { state -> Bool in
            if state.shutdown.isDraining { state.reload.cancelPending() }
            return state.reload.finish()
        }
        if again { startReload() }
    }

    /// SIGTERM/SIGINT: stop fetching, finish and acknowledge what was fetched, exit 0. A
    /// second signal exits at once: what was in flight is delivered again after `ack_wait`.
    func beginShutdown(signal number: Int32) {
        let now = clock.now
        let decision = state.withLock { state in
            state.shutdown.signal(number, now: now, timeout: .seconds(state.configuration.shutdownTimeout))
        }
        switch decision {
        case .exitNow(let status):
            logger.warning("second signal: exiting now", metadata: ["in_flight": "\(heartbeats.count)"])
            exitLatch.finish(status)
        case .drain(let deadline):
            notifier.send("STOPPING=1\nSTATUS=draining \(heartbeats.count) documents")
            logger.info("draining", metadata: ["in_flight": "\(heartbeats.count)", "signal": "\(number)"])
            control.asyncAfter(deadline: .now() + max((deadline - now).inSeconds, 0)) { [self] in
                let overdue = state.withLock { $0.shutdown.isOverdue(now: max(clock.now, deadline)) }
                guard overdue, !exitLatch.isFinished else { return }
                logger.warning(
                    "shutdown timeout: exiting with documents in flight; the server delivers them again",
                    metadata: ["in_flight": "\(heartbeats.count)"]
                )
                finishDrain()
            }
        }
    }

    /// Every worker has stopped (or the timeout passed): close the connection and exit 0.
    func finishDrain() {
        // The timeout and the last worker may both get here (both on the control queue).
        guard !exitLatch.isFinished else { return }
        sources.withLock { $0.signals?.cancel() }
        for source in sources.withLock({ $0.list }) { source.cancel() }
        closing.withLock { $0 = true }
        connection.close()
        if let publisher, publisher.connection !== connection { publisher.connection.close() }
        let current = state.withLock { $0 }
        logger.info("stopped", metadata: ["processed": "\(current.processed)", "failed": "\(current.failed)"])
        exitLatch.finish(0)
    }
}
