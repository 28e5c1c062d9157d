public import LectorCore

/// When a step runs: its `when:` mapping.
///
/// All the parts given must hold. For example
/// `when: {language: [en, de], metadata: {source: reuters}}` runs the step only on English
/// or German documents whose `source` is `reuters`.
public struct StepCondition: Sendable, Equatable {
    /// The language codes the document must have (`language: [en, de]`, or a single
    /// `language: en`), or `nil` for any language. Each is 2–3 lowercase letters, or `und`.
    public var languages: [String]?
    /// Tests on the document's metadata, in the order written; empty for none.
    public var metadata: [MetadataCondition]
    /// Where the `when:` value is written.
    public var location: SourceLocation

    /// Creates a condition.
    ///
    /// - Parameters:
    ///   - languages: The languages allowed, or `nil` for any.
    ///   - metadata: Tests on the metadata.
    ///   - location: Where the `when:` value is written.
    public init(
        languages: [String]? = nil,
        metadata: [MetadataCondition] = [],
        location: SourceLocation = SourceLocation(line: 1, column: 1)
    ) {
        self.languages = languages
        self.metadata = metadata
        self.location = location
    }
}
