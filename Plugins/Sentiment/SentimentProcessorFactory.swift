public import LectorCore

/// Makes the built-in `sentiment` processor (see ``SentimentProcessor``).
///
/// Options (all optional):
/// - `per_entity` (Boolean, default `true`): score each named entity the entities step found;
/// - `sentences` (Boolean, default `true`): list each sentence's score and offsets;
/// - `neutral_band` (number 0…1, default `0.1`): scores within ±band are `neutral`;
/// - `min_mentions` (integer 1…1000, default `1`): the fewest mentions an entity needs;
/// - `languages` (list, default every language with a lexicon: `[en, de, es, fr, it, nl,
///   pt, ru]`): the languages scored besides English (always scored), each with a lexicon
///   `sentiment/<code>.tsv`; documents in other known languages are skipped.
public struct SentimentProcessorFactory: ProcessorFactory {
    /// Creates the factory.
    public init() {}

    /// `sentiment`.
    public var name: String { "sentiment" }

    /// The languages served.
    public var languageCoverage: String {
        "English (lexicons; a learned layer trained partly on research-only and non-commercial finance data, see NOTICE; target layer for people); de, es, fr, it, nl, pt, ru (lexicons built from open dictionaries and polarity lists, same rules, no learned layer); other languages are skipped"
    }

    /// What the processor adds, for `lector processors`.
    public var summary: String {
        "Scores the article's tone (-1…1, positive/neutral/negative), per sentence and per entity"
    }

    /// The processor's options.
    public var options: [OptionDescription] {
        [
            OptionDescription(
                "per_entity",
                type: "boolean",
                default: "true",
                "Score each named entity (PERSON, ORG, LOC, MISC) found by the entities step, from the clauses that mention it"
            ),
            OptionDescription("sentences", type: "boolean", default: "true", "List each sentence's score and offsets"),
            OptionDescription("neutral_band", type: "number 0…1", default: "0.1", "Scores within ±band are neutral"),
            OptionDescription("min_mentions", type: "integer 1…1000", default: "1", "Fewest mentions an entity needs"),
            OptionDescription(
                "languages",
                type: "list of language codes",
                default: "[en, de, es, fr, it, nl, pt, ru]",
                "Languages scored besides en (always); each needs Models/sentiment/<code>.tsv"
            ),
        ]
    }

    /// Creates a processor from its options, loading the shared model the first time.
    ///
    /// - Parameter options: The step's options; the caller rejects the ones left unread.
    /// - Returns: A ``SentimentProcessor``.
    /// - Throws: ``ProcessorError`` with code ``ProcessorError/Code/invalidOptions`` for a
    ///   bad option, ``ProcessorError/Code/unavailable`` when the model files are missing.
    public func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        var languages: [String]?
        if let node = options.value("languages") {
            let list = try node.stringList()
            guard !list.isEmpty else { throw node.error("languages must name at least one language") }
            languages = list
            for language in list where language != "en" {
                guard SentimentModel.otherLanguages.contains(language),
                    options.models.contains("sentiment/\(language).tsv")
                else {
                    throw node.error("no sentiment lexicon for '\(language)' (sentiment/\(language).tsv)")
                }
            }
        }
        let settings = SentimentOptions(
            perEntity: try options.bool("per_entity", default: true),
            sentences: try options.bool("sentences", default: true),
            neutralBand: try options.double("neutral_band", default: 0.1, in: 0...1),
            minMentions: try options.int("min_mentions", default: 1, in: 1...1000),
            languages: languages
        )
        return try SentimentProcessor(options: settings, models: options.models)
    }
}
