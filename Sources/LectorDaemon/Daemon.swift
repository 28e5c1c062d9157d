import Dispatch
import Foundation
import Glibc
public import LectorConfig
public import LectorPipeline
public import Logging

/// The long-running daemon: watches the inbox, claims documents, runs them through the
/// chain on a bounded pool of workers, and writes the results — until SIGTERM.
///
/// One serial `control` queue owns all state (``DaemonState``): watcher events, claims,
/// completions, reloads, signals and timers. Documents run on a concurrent `work` queue,
/// at most `workers` at a time, and post their outcome back to `control`.
public final class Daemon: Sendable {
    let control = DispatchQueue(label: "lector.control")
    let work = DispatchQueue(label: "lector.work", attributes: .concurrent)
    let background = DispatchQueue(label: "lector.reload")
    /// Writes the status and metrics files, off the control queue.
    let statusQueue = DispatchQueue(label: "lector.status")
    let state: QueueBound<DaemonState>
    let spool: Spool
    let configPath: String
    let builder: ChainBuilder
    let logger: Logger
    let notifier: SystemdNotifier
    let committer: OutputCommitter
    /// Where outputs are published besides the outbox (`output: {nats: …}`), if anywhere.
    let publisher: (any OutputPublisher)?
    let retryPolicy = RetryPolicy()
    let startedAt = Date().timeIntervalSince1970

    /// Creates a daemon over a loaded configuration and built chain (models already loaded).
    ///
    /// - Parameters:
    ///   - configuration: The configuration (with its spool keys).
    ///   - chain: The chain built from it.
    ///   - configPath: The file to read again on SIGHUP.
    ///   - builder: Builds the chain again on reload (its model cache is kept across reloads).
    ///   - logger: The daemon's logger.
    ///   - publisher: Where outputs are published besides the outbox, if anywhere.
    /// - Throws: ``DaemonError`` when the spool cannot be set up.
    public init(
        configuration: LectorConfiguration,
        chain: Chain,
        configPath: String,
        builder: ChainBuilder = ChainBuilder(),
        logger: Logger,
        publisher: (any OutputPublisher)? = nil
    ) throws(DaemonError) {
        self.publisher = publisher
        guard let spoolConfiguration = configuration.spool else {
            throw DaemonError(.configuration, "the configuration has no inbox, outbox and failed folders")
        }
        spool = try Spool(layout: SpoolLayout(spoolConfiguration))
        self.configPath = configPath
        self.builder = builder
        var logger = logger
        logger[metadataKey: "daemon.id"] = "\(spool.id)"
        self.logger = logger
        notifier = SystemdNotifier()
        committer = OutputCommitter(spool: spool)
        state = QueueBound(DaemonState(configuration: configuration, chain: chain), queue: control)
    }

    /// Loads the configuration and models, starts the daemon, and never returns: the process
    /// exits 0 after a drain, 78 on a bad configuration, 66 when the configuration file does
    /// not exist, 73 when the spool cannot be set up,
    /// 71 when too few file descriptors may be opened (`ulimit -n`), 75 when the inbox was
    /// removed or moved away while running.
    ///
    /// Call ``blockSignals()`` first thing in the process, before this.
    ///
    /// - Parameters:
    ///   - configPath: The configuration file.
    ///   - builder: Builds the chain: the processors available and the model cache.
    ///   - logger: The daemon's logger.
    ///   - makePublisher: Makes the publisher for `output:` from the loaded configuration
    ///     (connecting to its server), or `nil` when the configuration has none; a throw
    ///     exits 69 (EX_UNAVAILABLE).
    public static func run(
        configPath: String,
        builder: ChainBuilder = ChainBuilder(),
        logger: Logger,
        makePublisher: (LectorConfiguration) throws -> (any OutputPublisher)? = { _ in nil }
    ) -> Never {
        let loadStart = ContinuousClock.now
        let (configuration, chain) = loadOrExit(configPath: configPath, builder: builder, logger: logger)
        let descriptors = SystemCalls.raiseDescriptorLimit()
        let needed = Self.minimumDescriptors(workers: configuration.workers)
        if descriptors < needed {
            let message =
                "the open-file limit is \(descriptors) (ulimit -n); Lector needs at least \(needed) for \(configuration.workers) workers: raise LimitNOFILE= or ulimit -n"
            logger.critical("too few file descriptors", metadata: ["error": "\(message)"])
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(71)
        }
        let publisher: (any OutputPublisher)?
        do {
            publisher = try makePublisher(configuration)
        } catch {
            logger.critical("cannot reach the output", metadata: ["error": "\(error)"])
            FileHandle.standardError.write(Data("lector: cannot reach the output: \(error)\n".utf8))
            exit(69)
        }
        let daemon: Daemon
        do {
            daemon = try Daemon(
                configuration: configuration,
                chain: chain,
                configPath: configPath,
                builder: builder,
                logger: logger,
                publisher: publisher
            )
        } catch {
            logger.critical("cannot start", metadata: ["error": "\(error)"])
            exit(73)
        }
        let loadTime = ContinuousClock.now - loadStart
        daemon.control.async { @Sendable in daemon.start(loadTime: loadTime) }
        dispatchMain()
    }

