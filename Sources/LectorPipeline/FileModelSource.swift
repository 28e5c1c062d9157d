import Glibc
public import LectorCore
import LectorSystem

/// Model files read from folders on disk, the first folder that has a file winning.
///
/// The folders are passed in; the `lector` executable resolves them (`$LECTOR_MODELS`,
/// `PREFIX/share/lector/models`, the source tree's `Models/`). Nothing is cached here:
/// each call looks at the disk, and a ``ModelCache`` above decides what to keep.
public struct FileModelSource: ModelSource, CustomStringConvertible {
    /// The folders searched, in order.
    public let folders: [String]

    /// Creates a source over folders.
    ///
    /// - Parameter folders: The folders to search, in order.
    public init(folders: [String]) {
        self.folders = folders
    }

    /// The folders, comma-separated, for messages.
    public var description: String { folders.joined(separator: ", ") }

    /// Where a file is, its size and modification time, from the first folder that has it.
    ///
    /// - Parameter relativePath: The path inside the models folder.
    /// - Returns: The stamp, or `nil` when no folder has a readable regular file there.
    public func stamp(_ relativePath: String) -> ModelStamp? {
        for folder in folders {
            let candidate = folder + "/" + relativePath
            guard let info = try? SystemCalls.statusFollowingLinks(FilePath(candidate)), info.kind == .regular,
                access(candidate, R_OK) == 0
            else { continue }
            return Self.stamp(candidate, info)
        }
        return nil
    }

    /// Reads a file from the first folder that has it.
    ///
    /// - Parameter relativePath: The path inside the models folder.
    /// - Returns: The file's bytes, stamp and version.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when no folder has
    ///   it, naming the folders searched, or when it cannot be read.
    public func model(_ relativePath: String) throws -> ModelFile {
        guard let found = stamp(relativePath) else {
            throw ProcessorError(
                .unavailable,
                "model file '\(relativePath)' not found in \(description) (set LECTOR_MODELS)"
            )
        }
        let (bytes, info): ([UInt8], SystemCalls.FileStatus)
        do {
            // Stamped as read, so that a copy landing meanwhile is seen at the next load.
            (bytes, info) = try SystemCalls.readFileAndStatus(FilePath(found.location))
        } catch {
            throw ProcessorError(.unavailable, "cannot read model file \(found.location): \(error)")
        }
        return ModelFile(
            relativePath: relativePath,
            bytes: bytes,
            stamp: Self.stamp(found.location, info)
        )
    }

    /// A file's stamp: where it is, its size and its modification time in nanoseconds.
    private static func stamp(_ location: String, _ info: SystemCalls.FileStatus) -> ModelStamp {
        ModelStamp(location: location, size: info.size, modified: info.modifiedNanoseconds)
    }
}
