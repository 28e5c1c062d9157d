import Dispatch
import Foundation
import LectorConfig
import LectorDaemon
import LectorPipeline
import Logging

extension NATSDaemon {
    /// What ``NATSDaemon/run(configPath:builder:logger:clock:)`` hands to the thread that
    /// connects, binds and starts the daemon.
    struct Startup: Sendable {
        var configuration: LectorConfiguration
        var chain: Chain
        var input: NATSInputConfiguration
        var daemonID: String
        var configPath: String
        var builder: ChainBuilder
        var logger: Logger
        var clock: any DaemonClock
        var exitLatch: ExitLatch

        /// Connects (waiting for a server), binds the streams and consumer, and starts the
        /// daemon; a failure ends the run with 69.
        ///
        /// - Parameters:
        ///   - loadStart: When loading began (for the `ready` log line).
        ///   - early: The signal sources of start-up, cancelled once the daemon's own are up.
        func connectAndStart(loadStart: ContinuousClock.Instant, early: DispatchSources) {
            logger.info("connecting", metadata: ["nats.url": "\(input.server.urls.joined(separator: ","))"])
            let closing = ClosingFlag()
            let logger = logger
            let exitLatch = exitLatch
            let events: @Sendable (NATSConnectionEvent) -> Void = { event in
                let expected = closing.withLock { $0 }
                switch event {
                case .disconnected where !expected: logger.warning("NATS connection lost; reconnecting")
                case .reconnected(let url): logger.notice("NATS connection back", metadata: ["nats.url": "\(url)"])
                case .closed where !expected:
                    // The client gave up for good (it never does on its own with endless
                    // reconnects; e.g. the server refused our credentials): let systemd restart us.
                    logger.critical("NATS connection closed; exiting")
                    exitLatch.finish(69)
                default: break
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
                    closing: closing,
                    configPath: configPath,
                    builder: builder,
                    logger: logger,
                    clock: clock,
                    exitLatch: exitLatch
                )
                let bound = try daemon.bind()
                guard !exitLatch.isFinished else { return }
                for source in early.list { source.cancel() }
                daemon.start(
                    subscriptions: bound.subscriptions,
                    ackWait: bound.ackWait,
                    loadTime: clock.now - loadStart
                )
            } catch {
                logger.critical("cannot start on NATS", metadata: ["error": "\(error)"])
                FileHandle.standardError.write(Data("lector: cannot start on NATS: \(error)\n".utf8))
                exitLatch.finish(69)
            }
        }
    }
}
