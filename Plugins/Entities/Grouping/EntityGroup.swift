package import LectorCore
package import LectorText

/// One entity of a document: its mentions grouped, a canonical text and a salience.
package struct EntityGroup: Sendable, Equatable {
    /// The canonical text: the longest proper form among the mentions.
    package var text: String
    /// The type.
    package var type: EntityType
    /// The mentions, in text order.
    package var mentions: [EntityMention]
    /// How central the entity is to the document; the saliences of a document sum to 1.
    package var salience: Double
    /// The value shared by the mentions (rule-based types).
    package var value: JSONValue?
    /// The currency (MONEY) or unit (QUANTITY).
    package var unit: String?
    /// Whether the entity is a nationality or region adjective (`Russian`): MISC, but
    /// ranked below names and given no tone of its own.
    var isDemonym = false

    /// The highest confidence among the mentions.
    package var confidence: Double { mentions.map(\.confidence).max() ?? 0 }

    /// The entity as the JSON the processor writes.
    ///
    /// - Parameter text: The document's text, to give each mention's text.
    /// - Returns: `{"text", "type", "count", "salience", "confidence", "value"?, "currency"
    ///   or "unit"?, "mentions": [{"start", "end", "text"}]}`.
    package func json(in text: ScalarText) -> JSONValue {
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
