#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything `config.yaml` says, typed and validated.
///
/// ``ConfigurationLoader`` makes one from a file; tests can build one directly with
/// ``init(file:directory:sha256:spool:workers:maxBytes:shutdownTimeout:includeText:pipeline:metricsFile:)``.
/// The daemon holds it as an immutable snapshot and swaps it on reload.
public struct LectorConfiguration: Sendable, Equatable {
    /// The default for ``workers``: the number of processors available to this process,
    /// clamped to ``workersRange``.
    public static var defaultWorkers: Int {
        min(max(ProcessInfo.processInfo.activeProcessorCount, workersRange.lowerBound), workersRange.upperBound)
    }
    /// The values allowed for ``workers``.
    public static let workersRange = 1...256
    /// The default for ``maxBytes``: 10 MiB.
    public static let defaultMaxBytes = 10_485_760
    /// The values allowed for ``maxBytes``: 1 byte to 1 GiB.
    public static let maxBytesRange = 1...1_073_741_824
    /// The default for ``shutdownTimeout``: 30 seconds.
    public static let defaultShutdownTimeout = 30.0

    /// The configuration file's path, as given.
    public var file: String
    /// The absolute directory of the configuration file; relative paths resolve against it.
    public var directory: String
    /// The SHA-256 of the file's bytes, lowercase hex; output records it as `sha256:…`.
    public var sha256: String
    /// The spool folders, or `nil` when none of `inbox`, `outbox`, `failed` is given.
    public var spool: SpoolConfiguration?
    /// How many documents are processed at once (`workers`).
    public var workers: Int
    /// The largest input file accepted, in bytes (`max_bytes`); larger ones go to `failed/`.
    public var maxBytes: Int
    /// How long a `SIGTERM` waits for documents in flight, in seconds (`shutdown_timeout`).
    public var shutdownTimeout: Double
    /// Whether the output JSON carries the document's `text` (`include_text`).
    public var includeText: Bool
    /// The steps, in order (`pipeline`).
    public var pipeline: [StepConfiguration]
    /// Where the daemon writes its figures in Prometheus text format every second
    /// (`metrics_file`, for node_exporter's textfile collector), or `nil` for nowhere.
    public var metricsFile: String?
    /// Where documents come from when not the inbox folder (`input: {nats: …}`).
    public var natsInput: NATSInputConfiguration?
    /// Where enriched documents go besides (or instead of) the outbox (`output: {nats: …}`).
    public var natsOutput: NATSOutputConfiguration?
    /// With NATS input, the folder outputs are also written to as files (`outbox`), if any.
    public var outboxFolder: String?

    /// Creates a configuration; every argument has the default the loader uses.
    ///
    /// - Parameters:
    ///   - file: The configuration file's path, as given.
    ///   - directory: The file's absolute directory.
    ///   - sha256: The SHA-256 of the file's bytes, lowercase hex.
    ///   - spool: The spool folders, or `nil`.
    ///   - workers: Documents processed at once.
    ///   - maxBytes: The largest input accepted, in bytes.
    ///   - shutdownTimeout: Seconds a shutdown waits for documents in flight.
    ///   - includeText: Whether output carries the text.
    ///   - pipeline: The steps.
    ///   - metricsFile: Where to write Prometheus figures, if anywhere.
    public init(
        file: String = "config.yaml",
        directory: String = "/",
        sha256: String = "",
        spool: SpoolConfiguration? = nil,
        workers: Int = LectorConfiguration.defaultWorkers,
        maxBytes: Int = LectorConfiguration.defaultMaxBytes,
        shutdownTimeout: Double = LectorConfiguration.defaultShutdownTimeout,
        includeText: Bool = true,
        pipeline: [StepConfiguration] = [],
        metricsFile: String? = nil
    ) {
        self.file = file
        self.directory = directory
        self.sha256 = sha256
        self.spool = spool
        self.workers = workers
        self.maxBytes = maxBytes
        self.shutdownTimeout = shutdownTimeout
        self.includeText = includeText
        self.pipeline = pipeline
        self.metricsFile = metricsFile
    }
}
