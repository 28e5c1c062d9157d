public import Foundation
import Glibc

/// Real `nats-server` processes with JetStream on loopback ports: one server, or a cluster
/// whose nodes route to each other. Each keeps its store in the test's temporary folder.
public final class NATSServers: @unchecked Sendable {
    /// One server.
    public struct Node: Sendable {
        /// Its server name.
        public var name: String
        /// The port clients connect to.
        public var clientPort: Int
        /// The port the other nodes route to (0 for a lone server).
        public var clusterPort: Int
        /// Its JetStream store.
        public var storeDirectory: String
        /// Its client URL.
        public var url: String { "nats://127.0.0.1:\(clientPort)" }
    }

    /// The nodes.
    public let nodes: [Node]
    private var processes: [Int: Process] = [:]
    private let root: String
    private let extraArguments: [String]

    /// Where `nats-server` is installed (`make test` installs it), if anywhere.
    public static var executable: String? {
        ["/usr/bin/nats-server", "/usr/sbin/nats-server", "/usr/local/bin/nats-server"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Whether `nats-server` is installed.
    public static var isInstalled: Bool { executable != nil }

    /// Picks free ports for `count` nodes (a cluster when more than one) under `root`.
    ///
    /// - Parameters:
    ///   - count: How many servers.
    ///   - root: A folder for their stores and logs.
    ///   - extraArguments: More `nats-server` arguments for every node (TLS options).
    /// - Throws: When no free port can be found.
    public init(count: Int, root: String, extraArguments: [String] = []) throws {
        self.root = root
        self.extraArguments = extraArguments
        var ports = Set<Int>()
        while ports.count < count * 2 { ports.insert(try Self.freePort()) }
        let sorted = Array(ports)
        nodes = (0..<count).map { index in
            Node(
                name: "n\(index)",
                clientPort: sorted[2 * index],
                clusterPort: count > 1 ? sorted[2 * index + 1] : 0,
                storeDirectory: "\(root)/nats-n\(index)"
            )
        }
    }

    /// Every node's client URL.
    public var urls: [String] { nodes.map(\.url) }

    /// Starts every node and waits until each accepts connections.
    public func startAll() throws {
        for index in nodes.indices { try launch(index) }
        for index in nodes.indices { try waitUntilListening(index) }
    }

    /// Starts one node (again) and waits until it accepts connections.
    ///
    /// - Parameter index: The node.
    /// - Throws: When it cannot start or does not listen within 20 s.
    public func start(_ index: Int) throws {
        try launch(index)
        try waitUntilListening(index)
    }

    /// Sends a signal to a node (SIGKILL: it dies at once, its store as it was).
    ///
    /// - Parameters:
    ///   - index: The node.
    ///   - number: The signal.
    public func kill(_ index: Int, signal number: Int32 = SIGKILL) {
        guard let process = processes[index], process.isRunning else { return }
        Glibc.kill(process.processIdentifier, number)
        process.waitUntilExit()
    }

    /// Kills every node.
    public func stopAll() {
        for index in nodes.indices { kill(index) }
    }

    private func launch(_ index: Int) throws {
        let node = nodes[index]
        try FileManager.default.createDirectory(atPath: node.storeDirectory, withIntermediateDirectories: true)
        var arguments =
            [
                "-js", "-sd", node.storeDirectory, "-a", "127.0.0.1", "-p", "\(node.clientPort)",
                "--server_name", node.name,
            ] + extraArguments
        if node.clusterPort != 0 {
            let routes = nodes.filter { $0.name != node.name }.map { "nats://127.0.0.1:\($0.clusterPort)" }
            arguments += [
                "--cluster_name", "lector", "--cluster", "nats://127.0.0.1:\(node.clusterPort)",
                "--routes", routes.joined(separator: ","),
            ]
        }
        let log = "\(root)/nats-\(node.name).log"
        if !FileManager.default.fileExists(atPath: log) {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable ?? "nats-server")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        processes[index] = process
    }

    private func waitUntilListening(_ index: Int) throws {
        let port = nodes[index].clientPort
        if Polling.waitFor(seconds: 20, { Self.accepts(port: port) }) { return }
        throw HarnessError("nats-server \(nodes[index].name) did not listen on \(nodes[index].clientPort)")
    }

    /// A port on 127.0.0.1 that nothing listens on now.
    public static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw HarnessError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
