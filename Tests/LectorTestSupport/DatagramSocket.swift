import Glibc

/// A Unix datagram socket bound to a path, standing in for systemd's `$NOTIFY_SOCKET`.
public final class DatagramSocket {
    /// The descriptor.
    public let descriptor: Int32
    /// The path it is bound to.
    public let path: String

    /// Creates the socket and binds it (an existing file at `path` is removed first).
    ///
    /// - Parameter path: The socket's path (under 108 bytes).
    /// - Throws: ``HarnessError`` when it cannot be created or bound.
    public init(path: String) throws {
        unlink(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        self.path = path
        guard descriptor >= 0 else { throw HarnessError("socket failed") }
        var address = Self.address(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw HarnessError("bind failed")
        }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Sends datagrams to the socket without blocking until its queue is full, so that
    /// every later sender would block (a reader that never reads).
    ///
    /// - Returns: How many datagrams it took.
    public func fill() -> Int {
        let writer = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        defer { close(writer) }
        var address = Self.address(path)
        var sent = 0
        while sent < 1_000_000 {
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(writer, "STATUS=filler", 13, 0, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            if result < 0 { break }
            sent += 1
        }
        return sent
    }

    /// The datagrams that have arrived, without waiting.
    ///
    /// - Returns: Each datagram's text, oldest first.
    public func receive() -> [String] {
        var messages: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard count > 0 else { return messages }
            messages.append(String(decoding: buffer[..<count], as: UTF8.self))
        }
    }

    private static func address(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        return address
    }
}
