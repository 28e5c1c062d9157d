public import LectorCore

/// Makes the built-in `summary` processor (see ``SummaryProcessor``).
///
/// Options (all optional):
/// - `sentences` (integer 1…100, default 3): how many sentences to pick;
/// - `ratio` (number 0…1, instead of `sentences`): that share of the article's sentences;
/// - `max_chars` (integer ≥ 1): the most characters the picked sentences may have together;
/// - `languages` (list of ISO 639-1 codes, default all): summarise only these languages.
public struct SummaryProcessorFactory: ProcessorFactory {
    /// Creates the factory.
    public init() {}

    /// `summary`.
    public var name: String { "summary" }

    /// The languages served.
    public var languageCoverage: String {
        "any (stop words for 55 languages)"
    }

    /// What the processor adds, for `lector processors`.
    public var summary: String {
        "Picks the article's most representative sentences (extractive summary, any language)"
    }

    /// The processor's options.
    public var options: [OptionDescription] {
        [
            OptionDescription("sentences", type: "integer 1…100", default: "3", "How many sentences to pick"),
            OptionDescription(
                "ratio",
                type: "number 0…1",
                default: "none",
                "Pick this share of the article's sentences instead (not with sentences)"
            ),
            OptionDescription(
                "max_chars",
                type: "integer",
                default: "none",
                "Most characters the picked sentences may have together; sentences are never cut"
            ),
            OptionDescription(
                "languages",
                type: "list of language codes",
                default: "all",
                "Summarise only documents in these languages (others are skipped with a reason)"
            ),
        ]
    }

    /// Creates a processor from its options.
    ///
    /// - Parameter options: The step's options; the caller rejects the ones left unread.
    /// - Returns: A ``SummaryProcessor``.
    /// - Throws: ``ProcessorError`` with code ``ProcessorError/Code/invalidOptions`` for a bad
    ///   option (both `sentences` and `ratio`, a ratio outside (0, 1], a language code that is
    ///   not two lowercase letters), or ``ProcessorError/Code/unavailable`` when the model
    ///   files are missing.
    public func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        let sentencesNode = options.value("sentences")
        let count = try options.int("sentences", default: 3, in: 1...100)
        var length = SummaryLength(.sentences(count))
        if let ratioNode = options.value("ratio") {
            if sentencesNode != nil {
                throw ratioNode.error("give either sentences or ratio, not both")
            }
            let ratio = try options.double("ratio", default: 0.2, in: 0...1)
            guard ratio > 0 else { throw ratioNode.error("ratio must be more than 0, found \(ratio)") }
            length.count = .ratio(ratio)
        }
        if options.value("max_chars") != nil {
            length.maxCharacters = try options.int("max_chars", default: 0, in: 1...Int.max)
        }
        var languages: Set<String>?
        if let node = options.value("languages") {
            let codes = try node.stringList()
            for code in codes where code.count != 2 || !code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) {
                throw node.error("languages must be ISO 639-1 codes such as en or de, found '\(code)'")
            }
            guard !codes.isEmpty else { throw node.error("languages must name at least one language") }
            languages = Set(codes)
        }
        return try SummaryProcessor(length: length, languages: languages, models: options.models)
    }
}
