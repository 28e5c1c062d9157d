public import Foundation

/// A real `lector run` on a real temporary spool, for end-to-end tests.
///
/// ```swift
/// let harness = try DaemonHarness(pipeline: ["metadata"])
/// defer { harness.tearDown() }
/// let daemon = try harness.start()
/// try harness.drop("a.txt", text: "Hello.")
/// #expect(harness.waitFor { harness.outputs().count == 1 })
/// ```
public final class DaemonHarness: @unchecked Sendable {
    // @unchecked Sendable: used from one test at a time; the process list is only touched
    // by the test's own thread.

    /// The temporary root holding config.yaml and the spool.
    public let root: TemporaryDirectory
    /// The spool's folders.
    public let inbox: String
    /// The outbox.
    public let outbox: String
    /// The failed folder.
    public let failed: String
    /// The configuration file.
    public let configPath: String
    private var processes: [(process: Process, log: String)] = []

    /// Creates a spool and writes its config.yaml.
    ///
    /// - Parameters:
    ///   - pipeline: The `pipeline:` list, one step per entry, as YAML.
    ///   - extra: More top-level YAML (`max_bytes: 1KB`, …).
    ///   - workers: `workers:`.
    /// - Throws: When files cannot be written.
    public init(pipeline: [String] = ["metadata"], extra: String = "", workers: Int = 2) throws {
        root = try TemporaryDirectory(prefix: "lector-daemon")
        inbox = root.appending("inbox")
        outbox = root.appending("outbox")
        failed = root.appending("failed")
        configPath = root.appending("config.yaml")
        try writeConfig(pipeline: pipeline, extra: extra, workers: workers)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    }

    /// Rewrites config.yaml (for reload tests).
    ///
    /// - Parameters:
    ///   - pipeline: The steps.
    ///   - extra: More top-level YAML.
    ///   - workers: `workers:`.
    /// - Throws: When the file cannot be written.
    public func writeConfig(pipeline: [String], extra: String = "", workers: Int = 2) throws {
        var yaml = "inbox: inbox\noutbox: outbox\nfailed: failed\nworkers: \(workers)\nshutdown_timeout: 20s\n"
        yaml += extra.isEmpty ? "" : extra + "\n"
        yaml += "pipeline:\n" + pipeline.map { "  - \($0)\n" }.joined()
        try root.write("config.yaml", text: yaml)
    }

    /// Writes config.yaml verbatim.
    ///
    /// - Parameter text: The YAML.
    /// - Throws: When the file cannot be written.
    public func writeRawConfig(_ text: String) throws {
        try root.write("config.yaml", text: text)
    }

    /// Starts `lector run` and waits until it reports `running` in its status file.
    ///
    /// - Parameter environment: Variables to add to the daemon's environment.
    /// - Returns: The process.
    /// - Throws: When it cannot start or does not become ready within 30 s.
    @discardableResult
    public func start(environment: [String: String] = [:]) throws -> Process {
        let process = try launch(environment: environment)
        try waitUntilReady(process)
        return process
    }

    /// Starts `lector run` without waiting for it (to signal it while it loads).
    ///
    /// - Parameter extra: Variables to add to the daemon's environment.
    /// - Returns: The process.
    /// - Throws: When it cannot start.
    public func launch(environment extra: [String: String] = [:]) throws -> Process {
        let log = root.appending("daemon-\(processes.count).log")
        let process = try LectorBinary.launch(["run", "--config", configPath], log: log, environment: extra)
        processes.append((process, log))
        return process
    }

    /// Waits until a launched daemon reports `running` in its status file.
    ///
    /// - Parameter process: The daemon.
    /// - Throws: When it exits or is not ready within 30 s.
    public func waitUntilReady(_ process: Process) throws {
        let pid = Int(process.processIdentifier)
        let ready = waitFor(seconds: 30) {
            self.statuses().contains { $0["pid"] as? Int == pid && $0["state"] as? String == "running" }
                || !process.isRunning
        }
        guard ready, process.isRunning else {
            throw HarnessError("the daemon did not become ready: \(self.log(of: process))")
        }
    }

