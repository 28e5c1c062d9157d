/// Picks the summary's sentences: best score first, each candidate lowered by its overlap
/// with what is already picked (maximal marginal relevance), within the length asked for.
///
/// Sentences never get cut: under `max_chars`, a sentence that would not fit is passed
/// over for a shorter one. The result is in document order.
struct SentenceSelector {
    /// The summary's length.
    let length: SummaryLength
    /// How strongly overlap lowers a candidate.
    let redundancy: Double

    /// The indices of the picked items, in document order.
    ///
    /// - Parameters:
    ///   - analysis: The analysed article.
    ///   - scores: One score per item, `nil` for furniture.
    /// - Returns: Item indices, ascending.
    func select(_ analysis: ArticleAnalysis, scores: [Double?]) -> [Int] {
        var candidates = scores.indices.filter { scores[$0] != nil }
        let wanted = length.sentenceCount(available: candidates.count)
        var budget = length.maxCharacters ?? Int.max
        var picked: [Int] = []
        while picked.count < wanted, !candidates.isEmpty {
            var best: (position: Int, value: Double)?
            for (position, candidate) in candidates.enumerated() {
                guard analysis.items[candidate].range.count <= budget, let score = scores[candidate] else { continue }
                var overlap = 0.0
                for chosen in picked {
                    overlap = max(overlap, Self.overlap(analysis.items[candidate], analysis.items[chosen]))
                }
                let value = score - redundancy * overlap
                if best.map({ value > $0.value }) ?? true { best = (position, value) }
            }
            guard let best else { break }
            let choice = candidates.remove(at: best.position)
            budget -= analysis.items[choice].range.count
            picked.append(choice)
        }
        return picked.sorted()
    }

    /// The cosine between two sentences' sets of terms.
    static func overlap(_ lhs: ArticleAnalysis.Item, _ rhs: ArticleAnalysis.Item) -> Double {
        guard !lhs.distinct.isEmpty, !rhs.distinct.isEmpty else { return 0 }
        let shared = SentenceScorer.sharedCount(lhs.distinct, rhs.distinct)
        return Double(shared) / (Double(lhs.distinct.count) * Double(rhs.distinct.count)).squareRoot()
    }
}
