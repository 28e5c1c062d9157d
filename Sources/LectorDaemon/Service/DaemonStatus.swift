public import LectorCore

/// A snapshot of a running daemon's figures, written to `inbox/.lector/status-ID.json`
/// every second and read by `lector status`.
public struct DaemonStatus: Sendable, Equatable {
    /// The daemon's id.
    public var daemon: String
    /// Its process id.
    public var pid: Int
    /// `running`, `paused` (disk nearly full), `draining` or `stopped`.
    public var state: String
    /// When it started, seconds since the epoch.
    public var started: Double
    /// When this snapshot was taken, seconds since the epoch.
    public var updated: Double
    /// The configuration generation in use.
    public var generation: Int
    /// The configuration hash in use.
    public var config: String
    /// Documents written to the outbox.
    public var processed: Int
    /// Inputs set aside in `failed/`.
    public var failed: Int
    /// Transient errors retried.
    public var retries: Int
    /// Documents being processed now.
    public var inFlight: Int
    /// Inbox entries seen but not yet claimed, plus claimed ones waiting for a worker or for
    /// a retry.
    public var queued: Int
    /// The most documents in flight at once.
    public var workers: Int
    /// The last failure or error, one line, if any.
    public var lastError: String?
    /// Drop-to-output latency percentiles over recent documents, in milliseconds.
    public var latency: [String: Double]
    /// The sum of every drop-to-output latency since start, in milliseconds (with
    /// ``latencyCount``, what lets figures of several daemons be combined).
    public var latencySum: Double = 0
    /// How many latencies ``latencySum`` adds up.
    public var latencyCount: Int = 0
    /// A standing warning about the daemon's surroundings (a sibling daemon on the same
    /// inbox with another configuration), if any.
    public var warning: String?

    /// Creates a snapshot.
    ///
    /// - Parameters:
    ///   - daemon: The daemon's id.
    ///   - pid: Its process id.
    ///   - state: `running`, `paused`, `draining` or `stopped`.
    ///   - started: When it started, seconds since the epoch.
    ///   - updated: When the snapshot was taken.
    ///   - generation: The configuration generation.
    ///   - config: The configuration hash.
    ///   - processed: Documents written.
    ///   - failed: Inputs set aside.
    ///   - retries: Transient errors retried.
    ///   - inFlight: Documents in flight.
    ///   - queued: Documents waiting.
    ///   - workers: The worker limit.
    ///   - lastError: The last error, if any.
    ///   - latency: Latency percentiles by key (`p50`, `p90`, `p99`).
    ///   - warning: A standing warning, if any.
    public init(
        daemon: String,
        pid: Int,
        state: String,
        started: Double,
        updated: Double,
        generation: Int,
        config: String,
        processed: Int,
        failed: Int,
        retries: Int,
        inFlight: Int,
        queued: Int,
        workers: Int,
        lastError: String?,
        latency: [String: Double],
        warning: String? = nil
    ) {
        self.daemon = daemon
        self.pid = pid
        self.state = state
        self.started = started
        self.updated = updated
        self.generation = generation
        self.config = config
        self.processed = processed
        self.failed = failed
        self.retries = retries
        self.inFlight = inFlight
        self.queued = queued
        self.workers = workers
        self.lastError = lastError
        self.latency = latency
        self.warning = warning
    }

    /// The snapshot as JSON.
    public var json: JSONValue {
        var latencyObject = JSONObject()
        for key in ["p50", "p90", "p99"] { latencyObject[key] = latency[key].map(JSONValue.double) ?? .null }
        return [
            "daemon": .string(daemon), "pid": .int(pid), "state": .string(state),
            "started": .double(started), "updated": .double(updated),
            "uptime_s": .double(((updated - started) * 10).rounded() / 10),
            "generation": .int(generation), "config": .string(config),
            "processed": .int(processed), "failed": .int(failed), "retries": .int(retries),
            "in_flight": .int(inFlight), "queued": .int(queued), "workers": .int(workers),
            "last_error": lastError.map(JSONValue.string) ?? .null,
            "latency_ms": .object(latencyObject),
            "latency_sum_ms": .double((latencySum * 100).rounded() / 100), "latency_count": .int(latencyCount),
            "warning": warning.map(JSONValue.string) ?? .null,
        ]
    }

