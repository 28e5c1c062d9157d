import Glibc
public import LectorCore

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
            var info = stat()
            guard stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, R_OK) == 0 else {
                continue
            }
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            return ModelStamp(location: candidate, size: Int(info.st_size), modified: modified)
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
        let descriptor = open(found.location, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ProcessorError(.unavailable, "cannot open model file \(found.location)") }
        defer { close(descriptor) }
        // Stamp the file as opened, so that a copy landing meanwhile is seen at the next load.
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw ProcessorError(.unavailable, "cannot read model file \(found.location)")
        }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + offset }, size - offset)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw ProcessorError(.unavailable, "cannot read model file \(found.location)") }
            offset += count
        }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return ModelFile(
            relativePath: relativePath,
            bytes: bytes,
            stamp: ModelStamp(location: found.location, size: size, modified: modified)
        )
    }
}
