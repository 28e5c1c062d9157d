import Glibc
import LectorSystem
import LectorTestSupport
import Testing

@testable import LectorDaemon

@Suite("DaemonScheduler: claims, retries, free space")
struct DaemonSchedulerTests {
    @Test("names seen while starting wait; once started, as many are claimed as there are workers")
    func startsUpToWorkers() {
        var driver = SchedulerDriver(workers: 2)
        driver.send(.fileSeen(name("a.txt")))
        driver.send(.fileSeen(name("b.txt")))
        #expect(driver.send(.fileSeen(name("c.txt"))).isEmpty, "nothing starts before ready")
        let started = driver.send(.started)
        #expect(started == [.ready, .measureFreeSpace], "claiming waits for a free-space reading")
        let claims = driver.send(.freeSpace(1_000_000))
        #expect(SchedulerDriver.claims(claims) == ["a.txt", "b.txt"])
        #expect(driver.send(.claimed(name("a.txt"), .claimed)) == [.dispatch(name("a.txt"), attempt: 1)])
        // b.txt was gone: its slot goes to c.txt.
        #expect(SchedulerDriver.claims(driver.send(.claimed(name("b.txt"), .gone))) == ["c.txt"])
        #expect(driver.scheduler.queued == 0)
    }

    @Test("with one document queued per worker, twice as many are dispatched; a finished one makes room")
    func queuedPerWorker() {
        var driver = SchedulerDriver(workers: 2, queuedPerWorker: 1)
        let claims = driver.start(seeing: ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"])
        #expect(SchedulerDriver.claims(claims) == ["a.txt", "b.txt", "c.txt", "d.txt"])
        for file in ["a.txt", "b.txt", "c.txt", "d.txt"] {
            #expect(driver.send(.claimed(name(file), .claimed)) == [.dispatch(name(file), attempt: 1)])
        }
        #expect(driver.scheduler.inFlight.count == 4)
        #expect(SchedulerDriver.claims(driver.send(.staged([name("a.txt")]))) == ["e.txt"])
    }

    @Test("the backlog counts names that wait for a worker: queued, or dispatched beyond the workers")
    func backlog() {
        var driver = SchedulerDriver(workers: 2, queuedPerWorker: 1)
        #expect(driver.scheduler.backlog == 0)
        driver.claimAll(driver.start(seeing: ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]))
        #expect(driver.scheduler.inFlight.count == 4)
        #expect(driver.scheduler.backlog == 3, "e.txt queued; c.txt and d.txt wait for a busy worker")
        driver.claimAll(driver.send(.staged([name("a.txt")])))
        #expect(driver.scheduler.backlog == 2, "b.txt to e.txt dispatched to two workers")
        driver.send(.staged([name("b.txt")]))
        #expect(driver.scheduler.backlog == 1)
        driver.send(.staged([name("c.txt")]))
        #expect(driver.scheduler.backlog == 0)
    }

