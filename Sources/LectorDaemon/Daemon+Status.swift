import Foundation
import Glibc
import LectorConfig
import LectorCore
import LectorPipeline

extension Daemon {
    /// The current figures.
    func statusSnapshot(stateOverride: String? = nil) -> DaemonStatus {
        let current = state.value
        let phase: String
        switch current.phase {
        case .starting: phase = "starting"
        case .running: phase = current.paused || current.blockedReason != nil ? "paused" : "running"
        case .draining: phase = "draining"
        }
        var latency: [String: Double] = [:]
        for (key, q) in [("p50", 0.5), ("p90", 0.9), ("p99", 0.99)] {
            if let value = current.latencies.quantile(q) { latency[key] = (value * 100).rounded() / 100 }
        }
        return DaemonStatus(
            daemon: spool.id,
            pid: Int(getpid()),
            state: stateOverride ?? phase,
            started: startedAt,
            updated: Date().timeIntervalSince1970,
            generation: current.chain.identity.generation,
            config: current.chain.identity.configHash,
            processed: current.processed,
            failed: current.failed,
            retries: current.retries,
            inFlight: current.inFlight.count,
            queued: current.pending.count + current.ready.count + current.waiting.count,
            workers: current.configuration.workers,
            lastError: current.blockedReason ?? current.lastError,
            latency: latency,
            warning: current.warning
        )
    }

    /// One line for sd_notify `STATUS=`.
    func statusLine() -> String {
        let status = statusSnapshot()
        return
            "\(status.state): \(status.processed) processed, \(status.failed) failed, \(status.inFlight) in flight, \(status.queued) queued, generation \(status.generation)"
    }

    /// Writes `inbox/.lector/status-ID.json` (and the Prometheus file when configured),
    /// each by rename so readers never see half a file.
    func writeStatus(stateOverride: String? = nil) {
        let status = statusSnapshot(stateOverride: stateOverride)
        try? spool.writeAtomically(
            status.json.encoded() + [10],
            into: spool.layout.control,
            as: FileName("status-\(spool.id).json")
        )
        if let metrics = state.value.configuration.metricsFile {
            let path = FilePath(metrics)
            let folder = FilePath(
                bytes: Array(path.bytes.prefix(upTo: path.bytes.lastIndex(of: UInt8(ascii: "/")) ?? 0))
            )
            let name = FileName(
                bytes: Array(path.bytes.suffix(from: (path.bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1))
            )
            try? spool.writeAtomically(
                Array(status.prometheus.utf8),
                into: folder.bytes.isEmpty ? FilePath(".") : folder,
                as: name
            )
        }
        if stateOverride == nil, notifier.isEnabled { notifier.send("STATUS=\(statusLine())") }
    }
}
