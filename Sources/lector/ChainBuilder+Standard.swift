import LectorBuiltIn
import LectorCore
import LectorPipeline

extension ChainBuilder {
    /// The builder the commands use: the built-in processors, and one model cache over the
    /// ``ModelFolders`` (the daemon keeps it across reloads, so unchanged models are reused
    /// and changed ones loaded again).
    ///
    /// - Returns: A new builder with an empty cache.
    static func standard() -> ChainBuilder {
        ChainBuilder(
            registry: .builtIn,
            models: ModelCache(source: FileModelSource(folders: ModelFolders.standard()))
        )
    }
}
