import CLectorSystem
import Glibc

/// The system calls the spool needs, with byte paths and typed `Errno` errors.
///
/// Every call retries `EINTR`. Descriptors are opened with `O_CLOEXEC` so exec plugins do
/// not inherit them.
public enum SystemCalls {
    /// What `lstat` says about a path.
    public enum FileKind: Sendable, Equatable {
        /// A regular file.
        case regular
        /// A directory.
        case directory
        /// A symbolic link (never followed).
        case symbolicLink
        /// A FIFO, socket or device.
        case other
    }

    /// A file's kind, size and modification time, without following symlinks.
    public struct FileStatus: Sendable, Equatable {
        /// The kind.
        public var kind: FileKind
        /// The size in bytes.
        public var size: Int
        /// The modification time, nanoseconds since the epoch (exact, for comparing stamps).
        public var modifiedNanoseconds: Int64
        /// The modification time, seconds since the epoch.
        public var modified: Double { Double(modifiedNanoseconds) / 1e9 }
        /// The modification time in whole seconds since the epoch.
        public var modifiedSeconds: Int64 { modifiedNanoseconds / 1_000_000_000 }
        /// How many names the file has (hard links).
        public var links: Int = 1
        /// The mode: the file type bits (`S_IFMT`) and the permission bits.
        public var mode: UInt32 = UInt32(S_IFREG) | 0o644
        /// The file system's device number and the file's inode: together, which file it is,
        /// whatever name reached it.
        public var identity = FileIdentity(device: 0, inode: 0)
    }

    /// Which file a name reaches: its device and inode numbers.
    public struct FileIdentity: Sendable, Hashable {
        /// `st_dev`.
        public var device: UInt64
        /// `st_ino`.
        public var inode: UInt64
    }

    /// `lstat(2)`.
    ///
    /// - Parameter path: The path.
    /// - Returns: The status.
    /// - Throws: ``Errno``.
    public static func status(_ path: FilePath) throws(Errno) -> FileStatus {
        var info = stat()
        let result = path.withCString { lstat($0, &info) }
        guard result == 0 else { throw Errno.current }
        return makeStatus(info)
    }

    /// `stat(2)`: like ``status(_:)`` but following symlinks.
    ///
    /// - Parameter path: The path.
    /// - Returns: The status of the file the path leads to.
    /// - Throws: ``Errno``.
    public static func statusFollowingLinks(_ path: FilePath) throws(Errno) -> FileStatus {
        var info = stat()
        let result = path.withCString { stat($0, &info) }
        guard result == 0 else { throw Errno.current }
        return makeStatus(info)
    }

