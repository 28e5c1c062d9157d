import ArgumentParser
import LectorBuiltIn
import LectorCore
import LectorPipeline

/// `lector processors`: lists every processor the binary knows, what it adds and its options.
struct ProcessorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "processors",
        abstract: "List the available processors, what each adds, and their options with defaults."
    )

    func run() throws {
        let registry = ProcessorRegistry.builtIn
        var text = ""
        for factory in registry.factories {
            text += "\(factory.name)\n    \(factory.summary)\n    languages: \(factory.languageCoverage)\n"
            if !factory.requires.isEmpty {
                text += "    needs an earlier step providing: \(factory.requires.sorted().joined(separator: ", "))\n"
            }
            if factory.options.isEmpty {
                text += "    options: none\n"
            } else {
                text += "    options:\n"
                for option in factory.options {
                    text += "      \(option.name): \(option.type) (default \(option.defaultValue))\n"
                    text += "          \(option.summary)\n"
                }
            }
            text += "\n"
        }
        text +=
            "Every step also takes `when:` (language: [codes], metadata: {key: value | [values] | {exists: bool}})\n"
        text += "and `on_error:` (fail | skip, default fail).\n"
        text += "Default chain without config.yaml: \(registry.defaultChain.joined(separator: ", "))\n"
        print(text, terminator: "")
    }
}
