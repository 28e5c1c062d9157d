/// Where processors get their model files: trained weights, n-gram tables, lexicons.
///
/// The core holds only this protocol; reading files is the job of an implementation outside
/// it (the `lector` executable passes a file-system source over the folders it resolved:
/// `$LECTOR_MODELS`, `PREFIX/share/lector/models`, the source tree's `Models/`). Tests pass
/// a source over a temporary folder, or an in-memory one.
///
/// Processors do not call a source directly: they load through a ``ModelCache``, which
/// keeps a decoded model for as long as its files are unchanged.
public protocol ModelSource: Sendable {
    /// Where a model file is and when it last changed, without reading it.
    ///
    /// - Parameter relativePath: The path inside the models folder, e.g. `language/words.bin`.
    /// - Returns: The file's stamp, or `nil` when no folder has it.
    func stamp(_ relativePath: String) -> ModelStamp?

    /// Reads a model file.
    ///
    /// - Parameter relativePath: The path inside the models folder.
    /// - Returns: The file's bytes and identity.
    /// - Throws: ``ProcessorError`` with code ``ProcessorError/Code/unavailable`` when the
    ///   file is missing or unreadable, naming where it was looked for.
    func model(_ relativePath: String) throws -> ModelFile
}

/// Where a model file is, its size and its modification time: enough to tell, without
/// reading it, that a file is unchanged.
public struct ModelStamp: Sendable, Hashable {
    /// Where the file was found (for a file-system source, its absolute path).
    public var location: String
    /// Its size in bytes.
    public var size: Int
    /// Its modification time, in nanoseconds since the epoch.
    public var modified: Int64

    /// Creates a stamp.
    ///
    /// - Parameters:
    ///   - location: Where the file is.
    ///   - size: Its size in bytes.
    ///   - modified: Its modification time in nanoseconds since the epoch.
    public init(location: String, size: Int, modified: Int64) {
        self.location = location
        self.size = size
        self.modified = modified
    }
}

/// A source that has no model files: every read fails with a message saying so.
///
/// The default of ``ProcessorOptions/models`` until the chain builder passes its cache, so
/// a processor that needs models and was given none says why.
public struct NoModelSource: ModelSource {
    /// Creates the source.
    public init() {}

    /// Always `nil`.
    ///
    /// - Parameter relativePath: Ignored.
    /// - Returns: `nil`.
    public func stamp(_ relativePath: String) -> ModelStamp? { nil }

    /// Always throws.
    ///
    /// - Parameter relativePath: The file asked for.
    /// - Returns: Never.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``).
    public func model(_ relativePath: String) throws -> ModelFile {
        throw ProcessorError(.unavailable, "model file '\(relativePath)' asked for, but no model folder was given")
    }
}
