import Glibc
import LectorSystem
import LectorTestSupport
import Testing

@testable import LectorDaemon

@Suite("DaemonScheduler: signals, drain, reload")
struct DaemonSchedulerLifecycleTests {
    @Test("SIGTERM drains: nothing new is claimed; the stop comes with the last held document")
    func drain() {
        var driver = SchedulerDriver(workers: 1)
        driver.claimAll(driver.start(seeing: ["a.txt", "b.txt"]))
        driver.send(.adopted([name("c.txt")]))
        let draining = driver.send(.signal(SIGTERM))
        #expect(draining.first == .drain(held: 1, signal: SIGTERM))
        #expect(draining.contains(.wake(at: driver.clock.now + .seconds(30))))
        #expect(driver.send(.fileSeen(name("d.txt"))).isEmpty, "names seen while draining are left")
        let stop = driver.send(.finished(name("a.txt"), .written))
        #expect(stop == [.stop(status: 0, returning: [name("c.txt")], timedOut: false)], "c.txt goes back")
        #expect(driver.scheduler.phase == .stopped)
        #expect(driver.send(.finished(name("b.txt"), .written)).isEmpty, "after the stop, nothing")
    }

    @Test("with one document queued per worker (the daemon's setting), a drain waits for both")
    func drainWithQueued() {
        var driver = SchedulerDriver(workers: 1, queuedPerWorker: 1)
        let claims = driver.start(seeing: ["a.txt", "b.txt", "c.txt"])
        #expect(SchedulerDriver.claims(claims) == ["a.txt", "b.txt"], "one running, one queued behind it")
        driver.claimAll(claims)
        let draining = driver.send(.signal(SIGTERM))
        #expect(draining.first == .drain(held: 2, signal: SIGTERM))
        #expect(driver.send(.finished(name("a.txt"), .written)).isEmpty, "b.txt is still held")
        let stop = driver.send(.finished(name("b.txt"), .written))
        #expect(stop == [.stop(status: 0, returning: [], timedOut: false)], "c.txt was never claimed")
        #expect(driver.scheduler.phase == .stopped)
    }

    @Test("a drain gives up at shutdown_timeout with documents still held")
    func drainDeadline() {
        var driver = SchedulerDriver(workers: 1, shutdownTimeout: .seconds(5))
        driver.claimAll(driver.start(seeing: ["slow.txt"]))
        driver.send(.signal(SIGINT))
        #expect(driver.advance(by: .milliseconds(4_999)).isEmpty)
        #expect(driver.advance(by: .milliseconds(1)) == [.stop(status: 0, returning: [], timedOut: true)])
    }

    @Test("a drain with nothing held stops at once")
    func idleDrain() {
        var driver = SchedulerDriver()
        driver.start()
        let actions = driver.send(.signal(SIGTERM))
        #expect(actions.first == .drain(held: 0, signal: SIGTERM))
        #expect(actions.contains(.stop(status: 0, returning: [], timedOut: false)))
    }

    @Test("a second SIGTERM or SIGINT ends the process at once with 128 + the signal", arguments: [SIGTERM, SIGINT])
    func secondSignal(second: Int32) {
        var driver = SchedulerDriver(workers: 1)
        driver.claimAll(driver.start(seeing: ["a.txt"]))
        driver.send(.signal(SIGTERM))
        #expect(driver.send(.signal(second)) == [.abort(status: 128 + second, held: 1)])
        #expect(driver.scheduler.phase == .stopped)
    }

    @Test("SIGTERM while starting drains before ready: ready never comes")
    func termWhileStarting() {
        var driver = SchedulerDriver()
        driver.send(.fileSeen(name("a.txt")))
        let actions = driver.send(.signal(SIGTERM))
        #expect(actions.contains(.stop(status: 0, returning: [], timedOut: false)))
        #expect(driver.send(.started).isEmpty)
    }

