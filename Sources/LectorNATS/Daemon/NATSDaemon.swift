import Dispatch
import Foundation
import Glibc
import LectorConfig
import LectorCore
public import LectorDaemon
public import LectorPipeline
public import Logging
import Synchronization

/// The daemon on NATS JetStream: every worker pulls from one durable consumer that all
/// daemons share, runs the chain, publishes the output (and writes it to the outbox folder
/// when one is configured), and only then acknowledges the input.
///
/// A document is published with `Nats-Msg-Id` set to its id, so a republish after a crash
/// is dropped by the stream; an input is acknowledged only after its output is stored; a
/// slow document extends its deadline with in-progress acks; a message delivered more than
/// `max_deliver` times, or one that cannot become a document, goes to the failed subject
/// with its error and its body.
public final class NATSDaemon: Sendable {
    struct State {
        var configuration: LectorConfiguration
        var chain: Chain
        /// SIGTERM/SIGINT as in the folder daemon: a drain with a deadline, then at once.
        var shutdown = ShutdownSequence()
        /// SIGHUPs coalesced as in the folder daemon.
        var reload = ReloadCoalescer()
        var processed = 0
        var failed = 0
        var retries = 0
        var inFlight = 0
        var lastError: String?
        var consumer: NATSConsumerState?
        /// Input-stored-to-output-stored times of recent documents, in milliseconds.
        var latencies = LatencyWindow()
    }

    let state: Mutex<State>
    let input: NATSInputConfiguration
    let outbox: String?
    let connection: NATSConnection
    let publisher: NATSOutputPublisher?
    let configPath: String
    let builder: ChainBuilder
    let logger: Logger
    let notifier = SystemdNotifier()
    let daemonID: String
    /// Where the daemon reads the time and waits out its backoffs.
    let clock: any DaemonClock
    /// When the daemon started, seconds since the epoch.
    let startedAt: Double
    /// Where ``run(configPath:builder:logger:clock:)`` waits for the exit status.
    let exitLatch: ExitLatch
    let control = DispatchQueue(label: "lector.nats.control")
    let background = DispatchQueue(label: "lector.nats.reload")
    /// Asks the server for the consumer's counts and writes the metrics file, so that
    /// neither waits behind a reload's model loading, nor a reload behind the server.
    let statusQueue = DispatchQueue(label: "lector.nats.status")
    let heartbeats = Heartbeats()
    let workersRunning = Mutex(0)
    let sources = Mutex(DispatchSources())

    /// Set when the daemon closes its connections itself, so that their end is no alarm
    /// (made before the connection, whose event handler reads it).
    let closing: ClosingFlag

    /// How many messages a worker asks for at once.
    static let batch = 8
    /// Seconds a worker waits in one fetch (the longest a drain waits for a fetch to end).
    static let fetchTimeout = 0.5

    init(
        configuration: LectorConfiguration,
        chain: Chain,
        connection: NATSConnection,
        publisher: NATSOutputPublisher?,
        daemonID: String,
        closing: ClosingFlag,
        configPath: String,
        builder: ChainBuilder,
        logger: Logger,
        clock: any DaemonClock,
        exitLatch: ExitLatch
    ) {
        self.closing = closing
        self.clock = clock
        self.exitLatch = exitLatch
        startedAt = clock.wallTime
        // The caller checked that there is an input.
        input = configuration.natsInput ?? NATSInputConfiguration()
        outbox = configuration.outboxFolder
        self.connection = connection
        self.publisher = publisher
        self.daemonID = daemonID
        self.configPath = configPath
        self.builder = builder
        self.logger = logger
        state = Mutex(State(configuration: configuration, chain: chain))
    }

    /// Runs the daemon on a configuration with `input: {nats: …}` until it stops, and
    /// returns the status the process is to exit with: 0 after a drain (or a SIGTERM before
    /// ready), 66 or 78 for the configuration, 69 (EX_UNAVAILABLE) when JetStream refuses
    /// the streams or consumer or the connection closes for good, 128 + the signal number
    /// after a second signal.
    ///
    /// Connecting and binding run on another thread, so that a signal while waiting for a
    /// server ends the run; the calling thread waits here.
    ///
    /// - Parameters:
    ///   - configPath: The configuration file.
    ///   - builder: Builds the chain: the processors available and the model cache.
    ///   - logger: The logger.
    ///   - clock: Where the daemon reads the time.
    /// - Returns: The exit status.
    public static func run(
        configPath: String,
        builder: ChainBuilder,
        logger: Logger,
        clock: any DaemonClock = SystemDaemonClock()
    ) -> Int32 {
        let loadStart = clock.now
        let configuration: LectorConfiguration
        let chain: Chain
        do {
            (configuration, chain) = try Daemon.load(configPath: configPath, builder: builder, logger: logger)
        } catch {
            return error.status
        }
        guard let input = configuration.natsInput else {
            FileHandle.standardError.write(Data("\(configPath): no input.nats\n".utf8))
            return 78
        }
        let daemonID = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        var namedLogger = logger
        namedLogger[metadataKey: "daemon.id"] = "\(daemonID)"
        let logger = namedLogger
        let exitLatch = ExitLatch()
        // Signals first: a SIGTERM while waiting for a server ends the wait.
        let early = DispatchSources(list: installEarlySignals(logger: logger, exitLatch: exitLatch))
        let startup = Startup(
            configuration: configuration,
            chain: chain,
            input: input,
            daemonID: daemonID,
            configPath: configPath,
            builder: builder,
            logger: logger,
            clock: clock,
            exitLatch: exitLatch
        )
        let thread = Thread {
            startup.connectAndStart(loadStart: loadStart, early: early)
        }
        thread.name = "lector-nats-start"
        thread.start()
        return exitLatch.wait()
    }

