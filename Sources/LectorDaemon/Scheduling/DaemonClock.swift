import Foundation
import LectorCore

/// Where the daemons read the time: a monotonic instant for every decision (retry
/// backoff, drain deadline, the free-space check), and the wall time for what is
/// compared with files (`min_age`) or shown (the status).
///
/// The daemons use ``SystemDaemonClock``; tests use a manual clock that they advance, so
/// the scheduler's decisions are checked without sleeping.
public protocol DaemonClock: Sendable {
    /// The monotonic time now.
    var now: ContinuousClock.Instant { get }

    /// The wall time now, in seconds since the epoch.
    var wallTime: Double { get }

    /// Waits, on the calling thread, for a duration (a worker's backoff).
    ///
    /// - Parameter duration: How long.
    func sleep(for duration: Duration)
}

/// The real clock: `ContinuousClock`, `Date()` and `Thread.sleep`.
public struct SystemDaemonClock: DaemonClock {
    /// Creates the system clock.
    public init() {}

    /// The monotonic time now.
    public var now: ContinuousClock.Instant { ContinuousClock.now }

    /// The wall time now, in seconds since the epoch.
    public var wallTime: Double { Date().timeIntervalSince1970 }

    /// Blocks the calling thread for a duration.
    ///
    /// - Parameter duration: How long.
    public func sleep(for duration: Duration) {
        Thread.sleep(forTimeInterval: duration.inSeconds)
    }
}
