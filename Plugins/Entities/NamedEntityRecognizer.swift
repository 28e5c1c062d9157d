import Glibc
package import LectorText

/// Finds PERSON, ORG, LOC and MISC mentions with a ``TaggerModel``, sentence by sentence.
///
/// Text is tokenized with Lector's ``Tokenizer`` and split with ``SentenceSplitter``; a
/// possessive `'s` (or `’s`) is split off its word, as the CoNLL training data does.
package struct NamedEntityRecognizer: Sendable {
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
            let joined = Self.joiningParticles(Chunk.chunks(tags: scratch.tags), text: text, spans: spans)
            for tagged in joined {
                guard let trimmed = Self.withoutEdgePunctuation(tagged, text: text, spans: spans) else { continue }
                let chunk = Self.withoutTitle(trimmed, text: text, spans: spans)
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

    /// Punctuation no name starts or ends with: the separators. Not the full stop of an
    /// abbreviation (`St .` in retokenized data), nor quotes and brackets, which CoNLL
    /// counts into names (`" Speedy " Gonzales`).
    package static let edgePunctuation: Set<Unicode.Scalar> = [",", ";", ":"]

    /// A chunk without punctuation tokens at its edges (a tagger may carry a name on over the
    /// comma after it: `Haag ,`), or `nil` when nothing else is left.
    static func withoutEdgePunctuation(_ chunk: Chunk, text: ScalarText, spans: [Range<Int>]) -> Chunk? {
        func isPunctuation(_ index: Int) -> Bool {
            spans[index].count == 1 && Self.edgePunctuation.contains(text.scalars[spans[index].lowerBound])
        }
        var trimmed = chunk
        while trimmed.start < trimmed.end, isPunctuation(trimmed.start) { trimmed.start += 1 }
        while trimmed.end > trimmed.start, isPunctuation(trimmed.end - 1) { trimmed.end -= 1 }
        return trimmed.start < trimmed.end ? trimmed : nil
    }

    /// A chunk that starts with a title (`Senator Elizabeth Warren`), cut to the name after
    /// it and typed PERSON, as CoNLL marks such names; other chunks as they are.
    ///
    /// Titles that also begin names of places and companies (`Prince Edward Island`,
    /// `Dr Pepper`) are cut only from chunks the tagger already typed PERSON.
    static func withoutTitle(_ chunk: Chunk, text: ScalarText, spans: [Range<Int>]) -> Chunk {
        guard chunk.end - chunk.start >= 2 else { return chunk }
        let first = spans[chunk.start]
        guard first.count >= 2, first.count <= 14, text.scalars[first.lowerBound].properties.isUppercase else {
            return chunk
        }
        var word = text.slice(first)
        if word.hasSuffix(".") { word.removeLast() }
        let next = text.scalars[spans[chunk.start + 1].lowerBound]
        guard next.properties.isUppercase else { return chunk }
        if Titles.personal.contains(word) || (chunk.type == .person && Titles.ambiguous.contains(word)) {
            return Chunk(start: chunk.start + 1, end: chunk.end, type: .person)
        }
        return chunk
    }

    /// Lowercase particles that only occur inside surnames (`Ursula von der Leyen`,
    /// `Vincent van Gogh`, `Osama bin Laden`).
    static let nameParticles: Set<String> = ["von", "van", "der", "den", "ter", "ten", "zu", "bin", "ibn"]

    /// Particles that are also everyday words (`de`, `la`): they join a surname only when
    /// the tagger typed both sides PERSON.
    static let commonParticles: Set<String> = ["de", "del", "della", "di", "da", "du", "le", "la", "dos", "das"]

    /// Chunks with a PERSON chunk, one or two name particles and another named chunk in a
    /// row (`Ursula` · `von der` · `Leyen`) joined into one PERSON chunk; the tagger often
    /// loses the name at the particles. A name of two words or more already has its surname,
    /// so what follows it is joined only when typed PERSON too: `Eelco Heinen van Financiën`
    /// (the minister of finance), `Olaf Scholz von der SPD` stay apart.
    static func joiningParticles(_ chunks: [Chunk], text: ScalarText, spans: [Range<Int>]) -> [Chunk] {
        guard chunks.count >= 2 else { return chunks }
        var result: [Chunk] = []
        for chunk in chunks {
            if let last = result.last, last.type == .person, chunk.start > last.end, chunk.start - last.end <= 2,
                last.end - last.start == 1 || chunk.type == .person,
                (last.end..<chunk.start).allSatisfy({ isParticle(text, spans[$0], common: chunk.type == .person) })
            {
                result[result.count - 1].end = chunk.end
            } else {
                result.append(chunk)
            }
        }
        return result
    }

    private static func isParticle(_ text: ScalarText, _ span: Range<Int>, common: Bool) -> Bool {
        guard span.count <= 5, text.scalars[span].allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        let word = text.slice(span)
        return nameParticles.contains(word) || (common && commonParticles.contains(word))
    }

    /// Where a possessive `'s` starts in a word token, or the token's end when it has none.
    package static func possessiveSplit(_ scalars: [Unicode.Scalar], _ token: Token) -> Int {
        guard token.kind == .word, token.end - token.start >= 3 else { return token.end }
        let apostrophe = scalars[token.end - 2]
        let last = scalars[token.end - 1]
        guard apostrophe == "'" || apostrophe == "\u{2019}", last == "s" || last == "S" else { return token.end }
        return token.end - 2
    }
}
