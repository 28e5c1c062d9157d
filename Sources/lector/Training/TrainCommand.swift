import ArgumentParser

/// `lector train`: rebuilds a processor's model from its training data.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a processor's model from data.",
        subcommands: [EntitiesTrainCommand.self]
    )
}
