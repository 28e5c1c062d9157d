import LectorCore
import LectorEntities
import LectorTestSupport
import LectorText
import Logging

/// An article with people, places, an acronym, dates, money, a percentage and a quantity.
let summitArticle = """
    Russian President Vladimir Putin met German Chancellor Olaf Scholz in Moscow on Tuesday. \
    Putin said Russia had pulled back some of its 1,50,000 troops from the border with Ukraine, \
    while NATO said it saw no sign of it. The North Atlantic Treaty Organization meets in \
    Brussels on February 15.

    Gas prices rose 12.5% to $1.5 billion, and the European Union offered €20m in aid. \
    Scholz flew back to Berlin on Wednesday.
    """

/// The shared processor with default options (models load once per process).
let defaultProcessor: EntitiesProcessor = {
    do {
        return try EntitiesProcessor(models: TestModels.cache)
    } catch {
        fatalError("the entity models must load from Models/: \(error)")
    }
}()

/// Runs a processor on a text, with an optional `metadata.date`, `metadata.language`,
/// `metadata.dateline` and `metadata.agency`.
func entities(
    _ text: String,
    date: String? = nil,
    language: String? = nil,
    dateline: String? = nil,
    agency: String? = nil,
    processor: EntitiesProcessor = defaultProcessor
) -> [JSONValue] {
    var metadata = JSONObject()
    if let date { metadata["date"] = .string(date) }
    if let language { metadata["language"] = .string(language) }
    if let dateline { metadata["dateline"] = .string(dateline) }
    if let agency { metadata["agency"] = .string(agency) }
    let document = Document(id: "test", text: text, metadata: metadata)
    let result = processor.process(document, context: ProcessingContext(logger: Logger(label: "test")))
    return result.annotations["entities"]?.arrayValue ?? []
}

/// The entity of a type whose canonical text is `text`.
func entity(_ list: [JSONValue], _ type: String, _ text: String) -> JSONValue? {
    list.first { $0["type"]?.stringValue == type && $0["text"]?.stringValue == text }
}

/// The rule-based mentions of a text, with an optional reference date.
func values(_ text: String, language: String = "en", date: String? = nil) -> [(String, String, JSONValue?, String?)] {
    let scalars = ScalarText(text)
    let recognizer = ValueRecognizer(language: language, referenceDate: date)
    return recognizer.mentions(in: scalars, tokens: Tokenizer.tokenize(scalars)).map {
        ($0.type.rawValue, scalars.slice($0.range), $0.value, $0.unit)
    }
}