    /// `fstat(2)`.
    ///
    /// - Parameter descriptor: An open descriptor.
    /// - Returns: The status.
    /// - Throws: ``Errno``.
    public static func status(descriptor: Int32) throws(Errno) -> FileStatus {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Errno.current }
        return makeStatus(info)
    }

    /// `seconds` and `nanoseconds` as nanoseconds, clamped to Int64 (a file dated past 2262,
    /// `touch -d 2300-01-01`, must not trap).
    static func nanoseconds(seconds: Int64, plus nanoseconds: Int64) -> Int64 {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (total, carry) = scaled.addingReportingOverflow(nanoseconds)
        return carry ? .max : total
    }

    private static func makeStatus(_ info: stat) -> FileStatus {
        let kind: FileKind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        return FileStatus(
            kind: kind,
            size: Int(info.st_size),
            modifiedNanoseconds: nanoseconds(seconds: Int64(info.st_mtim.tv_sec), plus: Int64(info.st_mtim.tv_nsec)),
            links: Int(info.st_nlink),
            mode: UInt32(info.st_mode),
            identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        )
    }

    /// `open(2)` with `O_CLOEXEC` added.
    ///
    /// - Parameters:
    ///   - path: The path.
    ///   - flags: `O_*` flags.
    ///   - mode: The mode for a created file.
    /// - Returns: The descriptor.
    /// - Throws: ``Errno``.
    public static func open(_ path: FilePath, _ flags: Int32, mode: UInt32 = 0o644) throws(Errno) -> Int32 {
        while true {
            let descriptor = path.withCString { Glibc.open($0, flags | O_CLOEXEC, mode_t(mode)) }
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw Errno.current }
        }
    }

    /// Reads a whole open file, refusing more than `limit` bytes.
    ///
    /// - Parameters:
    ///   - descriptor: An open descriptor.
    ///   - limit: The most bytes to accept.
    ///   - expected: The size `fstat` gave, if known: the buffer is sized for it at once, so
    ///     a 20 MB model is not copied through a growing array.
    /// - Returns: The bytes, or `nil` when the file holds more than `limit`.
    /// - Throws: ``Errno``.
    public static func readAll(_ descriptor: Int32, limit: Int, expected: Int = 0) throws(Errno) -> [UInt8]? {
        let bytes = try read(descriptor, upTo: limit < Int.max ? limit + 1 : limit, expected: expected)
        return bytes.count > limit ? nil : bytes
    }

    /// Reads from an open file until its end or until `limit` bytes, whichever comes first.
    ///
    /// - Parameters:
    ///   - descriptor: An open descriptor.
    ///   - limit: The most bytes to read.
    ///   - expected: How many bytes are likely, to size the buffer once; 0 when unknown.
    /// - Returns: The bytes read.
    /// - Throws: ``Errno``.
    public static func read(_ descriptor: Int32, upTo limit: Int, expected: Int = 0) throws(Errno) -> [UInt8] {
        var bytes: [UInt8] = []
        if expected > 0 { bytes.reserveCapacity(min(expected + 1, limit)) }
        var chunk = [UInt8](repeating: 0, count: min(65_536, max(limit, 1)))
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Errno.current
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Writes every byte, retrying short writes; a descriptor opened non-blocking (a pipe
    /// some process managers hand over as standard output) is waited on with `poll`.
    ///
    /// - Parameters:
    ///   - descriptor: An open descriptor.
    ///   - bytes: The bytes.
    /// - Throws: ``Errno``.
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                guard errno == EAGAIN || errno == EWOULDBLOCK else { throw Errno.current }
                try waitUntilReady(descriptor, for: Int16(POLLOUT))
                continue
            }
            offset += written
        }
    }

    /// Waits until a non-blocking descriptor can be read or written (`POLLIN`, `POLLOUT`);
    /// a hang-up or error returns too, for the next `read` or `write` to report.
    ///
    /// - Parameters:
    ///   - descriptor: The descriptor.
    ///   - events: What to wait for.
    /// - Throws: ``Errno`` when `poll` itself fails (other than `EINTR`).
    public static func waitUntilReady(_ descriptor: Int32, for events: Int16) throws(Errno) {
        var waiting = pollfd(fd: descriptor, events: events, revents: 0)
        while poll(&waiting, 1, -1) < 0 {
            if errno != EINTR { throw Errno.current }
        }
    }

    /// Creates a new file (`O_EXCL`) holding `bytes`, fsynced unless told otherwise; on any
    /// error after creating it, the file is removed.
    ///
    /// - Parameters:
    ///   - bytes: The contents.
    ///   - path: The new file (a temp name that the caller renames into place).
    ///   - sync: Whether to fsync it.
    /// - Throws: `Errno` (`EEXIST` when the name is taken, `ENOENT` when the folder is gone).
    public static func writeFile(_ bytes: [UInt8], at path: FilePath, sync: Bool = true) throws(Errno) {
        let descriptor = try open(path, O_WRONLY | O_CREAT | O_EXCL, mode: 0o644)
        do {
            defer { close(descriptor) }
            try writeAll(descriptor, bytes)
            if sync { try Self.sync(descriptor) }
        } catch {
            try? remove(path)
            throw error
        }
    }

    /// Renames a written temporary file to its final name (with `replace: false`, only
    /// when that name is free), removes it when the rename fails, then fsyncs the folder
    /// when `syncFolder`: the second half of every atomic write.
    ///
    /// - Parameters:
    ///   - temporary: The written file.
    ///   - target: Its final path, in the same folder.
    ///   - replace: Whether an existing file at `target` is replaced (else `EEXIST`).
    ///   - syncFolder: Whether to fsync the folder so the new name is durable.
    /// - Throws: `Errno`; no temporary file is left behind.
    public static func moveIntoPlace(
        _ temporary: FilePath,
        _ target: FilePath,
        replace: Bool = true,
        syncFolder: Bool = true
    ) throws(Errno) {
        do {
            if replace {
                try rename(temporary, target)
            } else {
                try renameNoReplace(temporary, target)
            }
        } catch {
            try? remove(temporary)
            throw error
        }
        if syncFolder { try syncDirectory(target.folderAndName.folder) }
    }

    /// `fsync(2)`.
    ///
    /// - Parameter descriptor: An open descriptor.
    /// - Throws: ``Errno``.
    public static func sync(_ descriptor: Int32) throws(Errno) {
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw Errno.current }
        }
    }

    /// Opens a directory and fsyncs it, so a rename into it survives a crash.
    ///
    /// - Parameter directory: The directory.
    /// - Throws: ``Errno``.
    public static func syncDirectory(_ directory: FilePath) throws(Errno) {
        let descriptor = try open(directory, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        try sync(descriptor)
    }

    /// `rename(2)`.
    ///
    /// - Parameters:
    ///   - source: The old path.
    ///   - target: The new path (replaced if it exists).
    /// - Throws: ``Errno``.
    public static func rename(_ source: FilePath, _ target: FilePath) throws(Errno) {
        let result = source.withCString { from in target.withCString { to in Glibc.rename(from, to) } }
        guard result == 0 else { throw Errno.current }
    }

    /// `renameat2(RENAME_NOREPLACE)`: renames only when the target does not exist.
    ///
    /// - Parameters:
    ///   - source: The old path.
    ///   - target: The new path.
    /// - Throws: ``Errno`` (`EEXIST` when the target exists).
    public static func renameNoReplace(_ source: FilePath, _ target: FilePath) throws(Errno) {
        let result = source.withCString { from in
            target.withCString { to in
                lector_rename_noreplace(from, to)
            }
        }
        guard result == 0 else { throw Errno.current }
    }

    /// `unlink(2)`; a missing file is not an error.
    ///
    /// - Parameter path: The path.
    /// - Throws: ``Errno`` other than `ENOENT`.
    public static func remove(_ path: FilePath) throws(Errno) {
        if path.withCString({ unlink($0) }) != 0, errno != ENOENT { throw Errno.current }
    }

    /// `rmdir(2)`; a missing directory is not an error.
    ///
    /// - Parameter path: The path.
    /// - Throws: ``Errno`` other than `ENOENT`.
    public static func removeDirectory(_ path: FilePath) throws(Errno) {
        if path.withCString({ rmdir($0) }) != 0, errno != ENOENT { throw Errno.current }
    }

    /// Creates a directory and its missing parents; an existing directory is fine.
    ///
    /// - Parameters:
    ///   - path: The directory.
    ///   - mode: The mode for created directories.
    /// - Throws: ``Errno``.
    public static func makeDirectories(_ path: FilePath, mode: UInt32 = 0o755) throws(Errno) {
        var prefix: [UInt8] = []
        let parts = path.bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        if path.bytes.first == UInt8(ascii: "/") { prefix.append(UInt8(ascii: "/")) }
        for part in parts {
            prefix.append(contentsOf: part)
            let current = FilePath(bytes: prefix)
            if current.withCString({ mkdir($0, mode_t(mode)) }) != 0, errno != EEXIST { throw Errno.current }
            prefix.append(UInt8(ascii: "/"))
        }
        guard try status(path).kind == .directory else { throw Errno.notDirectory }
    }

    /// The names in a directory (not `.` or `..`), with their kinds when the file system
    /// reports them (else `nil`: call ``status(_:)``).
    ///
    /// - Parameter directory: The directory.
    /// - Returns: The entries, in directory order.
    /// - Throws: ``Errno``.
    public static func list(_ directory: FilePath) throws(Errno) -> [(name: FileName, kind: FileKind?)] {
        guard let handle = directory.withCString({ opendir($0) }) else { throw Errno.current }
        defer { closedir(handle) }
        var entries: [(FileName, FileKind?)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            let kind: FileKind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .regular
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = nil
            default: kind = .other
            }
            entries.append((FileName(bytes: name), kind))
        }
        return entries
    }

    /// Takes an exclusive `flock` without waiting.
    ///
    /// - Parameter descriptor: An open descriptor.
    /// - Returns: `true` when the lock was taken, `false` when another process holds it.
    /// - Throws: ``Errno`` for other failures.
    public static func tryLock(_ descriptor: Int32) throws(Errno) -> Bool {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw Errno.current
        }
        return true
    }

    /// Free bytes available to unprivileged users on the file system holding `path`.
    ///
    /// - Parameter path: Any path on the file system.
    /// - Returns: The free bytes.
    /// - Throws: ``Errno``.
    public static func freeBytes(_ path: FilePath) throws(Errno) -> Int {
        var info = statvfs()
        guard path.withCString({ statvfs($0, &info) }) == 0 else { throw Errno.current }
        let free = Double(info.f_bavail) * Double(info.f_frsize)
        return free > Double(Int.max) ? Int.max : Int(free)
    }
}
