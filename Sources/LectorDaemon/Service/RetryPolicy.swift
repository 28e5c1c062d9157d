/// How long to wait before retrying a document after a transient error: doubling from
/// `initial`, capped at `maximum`. A pure function, so tests need no clock.
struct RetryPolicy: Sendable, Equatable {
    var initial: Double = 0.1
    var maximum: Double = 30

    /// The delay in seconds before attempt `attempt + 1`, where `attempt` ≥ 1 failed already.
    func delay(afterAttempt attempt: Int) -> Double {
        guard attempt > 0 else { return 0 }
        let exponent = min(attempt - 1, 30)
        return min(initial * Double(1 << exponent), maximum)
    }
}
