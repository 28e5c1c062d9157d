import CLectorSystem
import Glibc

extension SystemCalls {
    /// Whether any process has the regular file at `path` open for writing, asked with a
    /// read lease (`F_SETLEASE`, `F_RDLCK`), which the kernel refuses with `EAGAIN` while a
    /// writer holds the file. The lease is dropped at once.
    ///
    /// Taking a lease needs the file's owner or `CAP_LEASE` (the systemd unit grants it);
    /// a lease break in the microseconds it is held sends `SIGIO`, which the daemon ignores.
    ///
    /// - Parameter path: A regular file (symlinks are not followed).
    /// - Returns: `true` when a writer has it open, `false` when none has, `nil` when the
    ///   kernel would not say (no permission, or a file system without leases).
    public static func isOpenForWriting(_ path: FilePath) -> Bool? {
        guard let descriptor = try? open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY) else { return nil }
        defer { close(descriptor) }
        if takesLease(descriptor, F_RDLCK) { return false }
        return errno == EAGAIN ? true : nil
    }

    /// Takes a lease (`F_SETLEASE`) of the given type on an open file and drops it at once:
    /// whether the kernel granted it. A read lease is refused while any process has the file
    /// open for writing, a write lease while any other open file description of it exists.
    ///
    /// - Parameters:
    ///   - descriptor: The file, opened read-only.
    ///   - type: `F_RDLCK` or `F_WRLCK`.
    /// - Returns: `true` when granted; else `false`, with `errno` saying why (`EAGAIN`: a
    ///   conflicting open).
    static func takesLease(_ descriptor: Int32, _ type: Int32) -> Bool {
        // F_SETLEASE is F_LINUX_SPECIFIC_BASE + 0 = 1024 (<linux/fcntl.h>); glibc hides the
        // name without _GNU_SOURCE.
        let setLease: Int32 = 1024
        guard fcntl(descriptor, setLease, type) == 0 else { return false }
        _ = fcntl(descriptor, setLease, F_UNLCK)
        return true
    }

    /// Reads at most `limit` bytes from the start of a regular file, without following a
    /// symlink or blocking on a FIFO.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - limit: The most bytes to read.
    /// - Returns: The bytes, or `nil` when it is not a regular file.
    /// - Throws: ``Errno``.
    public static func readPrefix(_ path: FilePath, limit: Int) throws(Errno) -> [UInt8]? {
        let descriptor = try open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        defer { close(descriptor) }
        guard try status(descriptor: descriptor).kind == .regular else { return nil }
        return try read(descriptor, upTo: limit)
    }

    /// Recreates a symbolic link or FIFO at `target` (never replacing what is there), for a
    /// move across file systems, where such a file has no content to copy.
    ///
    /// - Parameters:
    ///   - source: A symlink or FIFO.
    ///   - target: Where its twin goes.
    /// - Returns: `false` when the source is another kind (socket, device): nothing was made.
    /// - Throws: ``Errno`` (`EEXIST` when the target exists).
    public static func recreateSpecial(_ source: FilePath, at target: FilePath) throws(Errno) -> Bool {
        let info = try status(source)
        switch info.kind {
        case .symbolicLink:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = source.withCString { readlink($0, &buffer, buffer.count - 1) }
            guard length >= 0 else { throw Errno.current }
            let made = target.withCString { symlink(buffer, $0) }
            guard made == 0 else { throw Errno.current }
            return true
        case .other:
            guard info.mode & UInt32(S_IFMT) == UInt32(S_IFIFO) else { return false }
            guard target.withCString({ mkfifo($0, mode_t(info.mode & 0o7777)) }) == 0 else { throw Errno.current }
            return true
        case .regular, .directory:
            return false
        }
    }
}

extension SystemCalls {
    /// Raises the soft limit on open descriptors to the hard limit.
    ///
    /// - Returns: The soft limit now in force.
    public static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limit) == 0 else { return Int.max }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)  // RLIM_INFINITY (all ones) clamps to Int.max
    }
}

extension SystemCalls {
    /// `syncfs(2)` on the file system holding `path`: every file written on it so far is on
    /// disk when this returns, for the price of one journal commit.
    ///
    /// - Parameter path: Any path on the file system (a folder).
    /// - Throws: ``Errno``.
    public static func syncFileSystem(_ path: FilePath) throws(Errno) {
        let descriptor = try open(path, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        guard lector_syncfs(descriptor) == 0 else { throw Errno.current }
    }
}
