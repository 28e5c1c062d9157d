/// Best-path decoding of a BIO tag sequence, with a margin per token.
///
/// Scores are emissions (per token and tag) plus transitions (per tag pair, and from the
/// start). `I-X` may only follow `B-X` or `I-X`, so every path is a valid BIO sequence.
package enum Viterbi {
    /// Whether tag `current` may follow tag `previous` (`nil`: the sentence start).
    @inline(__always)
    package static func isAllowed(_ previous: Int?, _ current: Int) -> Bool {
        guard NamedType.isInside(current) else { return true }
        guard let previous else { return false }
        return previous == current || previous == current - 1
    }

    /// The score of a move BIO forbids.
    static let impossible = -Float.greatestFiniteMagnitude / 4

    /// The transitions with the moves BIO forbids set to ``impossible``.
    ///
    /// - Parameter transitions: `(tagCount + 1) * tagCount` scores: row `p` for the
    ///   previous tag, row `tagCount` for the start.
    /// - Returns: The same table with forbidden moves replaced.
    static func allowedTransitions(_ transitions: [Float]) -> [Float] {
        let tags = NamedType.tagCount
        var allowed = transitions
        for previous in 0...tags {
            for tag in 0..<tags where !isAllowed(previous == tags ? nil : previous, tag) {
                allowed[previous * tags + tag] = impossible
            }
        }
        return allowed
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
    package static func decode(
        emissions: [Float],
        count: Int,
        transitions: [Float],
        withMargins: Bool
    ) -> (tags: [Int], margins: [Float]) {
        var scratch = TaggerScratch()
        scratch.emissions = emissions
        decode(count: count, allowed: allowedTransitions(transitions), withMargins: withMargins, scratch: &scratch)
        return (scratch.tags, scratch.margins)
    }

    /// Decodes `scratch.emissions` into `scratch.tags` and, when asked, `scratch.margins`
    /// (else emptied), reusing the other buffers of `scratch`.
    ///
    /// - Parameters:
    ///   - count: The number of tokens.
    ///   - allowed: The transitions, as ``allowedTransitions(_:)`` returns them.
    ///   - withMargins: Whether to compute margins (a backward pass more).
    ///   - scratch: The emissions in, the results out.
    static func decode(count: Int, allowed: [Float], withMargins: Bool, scratch: inout TaggerScratch) {
        let tags = NamedType.tagCount
        scratch.tags.removeAll(keepingCapacity: true)
        scratch.margins.removeAll(keepingCapacity: true)
        guard count > 0 else { return }
        scratch.forward.reset(to: impossible, count: count * tags)
        scratch.from.reset(to: 0, count: count * tags)
        allowed.withUnsafeBufferPointer { move in
            scratch.emissions.withUnsafeBufferPointer { emit in
                scratch.forward.withUnsafeMutableBufferPointer { score in
                    scratch.from.withUnsafeMutableBufferPointer { back in
                        forwardPass(count: count, move: move, emit: emit, score: score, back: back)
                    }
                }
            }
        }
        let forward = scratch.forward
        let lastRow = (count - 1) * tags
        var bestTag = 0
        for tag in 1..<tags where forward[lastRow + tag] > forward[lastRow + bestTag] { bestTag = tag }
        scratch.tags.reset(to: 0, count: count)
        scratch.tags[count - 1] = bestTag
        var index = count - 1
        while index > 0 {
            scratch.tags[index - 1] = scratch.from[index * tags + scratch.tags[index]]
            index -= 1
        }
        guard withMargins else { return }
        let bestScore = forward[lastRow + bestTag]
        scratch.backward.reset(to: 0, count: count * tags)
        allowed.withUnsafeBufferPointer { move in
            scratch.emissions.withUnsafeBufferPointer { emit in
                scratch.backward.withUnsafeMutableBufferPointer { score in
                    backwardPass(count: count, move: move, emit: emit, score: score)
                }
            }
        }
        scratch.margins.reset(to: 0, count: count)
        for position in 0..<count {
            let row = position * tags
            var rival = impossible
            for tag in 0..<tags where tag != scratch.tags[position] {
                rival = max(rival, forward[row + tag] + scratch.backward[row + tag])
            }
            scratch.margins[position] = max(0, bestScore - rival)
        }
    }

    /// Fills the best scores up to each token and tag, and the tag they came from.
    ///
    /// An `I-X` tag is only scored from `B-X` and `I-X`: every other move into it is
    /// ``impossible`` and `B-X` is always reachable, so the result is the full search's.
    @inline(__always)
    private static func forwardPass(
        count: Int,
        move: UnsafeBufferPointer<Float>,
        emit: UnsafeBufferPointer<Float>,
        score: UnsafeMutableBufferPointer<Float>,
        back: UnsafeMutableBufferPointer<Int>
    ) {
        let tags = NamedType.tagCount
        for tag in 0..<tags { score[tag] = move[tags * tags + tag] + emit[tag] }
        for index in 1..<max(count, 1) {
            let row = index * tags
            let previousRow = row - tags
            for tag in 0..<tags {
                var best: Float
                var bestFrom: Int
                if NamedType.isInside(tag) {
                    best = score[previousRow + tag - 1] + move[(tag - 1) * tags + tag]
                    bestFrom = tag - 1
                    let candidate = score[previousRow + tag] + move[tag * tags + tag]
                    if candidate > best {
                        best = candidate
                        bestFrom = tag
                    }
                } else {
                    best = score[previousRow] + move[tag]
                    bestFrom = 0
                    for previous in 1..<tags {
                        let candidate = score[previousRow + previous] + move[previous * tags + tag]
                        if candidate > best {
                            best = candidate
                            bestFrom = previous
                        }
                    }
                }
                score[row + tag] = best + emit[row + tag]
                back[row + tag] = bestFrom
            }
        }
    }

    /// Fills the best scores from each token and tag to the end (the tag's own emission
    /// left out).
    ///
    /// Only the moves BIO allows are tried: into `O` and every `B-X`, and into the one
    /// `I-X` that may follow the tag (`O`, always allowed, bounds the others from below).
    @inline(__always)
    private static func backwardPass(
        count: Int,
        move: UnsafeBufferPointer<Float>,
        emit: UnsafeBufferPointer<Float>,
        score: UnsafeMutableBufferPointer<Float>
    ) {
        let tags = NamedType.tagCount
        var position = count - 2
        while position >= 0 {
            let row = position * tags
            let nextRow = row + tags
            for tag in 0..<tags {
                var best = impossible
                var next = 0
                while next < tags {
                    let candidate = move[tag * tags + next] + emit[nextRow + next] + score[nextRow + next]
                    if candidate > best { best = candidate }
                    next += next == 0 ? 1 : 2
                }
                let inside = NamedType.isInside(tag) ? tag : (tag > 0 ? tag + 1 : -1)
                if inside > 0 {
                    let candidate = move[tag * tags + inside] + emit[nextRow + inside] + score[nextRow + inside]
                    if candidate > best { best = candidate }
                }
                score[row + tag] = best
            }
            position -= 1
        }
    }
}
