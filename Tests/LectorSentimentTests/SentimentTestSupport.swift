import LectorCore
import LectorSentiment
import LectorTestSupport
import Logging
import Testing

/// Runs the sentiment processor over `text` and returns its annotation.
func sentiment(
    _ text: String,
    options: SentimentOptions = SentimentOptions(),
    annotations: JSONObject = JSONObject()
) throws -> JSONValue {
    let processor = try SentimentProcessor(options: options, models: TestModels.cache)
    let context = ProcessingContext(logger: Logger(label: "test"))
    let document = processor.process(Document(id: "test", text: text, annotations: annotations), context: context)
    return try #require(document.annotations["sentiment"])
}

/// The document score of `text`.
func score(_ text: String) throws -> Double {
    try #require(try sentiment(text)["score"]?.doubleValue)
}

/// An `entities` annotation as the entities step writes it, mentions found by search.
func entities(_ names: [(String, String)], in text: String) -> JSONObject {
    let scalars = Array(text.unicodeScalars)
    var list: [JSONValue] = []
    for (name, type) in names {
        let needle = Array(name.unicodeScalars)
        var mentions: [JSONValue] = []
        var index = 0
        while index + needle.count <= scalars.count {
            if Array(scalars[index..<index + needle.count]) == needle {
                mentions.append(["start": .int(index), "end": .int(index + needle.count), "text": .string(name)])
                index += needle.count
            } else {
                index += 1
            }
        }
        list.append([
            "text": .string(name), "type": .string(type), "count": .int(mentions.count), "mentions": .array(mentions),
        ])
    }
    var object = JSONObject()
    object["entities"] = .array(list)
    return object
}
