import Glibc

extension Errno {
    /// The file is larger than the caller accepts (`EFBIG`).
    public static let fileTooLarge = Errno(EFBIG)
    /// Not a file that can be read whole: a FIFO, socket or device (`EINVAL`).
    public static let invalidArgument = Errno(EINVAL)
}

extension SystemCalls {
    /// Reads a whole regular file: the one way Lector reads a file it was named (config,
    /// documents for the one-shot commands, evaluation data, models).
    ///
    /// The file is opened without blocking (a FIFO never hangs the caller), checked with
    /// `fstat`, and refused before reading when it is larger than `limit`; a file that grows
    /// past `limit` while it is read is refused too.
    ///
    /// - Parameters:
    ///   - path: The file; symlinks are followed.
    ///   - limit: The most bytes to accept.
    /// - Returns: The bytes.
    /// - Throws: ``Errno``: `ENOENT`/`ENOTDIR` when it is missing, ``Errno/isDirectory``
    ///   for a folder, ``Errno/invalidArgument`` for another non-regular file,
    ///   ``Errno/fileTooLarge`` when it holds more than `limit` bytes, or what `open` and
    ///   `read` report.
    public static func readFile(_ path: FilePath, limit: Int = .max) throws(Errno) -> [UInt8] {
        try readFileAndStatus(path, limit: limit).bytes
    }

    /// Reads a whole regular file as ``readFile(_:limit:)`` does, with its status as opened.
    ///
    /// - Parameters:
    ///   - path: The file; symlinks are followed.
    ///   - limit: The most bytes to accept.
    /// - Returns: The bytes, and the file's `fstat` taken before reading.
    /// - Throws: ``Errno``, as ``readFile(_:limit:)``.
    public static func readFileAndStatus(
        _ path: FilePath,
        limit: Int = .max
    ) throws(Errno) -> (bytes: [UInt8], status: FileStatus) {
        let descriptor = try open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        defer { close(descriptor) }
        let info = try status(descriptor: descriptor)
        switch info.kind {
        case .regular: break
        case .directory: throw Errno.isDirectory
        case .symbolicLink, .other: throw Errno.invalidArgument
        }
        guard info.size <= limit else { throw Errno.fileTooLarge }
        guard let bytes = try readAll(descriptor, limit: limit, expected: info.size) else { throw Errno.fileTooLarge }
        return (bytes, info)
    }

    /// Writes `bytes` to `target` atomically, so that readers see the old file or the new
    /// one and never half of one: a new temporary file in the same folder, fsync, rename
    /// onto `target`, fsync of the folder. The one atomic writer, used by the spool and the
    /// one-shot commands. (The spool's batched outputs write temporaries and commit them
    /// with one `syncfs` instead.)
    ///
    /// - Parameters:
    ///   - bytes: The contents.
    ///   - target: The final path.
    ///   - temporary: The temporary file's name in the target's folder; by default
    ///     `.lector-RANDOM.tmp`, which no other writer uses. The name must be free.
    ///   - replace: Whether an existing file at `target` is replaced (else `EEXIST` and
    ///     nothing is written).
    ///   - sync: Whether to fsync the file and the folder (`false` for files that may be
    ///     lost in a crash, such as metrics).
    /// - Throws: ``Errno``; no temporary file is left behind.
    public static func writeAtomically(
        _ bytes: [UInt8],
        to target: FilePath,
        temporary: FileName? = nil,
        replace: Bool = true,
        sync: Bool = true
    ) throws(Errno) {
        let name = temporary ?? FileName(".lector-\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).tmp")
        let temporaryPath = target.folderAndName.folder.appending(name)
        try writeFile(bytes, at: temporaryPath, sync: sync)
        try moveIntoPlace(temporaryPath, target, replace: replace, syncFolder: sync)
    }
}
