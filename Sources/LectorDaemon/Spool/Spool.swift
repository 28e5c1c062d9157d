import Glibc
public import LectorPipeline
public import LectorSystem
import Synchronization

/// The daemon's hold on the spool: its own locked work folder, and the moves that take a
/// document from the inbox to the outbox or to `failed/` without ever losing it.
///
/// Every step is a rename or a write-fsync-rename, ordered so that a crash at any point
/// leaves each input either still in the inbox, in a work folder (recovered at the next
/// start), or finished — never in two places as finished, never nowhere:
/// 1. claim: `rename(inbox/NAME, work/ID/NAME)`;
/// 2. output: write `outbox/.lector.ID.N.tmp` (N unique per file) or a spare (a finished
///    input's inode, ``SparePool``), fsync, move it to an output name no other input owns
///    (without ever replacing another input's output), fsync the outbox;
/// 3. only then archive or delete `work/ID/NAME` — or keep its inode to hold a later
///    output (``SparePool``).
///
/// A failure writes `failed/NAME.error.json` first, then moves the input to `failed/NAME`.
public final class Spool: Sendable {
    /// The folders.
    public let layout: SpoolLayout
    /// This daemon's id: 16 hex digits, unique per process start.
    public let id: String
    /// This daemon's work folder, `inbox/.lector/work/ID`.
    public let workFolder: FilePath
    private let lockDescriptor: Int32
    /// The lock of the work folder made again after `inbox/.lector` was removed under the
    /// daemon (``restoreWorkFolder()``), held until the spool goes or the folder is made
    /// again once more.
    private let restoredLock = Mutex<Int32?>(nil)
    /// The inbox folder on disk at start: the work folder is made again only inside it.
    private let inboxIdentity: SystemCalls.FileIdentity
    /// Numbers this daemon's temp files, so that no two documents ever share one.
    let temporarySequence = Atomic<Int>(0)
    /// What a reused input's inode must be to hold an output, or `nil` when inputs are not
    /// reused (see ``SparePool``).
    let spareIdentity: SystemCalls.NewFileIdentity?
    /// The finished inputs kept to hold later outputs.
    let spares = Mutex(SparePool())
    /// Set when a rename from the spare folder into the outbox failed across file systems.
    let sparesDisabled = Atomic<Bool>(false)

    /// Creates the spool's folders when missing, and this daemon's locked work folder.
    ///
    /// - Parameter layout: The folders.
    /// - Throws: ``DaemonError`` with code ``DaemonError/Code/spool``.
    public init(layout: SpoolLayout) throws(DaemonError) {
        self.layout = layout
        var random = UInt64.random(in: 0...UInt64.max)
        random ^= UInt64(getpid()) << 40
        id = String(random, radix: 16).leftPadded(to: 16)
        workFolder = layout.workRoot.appending(id)
        do {
            for folder in [layout.inbox, layout.outbox, layout.failed] + [layout.archive].compactMap({ $0 }) {
                try SystemCalls.makeDirectories(folder, mode: 0o775)
            }
        } catch {
            throw DaemonError(.spool, "cannot set up the spool under \(layout.inbox)", cause: error)
        }
        do {
            inboxIdentity = try SystemCalls.statusFollowingLinks(layout.inbox).identity
        } catch {
            throw DaemonError(.spool, "cannot look at the inbox \(layout.inbox)", cause: error)
        }
        // Before this daemon's work folder exists: a refused start leaves nothing behind.
        try Self.checkDistinct(layout)
        try Self.checkControlFolder(layout, inboxDevice: inboxIdentity.device)
        do {
            lockDescriptor = try Self.makeLockedWorkFolder(layout, id: id)
        } catch  where error == Errno(EAGAIN) {
            throw DaemonError(.spool, "cannot lock the work folder \(workFolder)")
        } catch {
            throw DaemonError(.spool, "cannot set up the spool under \(layout.inbox)", cause: error)
        }
        spareIdentity = Self.spareIdentity(layout: layout, spareFolder: layout.spareRoot.appending(id), id: id)
    }

