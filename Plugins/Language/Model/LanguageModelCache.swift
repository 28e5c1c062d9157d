import LectorCore
import Synchronization

/// Loads the n-gram model once per process and hands the same immutable copy to every
/// processor, so that rebuilding the chain on reload does not read the file again.
package enum LanguageModelCache {
    /// The model file, relative to the models folder. A model larger than one artifact
    /// may be stored in parts instead, `ngrams.bin.0`, `ngrams.bin.1`, …, read in order
    /// and joined.
    static let modelPath = "language/ngrams.bin"

    /// The model's bytes: the whole file, or its parts joined.
    ///
    /// - Returns: The bytes.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when neither the
    ///   file nor its first part exists.
    static func modelBytes() throws -> [UInt8] {
        if (try? ModelStore.path(modelPath)) != nil { return try ModelStore.bytes(modelPath) }
        var bytes = try ModelStore.bytes(modelPath + ".0")
        var part = 1
        while (try? ModelStore.path(modelPath + ".\(part)")) != nil {
            bytes += try ModelStore.bytes(modelPath + ".\(part)")
            part += 1
        }
        return bytes
    }

    /// The score offsets file, relative to the models folder: `CODE OFFSET` per line.
    static let priorsPath = "language/priors.txt"

    /// The word table, relative to the models folder; optional (without it the detector
    /// uses the n-grams alone).
    static let wordsPath = "language/words.bin"

    private static let loaded = Mutex<NGramModel?>(nil)
    private static let loadedWords = Mutex<WordModel??>(nil)
    private static let loadedPriors = Mutex<[String: Double]?>(nil)

    /// The shared score offsets by code, read on first use; empty when the file is absent.
    ///
    /// - Returns: The offsets.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the file
    ///   exists but a line is not `CODE NUMBER`.
    static func priors() throws -> [String: Double] {
        try shared(loadedPriors) {
            var priors: [String: Double] = [:]
            guard (try? ModelStore.path(priorsPath)) != nil else { return priors }
            let text = String(decoding: try ModelStore.bytes(priorsPath), as: UTF8.self)
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

    /// The shared model, loading it on first use.
    ///
    /// Two threads asking at once may both read the file; the first to finish wins and the
    /// other copy is dropped. The lock is never held while reading.
    ///
    /// - Returns: The model.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the file is
    ///   missing or damaged.
    package static func model() throws -> NGramModel {
        try shared(loaded) { try NGramModel(bytes: modelBytes()) }
    }

    /// The shared word table, loading it on first use; `nil` when the file is absent.
    ///
    /// - Parameter model: The n-gram model whose languages the table is mapped onto.
    /// - Returns: The word table.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the file
    ///   exists but is damaged.
    package static func words(for model: NGramModel) throws -> WordModel? {
        try shared(loadedWords) {
            guard (try? ModelStore.path(wordsPath)) != nil else { return nil }
            return try WordModel(bytes: ModelStore.bytes(wordsPath), codes: model.codes)
        }
    }

    /// The value a cache holds, or else what `load` makes, kept unless another thread
    /// stored one first (then that one is returned, and this copy dropped). The lock is
    /// never held while loading.
    ///
    /// - Parameters:
    ///   - cache: The cache, `nil` until loaded.
    ///   - load: Reads the value.
    /// - Returns: The shared value.
    /// - Throws: What `load` throws; nothing is cached then.
    private static func shared<Value: Sendable>(
        _ cache: borrowing Mutex<Value?>,
        _ load: () throws -> Value
    ) throws -> Value {
        if let value = cache.withLock({ $0 }) { return value }
        let value = try load()
        return cache.withLock { cached in
            if let cached { return cached }
            cached = value
            return value
        }
    }
}
