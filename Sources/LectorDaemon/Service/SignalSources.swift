import CLectorSystem
public import Dispatch
import Glibc
import Synchronization

/// SIGTERM, SIGINT and SIGHUP through Dispatch sources, for the folder and the NATS daemon.
///
/// ``Daemon/blockSignals()`` blocks these signals first thing and records any that arrives
/// before the sources exist; ``takeRecorded(_:)`` hands those over, so a SIGHUP sent while
/// models load reloads once ready and a SIGTERM drains. Signal sources on Linux can miss a
/// signal sent right after activation: ``whenWorking(on:then:)`` raises SIGUSR2 until its
/// source has seen one, so that READY=1 promises working signal handling.
public final class SignalSources: Sendable {
    /// The signals handled through sources: the three a user sends, and SIGUSR2 for the check.
    public static let handled = [SIGTERM, SIGINT, SIGHUP, SIGUSR2]

    private final class Flag: Sendable {
        let value = Mutex(false)
    }

    private let sources: [SendableSource]
    private let working = Flag()

    /// Installs a source per handled signal on `queue`.
    ///
    /// - Parameters:
    ///   - queue: Where `handle` runs.
    ///   - handle: Called with SIGTERM, SIGINT or SIGHUP.
    public init(queue: DispatchQueue, handle: @escaping @Sendable (Int32) -> Void) {
        let working = working
        sources = Self.handled.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { @Sendable in
                if number == SIGUSR2 {
                    working.value.withLock { $0 = true }
                } else {
                    handle(number)
                }
            }
            source.activate()
            return SendableSource(source: source)
        }
    }

    /// Runs `body` on `queue` once the sources are known to receive signals.
    ///
    /// - Parameters:
    ///   - queue: Where `body` runs.
    ///   - body: What needs working signal handling (READY=1).
    public func whenWorking(on queue: DispatchQueue, then body: @escaping @Sendable () -> Void) {
        queue.async { @Sendable [self] in check(on: queue, then: body) }
    }

    private func check(on queue: DispatchQueue, then body: @escaping @Sendable () -> Void) {
        if working.value.withLock({ $0 }) {
            body()
            return
        }
        kill(getpid(), SIGUSR2)
        queue.asyncAfter(deadline: .now() + .milliseconds(1)) { @Sendable [self] in check(on: queue, then: body) }
    }

    /// Stops the sources.
    public func cancel() {
        for entry in sources { entry.source.cancel() }
    }

    /// The signals among `numbers` recorded before any source existed, each once, in the
    /// order given; their records are cleared.
    ///
    /// - Parameter numbers: The signals to look for.
    /// - Returns: Those that arrived.
    public static func takeRecorded(_ numbers: [Int32]) -> [Int32] {
        numbers.filter { lector_take_recorded_signal($0) != 0 }
    }

    /// SIGHUP, SIGTERM and SIGINT, if recorded before any source existed; see
    /// ``takeRecorded(_:)``.
    ///
    /// - Returns: Those that arrived.
    public static func takeRecorded() -> [Int32] { takeRecorded([SIGHUP, SIGTERM, SIGINT]) }
}

/// A Dispatch source (a thread-safe object) kept in a `Sendable` value.
private struct SendableSource: @unchecked Sendable {
    let source: any DispatchSourceSignal
}