    /// Checks that the spool folders are different folders on disk, not only different
    /// paths: config.yaml's check is by name, and a symbolic link in a parent folder or a
    /// bind mount can make the outbox the inbox (the daemon would then read its own outputs).
    ///
    /// - Parameter layout: The folders, already made.
    /// - Throws: ``DaemonError`` with code ``DaemonError/Code/spool`` naming the two.
    static func checkDistinct(_ layout: SpoolLayout) throws(DaemonError) {
        var seen: [SystemCalls.FileIdentity: String] = [:]
        var folders = [("inbox", layout.inbox), ("outbox", layout.outbox), ("failed", layout.failed)]
        if let archive = layout.archive { folders.append(("archive", archive)) }
        for (key, folder) in folders {
            guard let identity = try? SystemCalls.statusFollowingLinks(folder).identity else { continue }
            if let other = seen[identity] {
                throw DaemonError(
                    .spool,
                    "\(key) (\(folder)) and \(other) are the same folder on disk (through a symbolic link or a mount)"
                )
            }
            seen[identity] = "\(key) (\(folder))"
        }
    }

    /// Checks that `inbox/.lector` and its `work` folder, when they exist, are on the
    /// inbox's file system: a claim is a rename out of the inbox, which cannot cross file
    /// systems, so a `.lector` that is a symbolic link or a mount elsewhere would make every
    /// claim fail while the daemon reports ready.
    ///
    /// - Parameters:
    ///   - layout: The folders, already made.
    ///   - inboxDevice: The inbox's device, as looked at once at start.
    /// - Throws: ``DaemonError`` with code ``DaemonError/Code/spool`` naming the folder.
    static func checkControlFolder(_ layout: SpoolLayout, inboxDevice: UInt64) throws(DaemonError) {
        for folder in [layout.control, layout.workRoot] {
            guard let device = try? SystemCalls.statusFollowingLinks(folder).identity.device, device != inboxDevice
            else {
                continue
            }
            throw DaemonError(
                .spool,
                "\(folder) is on another file system than the inbox (a symbolic link or a mount leads there): claims move files by rename, which cannot cross file systems; make it a plain folder or remove it"
            )
        }
    }

    deinit {
        close(lockDescriptor)
        if let descriptor = restoredLock.withLock({ $0 }) { close(descriptor) }
    }

    /// Makes a daemon's work folder `work/ID` with its lock held, at start and again when
    /// `inbox/.lector` was removed under the daemon.
    ///
    /// The folder is made and locked as `work/.new-ID`, then renamed to `work/ID`: a
    /// sibling's rescan never sees `work/ID` unlocked (it would take it for a dead daemon's,
    /// adopt it, and remove this daemon's temp files). A `.new-ID` left by a crash has no
    /// live lock, so a sibling's rescan adopts and removes it like any dead daemon's folder.
    ///
    /// - Parameters:
    ///   - layout: The spool's folders.
    ///   - id: The daemon's id.
    /// - Returns: The lock's descriptor, to hold while the daemon lives.
    /// - Throws: ``Errno``; `EAGAIN` when another process holds the lock, `EEXIST` when
    ///   `work/ID` exists.
    static func makeLockedWorkFolder(_ layout: SpoolLayout, id: String) throws(Errno) -> Int32 {
        let staging = layout.workRoot.appending(".new-\(id)")
        try SystemCalls.makeDirectories(staging, mode: 0o750)
        let descriptor = try SystemCalls.open(staging.appending(".lock"), O_RDWR | O_CREAT, mode: 0o640)
        do throws(Errno) {
            guard try SystemCalls.tryLock(descriptor) else { throw Errno(EAGAIN) }
            try SystemCalls.renameNoReplace(staging, layout.workRoot.appending(id))
        } catch {
            close(descriptor)
            try? SystemCalls.remove(staging.appending(".lock"))
            try? SystemCalls.removeDirectory(staging)
            throw error
        }
        return descriptor
    }

