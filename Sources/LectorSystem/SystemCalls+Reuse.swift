import CLectorSystem
import Glibc

extension SystemCalls {
    /// What a file newly created in a folder would be: its owner, group, permission bits and
    /// file system. A file that is reused in place of a new one (see
    /// ``prepareForReuse(_:as:)``) must match it.
    public struct NewFileIdentity: Sendable, Equatable {
        /// The owner: this process's effective uid.
        public var owner: UInt32
        /// The group: the folder's when it is set-group-ID, else this process's effective gid.
        public var group: UInt32
        /// `0o644` less the process's umask, as ``writeFile(_:at:sync:)`` creates files.
        public var permissions: UInt32
        /// The folder's file system (`st_dev`).
        public var device: UInt64
    }

    /// The identity of a file that ``writeFile(_:at:sync:)`` would create in `folder` now.
    ///
    /// - Parameter folder: The folder.
    /// - Returns: The identity.
    /// - Throws: ``Errno`` when the folder cannot be examined.
    public static func newFileIdentity(in folder: FilePath) throws(Errno) -> NewFileIdentity {
        let info = try rawStatus(folder)
        let group = info.st_mode & S_ISGID != 0 ? info.st_gid : getegid()
        return NewFileIdentity(
            owner: geteuid(),
            group: group,
            permissions: 0o644 & ~fileCreationMask(),
            device: UInt64(info.st_dev)
        )
    }

    /// The file system (`st_dev`) that holds `path`.
    ///
    /// - Parameter path: Any path (symlinks are not followed).
    /// - Returns: The device number.
    /// - Throws: ``Errno``.
    public static func device(of path: FilePath) throws(Errno) -> UInt64 {
        UInt64(try rawStatus(path).st_dev)
    }

    /// Checks that the file at `path` can stand in for a newly created file, and gives it the
    /// new file's permissions: it must be a regular file with a single name, owned by
    /// `identity`'s owner and group on its file system, without extended attributes (no
    /// ACL, no security label), and open in no process (a write lease is granted, and
    /// dropped at once). Anything else — including a file system without leases — says no.
    ///
    /// - Parameters:
    ///   - path: The file (symlinks are not followed).
    ///   - identity: What a new file would be.
    /// - Returns: Whether the file may be reused; when `true`, its permissions are
    ///   `identity.permissions`.
    public static func prepareForReuse(_ path: FilePath, as identity: NewFileIdentity) -> Bool {
        guard let descriptor = try? open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY) else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1,
            info.st_uid == identity.owner, info.st_gid == identity.group, UInt64(info.st_dev) == identity.device,
            lector_xattr_names_size(descriptor) == 0
        else { return false }
        // F_SETLEASE (1024, see isOpenForWriting): a write lease is refused while any other
        // open file description of the file exists, for reading or writing.
        let setLease: Int32 = 1024
        guard fcntl(descriptor, setLease, F_WRLCK) == 0 else { return false }
        _ = fcntl(descriptor, setLease, F_UNLCK)
        if info.st_mode & 0o7777 != identity.permissions {
            guard fchmod(descriptor, identity.permissions) == 0 else { return false }
        }
        return true
    }

    /// Replaces the contents of an existing file: writes `bytes` from its start and cuts it to
    /// their length, without fsync. Overwriting blocks the file already has needs no new
    /// inode and no block allocation for them.
    ///
    /// - Parameters:
    ///   - bytes: The new contents.
    ///   - path: The file (symlinks are not followed).
    /// - Throws: ``Errno``; the file may then hold anything, and the caller removes it.
    public static func overwriteFile(_ bytes: [UInt8], at path: FilePath) throws(Errno) {
        let descriptor = try open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        defer { close(descriptor) }
        try writeAll(descriptor, bytes)
        while ftruncate(descriptor, off_t(bytes.count)) != 0 {
            if errno != EINTR { throw Errno.current }
        }
    }

    /// The process's umask, read from `/proc/self/status` (setting and restoring it with
    /// `umask(2)` would race with other threads creating files).
    ///
    /// - Returns: The mask; `0o022` when it cannot be read.
    public static func fileCreationMask() -> UInt32 {
        guard let status = try? readFile(FilePath("/proc/self/status"), limit: 1 << 16) else { return 0o022 }
        for line in status.split(separator: UInt8(ascii: "\n")) where line.starts(with: Array("Umask:".utf8)) {
            let digits = line.dropFirst(6).filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            if let mask = UInt32(String(decoding: digits, as: UTF8.self), radix: 8) { return mask }
        }
        return 0o022
    }

    private static func rawStatus(_ path: FilePath) throws(Errno) -> stat {
        var info = stat()
        guard path.withCString({ lstat($0, &info) }) == 0 else { throw Errno.current }
        return info
    }
}
