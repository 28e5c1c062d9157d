package import LectorCore

/// One mention of an entity in a document, before mentions are grouped.
package struct EntityMention: Sendable, Equatable {
    /// The offset of the first scalar in the document's text.
    package var start: Int
    /// The offset just past the last scalar (half-open).
    package var end: Int
    /// The type.
    package var type: EntityType
    /// How sure the tagger is, 0.5 (a coin toss between this and another reading) to 1;
    /// rule-based mentions have 1.
    package var confidence: Double
    /// The normalised value of a rule-based mention (ISO date, number).
    package var value: JSONValue?
    /// The ISO 4217 code of a ``EntityType/money`` mention, or the unit word of a
    /// ``EntityType/quantity`` mention.
    package var unit: String?

    /// Creates a mention.
    ///
    /// - Parameters:
    ///   - start: The first scalar.
    ///   - end: Just past the last scalar.
    ///   - type: The type.
    ///   - confidence: How sure, 0.5 to 1.
    ///   - value: The normalised value, if any.
    ///   - unit: The currency or unit, if any.
    package init(
        start: Int,
        end: Int,
        type: EntityType,
        confidence: Double = 1,
        value: JSONValue? = nil,
        unit: String? = nil
    ) {
        self.start = start
        self.end = end
        self.type = type
        self.confidence = confidence
        self.value = value
        self.unit = unit
    }

    /// The mention's range of scalar offsets.
    package var range: Range<Int> { start..<end }
}
