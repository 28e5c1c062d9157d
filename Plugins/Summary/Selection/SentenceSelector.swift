/// Picks the summary's sentences: best score first, each candidate lowered by its overlap
/// with what is already picked (maximal marginal relevance), within the length asked for.
///
/// Sentences never get cut: under `max_chars`, a sentence that would not fit is passed
/// over for a shorter one. The result is in document order. Each candidate's largest
/// overlap with the picks is kept up to date as picks are made, so a pick costs one pass
/// over the candidates; beyond ``maximumDiverseSentences`` sentences (long summaries of
/// long articles, `ratio: 0.5` of a book) the rest are taken in score order without the
/// overlap penalty, which keeps the cost near-linear.
struct SentenceSelector {
    /// Picks beyond this many are made in plain score order.
    static let maximumDiverseSentences = 64

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
        var candidates: [(item: Int, score: Double, overlap: Double)] = []
        for (index, score) in scores.enumerated() {
            if let score { candidates.append((index, score, 0)) }
        }
        let wanted = length.sentenceCount(available: candidates.count)
        var budget = length.maxCharacters ?? Int.max
        var picked: [Int] = []
        while picked.count < min(wanted, Self.maximumDiverseSentences), !candidates.isEmpty {
            var best: (position: Int, value: Double)?
            for (position, candidate) in candidates.enumerated()
            where analysis.items[candidate.item].range.count <= budget {
                let value = candidate.score - redundancy * candidate.overlap
                if best.map({ value > $0.value }) ?? true { best = (position, value) }
            }
            guard let best else { break }
            let choice = candidates.remove(at: best.position).item
            budget -= analysis.items[choice].range.count
            picked.append(choice)
            for position in candidates.indices {
                let overlap = Self.overlap(analysis.items[candidates[position].item], analysis.items[choice])
                candidates[position].overlap = max(candidates[position].overlap, overlap)
            }
        }
        if picked.count < wanted {
            for candidate in candidates.sorted(by: { $0.score > $1.score }) where picked.count < wanted {
                let size = analysis.items[candidate.item].range.count
                guard size <= budget else { continue }
                budget -= size
                picked.append(candidate.item)
            }
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
