package import LectorCore

/// How much each sentence feature counts, and how hard repeats are pushed down.
///
/// A sentence's score is the weighted sum of its features (see ``SentenceScorer``); the
/// selection then subtracts ``redundancy`` times the sentence's largest overlap with a
/// sentence already picked (maximal marginal relevance). The shipped weights are in
/// `Models/summary/weights.tsv` (`name<TAB>value` lines), fitted on the CNN/DailyMail DEV
/// articles by `Tools/summary/fit_weights.py`.
package struct ScoringWeights: Sendable, Equatable {
    /// Weight of `1 / (1 + position)` (position among sentences that are not furniture).
    package var lead: Double
    /// Weight of the relative position, 0 at the start and 1 at the end.
    package var late: Double
    /// Weight of the cosine between the sentence's terms and the whole article's.
    package var centrality: Double
    /// Weight of the share of the title's terms the sentence contains.
    package var title: Double
    /// Weight of the entity mentions (from an `entities` step) in the sentence.
    package var entities: Double
    /// Weight of the sentence's length, `min(words, 40) / 40`.
    package var length: Double
    /// Weight of opening with a quotation mark.
    package var quote: Double
    /// Weight of opening a paragraph.
    package var paragraph: Double
    /// How strongly overlap with an already picked sentence lowers a candidate.
    package var redundancy: Double

    /// The names, in the order ``values`` lists them.
    package static let names = [
        "lead", "late", "centrality", "title", "entities", "length", "quote", "paragraph", "redundancy",
    ]

    /// Creates weights; the defaults are those the model file ships.
    package init(
        lead: Double = 1,
        late: Double = 0,
        centrality: Double = 0.3,
        title: Double = 0.2,
        entities: Double = 0.1,
        length: Double = 0.1,
        quote: Double = -0.1,
        paragraph: Double = 0,
        redundancy: Double = 0.3
    ) {
        self.lead = lead
        self.late = late
        self.centrality = centrality
        self.title = title
        self.entities = entities
        self.length = length
        self.quote = quote
        self.paragraph = paragraph
        self.redundancy = redundancy
    }

    /// The weights in the order of ``names``.
    package var values: [Double] {
        [lead, late, centrality, title, entities, length, quote, paragraph, redundancy]
    }

    /// Sets a weight by name.
    ///
    /// - Parameters:
    ///   - name: One of ``names``.
    ///   - value: The weight.
    /// - Returns: Whether the name is known.
    @discardableResult
    package mutating func set(_ name: String, to value: Double) -> Bool {
        switch name {
        case "lead": lead = value
        case "late": late = value
        case "centrality": centrality = value
        case "title": title = value
        case "entities": entities = value
        case "length": length = value
        case "quote": quote = value
        case "paragraph": paragraph = value
        case "redundancy": redundancy = value
        default: return false
        }
        return true
    }

    /// Parses `name<TAB>value` (or `name=value`, comma-separated) text; names not given keep
    /// their defaults, `#` starts a comment.
    ///
    /// - Parameter text: The text.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/invalidOptions``) on an unknown
    ///   name or a value that is not a number.
    package init(parsing text: String) throws {
        self.init()
        let lines = text.split(separator: "\n").map {
            $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        }
        for line in lines.flatMap({ $0.split(separator: ",") }) {
            let parts = line.split(whereSeparator: { $0 == "\t" || $0 == "=" || $0 == " " })
            if parts.isEmpty { continue }
            guard parts.count == 2, let value = Double(parts[1]), value.isFinite, set(String(parts[0]), to: value)
            else {
                throw ProcessorError(
                    .invalidOptions,
                    "bad summary weight '\(line)' (names: \(Self.names.joined(separator: ", ")))"
                )
            }
        }
    }

    /// The weights shipped in `Models/summary/weights.tsv`, from a model cache.
    ///
    /// - Parameter models: Where the model files are loaded.
    /// - Returns: The weights and the version of their file.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the file is
    ///   missing or malformed.
    package static func shipped(from models: ModelCache) throws -> LoadedModel<ScoringWeights> {
        try models.load(["summary/weights.tsv"]) { files in
            do {
                return try ScoringWeights(parsing: String(decoding: files[0].bytes, as: UTF8.self))
            } catch let error as ProcessorError {
                throw ProcessorError(.unavailable, error.message)
            }
        }
    }
}
