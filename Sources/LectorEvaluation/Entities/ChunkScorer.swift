package import LectorEntities

/// Entity-level precision, recall and F1 with conlleval semantics: a predicted chunk counts
/// only when its boundaries and type match a gold chunk exactly.
package struct ChunkScorer: Sendable {
    /// Counts for one type (or all).
    package struct Counts: Sendable, Equatable {
        /// Predicted chunks that match a gold chunk.
        package var correct = 0
        /// Predicted chunks.
        package var predicted = 0
        /// Gold chunks.
        package var gold = 0

        /// Precision in percent (0 when nothing was predicted).
        package var precision: Double { predicted == 0 ? 0 : 100 * Double(correct) / Double(predicted) }
        /// Recall in percent (0 when there was nothing to find).
        package var recall: Double { gold == 0 ? 0 : 100 * Double(correct) / Double(gold) }
        /// The harmonic mean of precision and recall, in percent.
        package var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// Counts per type.
    package private(set) var byType: [NamedType: Counts] = [:]
    /// Counts over all types.
    package private(set) var overall = Counts()

    /// Creates an empty scorer.
    package init() {}

    /// Adds one sentence.
    ///
    /// - Parameters:
    ///   - predicted: The chunks found.
    ///   - gold: The chunks annotated.
    package mutating func add(predicted: [Chunk], gold: [Chunk]) {
        let goldSet = Set(gold)
        for chunk in predicted {
            let hit = goldSet.contains(chunk)
            byType[chunk.type, default: Counts()].predicted += 1
            overall.predicted += 1
            if hit {
                byType[chunk.type, default: Counts()].correct += 1
                overall.correct += 1
            }
        }
        for chunk in gold {
            byType[chunk.type, default: Counts()].gold += 1
            overall.gold += 1
        }
    }

    /// The counts of one type.
    ///
    /// - Parameter type: The type.
    /// - Returns: Its counts (zero when never seen).
    package func counts(_ type: NamedType) -> Counts { byType[type] ?? Counts() }
}
