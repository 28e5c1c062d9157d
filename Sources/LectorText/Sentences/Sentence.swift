/// A sentence: a span of scalar offsets, trimmed of surrounding white space.
///
/// Offsets count Unicode scalars into the ``ScalarText`` that was split, half-open.
public struct Sentence: Sendable, Equatable {
    /// The offset of the sentence's first scalar.
    public var start: Int
    /// The offset just past the sentence's last scalar.
    public var end: Int

    /// Creates a sentence.
    ///
    /// - Parameters:
    ///   - start: The offset of the first scalar.
    ///   - end: The offset just past the last scalar.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The sentence's range of scalar offsets.
    public var range: Range<Int> { start..<end }

    /// The sentence's text.
    ///
    /// - Parameter text: The text that was split.
    /// - Returns: The scalars from ``start`` to ``end``.
    public func text(in text: ScalarText) -> String {
        text.slice(start..<end)
    }
}
