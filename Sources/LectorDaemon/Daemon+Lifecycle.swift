import Dispatch
import Foundation
import Glibc
import LectorConfig
import LectorCore
import LectorPipeline
import Logging

extension Daemon {
    /// Start-up, on the control queue: signals, recovery, the watch, the first scan, timers,
    /// then READY=1.
    func start(loadTime: Duration) {
        installSignalHandlers()
        let removed = spool.removeStaleTemporaries()
        let recovered = spool.adoptAbandonedWork(now: Date().timeIntervalSince1970)
        for name in recovered.adopted { state.value.ready.append(name) }
        for path in recovered.stuck {
            logger.warning("cannot recover a document; it stays for a later start", metadata: ["path": "\(path)"])
        }
        if !recovered.adopted.isEmpty || removed > 0 {
            logger.notice(
                "recovered work of stopped daemons",
                metadata: ["documents": "\(recovered.adopted.count)", "temporaries_removed": "\(removed)"]
            )
        }
        do {
            state.value.watcher = try InboxWatcher(directory: spool.layout.inbox, queue: control) {
                @Sendable [self] events in
                self.handle(events)
            }
        } catch {
            logger.critical("cannot watch the inbox", metadata: ["error": "\(error)"])
            exit(1)
        }
        rescan()
        startTimers()
        awaitSignalHandlers { @Sendable [self] in
            state.value.phase = .running
            writeStatus()
            let milliseconds = loadTime.inMilliseconds
            logger.info(
                "ready",
                metadata: [
                    "inbox.path": "\(spool.layout.inbox)", "outbox.path": "\(spool.layout.outbox)",
                    "workers": "\(state.value.configuration.workers)",
                    "config.generation": "\(state.value.chain.identity.generation)",
                    "load_ms": "\(Int(milliseconds.rounded()))",
                ]
            )
            notifier.send("READY=1\nMAINPID=\(getpid())\nSTATUS=\(statusLine())")
            schedule()
        }
    }

    private func installSignalHandlers() {
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGTERM, SIGINT, SIGHUP, SIGUSR2] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: control)
            source.setEventHandler { @Sendable [self] in
                switch number {
                case SIGHUP: requestReload()
                case SIGUSR2: state.value.signalsReady = true
                default: beginShutdown(signal: number)
                }
            }
            source.activate()
            state.value.sources.append(source)
        }
    }

    /// Signal sources on Linux can miss a signal sent right after activation; raise SIGUSR2
    /// until its handler has run, so that READY=1 promises working signal handling.
    private func awaitSignalHandlers(then body: @escaping @Sendable () -> Void) {
        if state.value.signalsReady {
            body()
            return
        }
        kill(getpid(), SIGUSR2)
        control.asyncAfter(deadline: .now() + .milliseconds(1)) { @Sendable [self] in
            awaitSignalHandlers(then: body)
        }
    }

    private func startTimers() {
        let status = DispatchSource.makeTimerSource(queue: control)
        status.schedule(deadline: .now() + 1, repeating: 1, leeway: .milliseconds(100))
        status.setEventHandler { @Sendable [self] in
            writeStatus()
            if state.value.paused { schedule() }
        }
        status.activate()
        state.value.sources.append(status)

        let rescanTimer = DispatchSource.makeTimerSource(queue: control)
        let interval = DaemonDefaults.rescanInterval
        rescanTimer.schedule(deadline: .now() + interval, repeating: interval, leeway: .seconds(1))
        rescanTimer.setEventHandler { @Sendable [self] in rescan() }
        rescanTimer.activate()
        state.value.sources.append(rescanTimer)

        if let watchdog = SystemdNotifier.watchdogInterval {
            let timer = DispatchSource.makeTimerSource(queue: control)
            timer.schedule(deadline: .now(), repeating: watchdog / 2, leeway: .milliseconds(50))
            timer.setEventHandler { @Sendable [self] in notifier.send("WATCHDOG=1") }
            timer.activate()
            state.value.sources.append(timer)
        }
    }

    /// SIGTERM/SIGINT: stop claiming, let in-flight documents finish, exit 0. A second
    /// signal exits at once (what was in flight stays claimed and is recovered next start).
    func beginShutdown(signal number: Int32) {
        if state.value.phase == .draining {
            logger.warning("second signal: exiting now", metadata: ["in_flight": "\(state.value.inFlight.count)"])
            exit(128 + number)
        }
        state.value.phase = .draining
        state.value.watcher?.stop()
        state.value.watcher = nil
        notifier.send("STOPPING=1\nSTATUS=draining \(state.value.inFlight.count) documents")
        logger.info("draining", metadata: ["in_flight": "\(state.value.inFlight.count)", "signal": "\(number)"])
        let timeout = state.value.configuration.shutdownTimeout
        control.asyncAfter(deadline: .now() + timeout) { @Sendable [self] in
            logger.warning(
                "shutdown timeout: exiting with documents in flight; they will be recovered at the next start",
                metadata: ["in_flight": "\(state.value.inFlight.count)"]
            )
            finishShutdown()
        }
        finishShutdownIfIdle()
    }

    func finishShutdownIfIdle() {
        if state.value.phase == .draining, state.value.inFlight.isEmpty { finishShutdown() }
    }

    private func finishShutdown() {
        // Claimed documents no worker started go back to the inbox for any other daemon.
        for name in state.value.ready.removeAll() {
            try? SystemCalls.renameNoReplace(spool.workFolder.appending(name), spool.layout.inbox.appending(name))
        }
        for source in state.value.sources { source.cancel() }
        writeStatus(stateOverride: "stopped")
        spool.release()
        logger.info("stopped", metadata: ["processed": "\(state.value.processed)", "failed": "\(state.value.failed)"])
        exit(0)
    }
}

/// Fixed intervals of the daemon.
enum DaemonDefaults {
    /// The safety-net rescan of the inbox, in seconds (inotify is the main path).
    static let rescanInterval = 30.0
}
