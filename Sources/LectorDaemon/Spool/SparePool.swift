import LectorSystem

/// The finished inputs a daemon keeps to hold later outputs: their inodes, reused.
///
/// Each document would otherwise cost the file system one inode allocated (the output's
/// temp file) and one freed (the input). On ext4 without a journal the allocator skips
/// every recently freed inode of a block group one by one, so under a steady stream that
/// allocation grows to cost more than analysing the document. A finished input that can
/// stand in for a new file (``SystemCalls/prepareForReuse(_:as:)``: one name, ours, no
/// extended attributes, open nowhere else) is moved to `.lector/spare/ID/` instead of
/// being deleted, and a later output is written over it, then renamed into the outbox.
///
/// Order keeps the promise: an input becomes a spare only after its output is durable (it
/// is finished then, as a deletion would be); spares are written over only after the work
/// folder, the inbox and the spare folder are fsynced (once per 16 kept), or after a
/// `syncfs` of their file system that started once they were kept (the group commit's, for
/// each batch of several outputs), so a crash can never leave a claimed or dropped name that
/// points at another document's output. Spares are never outputs until renamed, a crash
/// leaves them in the spare folder, and the next daemon removes them. Only inputs up to
/// 64 KiB are kept, at most 256 of them. On a file system without a journal, a crash between
/// renaming a spare into the outbox and the next fsync of the spare folder can leave the
/// inode under both names; `e2fsck` (which such a file system needs after a crash) counts
/// both, and removing the spare name then leaves the output.
struct SparePool: Sendable {
    /// A kept input: its path in the spare folder and its size.
    struct Spare: Sendable, Equatable {
        var path: FilePath
        var size: Int
    }

    /// Inputs moved to the spare folder whose removal from the work folder is not yet
    /// known to be on disk.
    var pending: [Spare] = []
    /// Spares that may be written over.
    var ready: [Spare] = []

    /// How many are kept, pending or ready.
    var count: Int { pending.count + ready.count }
}
