import Foundation
import Glibc
import LectorConfig
import LectorCore
import LectorPipeline
import LectorSystem

extension Daemon {
    /// The current figures.
    func statusSnapshot(stateOverride: String? = nil) -> DaemonStatus {
        let current = state.value
        let scheduler = current.scheduler
        let phase: String
        switch scheduler.phase {
        case .starting: phase = "starting"
        case .running: phase = scheduler.paused || scheduler.blockedReason != nil ? "paused" : "running"
        case .draining, .stopped: phase = "draining"
        }
        var status = DaemonStatus(
            daemon: spool.id,
            pid: Int(getpid()),
            state: stateOverride ?? phase,
            started: startedAt,
            updated: clock.wallTime,
            generation: current.chain.identity.generation,
            config: current.chain.identity.configHash,
            processed: scheduler.processed,
            failed: scheduler.failed,
            retries: scheduler.retries,
            inFlight: scheduler.held,
            queued: scheduler.queued,
            workers: current.configuration.workers,
            lastError: scheduler.blockedReason ?? scheduler.lastError,
            latency: [:],
            warning: current.warning
        )
        status.setLatencies(scheduler.latencies)
        return status
    }

    /// One line for sd_notify `STATUS=`.
    func statusLine() -> String {
        let status = statusSnapshot()
        return
            "\(status.state): \(status.processed) processed, \(status.failed) failed, \(status.inFlight) in flight, \(status.queued) queued, generation \(status.generation)"
    }

    /// Writes `inbox/.lector/status-ID.json` (and the Prometheus file when configured),
    /// each by rename so readers never see half a file. The snapshot is taken here, on the
    /// control queue; the files are written and fsynced on the status queue, so a slow disk
    /// never holds up claims and completions. The last write (`stopped`, at exit) waits.
    func writeStatus(stateOverride: String? = nil) {
        let status = statusSnapshot(stateOverride: stateOverride)
        let metricsFile = state.value.configuration.metricsFile
        let write = { @Sendable [spool] in Self.writeStatusFiles(status, metricsFile: metricsFile, spool: spool) }
        if stateOverride == nil {
            statusQueue.async(execute: write)
            if notifier.isEnabled { notifier.send("STATUS=\(statusLine())") }
        } else {
            // At exit: after any write still queued, and before the process ends.
            statusQueue.sync(execute: write)
        }
    }

    /// The status file, and the metrics file with the figures of every live daemon on the
    /// spool (each under its own label), so daemons sharing a config.yaml share the file.
    private static func writeStatusFiles(_ status: DaemonStatus, metricsFile: String?, spool: Spool) {
        // Never makes `inbox/.lector` (nor, through it, a removed inbox): when it is missing,
        // the one-second check makes the work folder again first, or stops the daemon.
        try? SystemCalls.writeAtomically(
            status.json.encoded() + [10],
            to: spool.layout.control.appending(FileName("status-\(spool.id).json")),
            temporary: spool.temporaryName()
        )
        guard let metricsFile else { return }
        let siblings = StatusReader.liveStatuses(layout: spool.layout).filter {
            $0.daemon != status.daemon && $0.state != "stopped"
        }
        let (folder, name) = FilePath(metricsFile).folderAndName
        let statuses = status.state == "stopped" ? siblings : [status] + siblings
        try? spool.writeAtomically(
            Array(DaemonStatus.prometheus(statuses.sorted { $0.daemon < $1.daemon }).utf8),
            into: folder,
            as: name
        )
    }
}
