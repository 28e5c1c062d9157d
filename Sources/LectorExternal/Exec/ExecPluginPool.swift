import Dispatch
import Glibc
import LectorCore
import Synchronization

/// Up to `instances` processes of one exec plugin, shared by all workers.
///
/// A worker takes an idle process (starting one when none is idle and fewer than
/// `instances` exist), exchanges one request and reply, and gives it back. A process that
/// times out, exits or breaks the protocol while it has a document is killed and that
/// document fails; the next request starts a new one, after a back-off that doubles with
/// each consecutive failure (from 50 ms, at most 2 s) and resets after a success. A
/// process that exited between documents is replaced at once and the document sent to
/// the new one.
final class ExecPluginPool: Sendable {
    struct Configuration: Sendable {
        var name: String
        var command: [String]
        var directory: String?
        var timeout: Double
        var startTimeout: Double
        var instances: Int
        var memoryLimit: Int?
        var hello: [UInt8]
    }

    private struct State {
        var idle: [PluginProcess] = []
        var consecutiveFailures = 0
        var started = 0
        var restarts = 0
    }

    let configuration: Configuration
    private let state = Mutex(State())
    /// Counts free slots; workers wait here while every instance is busy. Waiting blocks a
    /// worker thread, never the control queue: processing a document is blocking work.
    private let slots: DispatchSemaphore

    /// The plugin's handshake, read from the first process at start.
    let handshake: PluginProtocol.Handshake

    /// Starts the first process and reads its handshake, so a broken plugin is a
    /// configuration error when the chain is built.
    init(_ configuration: Configuration) throws {
        self.configuration = configuration
        slots = DispatchSemaphore(value: configuration.instances)
        let (process, handshake) = try Self.start(configuration)
        self.handshake = handshake
        state.withLock {
            $0.idle.append(process)
            $0.started = 1
        }
    }

    deinit {
        let processes = state.withLock { state in
            defer { state.idle = [] }
            return state.idle
        }
        for process in processes { process.terminate() }
    }

    /// How many processes were started, and how many of those were restarts after a failure.
    var counts: (started: Int, restarts: Int) {
        state.withLock { ($0.started, $0.restarts) }
    }

    /// Sends one request line and returns the reply line.
    ///
    /// A process found gone before it read the request (a plugin that exits cleanly after
    /// some documents, or was killed while idle) is replaced and the request sent again,
    /// once, without back-off: the document did nothing wrong. A process that dies, hangs
    /// or misbehaves while it has the request fails the document.
    func call(_ request: [UInt8]) throws -> [UInt8] {
        slots.wait()
        defer { slots.signal() }
        var resent = false
        while true {
            let process = try takeProcess(afterCleanExit: resent)
            let deadline = PluginProcess.monotonicNanoseconds() + UInt64(configuration.timeout * 1e9)
            do {
                let reply = try process.exchange(
                    request,
                    deadline: deadline,
                    timeout: configuration.timeout,
                    awaited: .reply
                )
                state.withLock {
                    $0.idle.append(process)
                    $0.consecutiveFailures = 0
                }
                return reply
            } catch {
                process.terminate()
                if process.exitedBeforeReadingRequest, !resent {
                    resent = true
                    continue
                }
                state.withLock { $0.consecutiveFailures += 1 }
                throw Self.restartNoted(error)
            }
        }
    }

    /// An idle live process, or a new one, after the back-off when the last ones failed.
    ///
    /// - Parameter afterCleanExit: Whether the previous process ended between documents;
    ///   its replacement is not a restart after a failure and waits for no back-off.
    /// - Returns: A process ready for a request.
    /// - Throws: ``ProcessorError`` when a new process cannot start or shake hands.
    private func takeProcess(afterCleanExit: Bool) throws -> PluginProcess {
        let (idle, failures) = state.withLock { state in (state.idle.popLast(), state.consecutiveFailures) }
        if let idle, idle.isAlive { return idle }
        if failures > 0, !afterCleanExit {
            usleep(UInt32(min(0.05 * pow(2, Double(failures - 1)), 2) * 1_000_000))
        }
        let process: PluginProcess
        do {
            process = try Self.start(configuration).process
        } catch {
            state.withLock { $0.consecutiveFailures += 1 }
            throw Self.restartNoted(error)
        }
        state.withLock {
            $0.started += 1
            if failures > 0, !afterCleanExit { $0.restarts += 1 }
        }
        return process
    }

    /// The error with what happens next: the failed process is gone, and the next
    /// document starts a new one.
    private static func restartNoted(_ error: any Error) -> any Error {
        guard var failure = error as? ProcessorError else { return error }
        failure.message += "; a new process starts for the next document"
        return failure
    }

    private static func start(
        _ configuration: Configuration
    ) throws -> (process: PluginProcess, handshake: PluginProtocol.Handshake) {
        let process = try PluginProcess(
            command: configuration.command,
            directory: configuration.directory,
            memoryLimit: configuration.memoryLimit,
            name: configuration.name
        )
        let deadline = PluginProcess.monotonicNanoseconds() + UInt64(configuration.startTimeout * 1e9)
        do {
            let line = try process.exchange(
                configuration.hello,
                deadline: deadline,
                timeout: configuration.startTimeout,
                awaited: .handshake
            )
            return (process, try PluginProtocol.handshake(line, expectedName: configuration.name))
        } catch {
            process.terminate()
            throw error
        }
    }
}
