import LectorEntities
import LectorText

extension CoNLLCorpus {
    /// The corpus as the processor sees text: each sentence detokenized (tokens joined by
    /// spaces), tokenized again with Lector's ``Tokenizer`` (possessive `'s` split off, as
    /// ``NamedEntityRecognizer`` does), and each gold chunk carried over to the new tokens
    /// that lie inside it.
    ///
    /// Training on this form makes the features at training time the features at run time.
    ///
    /// - Returns: The retokenized corpus.
    package func retokenized() -> CoNLLCorpus {
        var result = CoNLLCorpus(text: "")
        result.sentences.reserveCapacity(sentences.count)
        for sentence in sentences {
            let (text, ranges) = CoNLLEvaluation.detokenize(sentence.tokens)
            let scalars = ScalarText(text)
            var spans: [Range<Int>] = []
            for token in Tokenizer.tokenize(scalars) {
                let split = NamedEntityRecognizer.possessiveSplit(scalars.scalars, token)
                if split < token.end {
                    spans.append(token.start..<split)
                    spans.append(split..<token.end)
                } else {
                    spans.append(token.range)
                }
            }
            var chunks: [Chunk] = []
            for chunk in sentence.chunks {
                let covered = ranges[chunk.start].lowerBound..<ranges[chunk.end - 1].upperBound
                let inside = spans.indices.filter {
                    covered.lowerBound <= spans[$0].lowerBound && spans[$0].upperBound <= covered.upperBound
                }
                if let first = inside.first, let last = inside.last {
                    chunks.append(Chunk(start: first, end: last + 1, type: chunk.type))
                }
            }
            result.sentences.append(Sentence(tokens: spans.map { scalars.slice($0) }, chunks: chunks))
        }
        return result
    }
}
