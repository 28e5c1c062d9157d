package import LectorCore

/// Loads the sentiment model files: `sentiment/lexicon.tsv`, `tone.tsv`, `weights.tsv` and
/// `targets.tsv`.
///
/// Loading goes through the ``ModelCache`` passed in, so building the chain again (a reload)
/// gets the same scorer while the files are unchanged and a new one when they changed.
package enum SentimentModel {
    /// The lexicon files, in the order ``SentimentLexicon`` reads them.
    static let lexiconPaths = ["sentiment/lexicon.tsv", "sentiment/tone.tsv"]
    /// The learned layer's weights.
    static let weightsPath = "sentiment/weights.tsv"
    /// The target layer's weights.
    static let targetsPath = "sentiment/targets.tsv"
    /// The languages other than English with a lexicon, `sentiment/<code>.tsv`.
    package static let otherLanguages = ["de", "es", "fr", "it", "nl", "pt", "ru"]

    /// The rule scorer of a language other than English, from the cache: its lexicon
    /// (`sentiment/<code>.tsv`, built by `Tools/sentiment/build_multilingual.py`) read by the
    /// same rules, with no learned layer and no target layer, a document read as its mean
    /// sentence.
    ///
    /// - Parameters:
    ///   - language: The language's code (one of ``otherLanguages``).
    ///   - models: Where the model files are loaded.
    /// - Returns: The scorer and the version of its file.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the file is
    ///   missing or malformed.
    package static func load(language: String, from models: ModelCache) throws -> LoadedModel<SentimentScorer> {
        do {
            return try models.load(["sentiment/\(language).tsv"], as: SentimentScorer.self) { files in
                let lexicon = try SentimentLexicon(parsing: [("\(language).tsv", files[0].bytes)])
                return SentimentScorer(lexicon: lexicon, layer: nil, documentReading: .meanSentence)
            }
        } catch let error as SentimentModelError {
            throw ProcessorError(.unavailable, "malformed model file \(error)", processor: "sentiment")
        }
    }

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
            // The whole scorer is the cached value: building it merges the lexicon's tables
            // (megabytes), which a reload with unchanged files must not do again.
            let paths = learned ? lexiconPaths + [weightsPath, targetsPath] : lexiconPaths
            return try models.load(paths, as: SentimentScorer.self) { files in
                let lexicon = try SentimentLexicon(
                    parsing: files.prefix(lexiconPaths.count).map {
                        (String($0.version.path.split(separator: "/").last ?? ""), $0.bytes)
                    }
                )
                let layer = learned ? try LearnedLayer(parsing: files[lexiconPaths.count].bytes) : nil
                let targets = learned ? try TargetLayer(parsing: files[lexiconPaths.count + 1].bytes) : nil
                return SentimentScorer(lexicon: lexicon, layer: layer, targetLayer: targets)
            }
        } catch let error as SentimentModelError {
            throw ProcessorError(.unavailable, "malformed model file \(error)", processor: "sentiment")
        }
    }
}
