import Foundation

extension NATSConnection {
    /// Runs a request, trying again on timeouts and lost connections for about six seconds
    /// (a server restarting, a cluster electing a leader) unless `giveUp` says otherwise.
    /// Publishes stay safe to repeat because each carries its message id.
    ///
    /// - Parameters:
    ///   - giveUp: Asked after each failure from the second on; `true` stops the tries.
    ///   - body: The request.
    /// - Returns: What the request returned.
    /// - Throws: The last ``NATSError``.
    public func retrying<Value>(
        giveUp: () -> Bool = { false },
        _ body: () throws(NATSError) -> Value
    ) throws(NATSError) -> Value {
        var delay = 0.1
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try body()
            } catch {
                if attempt >= 6 || (attempt >= 2 && giveUp()) { throw error }
                Thread.sleep(forTimeInterval: delay)
                delay *= 2
            }
        }
    }
}
