package import LectorCore

/// The language detector's model: the n-gram table, the optional word table and the
/// optional score offsets, decoded together.
package struct LanguageModels: Sendable {
    /// The n-gram model.
    package let ngrams: NGramModel
    /// The word table, or `nil` when the file is absent (the detector uses the n-grams alone).
    package let words: WordModel?
    /// The per-language score offsets by code; empty when the file is absent.
    let priors: [String: Double]
}

/// Where the language model's files are, and how they are decoded.
///
/// Loading goes through the ``ModelCache`` passed in, so building the chain again (a reload)
/// gets the same model while the files are unchanged and a new one when they changed.
package enum LanguageModelFiles {
    /// The model file, relative to the models folder. A model larger than one artifact
    /// may be stored in parts instead, `ngrams.bin.0`, `ngrams.bin.1`, …, read in order
    /// and joined.
    static let modelPath = "language/ngrams.bin"

    /// The score offsets file, relative to the models folder: `CODE OFFSET` per line.
    static let priorsPath = "language/priors.txt"

    /// The word table, relative to the models folder; optional (without it the detector
    /// uses the n-grams alone).
    static let wordsPath = "language/words.bin"

    /// The n-gram model's files: the whole file, or its parts in order.
    ///
    /// - Parameter models: Where the files are looked up.
    /// - Returns: The paths; the whole file's when neither it nor a first part exists (so
    ///   loading it reports that).
    static func modelPaths(in models: ModelCache) -> [String] {
        if models.contains(modelPath) || !models.contains(modelPath + ".0") { return [modelPath] }
        var paths: [String] = []
        while models.contains(modelPath + ".\(paths.count)") { paths.append(modelPath + ".\(paths.count)") }
        return paths
    }

    /// The model, from the cache: n-grams, words when present, priors when present.
    ///
    /// - Parameter models: Where the files are loaded.
    /// - Returns: The model and the versions of its files.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the n-gram
    ///   file is missing, or a file is damaged.
    package static func load(from models: ModelCache) throws -> LoadedModel<LanguageModels> {
        let ngramPaths = modelPaths(in: models)
        let hasWords = models.contains(wordsPath)
        let hasPriors = models.contains(priorsPath)
        let paths = ngramPaths + (hasWords ? [wordsPath] : []) + (hasPriors ? [priorsPath] : [])
        return try models.load(paths) { files in
            let parts = files.prefix(ngramPaths.count)
            var joined: [UInt8] = []
            joined.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
            for part in parts { joined += part.bytes }
            let ngrams = try NGramModel(bytes: joined)
            var rest = files.dropFirst(ngramPaths.count)
            let words = try hasWords ? rest.popFirst().map { try WordModel(bytes: $0.bytes, codes: ngrams.codes) } : nil
            let priors = try hasPriors ? rest.popFirst().map { try parsePriors($0.bytes) } ?? [:] : [:]
            return LanguageModels(ngrams: ngrams, words: words, priors: priors)
        }
    }

    /// Reads the score offsets: `CODE NUMBER` per line, `#` comments.
    ///
    /// - Parameter bytes: The file's contents.
    /// - Returns: The offsets by code.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) on a bad line.
    static func parsePriors(_ bytes: [UInt8]) throws -> [String: Double] {
        var priors: [String: Double] = [:]
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw ProcessorError(.unavailable, "\(priorsPath): bad line '\(line)'")
            }
            priors[String(parts[0])] = value
        }
        return priors
    }
}
