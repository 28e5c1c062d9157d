import LectorSummary

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum as Google's `rouge-score` package computes them with
/// `use_stemmer=True`.
///
/// What it matches:
/// - tokens: the text lowercased, every run of characters other than `a`–`z` and `0`–`9`
///   a separator (so letters outside ASCII separate words, as there), words of more than
///   three letters stemmed with ``PorterStemmer``;
/// - ROUGE-N: clipped n-gram overlap, precision over the candidate's n-grams, recall over
///   the reference's, F1 their harmonic mean (0 when either is 0);
/// - ROUGE-Lsum: the texts split at newlines (empty lines dropped); for each reference
///   sentence, the union of its LCS with every candidate sentence (the same backtracking
///   that breaks ties towards the shorter candidate prefix), each hit counted at most as
///   often as the token occurs in both texts.
///
/// Differences: Python's `lower()` maps a few non-ASCII capitals to ASCII letters (the
/// Kelvin sign `K`, dotted `İ`); here only ASCII is lowercased, so those separate words.
package enum RougeScorer {
    /// Precision, recall and F1 of one measure.
    package struct Score: Sendable, Equatable {
        /// Matched units over the candidate's.
        package var precision: Double
        /// Matched units over the reference's.
        package var recall: Double
        /// The harmonic mean of the two.
        package var f1: Double

        /// Creates a score from precision and recall.
        ///
        /// - Parameters:
        ///   - precision: The precision.
        ///   - recall: The recall.
        package init(precision: Double, recall: Double) {
            self.precision = precision
            self.recall = recall
            f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
    }

    /// The three measures for one candidate.
    package struct Scores: Sendable, Equatable {
        /// ROUGE-1.
        package var rouge1: Score
        /// ROUGE-2.
        package var rouge2: Score
        /// ROUGE-Lsum.
        package var rougeLsum: Score
    }

    /// Scores a candidate summary against a reference.
    ///
    /// - Parameters:
    ///   - candidate: The summary, sentences separated by newlines (for ROUGE-Lsum).
    ///   - reference: The reference, sentences separated by newlines.
    /// - Returns: ROUGE-1, ROUGE-2 and ROUGE-Lsum.
    package static func score(candidate: String, reference: String) -> Scores {
        let candidateSentences = sentences(candidate)
        let referenceSentences = sentences(reference)
        let candidateTokens = tokenize(candidate)
        let referenceTokens = tokenize(reference)
        return Scores(
            rouge1: ngramScore(candidateTokens, referenceTokens, n: 1),
            rouge2: ngramScore(candidateTokens, referenceTokens, n: 2),
            rougeLsum: summaryLCS(candidateSentences, referenceSentences)
        )
    }

    /// ROUGE's tokens of a text: lowercase ASCII letters and digits, long words stemmed.
    ///
    /// - Parameter text: The text.
    /// - Returns: The tokens.
    package static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            tokens.append(current.count > 3 ? PorterStemmer.stem(word) : word)
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: current.append(UInt8(scalar.value))
            case 0x41...0x5A: current.append(UInt8(scalar.value + 0x20))
            default: flush()
            }
        }
        flush()
        return tokens
    }

    private static func sentences(_ text: String) -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { tokenize(String($0)) }
    }

    private static func ngramScore(_ candidate: [String], _ reference: [String], n: Int) -> Score {
        let candidateGrams = ngrams(candidate, n)
        let referenceGrams = ngrams(reference, n)
        let candidateTotal = candidateGrams.values.reduce(0, +)
        let referenceTotal = referenceGrams.values.reduce(0, +)
        guard candidateTotal > 0, referenceTotal > 0 else { return Score(precision: 0, recall: 0) }
        var overlap = 0
        for (gram, count) in candidateGrams { overlap += min(count, referenceGrams[gram] ?? 0) }
        return Score(
            precision: Double(overlap) / Double(candidateTotal),
            recall: Double(overlap) / Double(referenceTotal)
        )
    }

    private static func ngrams(_ tokens: [String], _ n: Int) -> [[String]: Int] {
        var counts: [[String]: Int] = [:]
        guard tokens.count >= n else { return counts }
        for start in 0...(tokens.count - n) { counts[Array(tokens[start..<(start + n)]), default: 0] += 1 }
        return counts
    }

    private static func summaryLCS(_ candidate: [[String]], _ reference: [[String]]) -> Score {
        let referenceTotal = reference.reduce(0) { $0 + $1.count }
        let candidateTotal = candidate.reduce(0) { $0 + $1.count }
        guard referenceTotal > 0, candidateTotal > 0 else { return Score(precision: 0, recall: 0) }
        var referenceCounts: [String: Int] = [:]
        var candidateCounts: [String: Int] = [:]
        for sentence in reference { for token in sentence { referenceCounts[token, default: 0] += 1 } }
        for sentence in candidate { for token in sentence { candidateCounts[token, default: 0] += 1 } }
        var hits = 0
        for sentence in reference {
            var union: Set<Int> = []
            for other in candidate { union.formUnion(lcsIndices(sentence, other)) }
            for index in union.sorted() {
                let token = sentence[index]
                if let inCandidate = candidateCounts[token], inCandidate > 0, let inReference = referenceCounts[token],
                    inReference > 0
                {
                    hits += 1
                    candidateCounts[token] = inCandidate - 1
                    referenceCounts[token] = inReference - 1
                }
            }
        }
        return Score(
            precision: Double(hits) / Double(candidateTotal),
            recall: Double(hits) / Double(referenceTotal)
        )
    }

    /// The indices into `reference` of one longest common subsequence with `candidate`.
    static func lcsIndices(_ reference: [String], _ candidate: [String]) -> [Int] {
        let rows = reference.count
        let columns = candidate.count
        guard rows > 0, columns > 0 else { return [] }
        var table = [Int](repeating: 0, count: (rows + 1) * (columns + 1))
        for i in 1...rows {
            for j in 1...columns {
                table[i * (columns + 1) + j] =
                    reference[i - 1] == candidate[j - 1]
                    ? table[(i - 1) * (columns + 1) + j - 1] + 1
                    : max(table[(i - 1) * (columns + 1) + j], table[i * (columns + 1) + j - 1])
            }
        }
        var indices: [Int] = []
        var i = rows
        var j = columns
        while i > 0, j > 0 {
            if reference[i - 1] == candidate[j - 1] {
                indices.append(i - 1)
                i -= 1
                j -= 1
            } else if table[i * (columns + 1) + j - 1] > table[(i - 1) * (columns + 1) + j] {
                j -= 1
            } else {
                i -= 1
            }
        }
        return indices.reversed()
    }
}
