public import LectorCore

/// A ``ProcessorFactory`` made from a closure, for building test registries.
public struct ClosureProcessorFactory: ProcessorFactory {
    /// The processor's name.
    public let name: String
    /// What it adds.
    public let summary: String
    /// Its options.
    public let options: [OptionDescription]
    /// Facts it provides.
    public let provides: Set<String>
    /// Facts it requires.
    public let requires: Set<String>
    private let make: @Sendable (inout ProcessorOptions) throws -> any Processor

    /// Creates a factory.
    ///
    /// - Parameters:
    ///   - name: The name.
    ///   - provides: Facts it provides.
    ///   - requires: Facts it requires.
    ///   - make: Builds the processor, reading options.
    public init(
        name: String,
        provides: Set<String> = [],
        requires: Set<String> = [],
        make: @escaping @Sendable (inout ProcessorOptions) throws -> any Processor
    ) {
        self.name = name
        self.summary = "test processor \(name)"
        self.options = []
        self.provides = provides
        self.requires = requires
        self.make = make
    }

    /// Calls the closure.
    ///
    /// - Parameter options: The step's options.
    /// - Returns: The processor.
    /// - Throws: Whatever the closure throws.
    public func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        try make(&options)
    }
}
