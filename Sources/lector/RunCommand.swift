import ArgumentParser
import Glibc
import LectorConfig
import LectorDaemon
import LectorNATS
import LectorPipeline
import Logging

/// `lector run`: the daemon, in the foreground (systemd supervises it).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watch the inbox and enrich every document dropped into it, until SIGTERM.",
        discussion: """
            Runs in the foreground: no fork, no pid file. SIGHUP reloads the configuration \
            (a bad file is rejected and the running chain kept); SIGTERM or SIGINT drains \
            in-flight documents and exits 0; a second signal exits at once. Under systemd \
            (Type=notify) it reports READY, RELOADING, STOPPING, STATUS and WATCHDOG. \
            Exit status: 0 after a drain, 78 on a bad configuration, 66 when the \
            configuration file does not exist, 73 when the spool \
            cannot be set up, 71 when the open-file limit is too low, 75 when the inbox \
            was removed or moved away (systemd restarts the daemon on the new folder).
            """
    )

    @Option(name: .long, help: "The configuration file.")
    var config = "config.yaml"

    func run() throws {
        Daemon.blockSignals()
        let level = Environment.value("LECTOR_LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
        let logs = JournalLogHandlerFactory(level: level)
        LoggingSystem.bootstrap(logs.makeHandler(label:))
        let logger = Logger(label: "lector.daemon")
        // With `input: {nats: …}` documents come from JetStream; otherwise from the inbox.
        // A file that does not load goes to Daemon.run, which reports it.
        let status: Int32
        if (try? ConfigurationLoader.load(path: config, purpose: .daemon))?.natsInput != nil {
            status = NATSDaemon.run(configPath: config, builder: .standard(), logger: logger)
        } else {
            status = Daemon.run(configPath: config, builder: .standard(), logger: logger) { configuration in
                try configuration.natsOutput.map { try NATSOutputPublisher($0, name: "lector-\(getpid())") }
            }
        }
        // The daemon's threads may still hold documents (a second signal, a drain timeout):
        // end the process here rather than wait for them.
        Glibc.exit(status)
    }
}
