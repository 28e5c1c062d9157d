import CLectorSystem
import Dispatch
import Foundation
import Glibc
import LectorConfig
import LectorCore
import LectorPipeline
import LectorSystem
import Logging

extension Daemon {
    /// Start-up, on the control queue: signals, recovery, the watch, the first scan, timers,
    /// then READY=1.
    func start(loadTime: Duration) {
        state.value.loadTime = loadTime
        // A lease broken while the claim check holds it (microseconds) needs no notice.
        // (SIGPIPE is ignored for the whole process by `lector` at start: ProcessPolicy.)
        signal(SIGIO, SIG_IGN)
        state.value.signals = SignalSources(queue: control) { @Sendable [self] number in send(.signal(number)) }
        maintain(startUp: true)
        do {
            state.value.watcher = try InboxWatcher(directory: spool.layout.inbox, queue: control) {
                @Sendable [self] events in
                self.handle(events)
            }
        } catch {
            logger.critical("cannot watch the inbox", metadata: ["error": "\(error)"])
            state.value.signals?.cancel()
            spool.release()
            exitLatch.finish(1)
            return
        }
        rescan()
        startTimers()
        state.value.signals?.whenWorking(on: control) { @Sendable [self] in
            // A SIGTERM that was pending since start-up has already begun the drain.
            guard state.value.scheduler.phase == .starting else { return }
            send(.started)
            for number in SignalSources.takeRecorded() { send(.signal(number)) }
        }
    }

    /// The scheduler's `ready`: the status, the log line and READY=1.
    func announceReady() {
        writeStatus()
        logger.info(
            "ready",
            metadata: [
                "inbox.path": "\(spool.layout.inbox)", "outbox.path": "\(spool.layout.outbox)",
                "workers": "\(state.value.configuration.workers)",
                "config.generation": "\(state.value.chain.identity.generation)",
                "load_ms": "\(Int(state.value.loadTime.inMilliseconds.rounded()))",
            ]
        )
        notifier.send("READY=1\nMAINPID=\(getpid())\nSTATUS=\(statusLine())")
    }

    /// Blocks the handled signals in the calling thread and every thread it starts, and
    /// records any that still arrives before the Dispatch sources exist, so that one sent
    /// while models load is handled once ready: a SIGHUP during start-up reloads, a SIGTERM
    /// drains — none kills the process with its default action. Call it first thing,
    /// before any thread is started.
    public static func blockSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in SignalSources.handled {
            sigaddset(&set, number)
            _ = lector_record_signal(number)
        }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    private func startTimers() {
        let status = DispatchSource.makeTimerSource(queue: control)
        status.schedule(deadline: .now() + 1, repeating: 1, leeway: .milliseconds(100))
        status.setEventHandler { @Sendable [self] in
            keepWorkFolder()
            writeStatus()
            send(.tick)
        }
        status.activate()
        state.value.sources.append(status)

        let rescanTimer = DispatchSource.makeTimerSource(queue: control)
        Self.schedule(rescanTimer, every: state.value.configuration.spool?.rescanInterval)
        rescanTimer.setEventHandler { @Sendable [self] in
            maintain()
            rescan()
        }
        rescanTimer.activate()
        state.value.sources.append(rescanTimer)
        state.value.rescanTimer = rescanTimer

        if let watchdog = SystemdNotifier.watchdogInterval {
            let timer = DispatchSource.makeTimerSource(queue: control)
            timer.schedule(deadline: .now(), repeating: watchdog / 2, leeway: .milliseconds(50))
            timer.setEventHandler { @Sendable [self] in notifier.send("WATCHDOG=1") }
            timer.activate()
            state.value.sources.append(timer)
        }
    }

    /// The scheduler's `drain`: no more watching; in-flight documents finish.
    func drain(held: Int, signal number: Int32) {
        state.value.watcher?.stop()
        state.value.watcher = nil
        notifier.send("STOPPING=1\nSTATUS=draining \(held) documents")
        logger.info("draining", metadata: ["in_flight": "\(held)", "signal": "\(number)"])
    }

    /// The scheduler's `stop`: claimed documents no worker started go back to the inbox for
    /// any other daemon, the sources end, the last status is written, and `run` returns.
    func stop(status: Int32, returning names: [FileName], timedOut: Bool) {
        if timedOut {
            logger.warning(
                "shutdown timeout: exiting with documents in flight; they will be recovered at the next start",
                metadata: ["in_flight": "\(state.value.scheduler.held)"]
            )
        }
        for name in names {
            try? SystemCalls.renameNoReplace(spool.workFolder.appending(name), spool.layout.inbox.appending(name))
        }
        state.value.signals?.cancel()
        state.value.signals = nil
        for source in state.value.sources { source.cancel() }
        state.value.sources = []
        state.value.watcher?.stop()
        state.value.watcher = nil
        writeStatus(stateOverride: "stopped")
        spool.release()
        logger.info(
            "stopped",
            metadata: [
                "processed": "\(state.value.scheduler.processed)", "failed": "\(state.value.scheduler.failed)",
                "exit_code": "\(status)",
            ]
        )
        exitLatch.finish(status)
    }
}
