import Foundation
import LectorPipeline
import Synchronization
import Testing

@Suite("orderedParallelMap")
struct OrderedParallelMapTests {
    @Test("results come back in input order, each item transformed once, at any worker count", arguments: [1, 2, 3, 8])
    func order(workers: Int) {
        let calls = Mutex<[Int: Int]>([:])
        let items = Array(0..<500)
        let results = orderedParallelMap(items, workers: workers) { item -> String in
            // Uneven work, longest at the start, so that threads finish items out of order.
            var sum = 0
            for value in 0..<((500 - item) * 50) { sum &+= value }
            calls.withLock { $0[item, default: 0] += 1 }
            return "\(item):\(sum & 1)"
        }
        #expect(results.map { Int($0.split(separator: ":")[0])! } == items)
        #expect(calls.withLock { $0.count == items.count && $0.values.allSatisfy { $0 == 1 } })
    }

    @Test(
        "while one worker is held on a long item, the other takes every other item",
        .enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2, "needs two threads at once")
    )
    func longItem() {
        let ran = Mutex<Set<Int>>([])
        let clock = ContinuousClock()
        _ = orderedParallelMap(Array(0..<41), workers: 2) { item -> Int in
            if item == 0 {
                // Wait (10 s at most) until the 40 others ran: dealt out in turn, only the
                // 20 odd items could have run meanwhile.
                let deadline = clock.now + .seconds(10)
                while ran.withLock({ $0.count }) < 40, clock.now < deadline {}
                #expect(ran.withLock { $0.count } == 40)
            } else {
                ran.withLock { _ = $0.insert(item) }
            }
            return item
        }
    }

    @Test("no items, no results")
    func empty() {
        #expect(orderedParallelMap([Int](), workers: 2) { $0 }.isEmpty)
    }
}
