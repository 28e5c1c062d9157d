import Glibc
import LectorSystem
import LectorTestSupport

@testable import LectorDaemon

/// A ``DaemonScheduler`` on a ``ManualClock``, for tests: every event is handled at the
/// clock's time, and what the scheduler asked for is returned.
struct SchedulerDriver {
    let clock = ManualClock()
    var scheduler: DaemonScheduler

    /// Creates a scheduler with small, readable settings; by default nothing is queued
    /// behind a running document, so that "claimed" means "running".
    init(
        workers: Int = 2,
        queuedPerWorker: Int = 0,
        minimumFreeBytes: Int = 1_000,
        shutdownTimeout: Duration = .seconds(30)
    ) {
        var settings = DaemonScheduler.Settings(
            workers: workers,
            minimumFreeBytes: minimumFreeBytes,
            shutdownTimeout: shutdownTimeout
        )
        settings.queuedPerWorker = queuedPerWorker
        scheduler = DaemonScheduler(settings: settings)
    }

    /// Handles an event now.
    @discardableResult
    mutating func send(_ event: SchedulerEvent) -> [SchedulerAction] {
        scheduler.handle(event, now: clock.now)
    }

    /// Advances the clock, then ticks.
    @discardableResult
    mutating func advance(by duration: Duration) -> [SchedulerAction] {
        clock.advance(by: duration)
        return send(.tick)
    }

    /// Starts the scheduler and answers its first free-space question with plenty.
    @discardableResult
    mutating func start(seeing names: [String] = []) -> [SchedulerAction] {
        for name in names { send(.fileSeen(FileName(name))) }
        var actions = send(.started)
        if actions.contains(.measureFreeSpace) { actions += send(.freeSpace(1_000_000)) }
        return actions
    }

    /// Claims and starts documents: answers every claim the actions ask for with `claimed`.
    @discardableResult
    mutating func claimAll(_ actions: [SchedulerAction]) -> [SchedulerAction] {
        var result: [SchedulerAction] = []
        for case .claim(let name) in actions { result += send(.claimed(name, .claimed)) }
        return result
    }

    /// The names the actions ask to claim.
    static func claims(_ actions: [SchedulerAction]) -> [String] {
        actions.compactMap { if case .claim(let name) = $0 { "\(name)" } else { nil } }
    }

    /// The names the actions start on a worker, with their attempts.
    static func dispatches(_ actions: [SchedulerAction]) -> [String] {
        actions.compactMap { if case .dispatch(let name, let attempt) = $0 { "\(name)#\(attempt)" } else { nil } }
    }
}

/// A file name from text.
func name(_ text: String) -> FileName { FileName(text) }
