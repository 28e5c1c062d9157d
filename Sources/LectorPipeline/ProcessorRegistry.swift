public import LectorCore

/// The processors a chain can name, by their `config.yaml` name.
///
/// The pipeline links no processor: the `lector` binary's registry, `builtIn`, lives in the
/// LectorBuiltIn target. Tests build registries of their own with recording or failing
/// processors.
public struct ProcessorRegistry: Sendable {
    /// The factories, in the order `lector processors` lists them.
    public let factories: [any ProcessorFactory]

    /// The chain `lector process` runs when there is no `config.yaml` and no `--processors`.
    public let defaultChain: [String]

    /// Creates a registry.
    ///
    /// - Parameters:
    ///   - factories: The factories; names must be unique (a later duplicate is ignored).
    ///   - defaultChain: The processor names of the default chain.
    public init(_ factories: [any ProcessorFactory], defaultChain: [String]? = nil) {
        var seen: Set<String> = []
        self.factories = factories.filter { seen.insert($0.name).inserted }
        self.defaultChain = defaultChain ?? self.factories.map(\.name)
    }

    /// The names, in order.
    public var names: [String] { factories.map(\.name) }

    /// The factory called `name`, if any.
    ///
    /// - Parameter name: A processor name.
    /// - Returns: Its factory, or `nil`.
    public func factory(named name: String) -> (any ProcessorFactory)? {
        factories.first { $0.name == name }
    }
}

extension ProcessorRegistry {
    /// This registry with more factories after its own (same default chain).
    ///
    /// - Parameter more: The factories to add.
    /// - Returns: The larger registry.
    public func adding(_ more: [any ProcessorFactory]) -> ProcessorRegistry {
        ProcessorRegistry(factories + more, defaultChain: defaultChain)
    }
}
