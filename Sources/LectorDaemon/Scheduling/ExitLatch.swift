import Dispatch
import Synchronization

/// Where a daemon's `run` waits for its exit status: the control queue (or a signal
/// handler, or a connection callback) finishes it once, from any thread, and the thread
/// that called `run` returns that status instead of the process exiting from inside
/// Dispatch.
public final class ExitLatch: Sendable {
    private let code = Mutex<Int32?>(nil)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Creates an open latch.
    public init() {}

    /// Sets the exit status and wakes ``wait()``; later calls change nothing.
    ///
    /// - Parameter status: The status the process exits with.
    public func finish(_ status: Int32) {
        let first = code.withLock { code -> Bool in
            guard code == nil else { return false }
            code = status
            return true
        }
        if first { semaphore.signal() }
    }

    /// Whether ``finish(_:)`` was called.
    public var isFinished: Bool { code.withLock { $0 != nil } }

    /// Blocks the calling thread until ``finish(_:)``.
    ///
    /// - Returns: The exit status.
    public func wait() -> Int32 {
        semaphore.wait()
        return code.withLock { $0 } ?? 0
    }
}
