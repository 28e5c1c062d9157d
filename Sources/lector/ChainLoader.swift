import ArgumentParser
import Foundation
import LectorConfig
import LectorPipeline
import LectorText

/// The chain a one-shot command runs, and the limits that come with it.
struct LoadedChain {
    /// The chain.
    let chain: Chain
    /// The size limit for one input (`max_bytes`).
    let maximumBytes: Int
    /// Where the chain came from, for messages: a config path, `--processors` or the default.
    let origin: String
    /// The configuration, when one was read.
    let configuration: LectorConfiguration?
}

/// Finds and builds the chain for `lector process` and `lector check`.
enum ChainLoader {
    /// The chain for `lector process`.
    ///
    /// `--processors` wins; then `--config`; then `./config.yaml` when it exists; else the
    /// built-in default chain. Configuration errors are printed, one per line, and exit 78 (66
    /// when the file does not exist).
    static func load(configPath: String?, processors: String?) throws -> LoadedChain {
        let builder = ChainBuilder.standard()
        if let processors {
            let names = processors.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            var maximumBytes = TextDecoder.defaultMaximumBytes
            var includeText = true
            var configuration: LectorConfiguration?
            if let path = configPath ?? existingDefaultConfig() {
                let loaded = try loadConfiguration(path: path, purpose: .process)
                maximumBytes = loaded.maxBytes
                includeText = loaded.includeText
                configuration = loaded
            }
            do {
                let chain = try builder.build(processors: names.filter { !$0.isEmpty }, includeText: includeText)
                return LoadedChain(
                    chain: chain,
                    maximumBytes: maximumBytes,
                    origin: "--processors",
                    configuration: configuration
                )
            } catch {
                throw configurationFailure(error)
            }
        }
        if let path = configPath ?? existingDefaultConfig() {
            do {
                let (configuration, chain) = try builder.load(path: path, purpose: .process)
                return LoadedChain(
                    chain: chain,
                    maximumBytes: configuration.maxBytes,
                    origin: path,
                    configuration: configuration
                )
            } catch {
                throw configurationFailure(error)
            }
        }
        do {
            let chain = try builder.build(processors: builder.registry.defaultChain)
            return LoadedChain(
                chain: chain,
                maximumBytes: TextDecoder.defaultMaximumBytes,
                origin: "the built-in default chain",
                configuration: nil
            )
        } catch {
            throw configurationFailure(error)
        }
    }

    /// Reads and validates a configuration file, printing errors and exiting 78 when it is
    /// wrong (66 when it does not exist).
    static func loadConfiguration(path: String, purpose: ConfigurationPurpose) throws -> LectorConfiguration {
        do {
            return try ConfigurationLoader.load(path: path, purpose: purpose)
        } catch {
            throw configurationFailure(error)
        }
    }

    /// Prints configuration errors to stderr and returns the exit to throw: 66 (EX_NOINPUT)
    /// when the file does not exist, 78 (EX_CONFIG) when it exists and is wrong.
    static func configurationFailure(_ errors: ConfigurationErrors) -> ExitCode {
        StandardError.write(errors.errors.map(\.description).joined(separator: "\n") + "\n")
        return errors.isFileMissing ? ExitStatus.noInput : ExitStatus.config
    }

    private static func existingDefaultConfig() -> String? {
        FileReader.isRegularFile("config.yaml") ? "config.yaml" : nil
    }
}
