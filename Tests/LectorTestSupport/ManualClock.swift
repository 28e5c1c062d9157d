public import LectorDaemon
import Synchronization

/// A clock that moves only when a test advances it (hummingbird's `MockClock`, NIO's
/// `advanceTime(by:)`): the daemons' time-dependent decisions are checked without sleeping.
///
/// `sleep(for:)` does not block: it advances the clock by the duration, so a backoff loop
/// run against it finishes at once and the test reads how long it would have waited.
public final class ManualClock: DaemonClock {
    private struct Reading {
        var offset: Duration = .zero
        var slept: [Duration] = []
    }

    private let origin: ContinuousClock.Instant
    private let wallOrigin: Double
    private let reading = Mutex(Reading())

    /// Creates a clock at an arbitrary instant.
    ///
    /// - Parameter wallTime: The wall time it starts at, in seconds since the epoch.
    public init(wallTime: Double = 1_700_000_000) {
        origin = ContinuousClock.now
        wallOrigin = wallTime
    }

    /// The monotonic time now.
    public var now: ContinuousClock.Instant { origin + reading.withLock { $0.offset } }

    /// The wall time now, in seconds since the epoch.
    public var wallTime: Double { wallOrigin + reading.withLock { $0.offset }.inSecondsForClock }

    /// How long since the clock was made.
    public var elapsed: Duration { reading.withLock { $0.offset } }

    /// Every duration `sleep(for:)` was asked for, in order.
    public var sleeps: [Duration] { reading.withLock { $0.slept } }

    /// Moves the clock forward.
    ///
    /// - Parameter duration: How far.
    public func advance(by duration: Duration) {
        reading.withLock { $0.offset += duration }
    }

    /// Records the sleep and advances the clock by it, without blocking.
    ///
    /// - Parameter duration: How long the caller would wait.
    public func sleep(for duration: Duration) {
        reading.withLock {
            $0.slept.append(duration)
            $0.offset += duration
        }
    }
}

extension Duration {
    fileprivate var inSecondsForClock: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
