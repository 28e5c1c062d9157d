import Dispatch
import Foundation
import Glibc
import LectorConfig
import LectorCore
import LectorDaemon
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
        var draining = false
        var reloading = false
        var reloadAgain = false
        var processed = 0
        var failed = 0
        var retries = 0
        var duplicates = 0
        var inFlight = 0
        var lastError: String?
        var consumer: NATSConsumerState?
        var connected = true
    }

    let state: Mutex<State>
    let input: NATSInputConfiguration
    let outbox: String?
    let connection: NATSConnection
    let publisher: NATSOutputPublisher?
    let configPath: String
    let registry: ProcessorRegistry
    let logger: Logger
    let notifier = SystemdNotifier()
    let daemonID: String
    let control = DispatchQueue(label: "lector.nats.control")
    let background = DispatchQueue(label: "lector.nats.reload")
    let heartbeats = Heartbeats()
    let workersRunning = Mutex(0)
    let sources = Mutex(DispatchSources())

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
        configPath: String,
        registry: ProcessorRegistry,
        logger: Logger
    ) {
        // The caller checked that there is an input.
        input = configuration.natsInput ?? NATSInputConfiguration()
        outbox = configuration.outboxFolder
        self.connection = connection
        self.publisher = publisher
        self.daemonID = daemonID
        self.configPath = configPath
        self.registry = registry
        self.logger = logger
        state = Mutex(State(configuration: configuration, chain: chain))
    }

    /// Runs the daemon on a configuration with `input: {nats: …}`; never returns. Exits 0
    /// after a drain, 66 or 78 for the configuration, 69 (EX_UNAVAILABLE) when JetStream
    /// refuses the streams or consumer.
    ///
    /// - Parameters:
    ///   - configPath: The configuration file.
    ///   - registry: The processors available.
    ///   - logger: The logger.
    public static func run(configPath: String, registry: ProcessorRegistry, logger: Logger) -> Never {
        let loadStart = ContinuousClock.now
        let configuration: LectorConfiguration
        let chain: Chain
        do {
            (configuration, chain) = try ChainBuilder(registry: registry).load(path: configPath, purpose: .daemon)
        } catch {
            for item in error.errors { logger.error("invalid configuration", metadata: ["error": "\(item)"]) }
            FileHandle.standardError.write(Data((error.errors.map(\.description).joined(separator: "\n") + "\n").utf8))
            exit(error.isFileMissing ? 66 : 78)
        }
        guard let input = configuration.natsInput else {
            FileHandle.standardError.write(Data("\(configPath): no input.nats\n".utf8))
            exit(78)
        }
        let daemonID = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        var namedLogger = logger
        namedLogger[metadataKey: "daemon.id"] = "\(daemonID)"
        let logger = namedLogger
        // Signals first: a SIGTERM while waiting for a server ends the wait.
        let early = installEarlySignals(logger: logger)
        logger.info("connecting", metadata: ["nats.url": "\(input.server.urls.joined(separator: ","))"])
        let events: @Sendable (NATSConnectionEvent) -> Void = { event in
            switch event {
            case .disconnected: logger.warning("NATS connection lost; reconnecting")
            case .reconnected(let url): logger.notice("NATS connection back", metadata: ["nats.url": "\(url)"])
            case .closed: logger.info("NATS connection closed")
            }
        }
        do {
            let connection = try NATSConnection(
                input.server,
                name: "lector-\(daemonID)",
                waitForServer: true,
                onEvent: events
            )
            var publisher: NATSOutputPublisher?
            if let output = configuration.natsOutput {
                publisher =
                    output.server == input.server
                    ? NATSOutputPublisher(connection: connection, output: output)
                    : try NATSOutputPublisher(output, name: "lector-\(daemonID)-out")
            }
            let daemon = NATSDaemon(
                configuration: configuration,
                chain: chain,
                connection: connection,
                publisher: publisher,
                daemonID: daemonID,
                configPath: configPath,
                registry: registry,
                logger: logger
            )
            let subscriptions = try daemon.bind()
            for source in early { source.cancel() }
            daemon.start(subscriptions: subscriptions, loadTime: ContinuousClock.now - loadStart)
        } catch {
            logger.critical("cannot start on NATS", metadata: ["error": "\(error)"])
            FileHandle.standardError.write(Data("lector: cannot start on NATS: \(error)\n".utf8))
            exit(69)
        }
        dispatchMain()
    }

    /// Signal handling while connecting and binding: SIGTERM or SIGINT exits 0 (nothing is
    /// held yet), SIGHUP is kept for later.
    private static func installEarlySignals(logger: Logger) -> [any DispatchSourceProtocol] {
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "lector.nats.early")
        return [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                logger.info("stopped before ready", metadata: ["signal": "\(number)"])
                exit(0)
            }
            source.activate()
            return source
        }
    }

    /// Creates the streams when absent and one pull subscription per worker, retrying while
    /// JetStream is not ready (a cluster electing its leaders).
    private func bind() throws(NATSError) -> [NATSPullSubscription] {
        let workers = state.withLock { $0.configuration.workers }
        var delay = 0.2
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
                if let publisher { try NATSOutputPublisher.bindStream(publisher.output, on: publisher.connection) }
                return try (0..<workers).map { _ throws(NATSError) in
                    try NATSPullSubscription(
                        connection,
                        stream: input.stream,
                        subject: input.subject,
                        consumer: input.consumer,
                        ackWait: input.ackWait,
                        maxAckPending: max(1_000, workers * Self.batch * 8)
                    )
                }
            } catch {
                // Ten tries over about a minute, then give up (systemd restarts the daemon).
                if attempt >= 10 { throw error }
                logger.warning(
                    "JetStream not ready; trying again",
                    metadata: ["error": "\(error)", "attempt": "\(attempt)"]
                )
                Thread.sleep(forTimeInterval: delay)
                delay = min(delay * 2, 10)
            }
        }
    }
}

/// The daemon's signal and timer sources, kept so they can be cancelled at exit (Dispatch
/// sources are thread-safe objects).
struct DispatchSources: @unchecked Sendable {
    var list: [any DispatchSourceProtocol] = []
}
