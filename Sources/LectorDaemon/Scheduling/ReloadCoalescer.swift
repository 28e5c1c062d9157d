/// SIGHUP coalescing, shared by the folder daemon and the NATS daemon: a reload already
/// running absorbs any number of further requests into exactly one more reload after it,
/// so none is lost and none is repeated.
///
/// A pure value: the daemon asks it whether to start a reload and tells it when one ended.
public struct ReloadCoalescer: Sendable, Equatable {
    /// Whether a reload is running.
    public private(set) var isReloading = false
    /// Whether a request arrived while one was running.
    public private(set) var isRequestedAgain = false

    /// Creates a coalescer with no reload running.
    public init() {}

    /// A reload was asked for (SIGHUP).
    ///
    /// - Returns: Whether to start one now; `false` when one is running (it is then
    ///   followed by one more).
    public mutating func request() -> Bool {
        if isReloading {
            isRequestedAgain = true
            return false
        }
        isReloading = true
        return true
    }

    /// The running reload ended (applied or rejected).
    ///
    /// - Returns: Whether to start the one more reload that requests meanwhile asked for;
    ///   when `true`, it counts as running.
    public mutating func finish() -> Bool {
        isReloading = false
        guard isRequestedAgain else { return false }
        isRequestedAgain = false
        isReloading = true
        return true
    }

    /// Forgets a reload asked for while one ran (the daemon is draining): after the
    /// running one, none follows.
    public mutating func cancelPending() {
        isRequestedAgain = false
    }
}
