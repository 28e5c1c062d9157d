import Dispatch
import Synchronization

/// Runs jobs on at most `limit` threads of a concurrent queue. A job submitted while every
/// worker is busy waits in a hand-off list, and the next worker to finish takes it at
/// once — without a round trip through the control queue, whose wake-up, claim and
/// dispatch would otherwise leave the worker idle between two documents.
final class WorkerPool: Sendable {
    /// A job.
    typealias Job = @Sendable () -> Void

    private struct State {
        var running = 0
        var limit = 1
        var waiting: [Job] = []
    }

    private let queue: DispatchQueue
    private let state = Mutex(State())

    /// Creates a pool on a concurrent queue of that label.
    init(label: String) {
        queue = DispatchQueue(label: label, attributes: .concurrent)
    }

    /// Whether at most one job waits per worker: time to hand over more.
    var isRunningLow: Bool {
        state.withLock { $0.waiting.count <= $0.limit }
    }

    /// Runs a job on a free worker, or hands it to the next worker that finishes.
    ///
    /// - Parameters:
    ///   - limit: How many workers may run now (the configuration's `workers`).
    ///   - job: The job.
    func submit(limit: Int, _ job: @escaping Job) {
        let start = state.withLock { state -> Bool in
            state.limit = max(limit, 1)
            guard state.running < state.limit else {
                state.waiting.append(job)
                return false
            }
            state.running += 1
            return true
        }
        if start { queue.async { [self] in work(from: job) } }
    }

    /// Runs jobs until none waits (or the limit was lowered below the running count).
    private func work(from first: @escaping Job) {
        var job = first
        while true {
            job()
            let next = state.withLock { state -> Job? in
                if state.running <= state.limit, !state.waiting.isEmpty { return state.waiting.removeFirst() }
                state.running -= 1
                return nil
            }
            guard let next else { return }
            job = next
        }
    }
}
