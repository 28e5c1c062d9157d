/// Best-path decoding of a BIO tag sequence, with a margin per token.
///
/// Scores are emissions (per token and tag) plus transitions (per tag pair, and from the
/// start). `I-X` may only follow `B-X` or `I-X`, so every path is a valid BIO sequence.
enum Viterbi {
    /// Whether tag `current` may follow tag `previous` (`nil`: the sentence start).
    @inline(__always)
    static func isAllowed(_ previous: Int?, _ current: Int) -> Bool {
        guard NamedType.isInside(current) else { return true }
        guard let previous else { return false }
        return previous == current || previous == current - 1
    }

    /// The best tag sequence and, for each token, how much worse the best path that gives
    /// the token another tag scores (0 when another tag ties).
    ///
    /// - Parameters:
    ///   - emissions: `count * tagCount` scores, token by token.
    ///   - count: The number of tokens.
    ///   - transitions: `(tagCount + 1) * tagCount` scores: row `p` for the previous tag,
    ///     row `tagCount` for the start.
    ///   - withMargins: Whether to compute margins (a backward pass more).
    /// - Returns: The tags and the margins (empty unless asked for).
    static func decode(
        emissions: [Float],
        count: Int,
        transitions: [Float],
        withMargins: Bool
    ) -> (tags: [Int], margins: [Float]) {
        let tags = NamedType.tagCount
        guard count > 0 else { return ([], []) }
        let impossible = -Float.greatestFiniteMagnitude / 4
        var allowed = transitions
        for previous in 0...tags {
            for tag in 0..<tags where !isAllowed(previous == tags ? nil : previous, tag) {
                allowed[previous * tags + tag] = impossible
            }
        }
        var forward = [Float](repeating: impossible, count: count * tags)
        var from = [Int](repeating: 0, count: count * tags)
        allowed.withUnsafeBufferPointer { move in
            emissions.withUnsafeBufferPointer { emit in
                forward.withUnsafeMutableBufferPointer { score in
                    from.withUnsafeMutableBufferPointer { back in
                        for tag in 0..<tags { score[tag] = move[tags * tags + tag] + emit[tag] }
                        for index in 1..<max(count, 1) {
                            let row = index * tags
                            let previousRow = row - tags
                            for tag in 0..<tags {
                                var best = score[previousRow] + move[tag]
                                var bestFrom = 0
                                for previous in 1..<tags {
                                    let candidate = score[previousRow + previous] + move[previous * tags + tag]
                                    if candidate > best {
                                        best = candidate
                                        bestFrom = previous
                                    }
                                }
                                score[row + tag] = best + emit[row + tag]
                                back[row + tag] = bestFrom
                            }
                        }
                    }
                }
            }
        }
        let lastRow = (count - 1) * tags
        var bestTag = 0
        for tag in 1..<tags where forward[lastRow + tag] > forward[lastRow + bestTag] { bestTag = tag }
        var path = [Int](repeating: 0, count: count)
        path[count - 1] = bestTag
        var index = count - 1
        while index > 0 {
            path[index - 1] = from[index * tags + path[index]]
            index -= 1
        }
        guard withMargins else { return (path, []) }
        let bestScore = forward[lastRow + bestTag]
        var backward = [Float](repeating: 0, count: count * tags)
        allowed.withUnsafeBufferPointer { move in
            emissions.withUnsafeBufferPointer { emit in
                backward.withUnsafeMutableBufferPointer { score in
                    var position = count - 2
                    while position >= 0 {
                        let row = position * tags
                        let nextRow = row + tags
                        for tag in 0..<tags {
                            var best = impossible
                            for next in 0..<tags {
                                let candidate = move[tag * tags + next] + emit[nextRow + next] + score[nextRow + next]
                                if candidate > best { best = candidate }
                            }
                            score[row + tag] = best
                        }
                        position -= 1
                    }
                }
            }
        }
        var margins = [Float](repeating: 0, count: count)
        for position in 0..<count {
            let row = position * tags
            var rival = impossible
            for tag in 0..<tags where tag != path[position] {
                rival = max(rival, forward[row + tag] + backward[row + tag])
            }
            margins[position] = max(0, bestScore - rival)
        }
        return (path, margins)
    }
}
