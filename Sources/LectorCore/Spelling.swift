/// Did-you-mean suggestions for misspelt names.
public enum Spelling {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a
    /// plausible typo (at most a third of the word's length, and at least one edit allowed).
    ///
    /// - Parameters:
    ///   - word: What was written.
    ///   - candidates: The names that exist.
    /// - Returns: The best candidate, or `nil` when none is close.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// The Damerau–Levenshtein (optimal string alignment) distance between two strings.
    ///
    /// - Parameters:
    ///   - lhs: One string.
    ///   - rhs: The other.
    /// - Returns: The number of insertions, deletions, substitutions and adjacent swaps.
    public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
