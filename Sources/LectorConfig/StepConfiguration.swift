public import LectorCore

/// One step of `pipeline:`, parsed but not yet checked against the processor registry.
///
/// The loader checks the step's shape, `when:` and `on_error:`; the pipeline module checks
/// that ``processor`` names a registered processor and lets its factory validate
/// ``options``.
public struct StepConfiguration: Sendable, Equatable {
    /// The processor's name, as written (for example `language`).
    public var processor: String
    /// Where the processor's name is written.
    public var location: SourceLocation
    /// The step's mapping without `when` and `on_error`, or `nil` when no options are given.
    /// It goes to the processor's factory, which validates it.
    public var options: ConfigValue?
    /// When the step runs, or `nil` for always.
    public var condition: StepCondition?
    /// What happens when the step fails on a document.
    public var onError: ErrorPolicy
    /// The step's key path, for example `pipeline[2]` (counting from 0).
    public var keyPath: String

    /// Creates a step.
    ///
    /// - Parameters:
    ///   - processor: The processor's name.
    ///   - location: Where the name is written.
    ///   - options: The options mapping, or `nil` for none.
    ///   - condition: When the step runs, or `nil` for always.
    ///   - onError: What happens when the step fails.
    ///   - keyPath: The step's key path, such as `pipeline[0]`.
    public init(
        processor: String,
        location: SourceLocation = SourceLocation(line: 1, column: 1),
        options: ConfigValue? = nil,
        condition: StepCondition? = nil,
        onError: ErrorPolicy = .fail,
        keyPath: String = "pipeline[0]"
    ) {
        self.processor = processor
        self.location = location
        self.options = options
        self.condition = condition
        self.onError = onError
        self.keyPath = keyPath
    }
}
