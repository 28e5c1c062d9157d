/// A text's scalars, tokens and sentences, computed once and shared by the processors that
/// read the same text.
///
/// Several steps of a chain (entities, summary, sentiment) tokenize and split the same
/// document text. They share one analysis per document through the document's memo
/// (`ProcessingContext.memo` in LectorCore), keyed by the text itself, so the second and
/// third steps reuse the first one's work and a step that changed the text gets a fresh
/// analysis. An analysis is immutable and `Sendable`.
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
}
