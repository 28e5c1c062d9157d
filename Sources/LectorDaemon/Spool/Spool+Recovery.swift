import Glibc
public import LectorSystem

extension Spool {
    /// How long a work folder without a lock file may exist before it counts as abandoned
    /// (a starting daemon creates the folder, then the lock, within microseconds).
    static let unlockedFolderGrace = 60.0

    /// Whether the daemon `id` still holds its work folder's lock.
    ///
    /// - Parameter daemon: A daemon id.
    /// - Returns: `true` when its lock is held by a live process.
    public func isAlive(daemon: String) -> Bool {
        daemon == id || Self.isAlive(daemon: daemon, layout: layout)
    }

    /// Whether the daemon `id` on a spool holds its work folder's lock (another process
    /// may ask; the lock is per open file, so this works from any process).
    ///
    /// - Parameters:
    ///   - daemon: A daemon id.
    ///   - layout: The spool's folders.
    /// - Returns: `true` when its lock is held by a live process.
    public static func isAlive(daemon: String, layout: SpoolLayout) -> Bool {
        let lock = layout.workRoot.appending(daemon).appending(".lock")
        guard let descriptor = try? SystemCalls.open(lock, O_RDWR) else { return false }
        defer { close(descriptor) }
        return (try? SystemCalls.tryLock(descriptor)) == false
    }

    /// Takes over the work folders of daemons that died: moves what they had claimed into
    /// this daemon's work folder, removes their folders, and returns the names to process.
    ///
    /// A name that this daemon already holds goes back to the inbox instead (to be claimed
    /// again); if the inbox has one too, it stays where it is for a later start, with a
    /// log line from the caller.
    ///
    /// - Parameter now: The current time, seconds since the epoch.
    /// - Returns: The adopted names, the names that could not be moved, and how many dead
    ///   daemons' folders were taken over, by id (their temp files can then be removed).
    public func adoptAbandonedWork(now: Double) -> (adopted: [FileName], stuck: [String], folders: Set<String>) {
        var adopted: [FileName] = []
        var stuck: [String] = []
        var takenOver: Set<String> = []
        guard let folders = try? SystemCalls.list(layout.workRoot) else { return ([], [], []) }
        for folder in folders where folder.name.text != id {
            let path = layout.workRoot.appending(folder.name)
            guard (try? SystemCalls.status(path))?.kind == .directory else { continue }
            let lockPath = path.appending(".lock")
            let descriptor: Int32
            do {
                descriptor = try SystemCalls.open(lockPath, O_RDWR)
            } catch {
                let age = now - ((try? SystemCalls.status(path))?.modified ?? now)
                guard error == .noEntry, age > Self.unlockedFolderGrace else { continue }
                descriptor = -1
            }
            defer { if descriptor >= 0 { close(descriptor) } }
            if descriptor >= 0, (try? SystemCalls.tryLock(descriptor)) != true { continue }
            takenOver.insert(folder.name.text)
            guard let entries = try? SystemCalls.list(path) else { continue }
            var emptied = true
            for entry in entries where entry.name != FileName(".lock") {
                let source = path.appending(entry.name)
                if (try? SystemCalls.renameNoReplace(source, workFolder.appending(entry.name))) != nil {
                    adopted.append(entry.name)
                } else if (try? SystemCalls.renameNoReplace(source, layout.inbox.appending(entry.name))) != nil {
                    continue
                } else {
                    emptied = false
                    stuck.append("\(path.appending(entry.name))")
                }
            }
            if emptied {
                try? SystemCalls.remove(lockPath)
                try? SystemCalls.removeDirectory(path)
            }
        }
        return (adopted, stuck, takenOver)
    }

    /// The names already in this daemon's work folder (claimed earlier, or adopted).
    ///
    /// - Returns: The names, sorted.
    public func claimedNames() -> [FileName] {
        ((try? SystemCalls.list(workFolder)) ?? []).map(\.name).filter { $0 != FileName(".lock") }.sorted()
    }
}
