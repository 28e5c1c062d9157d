/// The contents of one model file and which version it is.
public struct ModelFile: Sendable {
    /// The file's bytes.
    public var bytes: [UInt8]
    /// Where it was found, its size and modification time.
    public var stamp: ModelStamp
    /// Its name and content hash, as `processing` records it.
    public var version: ModelVersion

    /// Wraps a file's contents, hashing them for its ``version``.
    ///
    /// - Parameters:
    ///   - relativePath: The path inside the models folder, e.g. `sentiment/lexicon.tsv`.
    ///   - bytes: The contents.
    ///   - stamp: Where it was found, its size and modification time.
    public init(relativePath: String, bytes: [UInt8], stamp: ModelStamp) {
        self.bytes = bytes
        self.stamp = stamp
        self.version = ModelVersion(path: relativePath, sha256: SHA256.hex(bytes))
    }
}

/// Which version of a model file made an output: its path inside the models folder and the
/// SHA-256 of its contents.
///
/// `processing.steps[].models` lists each as ``description``,
/// `sentiment/lexicon.tsv@sha256:1a2b3c4d5e6f` (the first 12 hex digits of the hash).
public struct ModelVersion: Sendable, Hashable, CustomStringConvertible {
    /// The path inside the models folder.
    public var path: String {
        didSet { description = Self.described(path: path, sha256: sha256) }
    }
    /// The SHA-256 of the contents, 64 lowercase hex digits.
    public var sha256: String {
        didSet { description = Self.described(path: path, sha256: sha256) }
    }
    /// `PATH@sha256:` and the first 12 hex digits of the hash. Made once, not per output.
    public private(set) var description: String

    /// Creates a version.
    ///
    /// - Parameters:
    ///   - path: The path inside the models folder.
    ///   - sha256: The contents' SHA-256 in hex.
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
        description = Self.described(path: path, sha256: sha256)
    }

    private static func described(path: String, sha256: String) -> String {
        "\(path)@sha256:\(sha256.prefix(12))"
    }
}
