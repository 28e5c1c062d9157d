import Glibc
import LectorCore
import LectorSystem

/// Reads the status snapshots that running daemons write, for `lector status`.
public enum StatusReader {
    /// The snapshots of the daemons on this spool that are alive (their lock is held).
    ///
    /// - Parameter layout: The spool's folders.
    /// - Returns: The snapshots, by daemon id.
    public static func liveStatuses(layout: SpoolLayout) -> [DaemonStatus] {
        guard let entries = try? SystemCalls.list(layout.control) else { return [] }
        var statuses: [DaemonStatus] = []
        for entry in entries where entry.name.text.hasPrefix("status-") && entry.name.hasSuffix(".json") {
            let path = layout.control.appending(entry.name)
            guard let descriptor = try? SystemCalls.open(path, O_RDONLY | O_NOFOLLOW) else { continue }
            defer { close(descriptor) }
            guard let bytes = try? SystemCalls.readAll(descriptor, limit: 1 << 20),
                let value = try? JSONValue.parse(bytes), let status = DaemonStatus.parse(value),
                Spool.isAlive(daemon: status.daemon, layout: layout)
            else { continue }
            statuses.append(status)
        }
        return statuses.sorted { $0.daemon < $1.daemon }
    }

    /// Removes the status files of daemons that are no longer alive and have not written for
    /// `age` seconds (a daemon killed with `kill -9` leaves its file behind).
    ///
    /// - Parameters:
    ///   - layout: The spool's folders.
    ///   - age: How old a dead daemon's file must be, in seconds.
    ///   - now: The current time, seconds since the epoch.
    /// - Returns: How many files were removed.
    @discardableResult
    public static func removeStaleStatuses(layout: SpoolLayout, olderThan age: Double, now: Double) -> Int {
        guard let entries = try? SystemCalls.list(layout.control) else { return 0 }
        var removed = 0
        for entry in entries where entry.name.text.hasPrefix("status-") && entry.name.hasSuffix(".json") {
            let id = String(entry.name.text.dropFirst("status-".count).dropLast(".json".count))
            let path = layout.control.appending(entry.name)
            guard let modified = (try? SystemCalls.status(path))?.modified, now - modified > age,
                !Spool.isAlive(daemon: id, layout: layout)
            else { continue }
            if (try? SystemCalls.remove(path)) != nil { removed += 1 }
        }
        return removed
    }

    /// The number of documents waiting in the inbox.
    ///
    /// - Parameter layout: The spool's folders.
    /// - Returns: The count of inbox entries that are documents.
    public static func inboxCount(layout: SpoolLayout) -> Int {
        ((try? SystemCalls.list(layout.inbox)) ?? []).filter { !$0.name.isIgnored && $0.kind != .directory }.count
    }
}
