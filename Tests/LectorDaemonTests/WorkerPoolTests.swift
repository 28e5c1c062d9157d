import Dispatch
import Glibc
import Synchronization
import Testing

@testable import LectorDaemon

@Suite("WorkerPool")
struct WorkerPoolTests {
    @Test("never more jobs at once than the limit; every job runs once")
    func limitAndOrder() async {
        let pool = WorkerPool(label: "test.pool")
        let figures = Mutex((running: 0, most: 0, order: [Int]()))
        let done = DispatchGroup()
        for index in 0..<40 {
            done.enter()
            pool.submit(limit: 2) {
                figures.withLock {
                    $0.running += 1
                    $0.most = max($0.most, $0.running)
                    $0.order.append(index)
                }
                usleep(500)
                figures.withLock { $0.running -= 1 }
                done.leave()
            }
        }
        await Self.wait(for: done)
        let result = figures.withLock { $0 }
        #expect(result.most <= 2)
        #expect(result.order.sorted() == Array(0..<40))
    }

    @Test("a lower limit takes effect as workers finish")
    func lowerLimit() async {
        let pool = WorkerPool(label: "test.pool.lower")
        let figures = Mutex((running: 0, most: 0))
        let done = DispatchGroup()
        for index in 0..<30 {
            done.enter()
            pool.submit(limit: index < 3 ? 3 : 1) {
                figures.withLock { $0.running += 1 }
                usleep(500)
                figures.withLock {
                    if index >= 10 { $0.most = max($0.most, $0.running) }
                    $0.running -= 1
                }
                done.leave()
            }
        }
        await Self.wait(for: done)
        #expect(figures.withLock { $0.most } == 1, "after the first jobs, one at a time")
    }

    @Test("the pool runs low once at most one job waits per worker")
    func runningLow() async {
        let pool = WorkerPool(label: "test.pool.low")
        let gate = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        #expect(pool.isRunningLow)
        for _ in 0..<4 {
            done.enter()
            pool.submit(limit: 1) {
                gate.wait()
                done.leave()
            }
        }
        #expect(!pool.isRunningLow, "one runs, three wait")
        gate.signal()
        gate.signal()
        for _ in 0..<1000 where !pool.isRunningLow { usleep(1000) }
        #expect(pool.isRunningLow, "one runs, at most one waits")
        gate.signal()
        gate.signal()
        await Self.wait(for: done)
    }

    /// Waits for a group without blocking a thread of the test runner's pool (a blocked
    /// one would keep Dispatch from starting the pool's workers).
    private static func wait(for group: DispatchGroup) async {
        await withCheckedContinuation { continuation in
            group.notify(queue: .global()) { continuation.resume() }
        }
    }

    @Test("workers stage their own outputs once they fill every core; with a core left over, the writer does")
    func whoWrites() {
        #expect(!Daemon.writesOnWorker(workers: 1, processors: 2))
        #expect(!Daemon.writesOnWorker(workers: 3, processors: 8))
        #expect(Daemon.writesOnWorker(workers: 2, processors: 2))
        #expect(Daemon.writesOnWorker(workers: 4, processors: 2))
        #expect(Daemon.writesOnWorker(workers: 1, processors: 1))
    }
}
