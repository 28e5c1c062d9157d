import Dispatch
import Foundation
public import LectorConfig
public import LectorPipeline
import LectorSystem
public import Logging
import Synchronization

/// The long-running daemon: watches the inbox, claims documents, runs them through the
/// chain on a bounded pool of workers, and writes the results — until SIGTERM.
///
/// One serial `control` queue owns all state (``DaemonState``): watcher events, claims,
/// completions, reloads, signals and timers. Every decision is the pure
/// ``DaemonScheduler``'s: the control queue turns what happens into its events and carries
/// out the actions it returns. Documents run through the chain on a ``WorkerPool``, at most
/// `workers` at a time (with up to six more handed to each, to take up as soon as it is
/// free). Their outputs are encoded and staged for the ``OutputCommitter`` by a serial
/// `writer` queue while a core is left over for it, else by the worker itself
/// (``writesOnWorker(workers:processors:)``), and outcomes are posted back to `control`.
public final class Daemon: Sendable {
    let control = DispatchQueue(label: "lector.control")
    let workers = WorkerPool(label: "lector.work")
    /// Encodes and stages outputs, so that a worker is free once the chain has run (while
    /// the workers leave a core free).
    let writer = DispatchQueue(label: "lector.write")
    /// How many cores the daemon may run on.
    let processors: Int
    /// Documents staged for the committer that the scheduler has not been told of yet
    /// (``SchedulerEvent/staged(_:)``): ``send(_:metadata:now:)`` tells it first thing.
    let stagedNames = Mutex<[FileName]>([])
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
    /// Where the daemon reads the time; every decision that depends on it is the scheduler's.
    let clock: any DaemonClock
    /// When the daemon started, seconds since the epoch.
    let startedAt: Double
    /// Where ``run(configPath:builder:logger:clock:makePublisher:)`` waits for the exit status.
    let exitLatch = ExitLatch()

    /// Creates a daemon over a loaded configuration and built chain (models already loaded).
    ///
    /// - Parameters:
    ///   - configuration: The configuration (with its spool keys).
    ///   - chain: The chain built from it.
    ///   - configPath: The file to read again on SIGHUP.
    ///   - builder: Builds the chain again on reload (its model cache is kept across reloads).
    ///   - logger: The daemon's logger.
    ///   - publisher: Where outputs are published besides the outbox, if anywhere.
    ///   - clock: Where the daemon reads the time.
    /// - Throws: ``DaemonError`` when the spool cannot be set up.
    public init(
        configuration: LectorConfiguration,
        chain: Chain,
        configPath: String,
        builder: ChainBuilder,
        logger: Logger,
        publisher: (any OutputPublisher)? = nil,
        clock: any DaemonClock = SystemDaemonClock()
    ) throws(DaemonError) {
        self.publisher = publisher
        self.clock = clock
        processors = ProcessInfo.processInfo.activeProcessorCount
        startedAt = clock.wallTime
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
        committer = OutputCommitter(spool: spool, clock: clock)
        state = QueueBound(DaemonState(configuration: configuration, chain: chain), queue: control)
    }

    /// Loads the configuration and models, runs the daemon until it stops, and returns the
    /// status the process is to exit with: 0 after a drain, 78 on a bad configuration, 66
    /// when the configuration file does not exist, 73 when the spool cannot be set up, 71
    /// when too few file descriptors may be opened (`ulimit -n`), 75 when the inbox was
    /// removed or moved away while running, 128 + the signal number after a second signal.
    ///
    /// Call ``blockSignals()`` first thing in the process, before this. The calling thread
    /// waits here while the daemon runs on its Dispatch queues.
    ///
    /// - Parameters:
    ///   - configPath: The configuration file.
    ///   - builder: Builds the chain: the processors available and the model cache.
    ///   - logger: The daemon's logger.
    ///   - clock: Where the daemon reads the time.
    ///   - makePublisher: Makes the publisher for `output:` from the loaded configuration
    ///     (connecting to its server), or `nil` when the configuration has none; a throw
    ///     ends the run with 69 (EX_UNAVAILABLE).
    /// - Returns: The exit status.
    public static func run(
        configPath: String,
        builder: ChainBuilder,
        logger: Logger,
        clock: any DaemonClock = SystemDaemonClock(),
        makePublisher: (LectorConfiguration) throws -> (any OutputPublisher)? = { _ in nil }
    ) -> Int32 {
        let loadStart = clock.now
        let configuration: LectorConfiguration
        let chain: Chain
        do {
            (configuration, chain) = try load(configPath: configPath, builder: builder, logger: logger)
        } catch {
            return error.status
        }
        let descriptors = SystemCalls.raiseDescriptorLimit()
        let needed = Self.minimumDescriptors(workers: configuration.workers)
        if descriptors < needed {
            let message =
                "the open-file limit is \(descriptors) (ulimit -n); Lector needs at least \(needed) for \(configuration.workers) workers: raise LimitNOFILE= or ulimit -n"
            logger.critical("too few file descriptors", metadata: ["error": "\(message)"])
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return 71
        }
        let publisher: (any OutputPublisher)?
        do {
            publisher = try makePublisher(configuration)
        } catch {
            logger.critical("cannot reach the output", metadata: ["error": "\(error)"])
            FileHandle.standardError.write(Data("lector: cannot reach the output: \(error)\n".utf8))
            return 69
        }
        let daemon: Daemon
        do {
            daemon = try Daemon(
                configuration: configuration,
                chain: chain,
                configPath: configPath,
                builder: builder,
                logger: logger,
                publisher: publisher,
                clock: clock
            )
        } catch {
            logger.critical("cannot start", metadata: ["error": "\(error)"])
            return 73
        }
        let loadTime = clock.now - loadStart
        daemon.control.async { @Sendable in daemon.start(loadTime: loadTime) }
        return daemon.exitLatch.wait()
    }

