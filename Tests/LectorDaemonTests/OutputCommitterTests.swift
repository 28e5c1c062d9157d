import Foundation
import LectorSystem
import LectorTestSupport
import Synchronization
import Testing

@testable import LectorDaemon

/// Group commit (`OutputCommitter`): a lone output goes at once; under load (or in a stream
/// of single outputs), a short batch waits for more so that one folder fsync covers them.
@Suite("Output committer", .serialized)
struct OutputCommitterTests {
    @Test("a lone output is committed at once, without waiting for the window")
    func loneOutputAtOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let committer = OutputCommitter(spool: spool, window: .seconds(30))
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<DocumentJob.Outcome?>(nil)
        committer.submit(
            try item(spool, directory, "a.txt") { result in
                outcome.withLock { $0 = result }
                done.signal()
            }
        )
        #expect(done.wait(timeout: .now() + 10) == .success, "committed long before the 30 s window")
        guard case .written(let output, _) = outcome.withLock({ $0 }) else {
            Issue.record("expected a written outcome")
            return
        }
        #expect(output.text == "a.json")
        #expect(FileManager.default.fileExists(atPath: directory.appending("outbox/a.json")))
    }

    @Test("under load, an output handed over during the window joins the short batch before it")
    func shortBatchWaits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let committer = OutputCommitter(spool: spool, window: .milliseconds(500))
        let joined = try lateOutputJoinsBatch(committer, spool, directory, besidesB: ["c.txt"], after: 0)
        #expect(joined, "D was committed in B's batch")
        for name in ["a", "b", "c", "d"] {
            #expect(FileManager.default.fileExists(atPath: directory.appending("outbox/\(name).json")))
            #expect(
                !FileManager.default.fileExists(
                    atPath: directory.appending("inbox/.lector/work/\(spool.id)/\(name).txt")
                )
            )
        }
    }

    @Test(
        "a short batch waits the longer backlog window only while a deep backlog waits for the workers",
        arguments: [OutputCommitter.deepBacklog, OutputCommitter.deepBacklog - 1]
    )
    func backlogWindow(perWorker: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let committer = OutputCommitter(spool: spool, window: .milliseconds(1), backlogWindow: .seconds(2))
        committer.noteBacklog(perWorker: perWorker)
        // D comes well past the 1 ms window, well within the 2 s one.
        let joined = try lateOutputJoinsBatch(committer, spool, directory, besidesB: [], after: 0.5)
        #expect(joined == (perWorker >= OutputCommitter.deepBacklog), "whether D was committed in B's batch")
    }

    @Test("an output that finds the committer idle for less than a window waits for it, as in a stream")
    func streamWaits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let window = Duration.milliseconds(400)
        let committer = OutputCommitter(spool: spool, window: window, clock: ManualClock())
        let done = DispatchSemaphore(value: 0)
        committer.submit(try item(spool, directory, "a.txt") { _ in done.signal() })
        #expect(done.wait(timeout: .now() + 10) == .success)
        try waitUntilIdle(committer)
        // The manual clock stands still: B comes no time after A's batch, as from one
        // worker on two cores, which keeps the committer idle between its outputs.
        let b = try item(spool, directory, "b.txt") { _ in done.signal() }
        let handedOver = ContinuousClock.now
        committer.submit(b)
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(ContinuousClock.now - handedOver >= window, "B waited for more outputs to share its commit")
        #expect(FileManager.default.fileExists(atPath: directory.appending("outbox/b.json")))
    }

    @Test("an output that finds the committer idle for a window or more goes at once")
    func afterAPauseAtOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let clock = ManualClock()
        let committer = OutputCommitter(spool: spool, window: .seconds(30), clock: clock)
        let done = DispatchSemaphore(value: 0)
        committer.submit(try item(spool, directory, "a.txt") { _ in done.signal() })
        #expect(done.wait(timeout: .now() + 10) == .success)
        try waitUntilIdle(committer)
        clock.advance(by: .seconds(30))
        committer.submit(try item(spool, directory, "b.txt") { _ in done.signal() })
        #expect(done.wait(timeout: .now() + 10) == .success, "committed long before the 30 s window")
        #expect(FileManager.default.fileExists(atPath: directory.appending("outbox/b.json")))
    }

    @Test("the spares a syncfs batch keeps wait for the next sync, without three folder fsyncs of their own")
    func sparesWaitForNextSync() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let committer = OutputCommitter(spool: spool, window: .seconds(30))
        // Enough for commitSpares' batch and for the committer's fill target (no window wait).
        let names = (0..<max(Spool.spareCommitBatch, OutputCommitter.fillTarget) + 3).map { "n\($0).txt" }
        let done = DispatchSemaphore(value: 0)
        let batch = try names.map { try item(spool, directory, $0) { _ in done.signal() } }
        // A alone (an fsync, no syncfs); the others arrive while it is committed: one batch.
        committer.submit(
            try item(spool, directory, "a.txt") { _ in
                for other in batch { committer.submit(other) }
                done.signal()
            }
        )
        for _ in 0...names.count { #expect(done.wait(timeout: .now() + 10) == .success) }
        try waitUntilIdle(committer)
        let (pending, ready) = spool.spares.withLock { ($0.pending.count, $0.ready.count) }
        #expect(ready == 1, "A's spare, readied by the batch's syncfs")
        #expect(pending == names.count, "the batch's own spares wait for the next syncfs")
        try spool.syncFileSystem()
        #expect(spool.spares.withLock { $0.ready.count } == names.count + 1)
    }

    /// Commits A; while A is being committed, hands over B (and `others`), so that the next
    /// batch is under load and short; once A is done and `seconds` more have passed, hands
    /// over D.
    ///
    /// - Returns: Whether D's output was in the outbox when B completed: D joined B's batch.
    private func lateOutputJoinsBatch(
        _ committer: OutputCommitter,
        _ spool: Spool,
        _ directory: TemporaryDirectory,
        besidesB others: [String],
        after seconds: TimeInterval
    ) throws -> Bool {
        let firstDone = DispatchSemaphore(value: 0)
        let allDone = DispatchSemaphore(value: 0)
        let lateOutputThereWhenBCompleted = Mutex<Bool?>(nil)
        let b = try item(spool, directory, "b.txt") { _ in
            let late = FileManager.default.fileExists(atPath: directory.appending("outbox/d.json"))
            lateOutputThereWhenBCompleted.withLock { $0 = late }
            allDone.signal()
        }
        let rest = try others.map { try item(spool, directory, $0) { _ in allDone.signal() } }
        let d = try item(spool, directory, "d.txt") { _ in allDone.signal() }
        committer.submit(
            try item(spool, directory, "a.txt") { _ in
                committer.submit(b)
                for other in rest { committer.submit(other) }
                firstDone.signal()
            }
        )
        #expect(firstDone.wait(timeout: .now() + 10) == .success)
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
        committer.submit(d)
        for _ in 0..<(2 + rest.count) { #expect(allDone.wait(timeout: .now() + 10) == .success) }
        return lateOutputThereWhenBCompleted.withLock { $0 } == true
    }

    /// Waits (up to 10 s) until the committer has finished its drain.
    private func waitUntilIdle(_ committer: OutputCommitter) throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !committer.isIdle {
            try #require(ContinuousClock.now < deadline, "the committer stays busy")
            Thread.sleep(forTimeInterval: 0.001)
        }
    }

    /// Claims an input and stages its output, as a worker and the writer do.
    private func item(
        _ spool: Spool,
        _ directory: TemporaryDirectory,
        _ name: String,
        completion: @escaping @Sendable (DocumentJob.Outcome) -> Void
    ) throws -> OutputCommitter.Item {
        try directory.write("inbox/\(name)", text: "Short.")
        #expect(try spool.claim(FileName(name)) == .claimed)
        let temporary = try spool.stageOutput(Array(#"{"source":{"file":"\#(name)"}}"#.utf8))
        return OutputCommitter.Item(name: FileName(name), temporary: temporary, id: name, completion: completion)
    }
}
