import Dispatch
import Glibc
import LectorSystem

/// Watches the inbox with inotify for files that are finished being written
/// (`IN_CLOSE_WRITE`), moved in (`IN_MOVED_TO`) or created (`IN_CREATE`: the only event a
/// hard link, FIFO or symlink makes), on a Dispatch read source.
///
/// Events are delivered on the queue given at creation (the daemon's control queue). The
/// kernel's queue can overflow; then the watcher reports ``Event/overflow`` and the daemon
/// rescans the inbox.
final class InboxWatcher: @unchecked Sendable {
    // @unchecked Sendable: the source and descriptor are set once in init and only
    // cancelled (idempotently) from the control queue; the handler runs on that queue too.

    /// What the kernel reported.
    enum Event: Sendable, Equatable {
        /// A file was closed after writing, or moved in.
        case file(FileName)
        /// A name was created. A regular file being written also closes later (``file(_:)``);
        /// hard links, FIFOs and symlinks only ever report this.
        case created(FileName)
        /// The kernel dropped events: rescan.
        case overflow
        /// The inbox itself was deleted or moved away.
        case inboxGone
    }

    private let descriptor: Int32
    private let source: any DispatchSourceRead

    /// Starts watching.
    ///
    /// - Parameters:
    ///   - directory: The inbox.
    ///   - queue: Where events are delivered.
    ///   - handler: Called with each batch of events.
    /// - Throws: ``DaemonError`` with code ``DaemonError/Code/watch``.
    init(directory: FilePath, queue: DispatchQueue, handler: @escaping @Sendable ([Event]) -> Void) throws(DaemonError)
    {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw DaemonError(.watch, "cannot start inotify", cause: Errno.current)
        }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ONLYDIR | IN_DELETE_SELF | IN_MOVE_SELF)
        let watch = directory.withCString { inotify_add_watch(descriptor, $0, mask) }
        guard watch >= 0 else {
            let error = Errno.current
            close(descriptor)
            throw DaemonError(.watch, "cannot watch \(directory)", cause: error)
        }
        self.descriptor = descriptor
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { @Sendable in
            let events = Self.drain(descriptor)
            if !events.isEmpty { handler(events) }
        }
        source.setCancelHandler { @Sendable in close(descriptor) }
        source.activate()
    }

    /// Stops watching and closes the descriptor.
    func stop() {
        if !source.isCancelled { source.cancel() }
    }

    /// Reads every pending event until the kernel has none.
    private static func drain(_ descriptor: Int32) -> [Event] {
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            events.append(contentsOf: parse(buffer[0..<count]))
        }
        return events
    }

    /// Parses `struct inotify_event` records: wd, mask, cookie, len, then `len` NUL-padded name bytes.
    static func parse(_ bytes: ArraySlice<UInt8>) -> [Event] {
        var events: [Event] = []
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 16 <= raw.count {
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameStart = offset + 16
                guard nameStart + length <= raw.count else { break }
                let name = Array(raw[nameStart..<nameStart + length].prefix { $0 != 0 })
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    events.append(.overflow)
                } else if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                    events.append(.inboxGone)
                } else if !name.isEmpty, mask & UInt32(IN_ISDIR) == 0 {
                    let created = mask & UInt32(IN_CREATE) != 0 && mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) == 0
                    events.append(created ? .created(FileName(bytes: name)) : .file(FileName(bytes: name)))
                }
                offset = nameStart + length
            }
        }
        return events
    }
}
