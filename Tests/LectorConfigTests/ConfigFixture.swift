import LectorConfig
import LectorCore
import LectorYAML

/// Shorthands for feeding YAML text to the loader and reader.
enum ConfigFixture {
    /// The directory the fixtures pretend their `config.yaml` lives in.
    static let directory = "/srv/lector"

    /// Loads YAML text as `config.yaml` in ``directory``.
    static func load(
        _ yaml: String,
        purpose: ConfigurationPurpose = .process,
        directory: String = directory
    ) throws(ConfigurationErrors) -> LectorConfiguration {
        try ConfigurationLoader.parse(Array(yaml.utf8), file: "config.yaml", directory: directory, purpose: purpose)
    }

    /// The error lines loading YAML text gives; empty when it loads.
    static func errors(_ yaml: String, purpose: ConfigurationPurpose = .process) -> [String] {
        errors(bytes: Array(yaml.utf8), purpose: purpose)
    }

    /// The error lines loading bytes gives; empty when they load.
    static func errors(bytes: [UInt8], purpose: ConfigurationPurpose = .process) -> [String] {
        do {
            _ = try ConfigurationLoader.parse(bytes, file: "config.yaml", directory: directory, purpose: purpose)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// The error lines the YAML reader alone gives; empty when it parses.
    static func readerErrors(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try YAMLReader.parse(bytes, file: "config.yaml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }
}

extension LectorCore.SourceLocation {
    /// A location, briefly.
    static func at(_ line: Int, _ column: Int) -> LectorCore.SourceLocation {
        LectorCore.SourceLocation(line: line, column: column)
    }
}
