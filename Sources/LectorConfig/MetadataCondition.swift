public import LectorCore

/// One test on a document's metadata in a step's `when: {metadata: …}` condition.
///
/// ```yaml
/// when:
///   metadata:
///     source: reuters            # equals
///     section: [world, politics] # equals any of
///     date: {exists: true}       # present (and not null)
/// ```
public struct MetadataCondition: Sendable, Equatable {
    /// What is tested about the metadata field.
    public enum Test: Sendable, Equatable {
        /// The field's value, compared as text, equals one of these (each as written in
        /// YAML, without quotes).
        case equals([String])
        /// The field is present (`true`) or absent (`false`).
        case exists(Bool)
    }

    /// The metadata field's name, as written (for example `source`).
    public var key: String
    /// The test.
    public var test: Test
    /// Where the field's key is written in the configuration file.
    public var location: SourceLocation

    /// Creates a metadata test.
    ///
    /// - Parameters:
    ///   - key: The metadata field's name.
    ///   - test: What is tested.
    ///   - location: Where the key is written.
    public init(key: String, test: Test, location: SourceLocation = SourceLocation(line: 1, column: 1)) {
        self.key = key
        self.test = test
        self.location = location
    }
}
