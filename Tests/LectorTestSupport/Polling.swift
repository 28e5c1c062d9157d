public import Foundation

/// Waiting for something to become true, and for a process to end, without a fixed sleep.
public enum Polling {
    /// Checks `condition` every `interval` seconds until it holds or `seconds` pass.
    ///
    /// - Parameters:
    ///   - seconds: The most time to wait.
    ///   - interval: Seconds between checks.
    ///   - condition: What to wait for.
    /// - Returns: Whether it held in time.
    public static func waitFor(seconds: Double, interval: Double = 0.02, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(useconds_t(interval * 1e6))
        }
        return condition()
    }

    /// Waits for a process to exit.
    ///
    /// - Parameters:
    ///   - process: The process.
    ///   - seconds: The most time to wait.
    /// - Returns: Its exit status (128 + signal when killed), or `nil` if still running.
    public static func exitStatus(_ process: Process, seconds: Double) -> Int32? {
        guard waitFor(seconds: seconds, { !process.isRunning }) else { return nil }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
    }
}