    /// Makes this daemon's work folder and its held lock again, when `inbox/.lector` was
    /// removed or renamed while the daemon runs: without them every claim would fail as if
    /// its file were gone, and siblings would see this daemon as dead.
    ///
    /// - Throws: ``Errno``, as ``makeLockedWorkFolder(_:id:)``.
    func restoreWorkFolder() throws(Errno) {
        let descriptor = try Self.makeLockedWorkFolder(layout, id: id)
        // The lock before it is on a file that went with its folder: no longer needed.
        let previous = restoredLock.withLock { lock in
            defer { lock = descriptor }
            return lock
        }
        if let previous { close(previous) }
        // Finished inputs are kept for reuse again; spares that went with the folder are
        // dropped as their writes fail.
        if spareIdentity != nil { try? SystemCalls.makeDirectories(spareFolder, mode: 0o700) }
    }

    /// Makes the work folder again when `inbox/.lector` was removed or renamed while the
    /// daemon runs, without waiting for a file to claim: until then siblings and
    /// `lector status` see no held lock and take the daemon for dead.
    ///
    /// Nothing is made unless the inbox is still the folder it was at start: when it was
    /// removed, moved or replaced, the daemon stops (its one-second check, or the watcher
    /// for a move), and a path made again by this daemon would get its permissions; the
    /// restarted daemon makes a missing inbox as any start does.
    ///
    /// - Returns: Whether the folder was gone and is made again.
    /// - Throws: ``Errno``, as ``makeLockedWorkFolder(_:id:)``, or when the folder cannot
    ///   be looked at.
    public func restoreWorkFolderIfGone() throws(Errno) -> Bool {
        guard inboxState == .same else { return false }
        do {
            _ = try SystemCalls.status(workFolder)
            return false
        } catch  where error == .noEntry {
            try restoreWorkFolder()
            return true
        }
    }

    /// What the inbox's path leads to now, against the folder it led to at start.
    public enum InboxState: Sendable, Equatable {
        /// The same folder: the daemon may make folders and files under it.
        case same
        /// Nothing (removed), or another folder (moved away, replaced).
        case gone
        /// It cannot be looked at now (an I/O error, a file system away for a moment).
        case unknown
    }

    /// Whether the inbox is still the folder it was at start. Only a missing path (or a
    /// stale NFS handle) or another folder counts as gone: a passing I/O error must not
    /// stop a healthy daemon.
    public var inboxState: InboxState {
        do {
            return try SystemCalls.statusFollowingLinks(layout.inbox).identity == inboxIdentity ? .same : .gone
        } catch  where error == .noEntry || error == .notDirectory || error == Errno(ESTALE) {
            return .gone
        } catch {
            return .unknown
        }
    }

    /// Removes this daemon's (empty) work folder and lock; called at a clean exit.
    public func release() {
        removeSpares()
        if let entries = try? SystemCalls.list(workFolder), entries.allSatisfy({ $0.name == FileName(".lock") }) {
            try? SystemCalls.remove(workFolder.appending(".lock"))
            try? SystemCalls.removeDirectory(workFolder)
        }
    }

    // MARK: Discovery and claiming

    /// The inbox entries that may be documents: everything but ignored names and
    /// directories (symlinks and other non-regular files are listed: claiming them sends
    /// them to `failed/` with a reason, never following a link).
    ///
    /// - Returns: The names, sorted.
    /// - Throws: ``Errno`` when the inbox cannot be read.
    public func scanInbox() throws(Errno) -> [FileName] {
        var names: [FileName] = []
        for entry in try SystemCalls.list(layout.inbox) where !entry.name.isIgnored {
            var kind = entry.kind
            if kind == nil { kind = (try? SystemCalls.status(layout.inbox.appending(entry.name)))?.kind }
            if kind != .directory, kind != nil { names.append(entry.name) }
        }
        return names.sorted()
    }

    /// What claiming an inbox entry found.
    public enum ClaimOutcome: Sendable, Equatable {
        /// The entry is now in this daemon's work folder.
        case claimed
        /// The entry is gone (another daemon claimed it, or its producer removed it).
        case gone
        /// The entry is a directory: not a document, left alone.
        case directory
        /// The entry is too young for `min_age`; try again after the given seconds.
        case tooYoung(Double)
        /// Some process has the file open for writing (a slow producer writing in place), or
        /// this daemon still holds an entry of that name: try again after it is closed.
        case busy
    }