    @Test("names that will not be dispatched are no backlog: while draining or while claiming is paused")
    func backlogOnlyOfWhatWillRun() {
        var driver = SchedulerDriver(workers: 2, queuedPerWorker: 1, minimumFreeBytes: 1_000)
        driver.claimAll(driver.start(seeing: ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"]))
        #expect(driver.scheduler.backlog == 4, "e.txt and f.txt queued; c.txt and d.txt wait for a busy worker")
        driver.clock.advance(by: .seconds(2))
        driver.send(.freeSpace(10))
        #expect(driver.scheduler.paused)
        #expect(driver.scheduler.backlog == 2, "the disk is full: e.txt and f.txt are not claimed")
        driver.send(.signal(SIGTERM))
        #expect(driver.scheduler.backlog == 2, "draining: only what the workers already hold")
    }

    @Test("ignored names and names already queued are not queued twice")
    func ignoredAndDuplicates() {
        var driver = SchedulerDriver()
        driver.send(.fileSeen(name(".hidden")))
        driver.send(.fileSeen(name("x.txt.tmp")))
        driver.send(.fileSeen(name("a.txt")))
        driver.send(.fileSeen(name("a.txt")))
        #expect(driver.scheduler.queued == 1)
    }

    @Test("a transient failure is retried after 0.1, 0.2, 0.4 s, not before, with the attempt counted")
    func retryBackoff() {
        var driver = SchedulerDriver(workers: 1)
        driver.claimAll(driver.start(seeing: ["a.txt"]))
        let expected: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(400)]
        for (index, delay) in expected.enumerated() {
            let attempt = index + 1
            let actions = driver.send(.finished(name("a.txt"), .retry("EIO", spoolBlocked: false)))
            #expect(actions.contains(.retry(name("a.txt"), reason: "EIO", delay: delay, attempt: attempt)))
            #expect(actions.contains(.wake(at: driver.clock.now + delay)))
            #expect(driver.scheduler.queued == 1, "a waiting retry counts as queued")
            #expect(SchedulerDriver.dispatches(driver.advance(by: delay - .milliseconds(1))).isEmpty)
            #expect(SchedulerDriver.dispatches(driver.advance(by: .milliseconds(1))) == ["a.txt#\(attempt + 1)"])
        }
        #expect(driver.scheduler.retries == 3)
        driver.send(.finished(name("a.txt"), .written))
        #expect(driver.scheduler.processed == 1)
        #expect(driver.scheduler.attempts.isEmpty, "a finished document's attempts are forgotten")
    }

    @Test("the backoff is capped at 30 s")
    func retryCap() {
        #expect(RetryPolicy().delay(afterAttempt: 9) == 25.6)
        #expect(RetryPolicy().delay(afterAttempt: 10) == 30)
        #expect(RetryPolicy().delay(afterAttempt: 1_000) == 30)
    }

    @Test("too young for min_age: looked at again when old enough; busy: again in a second")
    func tooYoungAndBusy() {
        var driver = SchedulerDriver(workers: 2)
        let claims = driver.start(seeing: ["young.txt", "open.txt"])
        #expect(SchedulerDriver.claims(claims) == ["young.txt", "open.txt"])
        driver.send(.claimed(name("young.txt"), .tooYoung(2.5)))
        driver.send(.claimed(name("open.txt"), .busy))
        #expect(driver.scheduler.waiting.count == 2)
        // A new event for a waiting name is absorbed.
        #expect(driver.send(.fileSeen(name("open.txt"))).isEmpty)
        var again = driver.advance(by: .seconds(1))
        #expect(again.first == .measureFreeSpace, "the reading is a second old")
        #expect(again.contains(.wake(at: driver.clock.now + .milliseconds(1_500))), "young.txt's turn")
        again = driver.send(.freeSpace(1_000_000))
        #expect(SchedulerDriver.claims(again) == ["open.txt"])
        #expect(driver.advance(by: .milliseconds(1_499)).isEmpty)
        #expect(driver.advance(by: .milliseconds(1)) == [.measureFreeSpace])
        #expect(SchedulerDriver.claims(driver.send(.freeSpace(1_000_000))) == ["young.txt"])
    }

    @Test("a low disk pauses claiming; it is measured again each second and resumes when space returns")
    func lowDiskPausesAndResumes() {
        var driver = SchedulerDriver(workers: 2, minimumFreeBytes: 64 << 20)
        driver.send(.fileSeen(name("a.txt")))
        #expect(driver.send(.started) == [.ready, .measureFreeSpace])
        let full = driver.send(.freeSpace(10 << 20))
        #expect(full == [.diskPaused(freeBytes: 10 << 20)])
        #expect(driver.scheduler.paused)
        #expect(driver.scheduler.lastError?.contains("nearly full (10 MiB free)") == true)
        // Within the second no new reading is asked for; nothing is claimed.
        #expect(driver.advance(by: .milliseconds(500)).isEmpty)
        #expect(driver.send(.fileSeen(name("b.txt"))).isEmpty)
        #expect(driver.advance(by: .milliseconds(500)) == [.measureFreeSpace])
        #expect(driver.send(.freeSpace(20 << 20)).isEmpty, "still full: still paused, said once")
        #expect(driver.advance(by: .seconds(1)) == [.measureFreeSpace])
        let back = driver.send(.freeSpace(100 << 20))
        #expect(back.first == .diskResumed)
        #expect(SchedulerDriver.claims(back) == ["a.txt", "b.txt"])
        #expect(!driver.scheduler.paused)
    }

    @Test("a spool that cannot be written pauses claiming until a document is written again")
    func spoolBlocked() {
        var driver = SchedulerDriver(workers: 1)
        driver.claimAll(driver.start(seeing: ["a.txt", "b.txt"]))
        let blocked = driver.send(.finished(name("a.txt"), .retry("EROFS", spoolBlocked: true)))
        #expect(blocked.contains(.spoolBlocked("EROFS")))
        #expect(driver.scheduler.blockedReason == "EROFS")
        #expect(SchedulerDriver.claims(blocked).isEmpty, "b.txt is not claimed while blocked")
        // The retry of a.txt (already claimed) still runs; once written, claiming resumes.
        #expect(SchedulerDriver.dispatches(driver.advance(by: .milliseconds(100))) == ["a.txt#2"])
        let resumed = driver.send(.finished(name("a.txt"), .written))
        #expect(resumed.first == .spoolResumed)
        #expect(driver.scheduler.blockedReason == nil)
        let next = resumed.contains(.measureFreeSpace) ? driver.send(.freeSpace(1_000_000)) : resumed
        #expect(SchedulerDriver.claims(next) == ["b.txt"])
    }

    @Test("a name dropped again while in flight is queued again once the first is done")
    func redropWhileInFlight() {
        var driver = SchedulerDriver(workers: 1)
        driver.claimAll(driver.start(seeing: ["a.txt"]))
        #expect(driver.send(.fileSeen(name("a.txt"))).isEmpty)
        #expect(driver.scheduler.seenAgain == [name("a.txt")])
        let done = driver.send(.finished(name("a.txt"), .written))
        #expect(SchedulerDriver.claims(done) == ["a.txt"])
    }

    @Test("work adopted from a dead sibling starts at once, or after this daemon's entry of that name")
    func adoption() {
        var driver = SchedulerDriver(workers: 2)
        driver.claimAll(driver.start(seeing: ["a.txt"]))
        let adopted = driver.send(.adopted([name("a.txt"), name("b.txt")]))
        #expect(SchedulerDriver.dispatches(adopted) == ["b.txt#1"], "no claim: they are in the work folder")
        #expect(driver.scheduler.heldAgain == [name("a.txt")])
        #expect(SchedulerDriver.dispatches(driver.send(.finished(name("a.txt"), .written))) == ["a.txt#1"])
    }

    @Test("staged documents told in one batch free their slots together; a name already finished is not held again")
    func stagedBatch() {
        var driver = SchedulerDriver(workers: 2, queuedPerWorker: 1)
        driver.claimAll(driver.start(seeing: ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt"]))
        #expect(driver.scheduler.inFlight.count == 4)
        let staged = driver.send(.staged([name("a.txt"), name("b.txt")]))
        #expect(SchedulerDriver.claims(staged) == ["e.txt", "f.txt"])
        driver.claimAll(staged)
        #expect(driver.send(.staged([])).isEmpty, "an empty batch starts nothing while the slots are full")
        driver.send(.finished(name("c.txt"), .written))
        driver.send(.staged([name("c.txt")]))
        #expect(!driver.scheduler.holds(name("c.txt")), "a late batch does not hold a finished document again")
        #expect(driver.scheduler.held == 5, "a and b committing; d, e and f in flight")
    }

    @Test("analysed documents free their worker while the committer stores them; latency is recorded")
    func stagingFreesTheWorker() {
        var driver = SchedulerDriver(workers: 1)
        driver.claimAll(driver.start(seeing: ["a.txt", "b.txt"]))
        driver.clock.advance(by: .milliseconds(40))
        let staged = driver.send(.staged([name("a.txt")]))
        #expect(SchedulerDriver.claims(staged) == ["b.txt"])
        driver.claimAll(staged)
        #expect(driver.scheduler.held == 2, "a.txt is still held until it is stored")
        driver.clock.advance(by: .milliseconds(10))
        driver.send(.finished(name("a.txt"), .written))
        #expect(driver.scheduler.latencies.total == 1)
        #expect(driver.scheduler.latencies.sum == 50)
    }
}
