import Testing

@testable import LectorEntities
@testable import LectorEvaluation

@Suite("Viterbi decoding")
struct ViterbiTests {
    /// Every valid BIO sequence of `count` tags, scored the slow way.
    static func bruteForce(emissions: [Float], transitions: [Float], count: Int) -> [(tags: [Int], score: Float)] {
        let tags = NamedType.tagCount
        var results: [(tags: [Int], score: Float)] = []
        var sequence = [Int](repeating: 0, count: count)
        func extend(_ position: Int, _ score: Float) {
            guard position < count else {
                results.append((sequence, score))
                return
            }
            for tag in 0..<tags {
                let previous: Int? = position == 0 ? nil : sequence[position - 1]
                guard Viterbi.isAllowed(previous, tag) else { continue }
                let move = transitions[(previous ?? tags) * tags + tag]
                sequence[position] = tag
                extend(position + 1, score + move + emissions[position * tags + tag])
            }
        }
        extend(0, 0)
        return results
    }

    @Test("the best path and the margins equal an exhaustive search over valid BIO sequences")
    func matchesExhaustiveSearch() {
        var generator = SplitMix(state: 7)
        let tags = NamedType.tagCount
        for count in 1...4 {
            for _ in 0..<5 {
                // Whole numbers keep the sums exact, so scores compare without tolerance.
                let emissions = (0..<(count * tags)).map { _ in Float(generator.next() % 21) - 10 }
                let transitions = (0..<((tags + 1) * tags)).map { _ in Float(generator.next() % 11) - 5 }
                let decoded = Viterbi.decode(
                    emissions: emissions,
                    count: count,
                    transitions: transitions,
                    withMargins: true
                )
                let all = Self.bruteForce(emissions: emissions, transitions: transitions, count: count)
                let best = all.map(\.score).max()!
                let bestPath = all.first { $0.tags == decoded.tags }
                #expect(bestPath?.score == best)
                for position in 0..<count {
                    let rival = all.filter { $0.tags[position] != decoded.tags[position] }.map(\.score).max()!
                    #expect(decoded.margins[position] == max(0, best - rival))
                }
            }
        }
    }
}
