import Glibc

/// An error number from a system call.
public struct Errno: Error, Sendable, Hashable, CustomStringConvertible {
    /// The raw `errno` value.
    public let rawValue: Int32

    /// Wraps a raw value.
    ///
    /// - Parameter rawValue: The `errno` value.
    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The calling thread's current `errno`.
    public static var current: Errno { Errno(errno) }

    /// `strerror` text, e.g. "No such file or directory".
    public var description: String { String(cString: strerror(rawValue)) }

    /// Whether retrying later can succeed: out of space, descriptors, memory, or a
    /// temporarily unavailable resource. Transient errors never send a document to `failed/`.
    public var isTransient: Bool {
        [EAGAIN, ENOSPC, EDQUOT, EMFILE, ENFILE, ENOMEM, EINTR, EBUSY, ETXTBSY].contains(rawValue)
    }

    /// No such file or directory.
    public static let noEntry = Errno(ENOENT)
    /// The file exists.
    public static let exists = Errno(EEXIST)
    /// Cross-device link: a rename across file systems.
    public static let crossDevice = Errno(EXDEV)
    /// Too many levels of symbolic links (what `O_NOFOLLOW` reports for a symlink).
    public static let loop = Errno(ELOOP)
    /// The operation would block (a lock is held).
    public static let wouldBlock = Errno(EWOULDBLOCK)
    /// Not a directory.
    public static let notDirectory = Errno(ENOTDIR)
    /// Is a directory.
    public static let isDirectory = Errno(EISDIR)
}
