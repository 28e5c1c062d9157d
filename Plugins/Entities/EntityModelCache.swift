import LectorCore
import Synchronization

/// The entity models, loaded once per process and shared read-only.
///
/// Rebuilding the chain (a reload) asks again and gets the same instances, so a model is
/// read from disk at most once per process.
enum EntityModelCache {
    private static let models = Mutex<[String: TaggerModel]>([:])

    /// The model for a language, from `entities/<language>.bin` in the ``ModelStore``.
    ///
    /// - Parameter language: An ISO 639-1 code.
    /// - Returns: The shared model.
    /// - Throws: ``ProcessorError`` (`unavailable`) when the file is missing or unreadable.
    static func model(for language: String) throws -> TaggerModel {
        if let cached = models.withLock({ $0[language] }) { return cached }
        let bytes = try ModelStore.bytes("entities/\(language).bin")
        let model: TaggerModel
        do {
            model = try TaggerModel(bytes: bytes)
        } catch {
            throw ProcessorError(.unavailable, "entities/\(language).bin: \(error)")
        }
        return models.withLock { cache in
            if let raced = cache[language] { return raced }
            cache[language] = model
            return model
        }
    }
}
