public import LectorCore

/// Makes the built-in `entities` processor (see ``EntitiesProcessor``).
///
/// Options (all optional):
/// - `types` (list, default all): which of PERSON, ORG, LOC, MISC, DATE, MONEY, PERCENT,
///   QUANTITY to write;
/// - `min_confidence` (number 0…1, default 0.6): drop named mentions the tagger is less sure
///   of (0.5 is a coin toss between two readings; 0 keeps every mention);
/// - `languages` (list, default `[en, es, de, pt, ru, fr, nl]`): the languages to tag, each with a
///   model `entities/<code>.bin`; documents in other languages get only their values (dates,
///   money, percentages, quantities) where ``ValueRecognizer`` reads them, else are skipped
///   with a reason.
public struct EntitiesProcessorFactory: ProcessorFactory {
    /// Creates the factory.
    public init() {}

    /// `entities`.
    public var name: String { "entities" }

    /// The languages served.
    public var languageCoverage: String {
        "names: English (CoNLL-2003), Spanish (CoNLL-2002, research-only data), German, Portuguese, Russian (models), French, Dutch (models from historical newspapers, plus rules), Italian (capitalisation and context rules); the rules read place names, given names and organisations (listed companies, international bodies, parties, institutions, clubs) from Models/entities/{fr,it,nl}-names.txt, and es, pt and de given names and organisations from their own; in all six, known organisations and people with particles (von der Leyen) are read after the model or rules; dates, money, percentages, quantities: en, de, fr, es, it, pt, nl, ru; others are skipped"
    }

    /// What the processor adds, for `lector processors`.
    public var summary: String {
        "Finds people, organisations, places, names, dates, money, percentages and quantities, grouped per entity"
    }

    /// The processor's options.
    public var options: [OptionDescription] {
        [
            OptionDescription(
                "types",
                type: "list of PERSON, ORG, LOC, MISC, DATE, MONEY, PERCENT, QUANTITY",
                default: "all",
                "The entity types to write"
            ),
            OptionDescription(
                "min_confidence",
                type: "number 0…1",
                default: "0.6",
                "Drop named mentions the tagger is less sure of (0.5: a coin toss; 0 keeps all)"
            ),
            OptionDescription(
                "languages",
                type: "list of language codes",
                default: "[en, es, de, pt, ru, fr, nl]",
                "Languages whose names a model tags (each needs Models/entities/<code>.bin); it gets rule names and every listed language's values are read"
            ),
        ]
    }

    /// `entities`.
    public var provides: Set<String> { ["entities"] }

    /// Creates a processor from its options.
    ///
    /// - Parameter options: The step's options; the caller rejects the ones left unread.
    /// - Returns: An ``EntitiesProcessor``.
    /// - Throws: ``ProcessorError``: `invalidOptions` for an unknown type, a confidence out of
    ///   range or an empty list; `unavailable` when a language has no model.
    public func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        let allNames = EntityType.allCases.map(\.rawValue)
        var types = Set(EntityType.allCases)
        if let node = options.value("types") {
            let names = try node.stringList()
            guard !names.isEmpty else { throw node.error("types must name at least one type") }
            types = []
            for name in names {
                guard let type = EntityType(rawValue: name.uppercased()) ?? (name.uppercased() == "PER" ? .person : nil)
                else {
                    var message = "unknown entity type '\(name)'; known: \(allNames.joined(separator: ", "))"
                    if let guess = Spelling.suggestion(for: name.uppercased(), among: allNames) {
                        message = "unknown entity type '\(name)' (did you mean '\(guess)'?)"
                    }
                    throw node.error(message)
                }
                types.insert(type)
            }
        }
        let confidence = try options.double(
            "min_confidence",
            default: EntitiesProcessor.defaultMinimumConfidence,
            in: 0...1
        )
        var languages = EntitiesProcessor.defaultLanguages
        if let node = options.value("languages") {
            languages = try node.stringList()
            guard !languages.isEmpty else { throw node.error("languages must name at least one language") }
            for language in languages {
                guard options.models.contains("entities/\(language).bin") else {
                    throw node.error("no entity model for '\(language)' (entities/\(language).bin)")
                }
            }
        }
        return try EntitiesProcessor(
            types: types,
            minimumConfidence: confidence,
            languages: languages,
            models: options.models
        )
    }
}
