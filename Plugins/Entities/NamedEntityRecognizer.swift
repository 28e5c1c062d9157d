import Glibc
import LectorText

/// Finds PERSON, ORG, LOC and MISC mentions with a ``TaggerModel``, sentence by sentence.
///
/// Text is tokenized with Lector's ``Tokenizer`` and split with ``SentenceSplitter``; a
/// possessive `'s` (or `’s`) is split off its word, as the CoNLL training data does.
struct NamedEntityRecognizer: Sendable {
    /// The model.
    let model: TaggerModel

    /// The scale of the margin-to-confidence mapping: a margin of `scale` gives 0.82.
    static let marginScale: Float = 10

    /// The mentions in a text.
    ///
    /// - Parameters:
    ///   - text: The document's text.
    ///   - tokens: Its tokens.
    ///   - sentences: Its sentences.
    /// - Returns: The mentions, in text order.
    func mentions(in text: ScalarText, tokens: [Token], sentences: [Sentence]) -> [EntityMention] {
        var mentions: [EntityMention] = []
        var scratch = TaggerScratch()
        var features: [TokenFeatures] = []
        var spans: [Range<Int>] = []
        var tokenIndex = 0
        for sentence in sentences {
            features.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
            while tokenIndex < tokens.count, tokens[tokenIndex].end <= sentence.end {
                let token = tokens[tokenIndex]
                tokenIndex += 1
                guard token.start >= sentence.start else { continue }
                let split = Self.possessiveSplit(text.scalars, token)
                if split < token.end {
                    spans.append(token.start..<split)
                    spans.append(split..<token.end)
                } else {
                    spans.append(token.range)
                }
            }
            for span in spans { features.append(TokenFeatures(text.scalars[span])) }
            guard !features.isEmpty else { continue }
            model.tag(features, scratch: &scratch, withMargins: true)
            let margins = scratch.margins
            for chunk in Chunk.chunks(tags: scratch.tags) {
                var margin = Float.greatestFiniteMagnitude
                for index in chunk.start..<chunk.end { margin = min(margin, margins[index]) }
                if chunk.end < margins.count { margin = min(margin, margins[chunk.end]) }
                let confidence = 1 - 0.5 * exp(-Double(margin / Self.marginScale))
                mentions.append(
                    EntityMention(
                        start: spans[chunk.start].lowerBound,
                        end: spans[chunk.end - 1].upperBound,
                        type: EntityType(chunk.type),
                        confidence: confidence
                    )
                )
            }
        }
        return mentions
    }

    /// Where a possessive `'s` starts in a word token, or the token's end when it has none.
    static func possessiveSplit(_ scalars: [Unicode.Scalar], _ token: Token) -> Int {
        guard token.kind == .word, token.end - token.start >= 3 else { return token.end }
        let apostrophe = scalars[token.end - 2]
        let last = scalars[token.end - 1]
        guard apostrophe == "'" || apostrophe == "\u{2019}", last == "s" || last == "S" else { return token.end }
        return token.end - 2
    }
}