    /// Signal handling while connecting and binding: SIGTERM or SIGINT ends the run with 0
    /// (nothing is held yet), also one recorded before this; a SIGHUP stays recorded and
    /// reloads once ready (``SignalSources/takeRecorded()``).
    private static func installEarlySignals(logger: Logger, exitLatch: ExitLatch) -> [any DispatchSourceProtocol] {
        let queue = DispatchQueue(label: "lector.nats.early")
        let stop: @Sendable (Int32) -> Void = { number in
            logger.info("stopped before ready", metadata: ["signal": "\(number)"])
            exitLatch.finish(0)
        }
        let sources: [any DispatchSourceProtocol] = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { @Sendable in stop(number) }
            source.activate()
            return source
        }
        if let number = SignalSources.takeRecorded([SIGTERM, SIGINT]).first { queue.async { stop(number) } }
        return sources
    }

    /// Creates the streams when absent, creates or checks the consumer, and makes one pull
    /// subscription per worker, retrying while JetStream is not ready (a cluster electing
    /// its leaders); a consumer that cannot serve fails at once.
    ///
    /// - Returns: The subscriptions and the ack wait in force, in seconds.
    func bind() throws(NATSError) -> (subscriptions: [NATSPullSubscription], ackWait: Double) {
        let workers = state.withLock { $0.configuration.workers }
        let backoff = RetryPolicy(initial: 0.2, maximum: 10)
        var attempt = 0
        while true {
            attempt += 1
            do {
                try connection.ensureStream(
                    input.stream,
                    subjects: [input.subject],
                    retention: .workQueue,
                    replicas: input.replicas
                )
                try connection.ensureStream(
                    input.failedStream,
                    subjects: [input.failedSubject],
                    retention: .limits,
                    replicas: input.replicas,
                    duplicateWindow: NATSOutputConfiguration.defaultDuplicateWindow
                )
                if let publisher {
                    let window = try publisher.bindStream()
                    if window < 2 * input.ackWait {
                        logger.warning(
                            "the output stream forgets message ids sooner than two ack_waits: a document redelivered after that is published twice",
                            metadata: ["nats.stream": "\(publisher.output.stream)", "duplicate_window_s": "\(window)"]
                        )
                    }
                }
                let ackWait = try ensureConsumer()
                let subscriptions = try (0..<workers).map { _ throws(NATSError) in try subscribe(ensure: false) }
                return (subscriptions, ackWait)
            } catch {
                // Ten tries over about a minute, then give up (systemd restarts the daemon).
                if attempt >= 10 || error.isPermanent { throw error }
                logger.warning(
                    "JetStream not ready; trying again",
                    metadata: ["error": "\(error)", "attempt": "\(attempt)"]
                )
                clock.sleep(for: .seconds(backoff.delay(afterAttempt: attempt)))
            }
        }
    }

    /// A new pull subscription on the shared consumer, creating the consumer again first
    /// when `ensure` (it was deleted while running).
    func subscribe(ensure: Bool = true) throws(NATSError) -> NATSPullSubscription {
        if ensure { try ensureConsumer() }
        return try NATSPullSubscription(
            connection,
            stream: input.stream,
            subject: input.subject,
            consumer: input.consumer
        )
    }

    /// Creates or checks the shared consumer; returns the ack wait in force, in seconds.
    /// Its ack-pending limit leaves room for the batches of every worker of several daemons.
    @discardableResult
    private func ensureConsumer() throws(NATSError) -> Double {
        let workers = state.withLock { $0.configuration.workers }
        return try connection.ensureConsumer(
            input.consumer,
            stream: input.stream,
            subject: input.subject,
            ackWait: input.ackWait,
            maxDeliver: input.maxDeliver,
            maxAckPending: max(1_000, workers * Self.batch * 8)
        )
    }
}

/// The daemon's signal and timer sources, kept so they can be cancelled at exit (Dispatch
/// sources are thread-safe objects).
struct DispatchSources: @unchecked Sendable {
    var list: [any DispatchSourceProtocol] = []
    /// SIGTERM, SIGINT and SIGHUP, once bound.
    var signals: SignalSources?
}

/// Whether the daemon is closing its connections itself.
final class ClosingFlag: Sendable {
    private let value = Mutex(false)

    func withLock<Result>(_ body: (inout Bool) -> Result) -> Result { value.withLock { body(&$0) } }
}