    /// The status snapshots in `inbox/.lector/`.
    public func statuses() -> [[String: Any]] {
        let folder = inbox + "/.lector"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix("status-") && $0.hasSuffix(".json") }.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
    }

    /// The status snapshot of one daemon.
    ///
    /// - Parameter process: The daemon's process.
    /// - Returns: Its snapshot, if written.
    public func status(of process: Process) -> [String: Any]? {
        statuses().first { $0["pid"] as? Int == Int(process.processIdentifier) }
    }

    /// What a daemon wrote to stderr so far.
    ///
    /// - Parameter process: The daemon's process.
    /// - Returns: The log text.
    public func log(of process: Process) -> String {
        guard let entry = processes.first(where: { $0.process === process }) else { return "" }
        return (try? String(contentsOfFile: entry.log, encoding: .utf8)) ?? ""
    }

    /// How a document arrives in the inbox.
    public enum Arrival: Sendable {
        /// Created and written in the inbox itself.
        case inPlace
        /// Written next to the inbox, then renamed in (what producers should do).
        case renamed
    }

    /// Drops a document into the inbox.
    ///
    /// - Parameters:
    ///   - name: The file name.
    ///   - text: Its contents.
    ///   - arrival: How it arrives.
    /// - Throws: When it cannot be written.
    public func drop(_ name: String, text: String, arrival: Arrival = .renamed) throws {
        try drop(name, bytes: Array(text.utf8), arrival: arrival)
    }

    /// Drops bytes into the inbox.
    ///
    /// - Parameters:
    ///   - name: The file name.
    ///   - bytes: Its contents.
    ///   - arrival: How it arrives.
    /// - Throws: When it cannot be written.
    public func drop(_ name: String, bytes: [UInt8], arrival: Arrival = .renamed) throws {
        switch arrival {
        case .inPlace:
            try Data(bytes).write(to: URL(fileURLWithPath: inbox + "/" + name))
        case .renamed:
            let staging = root.appending("staging")
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            let temporary = staging + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, inbox + "/" + name) == 0 else { throw HarnessError("rename failed") }
        }
    }

    /// Drops bytes into the inbox under a name given as bytes (it need not be UTF-8): written
    /// next to the inbox, then renamed in.
    ///
    /// - Parameters:
    ///   - name: The file name's bytes.
    ///   - text: Its contents.
    /// - Throws: When it cannot be written.
    public func drop(rawName name: [UInt8], text: String) throws {
        let staging = root.appending("staging")
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let temporary = staging + "/raw-drop"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        let target = (Array((inbox + "/").utf8) + name).map { CChar(bitPattern: $0) } + [0]
        guard target.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { rename(temporary, $0) } ?? -1 }) == 0
        else { throw HarnessError("rename failed") }
    }

    /// The visible names in a folder (no dotfiles), sorted.
    ///
    /// - Parameter folder: A folder path.
    /// - Returns: The names.
    public func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every name in a folder, dotfiles included, sorted.
    ///
    /// - Parameter folder: A folder path.
    /// - Returns: The names.
    public func allNames(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// The outputs in the outbox.
    public func outputs() -> [String] { names(in: outbox) }

    /// The inputs set aside in failed/ (not their error records).
    public func failures() -> [String] { names(in: failed).filter { !$0.hasSuffix(".error.json") } }

    /// The files left in every daemon work folder (locks excluded).
    public func workLeftovers() -> [String] {
        let root = inbox + "/.lector/work"
        return names(in: root).flatMap { folder in
            allNames(in: root + "/" + folder).filter { $0 != ".lock" }.map { folder + "/" + $0 }
        }
    }

    /// Polls `condition` every 20 ms until it holds or the time is up.
    ///
    /// - Parameters:
    ///   - seconds: The most time to wait.
    ///   - condition: What to wait for.
    /// - Returns: Whether it held in time.
    @discardableResult
    public func waitFor(seconds: Double = 60, _ condition: () -> Bool) -> Bool {
        Polling.waitFor(seconds: seconds, condition)
    }

    /// Sends a signal to a daemon.
    ///
    /// - Parameters:
    ///   - number: The signal.
    ///   - process: The daemon.
    public func send(_ number: Int32, to process: Process) {
        kill(process.processIdentifier, number)
    }

    /// Waits for a daemon to exit.
    ///
    /// - Parameters:
    ///   - process: The daemon.
    ///   - seconds: The most time to wait.
    /// - Returns: Its exit status (128 + signal when killed), or `nil` if still running.
    public func waitForExit(_ process: Process, seconds: Double = 30) -> Int32? {
        Polling.exitStatus(process, seconds: seconds)
    }

    /// Kills every daemon still running.
    public func killAll() {
        for entry in processes where entry.process.isRunning {
            kill(entry.process.processIdentifier, SIGKILL)
            entry.process.waitUntilExit()
        }
    }

    /// Kills every daemon still running and removes the spool.
    public func tearDown() {
        killAll()
        root.remove()
    }
}

/// A harness failure with a message.
public struct HarnessError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// Creates an error.
    ///
    /// - Parameter description: What went wrong.
    public init(_ description: String) {
        self.description = description
    }
}
