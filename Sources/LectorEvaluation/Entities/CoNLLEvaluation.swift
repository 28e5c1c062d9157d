import LectorCore
package import LectorEntities
package import LectorText

/// Scores the `entities` processor on CoNLL sentences the way a user meets it: each
/// sentence is detokenized (tokens joined by single spaces), tagged from its text, and the
/// mentions are mapped back to the tokens they cover by scalar offsets.
package struct CoNLLEvaluation: Sendable {
    /// The processor's named-entity pass: text in, mentions out.
    package let tag: @Sendable (ScalarText) -> [EntityMention]

    /// Creates an evaluation.
    ///
    /// - Parameter tag: Finds the mentions in a text.
    package init(tag: @escaping @Sendable (ScalarText) -> [EntityMention]) {
        self.tag = tag
    }

    /// The text of a sentence and each token's scalar range in it.
    ///
    /// - Parameter tokens: The sentence's tokens.
    /// - Returns: The tokens joined by spaces, and their ranges.
    package static func detokenize(_ tokens: [String]) -> (text: String, ranges: [Range<Int>]) {
        var text = ""
        var ranges: [Range<Int>] = []
        var offset = 0
        for (index, token) in tokens.enumerated() {
            if index > 0 {
                text += " "
                offset += 1
            }
            let length = token.unicodeScalars.count
            ranges.append(offset..<(offset + length))
            text += token
            offset += length
        }
        return (text, ranges)
    }

    /// The chunks that mentions make over tokens: a mention covers the tokens that lie
    /// inside it; mentions that cover no whole token are dropped. A token with punctuation
    /// glued to its edge (`ROTTERDAM,` in the OCR newspapers' whitespace tokens) or an elided
    /// article written onto it (`dell'Eni`, ``withoutElision(_:in:)``) counts as covered when
    /// its word is: a name never takes the comma after it
    /// (``NamedEntityRecognizer/edgePunctuation``) nor the article before it.
    ///
    /// - Parameters:
    ///   - mentions: Mentions with scalar offsets.
    ///   - ranges: Each token's scalar range.
    ///   - text: The detokenized text, to find glued punctuation (none: ranges as they are).
    /// - Returns: The chunks.
    package static func chunks(_ mentions: [EntityMention], ranges: [Range<Int>], text: ScalarText? = nil) -> [Chunk] {
        let words = ranges.map { range -> Range<Int> in
            guard let text else { return range }
            var word = range
            while word.count > 1, NamedEntityRecognizer.edgePunctuation.contains(text.scalars[word.upperBound - 1]) {
                word = word.lowerBound..<word.upperBound - 1
            }
            while word.count > 1, NamedEntityRecognizer.edgePunctuation.contains(text.scalars[word.lowerBound]) {
                word = word.lowerBound + 1..<word.upperBound
            }
            return Self.withoutElision(word, in: text)
        }
        return mentions.compactMap { mention in
            guard let named = NamedType(label: mention.type.rawValue) else { return nil }
            let covered = words.indices.filter {
                mention.start <= words[$0].lowerBound && words[$0].upperBound <= mention.end
            }
            guard let first = covered.first, let last = covered.last else { return nil }
            return Chunk(start: first, end: last + 1, type: named)
        }
    }

    /// A token's word without an elided article or preposition written onto it (`dell'Eni` →
    /// `Eni`, `lorsqu'EDF` → `EDF`): one of ``elisions`` (any case), an apostrophe, then a
    /// letter. A name never takes the article (the processor cuts it), and whitespace-tokenized
    /// gold data keeps it on the word. Other apostrophes stay (`O'Neill`, `Sant'Angelo`).
    ///
    /// - Parameters:
    ///   - word: The token's scalar range.
    ///   - text: The text.
    /// - Returns: The range from the word after the apostrophe, or `word` as it is.
    static func withoutElision(_ word: Range<Int>, in text: ScalarText) -> Range<Int> {
        let scalars = text.scalars
        guard let mark = word.first(where: { CapitalizedNames.isApostrophe(scalars[$0]) }), mark > word.lowerBound,
            mark + 1 < word.upperBound, scalars[mark + 1].properties.isAlphabetic,
            elisions.contains(text.slice(word.lowerBound..<mark).lowercased())
        else { return word }
        return mark + 1..<word.upperBound
    }

    /// The elided articles and prepositions of French and Italian, as
    /// `Tools/entities/markup_to_conll.py` lists them: those the rules split from a name
    /// (``CapitalizedNames/elisions``) and the elided pronouns (`c'`, `j'`, `s'` …), which
    /// whitespace-tokenized gold data may keep on a name too.
    static let elisions = CapitalizedNames.elisions.union(["c", "j", "m", "n", "s", "t"])

    /// Scores a corpus.
    ///
    /// - Parameters:
    ///   - corpus: The sentences with gold chunks.
    ///   - elapsed: Receives the seconds spent inside the tagger (text in, mentions out).
    /// - Returns: The scores.
    package func score(_ corpus: CoNLLCorpus, elapsed: inout Double) -> ChunkScorer {
        var scorer = ChunkScorer()
        let clock = ContinuousClock()
        var total = Duration.zero
        for sentence in corpus.sentences {
            let (text, ranges) = Self.detokenize(sentence.tokens)
            let scalars = ScalarText(text)
            let start = clock.now
            let mentions = tag(scalars)
            total += clock.now - start
            scorer.add(predicted: Self.chunks(mentions, ranges: ranges, text: scalars), gold: sentence.chunks)
        }
        elapsed = total.inSeconds
        return scorer
    }
}