    /// Claims an inbox entry by renaming it into this daemon's work folder.
    ///
    /// A regular file that any process has open for writing is left alone (``ClaimOutcome/busy``):
    /// renaming it would let the rest of the article go to a file nobody reads. The check
    /// uses a read lease; where the kernel will not grant one (no `CAP_LEASE` and not the
    /// file's owner), only `min_age` and the producer's rename protect a file in writing.
    /// A modification time in the future (clock skew) makes a file wait at most `min_age`.
    ///
    /// - Parameters:
    ///   - name: The entry's name.
    ///   - minimumAge: Seconds since its last modification before it may be claimed.
    ///   - now: The current time, seconds since the epoch.
    /// - Returns: What happened.
    /// - Throws: ``Errno`` for failures other than the entry being gone.
    public func claim(_ name: FileName, minimumAge: Double = 0, now: Double = 0) throws(Errno) -> ClaimOutcome {
        let source = layout.inbox.appending(name)
        let status: SystemCalls.FileStatus
        do {
            status = try SystemCalls.status(source)
        } catch  where error == .noEntry {
            return .gone
        }
        if status.kind == .directory { return .directory }
        if minimumAge > 0, status.kind == .regular, now - status.modified < minimumAge {
            return .tooYoung(min(minimumAge - (now - status.modified), minimumAge))
        }
        if status.kind == .regular, SystemCalls.isOpenForWriting(source) == true { return .busy }
        do {
            try SystemCalls.renameNoReplace(source, workFolder.appending(name))
        } catch  where error == .noEntry {
            // The file went, or the work folder did (`inbox/.lector` removed under us).
            guard (try? SystemCalls.status(source)) != nil, (try? SystemCalls.status(workFolder)) == nil else {
                return .gone
            }
            // Not into an inbox that replaced ours (the daemon is about to stop), nor twice:
            // the one-second check makes it too; either way, try the claim later.
            guard try restoreWorkFolderIfGone() else { throw Errno(EAGAIN) }
            do {
                try SystemCalls.renameNoReplace(source, workFolder.appending(name))
            } catch  where error == .noEntry {
                // Still there, and the folder gone again: try later rather than drop the name.
                if (try? SystemCalls.status(source)) != nil { throw Errno(EAGAIN) }
                return .gone
            } catch  where error == .exists {
                return .busy
            }
        } catch  where error == .exists {
            return .busy
        }
        return .claimed
    }

    // MARK: Reading

    /// What reading a claimed entry gave.
    public enum ReadOutcome: Sendable {
        /// The file's bytes, and its modification time in seconds since the epoch.
        case bytes([UInt8], modified: Int64)
        /// The entry is not a document; it belongs in `failed/` with this reason.
        case rejected(DocumentInputError)
    }

    /// Reads a claimed entry without following symlinks or blocking on FIFOs.
    ///
    /// - Parameters:
    ///   - name: The entry's name in the work folder.
    ///   - limit: `max_bytes`.
    /// - Returns: The bytes, or why it is not a document.
    /// - Throws: ``Errno`` for I/O failures (transient ones are retried by the caller).
    public func readClaimed(_ name: FileName, limit: Int) throws(Errno) -> ReadOutcome {
        let path = workFolder.appending(name)
        let descriptor: Int32
        do {
            descriptor = try SystemCalls.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        } catch  where error == .loop {
            return .rejected(
                DocumentInputError(code: "unreadable", message: "a symbolic link: links are never followed")
            )
        } catch  where error == Errno(ENXIO) || error == Errno(EOPNOTSUPP) {
            return .rejected(DocumentInputError(code: "unreadable", message: "not a regular file"))
        }
        defer { close(descriptor) }
        let status = try SystemCalls.status(descriptor: descriptor)
        guard status.kind == .regular else {
            return .rejected(DocumentInputError(code: "unreadable", message: "not a regular file"))
        }
        let tooLarge = DocumentInputError(
            code: "too_large",
            message: "file is \(status.size) bytes, over the limit of \(limit) (max_bytes)"
        )
        guard status.size <= limit else { return .rejected(tooLarge) }
        guard let bytes = try SystemCalls.readAll(descriptor, limit: limit) else { return .rejected(tooLarge) }
        return .bytes(bytes, modified: status.modifiedSeconds)
    }
}