    /// Loads the configuration and builds its chain (models loaded), each mistake logged
    /// and printed.
    ///
    /// - Parameters:
    ///   - configPath: The configuration file.
    ///   - builder: Builds the chain: the processors available and the model cache.
    ///   - logger: Where the mistakes are logged.
    /// - Returns: The configuration and the chain.
    /// - Throws: ``DaemonExit`` with 66 when the file does not exist, 78 when it is wrong.
    public static func load(
        configPath: String,
        builder: ChainBuilder,
        logger: Logger
    ) throws(DaemonExit) -> (LectorConfiguration, Chain) {
        do {
            return try builder.load(path: configPath, purpose: .daemon)
        } catch {
            for item in error.errors {
                logger.error("invalid configuration", metadata: ["error": "\(item)"])
            }
            FileHandle.standardError.write(Data((error.errors.map(\.description).joined(separator: "\n") + "\n").utf8))
            // A missing file is EX_NOINPUT, which systemd retries (the file may appear, e.g.
            // from configuration management); a wrong one is EX_CONFIG, which it does not.
            throw DaemonExit(error.isFileMissing ? 66 : 78)
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

    /// The values of a configuration the scheduler decides with.
    ///
    /// - Parameter configuration: The configuration in force.
    /// - Returns: The scheduler's settings.
    static func schedulerSettings(_ configuration: LectorConfiguration) -> DaemonScheduler.Settings {
        DaemonScheduler.Settings(
            workers: configuration.workers,
            minimumFreeBytes: configuration.spool?.minFreeSpace ?? SpoolConfiguration.defaultMinFreeSpace,
            shutdownTimeout: .seconds(configuration.shutdownTimeout)
        )
    }

    /// Where this daemon writes its status snapshot.
    var statusPath: FilePath { spool.layout.control.appending("status-\(spool.id).json") }
}

/// Everything the control queue owns: the configuration in force, the scheduler's
/// decisions, and the I/O handles.
struct DaemonState {
    var configuration: LectorConfiguration
    var chain: Chain
    var scheduler: DaemonScheduler
    /// Sibling daemons on this inbox already warned about (different configuration).
    var warnedSiblings: Set<String> = []
    /// The latest warning about the daemon's surroundings (a sibling's configuration).
    var warning: String?
    /// Why the work folder could not be made again, as last logged.
    var workFolderError: String?
    var watcher: InboxWatcher?
    var sources: [any DispatchSourceProtocol] = []
    /// The rescan timer (also in ``sources``), rescheduled when a reload changes
    /// `rescan_interval`.
    var rescanTimer: (any DispatchSourceTimer)?
    /// SIGTERM, SIGINT and SIGHUP, once start-up installed them.
    var signals: SignalSources?
    /// How long loading the configuration and models took (for the `ready` log line).
    var loadTime = Duration.zero
    /// Events waiting for ``Daemon/send(_:metadata:now:)``'s loop.
    var events: [QueuedEvent] = []
    /// Whether ``Daemon/send(_:metadata:now:)``'s loop is running (a nested send only queues).
    var sending = false

    init(configuration: LectorConfiguration, chain: Chain) {
        self.configuration = configuration
        self.chain = chain
        scheduler = DaemonScheduler(settings: Daemon.schedulerSettings(configuration))
    }
}

/// An event for the scheduler, with the log metadata of its actions and its time.
struct QueuedEvent {
    var event: SchedulerEvent
    var metadata: Logger.Metadata
    var now: ContinuousClock.Instant?
}
