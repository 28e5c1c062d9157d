package import LectorEntities

extension TaggerModel {
    /// Tags a sentence given as tokens (as in a CoNLL file), bypassing Lector's tokenizer.
    ///
    /// - Parameter tokens: The sentence's tokens.
    /// - Returns: The entity chunks found, over token positions.
    package func chunks(tokens: [String]) -> [Chunk] {
        let features = tokens.map { TokenFeatures(ArraySlice(Array($0.unicodeScalars))) }
        var buckets: [Int32] = []
        return Chunk.chunks(tags: tag(features, buckets: &buckets, withMargins: false).tags)
    }

    /// Scores the model on a corpus, tagging its own tokens.
    ///
    /// - Parameter corpus: Sentences with gold chunks.
    /// - Returns: The scores.
    package func score(_ corpus: CoNLLCorpus) -> ChunkScorer {
        var scorer = ChunkScorer()
        for sentence in corpus.sentences {
            scorer.add(predicted: chunks(tokens: sentence.tokens), gold: sentence.chunks)
        }
        return scorer
    }
}
