import CLectorSystem
import Glibc

extension SystemCalls {
    /// What a file newly created in a folder is: its owner, group, permission bits and file
    /// system. A file reused in place of a new one (see ``prepareForReuse(_:as:)``) must
    /// match it.
    public struct NewFileIdentity: Sendable, Equatable {
        /// The owner.
        public var owner: UInt32
        /// The group (the folder's when it is set-group-ID or mounted `grpid`).
        public var group: UInt32
        /// The permission bits ``writeFile(_:at:sync:)`` gives a file there (umask applied).
        public var permissions: UInt32
        /// The folder's file system (`st_dev`).
        public var device: UInt64
        /// The largest file reused: a bigger one would keep more disk space than it saves.
        public var maximumSize: Int
    }

    /// Learns what a new file in `folder` is by creating one as ``writeFile(_:at:sync:)``
    /// would, and checks that a file can be renamed into `folder` from `source` (a bind
    /// mount, a quota project or an encryption policy makes that fail with `EXDEV` on one
    /// file system). Both probe files are removed.
    ///
    /// - Parameters:
    ///   - folder: Where new files go (the outbox).
    ///   - source: Where reused files wait until renamed into `folder`.
    ///   - probe: A name no other file uses.
    ///   - maximumSize: The largest file to reuse.
    /// - Returns: The identity, or `nil` when files cannot be reused there: the new file got
    ///   an extended attribute (a default ACL, a security label), or the rename failed.
    public static func newFileIdentity(
        in folder: FilePath,
        reusingFrom source: FilePath,
        probe: FileName,
        maximumSize: Int
    ) -> NewFileIdentity? {
        let created = folder.appending(probe)
        guard (try? writeFile([], at: created, sync: false)) != nil else { return nil }
        defer { try? remove(created) }
        guard let descriptor = try? open(created, O_RDONLY | O_NOFOLLOW) else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, lector_xattr_names_size(descriptor) == 0 else { return nil }
        let waiting = source.appending(probe)
        let arrived = folder.appending(FileName(bytes: probe.bytes + Array(".moved".utf8)))
        guard (try? writeFile([], at: waiting, sync: false)) != nil else { return nil }
        guard (try? renameNoReplace(waiting, arrived)) != nil else {
            try? remove(waiting)
            return nil
        }
        try? remove(arrived)
        return NewFileIdentity(
            owner: info.st_uid,
            group: info.st_gid,
            permissions: UInt32(info.st_mode) & 0o7777,
            device: UInt64(info.st_dev),
            maximumSize: maximumSize
        )
    }

    /// Checks that the file at `path` can stand in for a newly created file, and gives it the
    /// new file's permissions: it must be a regular file with a single name, owned by
    /// `identity`'s owner and group on its file system, no larger than its maximum size,
    /// without extended attributes (no ACL, no security label), and open in no process (a
    /// write lease is granted, and dropped at once). Anything else — including a file
    /// system without leases — says no.
    ///
    /// - Parameters:
    ///   - path: The file (symlinks are not followed).
    ///   - identity: What a new file would be.
    /// - Returns: The file's size when it may be reused (its permissions are then
    ///   `identity.permissions`), else `nil`.
    public static func prepareForReuse(_ path: FilePath, as identity: NewFileIdentity) -> Int? {
        guard let descriptor = try? open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY) else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1,
            info.st_uid == identity.owner, info.st_gid == identity.group, UInt64(info.st_dev) == identity.device,
            info.st_size <= identity.maximumSize, lector_xattr_names_size(descriptor) == 0
        else { return nil }
        guard takesLease(descriptor, F_WRLCK) else { return nil }
        if info.st_mode & 0o7777 != identity.permissions {
            guard fchmod(descriptor, identity.permissions) == 0 else { return nil }
        }
        return Int(info.st_size)
    }

    /// Replaces the contents of an existing file: writes `bytes` from its start and cuts it to
    /// their length, without fsync. Overwriting blocks the file already has needs no new
    /// inode and no block allocation for them.
    ///
    /// - Parameters:
    ///   - bytes: The new contents.
    ///   - path: The file (symlinks are not followed).
    ///   - size: The file's size before, when known: no longer than `bytes` (an article's
    ///     output is longer than the article), it leaves nothing to cut, and the `ftruncate`
    ///     is not made.
    /// - Throws: ``Errno``; the file may then hold anything, and the caller removes it.
    public static func overwriteFile(_ bytes: [UInt8], at path: FilePath, size: Int? = nil) throws(Errno) {
        let descriptor = try open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        defer { close(descriptor) }
        try writeAll(descriptor, bytes)
        if let size, size <= bytes.count { return }
        while ftruncate(descriptor, off_t(bytes.count)) != 0 {
            if errno != EINTR { throw Errno.current }
        }
    }
}
