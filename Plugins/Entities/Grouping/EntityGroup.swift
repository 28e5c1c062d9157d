public import LectorCore
public import LectorText

/// One entity of a document: its mentions grouped, a canonical text and a salience.
public struct EntityGroup: Sendable, Equatable {
    /// The canonical text: the longest proper form among the mentions.
    public var text: String
    /// The type.
    public var type: EntityType
    /// The mentions, in text order.
    public var mentions: [EntityMention]
    /// How central the entity is to the document; the saliences of a document sum to 1.
    public var salience: Double
    /// The value shared by the mentions (rule-based types).
    public var value: JSONValue?
    /// The currency (MONEY) or unit (QUANTITY).
    public var unit: String?
    /// Whether the entity is a nationality or region adjective (`Russian`): MISC, but
    /// ranked below names and given no tone of its own.
    public var isDemonym = false

    /// The highest confidence among the mentions.
    public var confidence: Double { mentions.map(\.confidence).max() ?? 0 }

    /// The entity as the JSON the processor writes.
    ///
    /// - Parameter text: The document's text, to give each mention's text.
    /// - Returns: `{"text", "type", "count", "salience", "confidence", "value"?, "currency"
    ///   or "unit"?, "mentions": [{"start", "end", "text"}]}`.
    public func json(in text: ScalarText) -> JSONValue {
        var object = JSONObject()
        object.reserveCapacity(8)
        object["text"] = .string(self.text)
        object["type"] = .string(type.rawValue)
        object["count"] = .int(mentions.count)
        object["salience"] = .double((salience * 1000).rounded() / 1000)
        object["confidence"] = .double((confidence * 1000).rounded() / 1000)
        if let value { object["value"] = value }
        if let unit { object[type == .money ? "currency" : "unit"] = .string(unit) }
        if isDemonym { object["demonym"] = .bool(true) }
        object["mentions"] = .array(
            mentions.map { mention in
                [
                    "start": .int(mention.start), "end": .int(mention.end),
                    "text": .string(text.slice(mention.range)),
                ]
            }
        )
        return .object(object)
    }
}
