import Dispatch
import Synchronization

/// Maps `items` through `transform` on up to `workers` threads and returns the results in
/// input order.
///
/// Used by `lector process` on batches of inputs, so that a large corpus keeps both cores
/// busy while its output stays in input order. Each thread takes the next item not yet
/// taken, so one that drew short documents is not left idle while another finishes a batch
/// of long ones (items dealt out in turn left up to a tenth of a 2-worker run idle on BBC
/// articles: 3,000 JSON Lines records took 2.36-2.52 s against 2.27-2.32 s this way).
///
/// - Parameters:
///   - items: The inputs.
///   - workers: How many threads may run `transform` at once; 1 or fewer maps in place.
///   - transform: Called once per item, from any of the threads.
/// - Returns: `transform`'s results, in the order of `items`.
public func orderedParallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item],
    workers: Int,
    _ transform: @escaping @Sendable (Item) -> Result
) -> [Result] {
    if workers <= 1 || items.count <= 1 { return items.map(transform) }
    let slots = Mutex<[Result?]>(Array(repeating: nil, count: items.count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: min(workers, items.count)) { _ in
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < items.count else { return }
            let result = transform(items[index])
            slots.withLock { $0[index] = result }
        }
    }
    return slots.withLock { $0.compactMap { $0 } }
}
