/// Makes a ``Processor`` from its options, and describes it.
///
/// Each processor module exports one factory. The pipeline keeps a registry of factories by
/// ``name``; when it builds a chain from `config.yaml` it calls ``makeProcessor(options:)``
/// for each step (validating the options then, so a bad option is a configuration error),
/// and afterwards rejects options the factory did not read.
public protocol ProcessorFactory: Sendable {
    /// The name used in `config.yaml` (`language`, `summary`, …).
    var name: String { get }

    /// What the processor adds, in one line, for `lector processors`.
    var summary: String { get }

    /// The options the processor takes, for `lector processors`.
    var options: [OptionDescription] { get }

    /// The languages the processor serves and how well, in one line, for `lector
    /// processors` (`any`, or what is covered and by what).
    var languageCoverage: String { get }

    /// Facts this processor establishes for later steps' `when:` conditions and
    /// prerequisites, for example `["language"]`.
    var provides: Set<String> { get }

    /// Facts that an earlier step must provide, for example `["language"]`.
    var requires: Set<String> { get }

    /// Creates a processor, reading its options.
    ///
    /// - Parameter options: The step's options; read each option you know with the typed
    ///   getters. The caller rejects the ones left unread.
    /// - Returns: A processor, ready to be shared by all workers.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/invalidOptions`` with a location
    ///   for a bad option, ``ProcessorError/Code/unavailable`` for a missing model).
    func makeProcessor(options: inout ProcessorOptions) throws -> any Processor
}

extension ProcessorFactory {
    /// Any language, unless a processor says otherwise.
    public var languageCoverage: String { "any" }
    /// No facts, unless a processor says otherwise.
    public var provides: Set<String> { [] }
    /// No prerequisites, unless a processor says otherwise.
    public var requires: Set<String> { [] }
}

/// One option of a processor, as `lector processors` lists it.
public struct OptionDescription: Sendable, Equatable {
    /// The option's key in `config.yaml`.
    public var name: String
    /// Its type, as a person reads it (`integer`, `number 0…1`, `list of language codes`).
    public var type: String
    /// Its default, as written in YAML (`3`, `0.5`, `all`).
    public var defaultValue: String
    /// What it does, in one line.
    public var summary: String

    /// Creates a description.
    ///
    /// - Parameters:
    ///   - name: The key.
    ///   - type: The type, for people.
    ///   - defaultValue: The default, as YAML.
    ///   - summary: What it does.
    public init(_ name: String, type: String, default defaultValue: String, _ summary: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
