import LectorCore
import Synchronization

/// The sentiment model files, loaded once per process and shared read-only.
///
/// Rebuilding the chain (a reload) asks for the model again and gets the same instance.
package enum SentimentModel {
    private static let loaded = Mutex<SentimentScorer?>(nil)

    /// The shared scorer, loading `sentiment/lexicon.tsv`, `tone.tsv` and `weights.tsv` the
    /// first time.
    ///
    /// - Returns: The scorer.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when a file is
    ///   missing or malformed.
    package static func shared() throws -> SentimentScorer {
        if let scorer = loaded.withLock({ $0 }) { return scorer }
        let scorer = try load(learned: true)
        return loaded.withLock { current in
            if let current { return current }
            current = scorer
            return scorer
        }
    }

    /// Loads the model files from the ``ModelStore``.
    ///
    /// - Parameter learned: Whether to load the learned layer too (`false`: rules only).
    /// - Returns: A new scorer.
    /// - Throws: ``ProcessorError`` when a file is missing or malformed.
    package static func load(learned: Bool) throws -> SentimentScorer {
        do {
            let lexicon = try SentimentLexicon(parsing: [
                ("lexicon.tsv", try ModelStore.bytes("sentiment/lexicon.tsv")),
                ("tone.tsv", try ModelStore.bytes("sentiment/tone.tsv")),
            ])
            let layer = learned ? try LearnedLayer(parsing: try ModelStore.bytes("sentiment/weights.tsv")) : nil
            return SentimentScorer(lexicon: lexicon, layer: layer)
        } catch let error as SentimentModelError {
            throw ProcessorError(.unavailable, "malformed model file \(error)", processor: "sentiment")
        }
    }
}
