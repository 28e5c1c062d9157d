package import LectorCore

/// Loads the sentiment model files: `sentiment/lexicon.tsv`, `tone.tsv` and `weights.tsv`.
///
/// Loading goes through the ``ModelCache`` passed in, so building the chain again (a reload)
/// gets the same scorer while the files are unchanged and a new one when they changed.
package enum SentimentModel {
    /// The lexicon files, in the order ``SentimentLexicon`` reads them.
    static let lexiconPaths = ["sentiment/lexicon.tsv", "sentiment/tone.tsv"]
    /// The learned layer's weights.
    static let weightsPath = "sentiment/weights.tsv"

    /// The scorer, from the cache.
    ///
    /// - Parameters:
    ///   - models: Where the model files are loaded.
    ///   - learned: Whether to load the learned layer too (`false`: rules only).
    /// - Returns: The scorer and the versions of its files.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when a file is
    ///   missing or malformed.
    package static func load(from models: ModelCache, learned: Bool = true) throws -> LoadedModel<SentimentScorer> {
        do {
            let lexicon = try models.load(lexiconPaths) { files in
                try SentimentLexicon(
                    parsing: files.map { (String($0.version.path.split(separator: "/").last ?? ""), $0.bytes) }
                )
            }
            guard learned else {
                return LoadedModel(
                    value: SentimentScorer(lexicon: lexicon.value, layer: nil),
                    versions: lexicon.versions
                )
            }
            let layer = try models.load([weightsPath]) { files in try LearnedLayer(parsing: files[0].bytes) }
            return LoadedModel(
                value: SentimentScorer(lexicon: lexicon.value, layer: layer.value),
                versions: lexicon.versions + layer.versions
            )
        } catch let error as SentimentModelError {
            throw ProcessorError(.unavailable, "malformed model file \(error)", processor: "sentiment")
        }
    }
}
