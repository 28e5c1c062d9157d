/// Scores an article's sentences: a weighted sum of position, centrality, title and entity
/// overlap, length and form (see ``ScoringWeights``).
///
/// Every feature is in 0…1. Centrality is the cosine between a sentence's term counts and
/// the article's, divided by the best sentence's, so the sentence that best stands for the
/// whole scores 1. Furniture scores nothing and is never picked.
struct SentenceScorer {
    /// The weights.
    let weights: ScoringWeights

    /// The score of every sentence (`nil` for furniture), in the analysis's order.
    ///
    /// - Parameters:
    ///   - analysis: The analysed article.
    ///   - entityMentions: Per sentence, the weight of the entity mentions inside it.
    /// - Returns: One score per item.
    func scores(_ analysis: ArticleAnalysis, entityMentions: [Double]) -> [Double?] {
        let items = analysis.items
        var total = [Double](repeating: 0, count: analysis.termCount)
        for item in items where !item.isFurniture { for term in item.terms { total[term] += 1 } }
        var totalNorm = 0.0
        for value in total { totalNorm += value * value }
        totalNorm = totalNorm.squareRoot()
        var centrality = [Double](repeating: 0, count: items.count)
        var counts = [Double](repeating: 0, count: analysis.termCount)
        for (index, item) in items.enumerated() where !item.isFurniture && !item.terms.isEmpty {
            for term in item.terms { counts[term] += 1 }
            var dot = 0.0
            var norm = 0.0
            for term in item.distinct {
                dot += counts[term] * total[term]
                norm += counts[term] * counts[term]
                counts[term] = 0
            }
            centrality[index] = totalNorm > 0 ? dot / (norm.squareRoot() * totalNorm) : 0
        }
        let bestCentrality = max(centrality.max() ?? 0, 1e-9)
        let bestEntities = max(entityMentions.max() ?? 0, 1e-9)
        let eligible = items.filter { !$0.isFurniture }.count
        var position = 0
        var scores: [Double?] = []
        scores.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard !item.isFurniture else {
                scores.append(nil)
                continue
            }
            var score = weights.lead / Double(1 + position)
            score += weights.late * (eligible > 1 ? Double(position) / Double(eligible - 1) : 0)
            score += weights.centrality * centrality[index] / bestCentrality
            if !analysis.titleTerms.isEmpty {
                let shared = Self.sharedCount(item.distinct, analysis.titleTerms)
                score += weights.title * Double(shared) / Double(analysis.titleTerms.count)
            }
            if index < entityMentions.count { score += weights.entities * entityMentions[index] / bestEntities }
            score += weights.length * Double(min(item.words, 40)) / 40
            if item.opensWithQuote { score += weights.quote }
            if item.opensParagraph { score += weights.paragraph }
            scores.append(score)
            position += 1
        }
        return scores
    }

    /// The number of elements two sorted arrays share.
    static func sharedCount(_ lhs: [Int], _ rhs: [Int]) -> Int {
        var i = 0
        var j = 0
        var shared = 0
        while i < lhs.count, j < rhs.count {
            if lhs[i] == rhs[j] {
                shared += 1
                i += 1
                j += 1
            } else if lhs[i] < rhs[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }
}
