import ArgumentParser

/// `lector eval`: quality and throughput figures of a processor on a data folder.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a processor's quality and throughput on a data folder.",
        subcommands: [
            MetadataEvalCommand.self, LanguageEvalCommand.self, EntitiesEvalCommand.self, SummaryEvalCommand.self,
            SentimentEvalCommand.self,
        ]
    )
}
