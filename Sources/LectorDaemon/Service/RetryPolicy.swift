/// How long to wait before trying again after a transient error: doubling from
/// `initial`, capped at `maximum`. A pure function, so tests need no clock; both daemons
/// use it (document retries, binding, fetching, writing).
public struct RetryPolicy: Sendable, Equatable {
    /// The first delay, in seconds.
    public var initial: Double
    /// The longest delay, in seconds.
    public var maximum: Double

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - initial: The first delay, in seconds.
    ///   - maximum: The longest delay, in seconds.
    public init(initial: Double = 0.1, maximum: Double = 30) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The delay before attempt `attempt + 1`, where `attempt` ≥ 1 failed already.
    ///
    /// - Parameter attempt: How many attempts failed.
    /// - Returns: The delay in seconds.
    public func delay(afterAttempt attempt: Int) -> Double {
        guard attempt > 0 else { return 0 }
        let exponent = min(attempt - 1, 30)
        return min(initial * Double(1 << exponent), maximum)
    }
}
