import Dispatch
import Synchronization

/// Maps `items` through `transform` on up to `workers` threads and returns the results in
/// input order.
///
/// Used by `lector process` on batches of inputs, so that a large corpus keeps both cores
/// busy while its output stays in input order.
func orderedParallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item],
    workers: Int,
    _ transform: @escaping @Sendable (Item) -> Result
) -> [Result] {
    if workers <= 1 || items.count <= 1 { return items.map(transform) }
    let slots = Mutex<[Result?]>(Array(repeating: nil, count: items.count))
    let chunks = min(workers, items.count)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        var index = chunk
        while index < items.count {
            let result = transform(items[index])
            slots.withLock { $0[index] = result }
            index += chunks
        }
    }
    return slots.withLock { $0.compactMap { $0 } }
}
