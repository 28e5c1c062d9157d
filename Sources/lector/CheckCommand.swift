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
            outbox, failed) are required, as for `lector run`; --pipeline-only checks a file \
            meant for `lector process`, which needs only `pipeline:`. A file that does not \
            exist exits 66 (EX_NOINPUT) instead of 78.
            """
    )

    @Option(name: .long, help: "The configuration file.")
    var config = "config.yaml"

    @Flag(name: .long, help: "Check only what `lector process` needs (no spool keys required).")
    var pipelineOnly = false

    func run() throws {
        let chain: Chain
        do {
            (_, chain) = try ChainBuilder(registry: Processors.registry).load(
                path: config,
                purpose: pipelineOnly ? .process : .daemon
            )
        } catch {
            throw ChainLoader.configurationFailure(error)
        }
        let names = chain.steps.map(\.name).joined(separator: " → ")
        print("\(config): OK: \(chain.steps.count) steps (\(names)), config \(chain.identity.configHash.prefix(19))…")
    }
}
