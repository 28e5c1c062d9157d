import CLectorSystem
import Glibc
import LectorCore

/// One running exec plugin: a child process with a pipe to its stdin and one from its
/// stdout, exchanging one JSON message per line.
///
/// Owned by one worker at a time (the pool hands it out exclusively), so it is not locked.
final class PluginProcess: @unchecked Sendable {
    // @unchecked Sendable: ExecPluginPool gives an instance to one worker at a time and
    // takes it back before anyone else sees it; the mutable read buffer is never shared.

    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private(set) var isAlive = true
    private let name: String
    /// How many bytes of the current request went into the pipe.
    private var requestBytesWritten = 0
    /// Whether the process was found gone with the current request still unread in its
    /// pipe: it ended between documents (a plugin that exits after N documents), not while
    /// working on this one.
    private(set) var exitedBeforeReadingRequest = false

    /// Starts the command.
    ///
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when it cannot start.
    init(command: [String], directory: String?, memoryLimit: Int?, name: String) throws {
        self.name = name
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard lector_pipe_cloexec(&toChild) == 0 else { throw Self.startError(name, command, errno) }
        guard lector_pipe_cloexec(&fromChild) == 0 else {
            let error = errno
            close(toChild[0])
            close(toChild[1])
            throw Self.startError(name, command, error)
        }
        var arguments: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) }
        arguments.append(nil)
        defer { for argument in arguments { free(argument) } }
        var child: pid_t = 0
        let error = arguments.withUnsafeBufferPointer { argv in
            lector_spawn(argv.baseAddress, directory, toChild[0], fromChild[1], Int64(memoryLimit ?? 0), &child)
        }
        close(toChild[0])
        close(fromChild[1])
        guard error == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw Self.startError(name, command, error)
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        terminate()
    }

    private static func startError(_ name: String, _ command: [String], _ error: Int32) -> ProcessorError {
        ProcessorError(
            .unavailable,
            "plugin '\(name)': cannot start \(command.first ?? "(empty command)"): \(String(cString: strerror(error)))"
        )
    }

    /// What Lector waits for in an exchange, for messages.
    enum Awaited {
        /// The handshake, at start.
        case handshake
        /// The reply to a document.
        case reply

        var phrase: String {
            switch self {
            case .handshake: "send its handshake"
            case .reply: "answer"
            }
        }
    }

    /// Writes one line, then reads one line, both before `deadline`.
    ///
    /// When the process turns out to have ended before it read the line (it exited
    /// between documents), ``exitedBeforeReadingRequest`` is set, so the caller can start a
    /// new process and send the line again.
    ///
    /// - Parameters:
    ///   - line: The message, without the newline.
    ///   - deadline: `CLOCK_MONOTONIC` nanoseconds by which the reply must be in.
    ///   - timeout: The timeout in seconds, for messages.
    ///   - awaited: What the reply is, for messages.
    /// - Returns: The reply line, without the newline.
    /// - Throws: ``ProcessorError``: timed out, exited, or wrote too much; the process is
    ///   then dead and must be replaced. The messages say what happened, not what the
    ///   caller will do about it.
    func exchange(_ line: [UInt8], deadline: UInt64, timeout: Double, awaited: Awaited) throws -> [UInt8] {
        requestBytesWritten = 0
        try write(line + [10], deadline: deadline, timeout: timeout, awaited: awaited)
        return try readLine(deadline: deadline, timeout: timeout, awaited: awaited)
    }

    /// Reads one line before `deadline`.
    private func readLine(deadline: UInt64, timeout: Double, awaited: Awaited) throws -> [UInt8] {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return line
            }
            guard buffer.count <= PluginProtocol.maximumReplyBytes else {
                terminate()
                throw ProcessorError(
                    .pluginFailed,
                    "plugin '\(name)' wrote a line over \(PluginProtocol.maximumReplyBytes) bytes"
                )
            }
            try wait(for: output, events: Int16(POLLIN), deadline: deadline, timeout: timeout, awaited: awaited)
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                throw exited()
            } else if errno != EAGAIN, errno != EINTR {
                throw exited()
            }
        }
    }

    private func write(_ bytes: [UInt8], deadline: UInt64, timeout: Double, awaited: Awaited) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(input, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written > 0 {
                offset += written
                requestBytesWritten = offset
            } else if written < 0, errno == EAGAIN || errno == EINTR {
                try wait(for: input, events: Int16(POLLOUT), deadline: deadline, timeout: timeout, awaited: awaited)
            } else {
                throw exited()
            }
        }
    }

    private func wait(
        for descriptor: Int32,
        events: Int16,
        deadline: UInt64,
        timeout: Double,
        awaited: Awaited
    ) throws {
        while true {
            let now = Self.monotonicNanoseconds()
            guard now < deadline else {
                terminate()
                throw ProcessorError(
                    .timedOut,
                    "plugin '\(name)' did not \(awaited.phrase) within \(timeout)s; it was killed"
                )
            }
            var request = pollfd(fd: descriptor, events: events, revents: 0)
            let milliseconds = Int32(min((deadline - now) / 1_000_000 + 1, 60_000))
            let ready = poll(&request, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw exited() }
        }
    }

    /// Marks the process dead, reaps it, and returns the error to report.
    ///
    /// First notes whether the current request is still whole in the pipe to the process:
    /// then the process ended before reading it. Only this request can be there, since
    /// every earlier one was answered, and a plugin cannot answer a line it has not read.
    private func exited() -> ProcessorError {
        if isAlive {
            let pending = lector_pipe_pending(input)
            exitedBeforeReadingRequest = pending >= 0 && Int(pending) == requestBytesWritten
        }
        let status = terminate()
        return ProcessorError(.pluginFailed, "plugin '\(name)' exited (\(status))")
    }

    /// Kills the process group and reaps the child; idempotent.
    ///
    /// - Returns: How it ended, for messages.
    @discardableResult
    func terminate() -> String {
        guard isAlive else { return "already stopped" }
        isAlive = false
        close(input)
        close(output)
        var status: Int32 = 0
        var reaped = waitpid(pid, &status, WNOHANG)
        // A plugin that closed its output is usually exiting: give it a moment to say how.
        var tries = 0
        while reaped == 0, tries < 20 {
            usleep(2_500)
            reaped = waitpid(pid, &status, WNOHANG)
            tries += 1
        }
        if reaped == 0 {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            repeat { reaped = waitpid(pid, &status, 0) } while reaped < 0 && errno == EINTR
        }
        guard reaped == pid else { return "unknown status" }
        let signal = status & 0x7F
        if signal != 0 { return signal == SIGKILL ? "killed" : "signal \(signal)" }
        return "exit status \((status >> 8) & 0xFF)"
    }

    static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
