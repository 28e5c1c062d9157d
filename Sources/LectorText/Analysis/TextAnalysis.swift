import Synchronization

/// A text's scalars, tokens and sentences, computed once and shared by the processors that
/// read the same text.
///
/// Several steps of a chain (entities, summary, sentiment) tokenize and split the same
/// document text. ``of(_:)`` keeps the last few analyses in a small process-wide cache
/// keyed by the text itself, so the second and third steps reuse the first one's work. The
/// key is the whole text, compared for equality (O(1) when it is the same string), so a
/// step that changed the text (the metadata processor removes headers) gets a fresh
/// analysis, never a stale one. An analysis is immutable and `Sendable`.
public final class TextAnalysis: Sendable {
    /// The text's scalars.
    public let text: ScalarText
    /// `Tokenizer.tokenize(text)`.
    public let tokens: [Token]
    /// `SentenceSplitter.split(text, tokens: tokens)`.
    public let sentences: [Sentence]

    /// Analyses a text.
    ///
    /// - Parameter text: The text.
    public init(_ text: String) {
        let scalars = ScalarText(text)
        let tokens = Tokenizer.tokenize(scalars)
        self.text = scalars
        self.tokens = tokens
        self.sentences = SentenceSplitter.split(scalars, tokens: tokens)
    }

    /// How many analyses the cache keeps (enough for a few workers' documents in flight).
    static let cacheSize = 8

    /// Texts longer than this many UTF-8 bytes are analysed but not cached, so that the
    /// cache never holds much memory.
    static let largestCachedBytes = 1 << 18

    private static let cache = Mutex<[(key: String, analysis: TextAnalysis)]>([])

    /// The analysis of a text, from the cache when a step analysed the same text lately.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its analysis.
    public static func of(_ text: String) -> TextAnalysis {
        guard text.utf8.count <= largestCachedBytes else { return TextAnalysis(text) }
        let cached = cache.withLock { entries -> TextAnalysis? in
            guard let index = entries.firstIndex(where: { $0.key == text }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.analysis
        }
        if let cached { return cached }
        let analysis = TextAnalysis(text)
        cache.withLock { entries in
            if entries.count >= cacheSize { entries.removeFirst() }
            entries.append((text, analysis))
        }
        return analysis
    }
}
