package import LectorEntities

/// Sentences of a CoNLL-format file: one token per line with its tag in the last column,
/// blank lines between sentences, `-DOCSTART-` lines ignored. Tags may be IOB1 or IOB2;
/// both are read as entity chunks with conlleval's rules.
package struct CoNLLCorpus: Sendable {
    /// One sentence: its tokens and its gold entity chunks.
    package struct Sentence: Sendable, Equatable {
        /// The tokens as written.
        package var tokens: [String]
        /// The gold chunks, as token ranges with their type.
        package var chunks: [Chunk]
    }

    /// The sentences, in file order.
    package var sentences: [Sentence]

    /// Parses CoNLL text.
    ///
    /// - Parameter text: The file's contents (UTF-8).
    package init(text: String) {
        sentences = []
        var tokens: [String] = []
        var labels: [String] = []
        func flush() {
            if !tokens.isEmpty {
                sentences.append(Sentence(tokens: tokens, chunks: Chunk.chunks(labels: labels)))
            }
            tokens.removeAll()
            labels.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = columns.first, let last = columns.last, columns.count >= 2 else {
                flush()
                continue
            }
            if first == "-DOCSTART-" {
                flush()
                continue
            }
            tokens.append(String(first))
            labels.append(String(last))
        }
        flush()
    }

    /// The number of tokens.
    package var tokenCount: Int { sentences.reduce(0) { $0 + $1.tokens.count } }

    /// The corpus without its last sentences, and those sentences: a held-out split for
    /// data that has no development split of its own.
    ///
    /// - Parameter fraction: The share of sentences held out, from the end (0 to 1).
    /// - Returns: The first sentences and the held-out last ones.
    package func holdingOut(_ fraction: Double) -> (kept: CoNLLCorpus, heldOut: CoNLLCorpus) {
        let count = Int((Double(sentences.count) * min(max(fraction, 0), 1)).rounded())
        var kept = self
        var heldOut = self
        kept.sentences = Array(sentences.dropLast(count))
        heldOut.sentences = Array(sentences.suffix(count))
        return (kept, heldOut)
    }
}

extension Chunk {
    /// The chunks of a label sequence, with conlleval's rules: a chunk starts at `B-X`, or
    /// at `I-X` after `O` or another type; labels of unknown types count as `O`.
    ///
    /// - Parameter labels: One label per token (`O`, `B-PER`, `I-LOC`, …).
    /// - Returns: The chunks in order.
    package static func chunks(labels: [String]) -> [Chunk] {
        var chunks: [Chunk] = []
        var open: Chunk?
        for (index, label) in labels.enumerated() {
            let isBegin = label.hasPrefix("B-")
            let type =
                label.count > 2 && label.dropFirst().first == "-" ? NamedType(label: String(label.dropFirst(2))) : nil
            if let current = open, let type, !isBegin, current.type == type {
                open?.end = index + 1
                continue
            }
            if let current = open { chunks.append(current) }
            open = type.map { Chunk(start: index, end: index + 1, type: $0) }
        }
        if let current = open { chunks.append(current) }
        return chunks
    }

    /// BIO tag numbers for `count` tokens holding these chunks.
    static func tags(_ chunks: [Chunk], count: Int) -> [Int] {
        var tags = [Int](repeating: 0, count: count)
        for chunk in chunks {
            tags[chunk.start] = chunk.type.beginTag
            for index in (chunk.start + 1)..<max(chunk.end, chunk.start + 1) { tags[index] = chunk.type.insideTag }
        }
        return tags
    }
}
