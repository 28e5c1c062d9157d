import Glibc

/// Sends `sd_notify` messages to systemd over `$NOTIFY_SOCKET`, without libsystemd.
///
/// When the variable is unset (not run by systemd with `Type=notify`), every call does
/// nothing. One datagram per message, as systemd expects.
public struct SystemdNotifier: Sendable {
    private let address: [UInt8]?

    /// Reads `$NOTIFY_SOCKET`.
    ///
    /// - Parameter socketPath: The socket path; `nil` reads the environment. A leading `@`
    ///   names an abstract socket.
    public init(socketPath: String? = nil) {
        let path = socketPath ?? getenv("NOTIFY_SOCKET").map { String(cString: $0) }
        if let path, !path.isEmpty, path.utf8.count < 108 {
            var bytes = Array(path.utf8)
            if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
            address = bytes
        } else {
            address = nil
        }
    }

    /// Whether a notification socket is configured.
    public var isEnabled: Bool { address != nil }

    /// Sends one message, such as `READY=1\nSTATUS=…`, without ever blocking: when the
    /// reader lags and its queue is full, the message is dropped (a later STATUS says the
    /// same, newer), so a slow or stuck systemd can never stall the daemon.
    ///
    /// - Parameter message: Newline-separated `KEY=value` assignments.
    public func send(_ message: String) {
        guard let address else { return }
        let socket = Glibc.socket(
            AF_UNIX,
            Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue),
            0
        )
        guard socket >= 0 else { return }
        defer { close(socket) }
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            for (index, byte) in address.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + address.count)
        let bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeBytes {
                    sendto(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT), socketAddress, length)
                }
            }
        }
    }

    /// The watchdog interval systemd asked for (`$WATCHDOG_USEC`, for this process), in seconds.
    public static var watchdogInterval: Double? {
        guard let raw = getenv("WATCHDOG_USEC"), let usec = Double(String(cString: raw)), usec > 0 else { return nil }
        if let pid = getenv("WATCHDOG_PID"), let owner = Int32(String(cString: pid)), owner != getpid() { return nil }
        return usec / 1_000_000
    }

    /// `CLOCK_MONOTONIC` in microseconds, for `RELOADING=1` + `MONOTONIC_USEC=`.
    public static var monotonicMicroseconds: UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1000
    }
}