    /// Reads a snapshot back from its JSON.
    ///
    /// - Parameter json: What ``json`` wrote.
    /// - Returns: The snapshot, or `nil` when fields are missing.
    public static func parse(_ json: JSONValue) -> DaemonStatus? {
        guard let daemon = json["daemon"]?.stringValue, let state = json["state"]?.stringValue else { return nil }
        var latency: [String: Double] = [:]
        for key in ["p50", "p90", "p99"] { latency[key] = json["latency_ms"]?[key]?.doubleValue }
        var status = DaemonStatus(
            daemon: daemon,
            pid: json["pid"]?.intValue ?? 0,
            state: state,
            started: json["started"]?.doubleValue ?? 0,
            updated: json["updated"]?.doubleValue ?? 0,
            generation: json["generation"]?.intValue ?? 0,
            config: json["config"]?.stringValue ?? "",
            processed: json["processed"]?.intValue ?? 0,
            failed: json["failed"]?.intValue ?? 0,
            retries: json["retries"]?.intValue ?? 0,
            inFlight: json["in_flight"]?.intValue ?? 0,
            queued: json["queued"]?.intValue ?? 0,
            workers: json["workers"]?.intValue ?? 0,
            lastError: json["last_error"]?.stringValue,
            latency: latency,
            warning: json["warning"]?.stringValue
        )
        status.latencySum = json["latency_sum_ms"]?.doubleValue ?? 0
        status.latencyCount = json["latency_count"]?.intValue ?? 0
        return status
    }

    /// The snapshot in Prometheus text exposition format, for node_exporter's textfile
    /// collector (`metrics_file:` in config.yaml).
    public var prometheus: String { Self.prometheus([self]) }

    /// Sets ``latency``, ``latencySum`` and ``latencyCount`` from a daemon's window.
    ///
    /// - Parameter window: The daemon's recent latencies.
    public mutating func setLatencies(_ window: LatencyWindow) {
        latency = window.percentiles
        latencySum = window.sum
        latencyCount = window.total
    }

    /// Several daemons' snapshots in one Prometheus text, each under its own `daemon` label
    /// and every metric's HELP and TYPE once: what a daemon writes to `metrics_file`, with
    /// the figures of every live daemon on its spool, so that daemons started from one
    /// config.yaml share the file without overwriting each other.
    ///
    /// - Parameter statuses: The snapshots.
    /// - Returns: The text.
    public static func prometheus(_ statuses: [DaemonStatus]) -> String {
        typealias Metric = (name: String, type: String, help: String, value: (DaemonStatus) -> Double?)
        let metrics: [Metric] = [
            (
                "lector_documents_processed_total", "counter", "Documents written to the outbox.",
                { Double($0.processed) }
            ),
            ("lector_documents_failed_total", "counter", "Inputs set aside in failed/.", { Double($0.failed) }),
            ("lector_retries_total", "counter", "Transient errors retried.", { Double($0.retries) }),
            ("lector_documents_in_flight", "gauge", "Documents being processed.", { Double($0.inFlight) }),
            ("lector_inbox_queued", "gauge", "Inbox entries waiting to be processed.", { Double($0.queued) }),
            ("lector_config_generation", "gauge", "Configuration generation in use.", { Double($0.generation) }),
            ("lector_uptime_seconds", "gauge", "Seconds since the daemon started.", { $0.updated - $0.started }),
        ]
        var text = ""
        for metric in metrics {
            text += "# HELP \(metric.name) \(metric.help)\n# TYPE \(metric.name) \(metric.type)\n"
            for status in statuses {
                if let value = metric.value(status) { text += "\(metric.name){daemon=\"\(status.daemon)\"} \(value)\n" }
            }
        }
        let latency = "lector_latency_milliseconds"
        text += "# HELP \(latency) Drop-to-output latency (quantiles over recent documents).\n"
        text += "# TYPE \(latency) summary\n"
        for status in statuses {
            for (key, quantile) in [("p50", "0.5"), ("p90", "0.9"), ("p99", "0.99")] {
                if let value = status.latency[key] {
                    text += "\(latency){daemon=\"\(status.daemon)\",quantile=\"\(quantile)\"} \(value)\n"
                }
            }
            text += "\(latency)_sum{daemon=\"\(status.daemon)\"} \(status.latencySum)\n"
            text += "\(latency)_count{daemon=\"\(status.daemon)\"} \(Double(status.latencyCount))\n"
        }
        return text
    }
}
