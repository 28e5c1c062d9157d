package import LectorCore
import LectorSentiment
import LectorText

extension SentimentRecord {
    /// Words that often end a company's name in a data set's `target` but not in the text
    /// (`Tesco PLC` is written `Tesco`).
    private static let nameSuffixes: Set<String> = [
        "plc", "group", "holdings", "holding", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "co", "co.", "sa", "ag",
        "nv", "se", "company", "corporation", "limited",
    ]

    /// The record's `target` as an `entities` annotation, laid out as the entities step
    /// writes it, so that the processor's per-entity score is the score towards it.
    ///
    /// Mentions are whole-word, case-insensitive matches of the target; when there are
    /// none, of the target without its corporate suffix (`PLC`, `Group`, `Holdings` …).
    ///
    /// - Returns: `[{"text", "type": "ORG", "mentions": [{"start", "end", "text"}]}]`, or
    ///   `nil` when the record has no target or the text never mentions it.
    package func targetEntities() -> JSONValue? {
        guard let target, !target.isEmpty else { return nil }
        var words = target.split(separator: " ").map(String.init)
        var mentions = Self.mentions(of: target, in: text)
        while mentions.isEmpty, words.count > 1, let last = words.last, Self.nameSuffixes.contains(last.lowercased()) {
            words.removeLast()
            mentions = Self.mentions(of: words.joined(separator: " "), in: text)
        }
        guard !mentions.isEmpty else { return nil }
        let entity: JSONValue = [
            "text": .string(target), "type": "ORG", "count": .int(mentions.count), "mentions": .array(mentions),
        ]
        return [entity]
    }

    /// Whole-word, case-insensitive matches of `name` in `text`, with scalar offsets.
    static func mentions(of name: String, in text: String) -> [JSONValue] {
        let scalars = ScalarText(text)
        let haystack = scalars.scalars.map(Self.folded)
        let needle = name.unicodeScalars.map(Self.folded)
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [JSONValue] = []
        var index = 0
        while index + needle.count <= haystack.count {
            let end = index + needle.count
            let bounded =
                (index == 0 || !haystack[index - 1].isWordLike)
                && (end == haystack.count || !haystack[end].isWordLike)
            if bounded, haystack[index..<end].elementsEqual(needle) {
                found.append(["start": .int(index), "end": .int(end), "text": .string(scalars.slice(index..<end))])
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20) ?? scalar : scalar
    }
}
