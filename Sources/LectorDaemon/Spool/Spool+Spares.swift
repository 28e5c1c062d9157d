import LectorSystem
import Synchronization

extension Spool {
    /// The most spares kept at once; further finished inputs are deleted. A batch's spares
    /// wait for the next `syncfs` while the previous batch's are written over, so the pool
    /// must hold about two batches (a deep backlog aims at 64 outputs per batch; a batch of up
    /// to ``OutputCommitter/maximumBatch`` after a slow commit fills it, and the next batch's
    /// inputs are deleted, as before spares existed). With 64, a light chain (`metadata`
    /// alone, 2 workers, 5,240 BBC DEV articles dropped at once) ran out of them, and
    /// allocating inodes for new outputs, which scans past the recently freed ones, took
    /// 12 % of the workers' time: 6,872 documents/s (median of 5 alternating runs) against
    /// 7,939 with 256; 1,024 gave no more. At most 256 inputs of at most 64 KiB stay on disk.
    static let maximumSpares = 256

    /// This daemon's spare folder, `inbox/.lector/spare/ID`.
    var spareFolder: FilePath { layout.spareRoot.appending(id) }

    /// The largest input kept: articles are a few kilobytes, and a spare keeps its blocks
    /// (and the old text) until it is written over, so big ones are deleted as before.
    static let maximumSpareSize = 65_536

    /// What a reused inode must be to stand in for a new output, learned from a probe file
    /// created in the outbox, or `nil` when inputs are not reused: they are archived, the
    /// spare folder cannot be made, a new output gets an extended attribute (a default ACL
    /// on the outbox, a security label), or a file cannot be renamed from the spare folder
    /// into the outbox (another file system, a bind mount).
    static func spareIdentity(
        layout: SpoolLayout,
        spareFolder: FilePath,
        id: String
    )
        -> SystemCalls.NewFileIdentity?
    {
        guard layout.archive == nil, (try? SystemCalls.makeDirectories(spareFolder, mode: 0o700)) != nil else {
            return nil
        }
        return SystemCalls.newFileIdentity(
            in: layout.outbox,
            reusingFrom: spareFolder,
            probe: FileName(".lector.\(id).probe.tmp"),
            maximumSize: maximumSpareSize
        )
    }

    /// What a reused inode must be, while finished inputs are reused: set up so, and no
    /// rename from the spare folder has failed since; else `nil`.
    var reuseIdentity: SystemCalls.NewFileIdentity? {
        sparesDisabled.load(ordering: .relaxed) ? nil : spareIdentity
    }

    /// Stops reusing inputs (a rename from the spare folder into the outbox failed across
    /// file systems); the spares kept are removed.
    func stopReusingInputs() {
        sparesDisabled.store(true, ordering: .relaxed)
        let kept = spares.withLock { pool -> [SparePool.Spare] in
            defer { pool = SparePool() }
            return pool.pending + pool.ready
        }
        for spare in kept { try? SystemCalls.remove(spare.path) }
    }

    /// Whether a path is one of this daemon's spares.
    func isSpare(_ path: FilePath) -> Bool { path.folderAndName.folder == spareFolder }

    /// Moves a finished input to the spare folder when it can hold a later output.
    ///
    /// - Parameter path: The input, in the work folder.
    /// - Returns: Whether it was moved (else the caller deletes it).
    func keepAsSpare(_ path: FilePath) -> Bool {
        guard let identity = reuseIdentity, spares.withLock({ $0.count }) < Self.maximumSpares,
            let size = SystemCalls.prepareForReuse(path, as: identity)
        else { return false }
        let spare = spareFolder.appending(temporaryName())
        guard (try? SystemCalls.renameNoReplace(path, spare)) != nil else { return false }
        spares.withLock { $0.pending.append(SparePool.Spare(path: spare, size: size)) }
        return true
    }

    /// How many kept inputs wait before they are made usable together: the folder fsyncs
    /// that make them safe to write over are then shared by that many documents.
    public static let spareCommitBatch = 16

    /// Makes the spares kept so far usable once `batch` of them wait: fsyncs
    /// the work folder and the inbox, so that neither the claimed name nor the dropped one
    /// can come back after a crash pointing at an inode that holds another document by
    /// then, and the spare folder, so that the names of spares already renamed into the
    /// outbox are gone from it too. Called after each committed batch that fsynced its files
    /// one by one; a batch that ran `syncfs` leaves its spares to the next one's.
    ///
    /// - Parameter batch: How many must wait (``spareCommitBatch`` unless testing).
    public func commitSpares(batch: Int = spareCommitBatch) {
        let pending = spares.withLock { pool -> [SparePool.Spare] in
            guard pool.pending.count >= max(batch, 1) else { return [] }
            defer { pool.pending = [] }
            return pool.pending
        }
        guard !pending.isEmpty else { return }
        let synced = [workFolder, layout.inbox, spareFolder].allSatisfy {
            (try? SystemCalls.syncDirectory($0)) != nil
        }
        guard synced else {
            for spare in pending { try? SystemCalls.remove(spare.path) }
            return
        }
        spares.withLock { $0.ready.append(contentsOf: pending) }
    }

    /// Syncs the spool's file system (`syncfs`) and makes the spares kept before the call
    /// usable, without ``commitSpares(batch:)``'s three folder fsyncs: `syncfs` writes every
    /// change of the file system's metadata, the renames that moved those spares out of the
    /// work folder included, and spares are kept only where they can be renamed into the
    /// outbox, so they are on its file system (as are the work folder and the inbox, from
    /// which claimed inputs are renamed). The group commit calls it for each batch of
    /// several outputs, so under load each batch readies the last one's spares.
    ///
    /// - Throws: ``Errno`` from `syncfs`; the spares then stay pending.
    func syncFileSystem() throws(Errno) {
        let before = spares.withLock { $0.pending }
        try SystemCalls.syncFileSystem(layout.outbox)
        guard !before.isEmpty else { return }
        spares.withLock { pool in
            // Only those still pending in that order: none was reset or readied meanwhile.
            guard pool.pending.starts(with: before) else { return }
            pool.pending.removeFirst(before.count)
            pool.ready.append(contentsOf: before)
        }
    }

    /// Writes bytes over a ready spare, if there is one.
    ///
    /// - Parameter bytes: The contents.
    /// - Returns: The spare, now holding `bytes` (not fsynced), or `nil`.
    func writeOverSpare(_ bytes: [UInt8]) -> FilePath? {
        guard reuseIdentity != nil, let spare = spares.withLock({ $0.ready.popLast() }) else { return nil }
        do {
            try SystemCalls.overwriteFile(bytes, at: spare.path, size: spare.size)
            return spare.path
        } catch {
            try? SystemCalls.remove(spare.path)
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
