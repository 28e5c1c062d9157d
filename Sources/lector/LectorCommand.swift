import ArgumentParser
import LectorCore
import LectorPipeline
import Logging

/// `lector`: enriches articles dropped into an inbox, or given on the command line.
@main
struct LectorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lector",
        abstract: "Enrich articles: metadata, language, entities, summary, sentiment.",
        version: LectorVersion.current,
        subcommands: [
            RunCommand.self, ProcessCommand.self, CheckCommand.self, StatusCommand.self, PublishCommand.self,
            ReadCommand.self, ProcessorsCommand.self,
            EvalCommand.self, BenchCommand.self, TrainCommand.self,
        ]
    )

    /// Applies the process policy, then parses the arguments and runs the command.
    static func main() {
        ProcessPolicy.apply()
        main(nil)
    }
}

/// Exit codes from sysexits.h that Lector uses.
enum ExitStatus {
    /// Some input could not be processed.
    static let failure = ExitCode(1)
    /// A command-line usage error.
    static let usage = ExitCode(64)
    /// An input file could not be opened.
    static let noInput = ExitCode(66)
    /// `config.yaml` is wrong (EX_CONFIG); systemd's `RestartPreventExitStatus=78`.
    static let config = ExitCode(78)
}

/// Sends swift-log output to stderr, once per process.
enum LoggingSetup {
    static func bootstrap(defaultLevel: Logger.Level) {
        let level = Environment.value("LECTOR_LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
