/// The words the sentiment scorer knows: valences and the rule words around them.
///
/// Loaded from `Models/sentiment/lexicon.tsv` and `tone.tsv` (see `Models/sentiment/README.md`):
/// one `KIND<TAB>WORD<TAB>VALUE` entry a line. Words are lowercase.
package struct SentimentLexicon: Sendable {
    /// What the lexicon knows about one word.
    package struct Entry: Sendable, Equatable {
        /// Valence on VADER's scale, -4 (most negative) to +4; 0 when the word has none.
        package var valence: Float = 0
        /// Scale an intensifier adds to the next sentiment word (0.3, or -0.3 for a dampener).
        package var boost: Float = 0
        /// Whether the word negates what follows.
        package var negates = false
        /// For a contrast word (`but`), the weight of the clause before it; 0 otherwise.
        var contrastWeight: Float = 0
        /// For a hedge (`may`), the scale of the clause's sentiment; 0 otherwise.
        package var hedge: Float = 0
        /// Polarity in the second lexicon (Pattern's adjectives), -1…1; 0 when absent.
        package var polarity: Float = 0
        /// Connotation in the third lexicon (labMT's happiness ratings), -1…1; 0 when absent
        /// or near neutral.
        package var connotation: Float = 0
        /// Tone (`tone.tsv`), -1…1: a rating fitted to labMT's happiness ratings from the
        /// word's vector, for labMT's words and the words it lacks alike; 0 when near
        /// neutral, for function and rule words, and against the word's own valence.
        package var tone: Float = 0
        /// For a word of change (`rose` +, `fell` −), its signed strength; 0 otherwise.
        package var direction: Float = 0
        /// For a quantity (`profit` +1, `loss` −1), whether more of it is good; 0 otherwise.
        package var quantity: Float = 0
        /// Whether a quantity after the word is a cause, not what a word of change moved
        /// (`bajó por la caída de las ventas`); English's are ``SentimentScorer``'s own list.
        package var isCause = false
        /// The learned layer's weight of the word (0 without a layer).
        package var learned: Float = 0
        /// The learned layer's weight of the word under negation.
        var learnedNegated: Float = 0

        /// The valence the word carries on its own: none for a negator or an intensifier,
        /// whose valence is what they do to other words.
        var ownValence: Float {
            negates || boost != 0 ? 0 : valence
        }

        /// The polarity the word carries on its own: none for a negator or an intensifier,
        /// nor for a word of change or a quantity, which the finance rules read.
        var ownPolarity: Float {
            negates || boost != 0 || direction != 0 || quantity != 0 ? 0 : polarity
        }
    }

    /// The entries by lowercase word.
    package let entries: [String: Entry]
    /// The same entries, for the per-word lookups.
    private let table: LexiconTable

    /// Creates a lexicon from entries.
    ///
    /// - Parameter entries: The entries by lowercase word.
    package init(entries: [String: Entry]) {
        self.entries = entries
        self.table = LexiconTable(entries)
    }

    /// Parses the lexicon file.
    ///
    /// - Parameter bytes: The file's UTF-8 bytes.
    /// - Throws: ``SentimentModelError`` naming the first malformed line.
    package init(parsing bytes: [UInt8]) throws(SentimentModelError) {
        try self.init(parsing: [("lexicon.tsv", bytes)])
    }

    /// Parses lexicon files (`lexicon.tsv`, then `tone.tsv`) into one lexicon; a word's
    /// entries in the later files add to those of the earlier ones.
    ///
    /// - Parameter files: Each file's name (for errors) and UTF-8 bytes.
    /// - Throws: ``SentimentModelError`` naming the first malformed line.
    package init(parsing files: [(name: String, bytes: [UInt8])]) throws(SentimentModelError) {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(65_536)
        for file in files { try Self.parse(file.bytes, name: file.name, into: &entries) }
        self.init(entries: entries)
    }

    private static func parse(
        _ bytes: [UInt8],
        name: String,
        into entries: inout [String: Entry]
    )
        throws(SentimentModelError)
    {
        try TabSeparatedRecords.forEach(in: bytes) { number, fields throws(SentimentModelError) in
            guard fields.count == 3, fields[0].count == 1, let kind = fields[0].first,
                let value = Float(String(decoding: fields[2], as: UTF8.self)), !fields[1].isEmpty
            else {
                throw SentimentModelError(file: name, line: number, message: "expected KIND, WORD and VALUE")
            }
            let word = String(decoding: fields[1], as: UTF8.self)
            // One hash look-up per line: the entry is changed in place. An unknown kind
            // leaves an empty entry behind, but the throw discards the whole lexicon.
            guard Self.apply(kind, value, to: &entries[word, default: Entry()]) else {
                throw SentimentModelError(file: name, line: number, message: "unknown kind")
            }
        }
    }

    /// Sets what a lexicon line of that kind sets.
    ///
    /// - Parameters:
    ///   - kind: The line's KIND byte.
    ///   - value: Its VALUE.
    ///   - entry: The word's entry.
    /// - Returns: `false` for an unknown kind, with the entry unchanged.
    private static func apply(_ kind: UInt8, _ value: Float, to entry: inout Entry) -> Bool {
        switch kind {
        case UInt8(ascii: "v"): entry.valence = value
        case UInt8(ascii: "b"): entry.boost = value
        case UInt8(ascii: "n"): entry.negates = true
        case UInt8(ascii: "c"): entry.contrastWeight = value
        case UInt8(ascii: "h"): entry.hedge = value
        case UInt8(ascii: "u"): entry.direction = value
        case UInt8(ascii: "d"): entry.direction = -value
        case UInt8(ascii: "q"): entry.quantity = value
        case UInt8(ascii: "k"): entry.isCause = true
        case UInt8(ascii: "p"): entry.polarity = value
        case UInt8(ascii: "m"): entry.connotation = value
        case UInt8(ascii: "t"): entry.tone = value
        default: return false
        }
        return true
    }

    /// This lexicon with the learned layer's word weights folded into its entries, so that
    /// scoring looks each word up once.
    ///
    /// - Parameter layer: The learned layer.
    /// - Returns: The merged lexicon.
    package func merging(_ layer: LearnedLayer) -> SentimentLexicon {
        var merged = entries
        for (word, weight) in layer.wordWeights { merged[word, default: Entry()].learned = weight }
        for (word, weight) in layer.negatedWeights { merged[word, default: Entry()].learnedNegated = weight }
        return SentimentLexicon(entries: merged)
    }

    /// The entry for a lowercase word, if any.
    @inline(__always)
    package subscript(word: String) -> Entry? {
        table[word]
    }
}