    /// Loads the configuration and builds its chain (models loaded), or exits: 66 when the
    /// file does not exist, 78 when it is wrong, each mistake logged and printed.
    ///
    /// - Parameters:
    ///   - configPath: The configuration file.
    ///   - builder: Builds the chain: the processors available and the model cache.
    ///   - logger: Where the mistakes are logged.
    /// - Returns: The configuration and the chain.
    public static func loadOrExit(
        configPath: String,
        builder: ChainBuilder,
        logger: Logger
    ) -> (LectorConfiguration, Chain) {
        do {
            return try builder.load(path: configPath, purpose: .daemon)
        } catch {
            for item in error.errors {
                logger.error("invalid configuration", metadata: ["error": "\(item)"])
            }
            FileHandle.standardError.write(Data((error.errors.map(\.description).joined(separator: "\n") + "\n").utf8))
            // A missing file is EX_NOINPUT, which systemd retries (the file may appear, e.g.
            // from configuration management); a wrong one is EX_CONFIG, which it does not.
            exit(error.isFileMissing ? 66 : 78)
        }
    }

    /// The fewest open descriptors the daemon runs with: Dispatch's own (epoll, eventfds,
    /// signalfds, timers), inotify, the lock, and per worker an input, an output, a folder
    /// and a plugin's pipes. Below it, a burst would hit `EMFILE` inside libdispatch, which
    /// cannot recover from it.
    static func minimumDescriptors(workers: Int) -> Int { max(128, 32 + 8 * workers) }

    /// The status `lector run` exits with when the inbox was removed or moved away: systemd's
    /// `Restart=on-failure` starts it again on the new folder (`EX_TEMPFAIL`).
    public static let inboxGoneExitCode: Int32 = 75

    /// Where this daemon writes its status snapshot.
    var statusPath: FilePath { spool.layout.control.appending("status-\(spool.id).json") }
}

/// Everything the control queue owns.
struct DaemonState {
    enum Phase: Sendable, Equatable { case starting, running, draining }

    var configuration: LectorConfiguration
    var chain: Chain
    var phase: Phase = .starting
    var pending = NameQueue()
    var ready = NameQueue()
    var inFlight: Set<FileName> = []
    /// Documents analysed whose outputs wait for the committer (their workers are free).
    var committing: Set<FileName> = []
    /// Documents this daemon holds: being analysed or being committed.
    var held: Int { inFlight.count + committing.count }

    /// Whether this daemon holds a document of that name (being analysed or committed).
    func holds(_ name: FileName) -> Bool { inFlight.contains(name) || committing.contains(name) }
    var discovered: [FileName: ContinuousClock.Instant] = [:]
    var attempts: [FileName: Int] = [:]
    var waiting: Set<FileName> = []
    /// Names seen in the inbox again while this daemon held an entry of that name (a
    /// re-drop during processing): listed again as soon as that entry is done.
    var seenAgain: Set<FileName> = []
    /// Names adopted from a dead sibling while this daemon was finishing an entry of the
    /// same name: dispatched when that entry is done.
    var heldAgain: Set<FileName> = []
    /// Why the spool cannot be written (outbox or failed/ read-only, gone, replaced): claiming
    /// pauses until a document is written again.
    var blockedReason: String?
    /// Sibling daemons on this inbox already warned about (different configuration).
    var warnedSiblings: Set<String> = []
    /// The latest warning about the daemon's surroundings (a sibling's configuration).
    var warning: String?
    /// The status written when the process exits: 0 after a drain, 75 when the inbox was
    /// removed or moved (so that systemd restarts the daemon on the new folder).
    var exitCode: Int32 = 0
    var processed = 0
    var failed = 0
    var retries = 0
    var latencies = LatencyWindow()
    var lastError: String?
    var reloading = false
    var reloadAgain = false
    var paused = false
    var lastSpaceCheck: ContinuousClock.Instant?
    var watcher: InboxWatcher?
    var sources: [any DispatchSourceProtocol] = []
    var signalsReady = false

    init(configuration: LectorConfiguration, chain: Chain) {
        self.configuration = configuration
        self.chain = chain
    }
}