    @Test("the inbox gone: a drain that ends with 75")
    func inboxGone() {
        var driver = SchedulerDriver(workers: 1)
        driver.claimAll(driver.start(seeing: ["a.txt"]))
        #expect(driver.send(.inboxGone).first == .drain(held: 1, signal: SIGTERM))
        let stop = driver.send(.finished(name("a.txt"), .written))
        #expect(stop == [.stop(status: 75, returning: [], timedOut: false)])
    }

    @Test("three SIGHUPs during a reload make exactly one more reload, and no fourth")
    func reloadCoalescing() {
        var driver = SchedulerDriver()
        driver.start()
        #expect(driver.send(.signal(SIGHUP)) == [.startReload])
        for _ in 0..<3 { #expect(driver.send(.signal(SIGHUP)).isEmpty) }
        let first = driver.send(.reloadFinished(nil))
        #expect(first == [.writeStatus, .startReload], "one more, for the three")
        let second = driver.send(.reloadFinished(nil))
        #expect(second == [.writeStatus], "and no fourth")
        #expect(driver.send(.signal(SIGHUP)) == [.startReload], "a later SIGHUP reloads again")
    }

    @Test("a reload's new settings apply: more workers start more documents")
    func reloadAppliesSettings() {
        var driver = SchedulerDriver(workers: 1)
        driver.claimAll(driver.start(seeing: ["a.txt", "b.txt"]))
        driver.send(.signal(SIGHUP))
        var settings = driver.scheduler.settings
        settings.workers = 2
        let applied = driver.send(.reloadFinished(settings))
        #expect(SchedulerDriver.claims(applied) == ["b.txt"])
    }

    @Test("a SIGHUP while draining is ignored, and one asked for during a reload is dropped by a drain")
    func reloadDuringDrain() {
        var driver = SchedulerDriver(workers: 1)
        driver.claimAll(driver.start(seeing: ["a.txt"]))
        driver.send(.signal(SIGHUP))
        driver.send(.signal(SIGHUP))
        driver.send(.signal(SIGTERM))
        #expect(driver.send(.signal(SIGHUP)).isEmpty)
        #expect(driver.send(.reloadFinished(nil)) == [.writeStatus])
    }

    @Test("the coalescer alone: request, absorb, one more, done")
    func coalescer() {
        var reload = ReloadCoalescer()
        let answers = [reload.request(), reload.request(), reload.request()]
        #expect(answers == [true, false, false])
        let again = reload.finish()
        #expect(again && reload.isReloading)
        let more = reload.finish()
        #expect(!more && !reload.isReloading)
    }

    @Test("the shutdown sequence alone (the NATS daemon's): a drain until the deadline, then 128 + the signal")
    func shutdownSequence() {
        let clock = ManualClock()
        var shutdown = ShutdownSequence()
        #expect(!shutdown.isOverdue(now: clock.now), "no drain, no deadline")
        let first = shutdown.signal(SIGTERM, now: clock.now, timeout: .seconds(30))
        #expect(first == .drain(until: clock.now + .seconds(30)))
        clock.advance(by: .seconds(29))
        #expect(!shutdown.isOverdue(now: clock.now))
        clock.advance(by: .seconds(1))
        #expect(shutdown.isOverdue(now: clock.now))
        let second = shutdown.signal(SIGINT, now: clock.now, timeout: .seconds(30))
        #expect(second == .exitNow(status: 128 + SIGINT))
    }

    @Test("the manual clock's sleep advances it without blocking (the NATS daemon's backoff)")
    func manualSleep() {
        let clock = ManualClock()
        let start = clock.now
        let backoff = RetryPolicy(initial: 0.2, maximum: 10)
        for attempt in 1...8 { clock.sleep(for: .seconds(backoff.delay(afterAttempt: attempt))) }
        #expect(clock.sleeps.map(\.components.seconds) == [0, 0, 0, 1, 3, 6, 10, 10])
        #expect(clock.now - start == clock.elapsed)
    }

    @Test("the exit latch keeps the first status")
    func exitLatch() {
        let latch = ExitLatch()
        latch.finish(75)
        latch.finish(0)
        #expect(latch.isFinished)
        #expect(latch.wait() == 75)
    }
}
