import Synchronization

/// Decoded models, kept for as long as their files are unchanged, and shared by every chain
/// built with this cache.
///
/// The chain builder holds one cache (the daemon keeps it across reloads) and passes it to
/// each factory through ``ProcessorOptions/models``. A factory asks for a model by its files
/// and says how to decode them; the cache returns the model it decoded before when every file
/// has the same size and modification time, or — after a copy that touched the files
/// without changing them — the same SHA-256. Otherwise it decodes the files again, so a
/// reload after `make install` of new models uses them. Nothing here is process-wide: a
/// cache lives as long as whoever holds it.
///
/// Same size and modification time are taken as "unchanged" without reading the file, as
/// `make` and `rsync` do, so a reload does not re-read and hash ~150 MB of models. A file
/// rewritten with a different content but the same size *and* its old modification time
/// (`cp -p`, `install -p` of a same-size file) is therefore not seen; `touch` it, or install
/// without keeping times (as `make install` does).
///
/// ```swift
/// let lexicon = try options.models.load(["sentiment/lexicon.tsv"]) { files in
///     try SentimentLexicon(parsing: files[0].bytes)
/// }
/// ```
public final class ModelCache: Sendable {
    /// Where the files come from.
    public let source: any ModelSource

    private struct Entry: Sendable {
        var stamps: [ModelStamp]
        var versions: [ModelVersion]
        var value: any Sendable
        /// Whether a load asked for it since the last ``ModelCache/trim()``.
        var used: Bool
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Creates an empty cache over a source.
    ///
    /// - Parameter source: Where model files are read from.
    public init(source: any ModelSource) {
        self.source = source
    }

    /// Whether the source has a file (for optional model files).
    ///
    /// - Parameter relativePath: The path inside the models folder.
    /// - Returns: `true` when a folder has it.
    public func contains(_ relativePath: String) -> Bool {
        source.stamp(relativePath) != nil
    }

    /// A model decoded from one or more files: the one decoded before when the files are
    /// unchanged, else a new one.
    ///
    /// Models are keyed by their files and their type, so the same file decoded into two
    /// types is two entries. Two threads loading the same changed model at once may both
    /// decode it; the lock is never held while reading or decoding.
    ///
    /// - Parameters:
    ///   - paths: The files, inside the models folder, in the order `decode` wants them.
    ///   - type: The model's type.
    ///   - decode: Makes the model from the files' contents.
    /// - Returns: The model and the versions of the files it came from.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when a file is
    ///   missing or unreadable, or what `decode` throws; nothing is cached then.
    public func load<Model: Sendable>(
        _ paths: [String],
        as type: Model.Type = Model.self,
        decode: ([ModelFile]) throws -> Model
    ) throws -> LoadedModel<Model> {
        let key = String(reflecting: Model.self) + ":" + paths.joined(separator: ",")
        let stamps = paths.map { source.stamp($0) }
        let cached = entries.withLock { entries in
            entries[key]?.used = true
            return entries[key]
        }
        if let cached, cached.stamps.map(Optional.some) == stamps, let value = cached.value as? Model {
            return LoadedModel(value: value, versions: cached.versions)
        }
        let files = try paths.map { try source.model($0) }
        let versions = files.map(\.version)
        let value: Model
        if let cached, cached.versions == versions, let same = cached.value as? Model {
            value = same
        } else {
            value = try decode(files)
        }
        let entry = Entry(stamps: files.map(\.stamp), versions: versions, value: value, used: true)
        entries.withLock { $0[key] = entry }
        return LoadedModel(value: value, versions: versions)
    }

    /// Drops the models no load asked for since the last trim, and starts counting again.
    ///
    /// The chain builder calls it after each chain it built, so that models the new
    /// configuration no longer uses (a language taken out of `entities`) are not kept for the
    /// life of the daemon. Chains still running keep their own models: a dropped one is only
    /// decoded again if asked for later.
    ///
    /// - Returns: How many models were dropped.
    @discardableResult
    public func trim() -> Int {
        entries.withLock { entries in
            let before = entries.count
            entries = entries.filter(\.value.used)
            for key in entries.keys { entries[key]?.used = false }
            return before - entries.count
        }
    }

    /// How many decoded models the cache holds.
    public var count: Int { entries.withLock { $0.count } }
}

/// A model and the versions of the files it was decoded from.
public struct LoadedModel<Model: Sendable>: Sendable {
    /// The decoded model.
    public var value: Model
    /// The files it came from, in the order they were asked for.
    public var versions: [ModelVersion]

    /// Creates a loaded model.
    ///
    /// - Parameters:
    ///   - value: The model.
    ///   - versions: Its files' versions.
    public init(value: Model, versions: [ModelVersion]) {
        self.value = value
        self.versions = versions
    }
}
