/// SIGTERM and SIGINT, shared by the folder daemon and the NATS daemon: the first signal
/// begins a drain that ends by a deadline; a second one ends the process at once.
///
/// A pure value: the daemon tells it each signal with the time, and asks it whether the
/// deadline has passed.
public struct ShutdownSequence: Sendable, Equatable {
    /// What to do about a signal.
    public enum Decision: Sendable, Equatable {
        /// Begin draining: finish what is held, until the deadline.
        case drain(until: ContinuousClock.Instant)
        /// A second signal: end the process now with this status (128 + the signal).
        case exitNow(status: Int32)
    }

    /// When the drain gives up; `nil` before the first signal.
    public private(set) var deadline: ContinuousClock.Instant?

    /// Creates a sequence before any signal.
    public init() {}

    /// Whether a drain has begun.
    public var isDraining: Bool { deadline != nil }

    /// A SIGTERM or SIGINT arrived.
    ///
    /// - Parameters:
    ///   - number: The signal.
    ///   - now: The time now.
    ///   - timeout: How long the drain may take (`shutdown_timeout`).
    /// - Returns: Whether to drain or to end now.
    public mutating func signal(_ number: Int32, now: ContinuousClock.Instant, timeout: Duration) -> Decision {
        if isDraining { return .exitNow(status: 128 + number) }
        let until = now + timeout
        deadline = until
        return .drain(until: until)
    }

    /// Whether the drain's deadline has passed.
    ///
    /// - Parameter now: The time now.
    /// - Returns: `true` once a drain has begun and its deadline is not after `now`.
    public func isOverdue(now: ContinuousClock.Instant) -> Bool {
        deadline.map { $0 <= now } ?? false
    }
}
