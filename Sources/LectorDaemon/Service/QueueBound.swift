import Dispatch

/// A value that may be touched only on one serial queue — our analogue of `NIOLoopBound`.
///
/// Every access checks, with `dispatchPrecondition`, that it runs on the owning queue, so a
/// mistake traps in tests instead of racing in production.
final class QueueBound<Value>: @unchecked Sendable {
    // @unchecked Sendable: the value is only read or written on `queue`, which is serial;
    // the precondition in every accessor enforces it.
    private var storage: Value
    let queue: DispatchQueue

    init(_ value: Value, queue: DispatchQueue) {
        storage = value
        self.queue = queue
    }

    /// The value; only on the owning queue.
    var value: Value {
        get {
            dispatchPrecondition(condition: .onQueue(queue))
            return storage
        }
        _modify {
            dispatchPrecondition(condition: .onQueue(queue))
            yield &storage
        }
    }
}
