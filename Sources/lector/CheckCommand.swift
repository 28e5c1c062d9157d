import ArgumentParser
import LectorConfig
import LectorPipeline

/// `lector check`: validates `config.yaml` the way the daemon would load it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a configuration file; exit 0 when it is good, 78 with its errors when not.",
        discussion: """
            Every mistake is printed as FILE:LINE:COLUMN: message. The spool keys (inbox, \
            outbox, failed) are required, as for `lector run`, unless input.nats is given; \
            --pipeline-only checks a file meant for `lector process`, which needs only \
            `pipeline:`. A good file prints where documents come from and go to. A file that \
            does not exist exits 66 (EX_NOINPUT) instead of 78.
            """
    )

    @Option(name: .long, help: "The configuration file.")
    var config = "config.yaml"

    @Flag(name: .long, help: "Check only what `lector process` needs (no spool keys required).")
    var pipelineOnly = false

    func run() throws {
        let chain: Chain
        let configuration: LectorConfiguration
        do {
            (configuration, chain) = try ChainBuilder.standard().load(
                path: config,
                purpose: pipelineOnly ? .process : .daemon
            )
        } catch {
            throw ChainLoader.configurationFailure(error)
        }
        let names = chain.steps.map(\.name).joined(separator: " → ")
        print("\(config): OK: \(chain.steps.count) steps (\(names)), config \(chain.identity.configHash.prefix(19))…")
        for line in Self.routes(configuration) { print("  \(line)") }
    }

    /// Where documents come from and go to, one line each, as `lector run` will use them.
    static func routes(_ configuration: LectorConfiguration) -> [String] {
        var lines: [String] = []
        if let input = configuration.natsInput {
            lines.append(
                "input: NATS stream \(input.stream) (\(input.subject)), consumer \(input.consumer), at \(input.server.urls.joined(separator: ", "))"
            )
            lines.append("failures: NATS subject \(input.failedSubject) (stream \(input.failedStream))")
        } else if let spool = configuration.spool {
            lines.append("input: inbox \(spool.inbox)")
            lines.append("failures: \(spool.failed)")
        }
        if let output = configuration.natsOutput {
            lines.append(
                "output: NATS subject \(output.subject) (stream \(output.stream)), at \(output.server.urls.joined(separator: ", "))"
            )
        }
        if let outbox = configuration.spool?.outbox ?? configuration.outboxFolder {
            lines.append("output: outbox \(outbox)")
        }
        return lines
    }
}
