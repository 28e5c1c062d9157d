import LectorSystem
import Synchronization

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
/// is finished then, as a deletion would be), and a spare is written over only after the
/// work folder that held it is fsynced, so a crash can never leave a claimed name that
/// points at another document's output. Spares are never outputs until renamed, a crash
/// leaves them in the spare folder, and the next daemon removes them.
struct SparePool: Sendable {
    /// Inputs moved to the spare folder whose removal from the work folder is not yet
    /// known to be on disk.
    var pending: [FilePath] = []
    /// Spares that may be written over.
    var ready: [FilePath] = []

    /// How many are kept, pending or ready.
    var count: Int { pending.count + ready.count }
}

extension Spool {
    /// The most spares kept at once; further finished inputs are deleted.
    static let maximumSpares = 64

    /// This daemon's spare folder, `inbox/.lector/spare/ID`.
    var spareFolder: FilePath { layout.spareRoot.appending(id) }

    /// What a reused inode must be to stand in for a new output, or `nil` when inputs are
    /// not reused: they are archived, the outbox is on another file system, or the spare
    /// folder cannot be made.
    static func spareIdentity(
        layout: SpoolLayout,
        workFolder: FilePath,
        spareFolder: FilePath
    )
        -> SystemCalls.NewFileIdentity?
    {
        guard layout.archive == nil, let identity = try? SystemCalls.newFileIdentity(in: layout.outbox),
            (try? SystemCalls.device(of: workFolder)) == identity.device,
            (try? SystemCalls.makeDirectories(spareFolder, mode: 0o700)) != nil,
            (try? SystemCalls.device(of: spareFolder)) == identity.device
        else { return nil }
        return identity
    }

    /// Moves a finished input to the spare folder when it can hold a later output.
    ///
    /// - Parameter path: The input, in the work folder.
    /// - Returns: Whether it was moved (else the caller deletes it).
    func keepAsSpare(_ path: FilePath) -> Bool {
        guard let identity = spareIdentity, spares.withLock({ $0.count }) < Self.maximumSpares,
            SystemCalls.prepareForReuse(path, as: identity)
        else { return false }
        let spare = spareFolder.appending(temporaryName())
        guard (try? SystemCalls.renameNoReplace(path, spare)) != nil else { return false }
        spares.withLock { $0.pending.append(spare) }
        return true
    }

    /// Makes the spares kept since the last call usable: fsyncs the work folder, so that
    /// their names there are gone for good before anything is written over them. Called
    /// once per committed batch.
    public func commitSpares() {
        let pending = spares.withLock { pool -> [FilePath] in
            defer { pool.pending = [] }
            return pool.pending
        }
        guard !pending.isEmpty else { return }
        guard (try? SystemCalls.syncDirectory(workFolder)) != nil else {
            for spare in pending { try? SystemCalls.remove(spare) }
            return
        }
        spares.withLock { $0.ready.append(contentsOf: pending) }
    }

    /// Writes bytes over a ready spare, if there is one.
    ///
    /// - Parameter bytes: The contents.
    /// - Returns: The spare, now holding `bytes` (not fsynced), or `nil`.
    func writeOverSpare(_ bytes: [UInt8]) -> FilePath? {
        guard let spare = spares.withLock({ $0.ready.popLast() }) else { return nil }
        do {
            try SystemCalls.overwriteFile(bytes, at: spare)
            return spare
        } catch {
            try? SystemCalls.remove(spare)
            return nil
        }
    }

    /// Removes this daemon's spares and its spare folder.
    func removeSpares() {
        spares.withLock { $0 = SparePool() }
        Self.removeFolder(spareFolder)
    }

    /// Removes the spare folders of daemons that are no longer alive.
    ///
    /// - Returns: How many spares were removed.
    func removeAbandonedSpares() -> Int {
        guard let folders = try? SystemCalls.list(layout.spareRoot) else { return 0 }
        var removed = 0
        for folder in folders where !isAlive(daemon: folder.name.text) {
            removed += Self.removeFolder(layout.spareRoot.appending(folder.name))
        }
        return removed
    }

    /// Removes a folder's files and then the folder.
    @discardableResult
    private static func removeFolder(_ folder: FilePath) -> Int {
        var removed = 0
        for entry in (try? SystemCalls.list(folder)) ?? []
        where (try? SystemCalls.remove(folder.appending(entry.name))) != nil {
            removed += 1
        }
        try? SystemCalls.removeDirectory(folder)
        return removed
    }
}
