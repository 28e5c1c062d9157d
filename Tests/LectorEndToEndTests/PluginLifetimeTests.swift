import Foundation
import LectorTestSupport
import Testing

/// Plugins never outlive Lector, however it ends (issue 20, finding 15).
@Suite("plugin processes end with Lector", .serialized)
struct PluginLifetimeTests {
    private let plugin = Repository.path("Tests/LectorEndToEndTests/Fixtures/plugins/misbehave.py")

    /// The processes whose parent is `parent`, from /proc.
    private static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry), let fields = statFields(pid), fields.count > 1,
                Int32(fields[1]) == parent
            else { return nil }
            return pid
        }
    }

    /// The fields of /proc/PID/stat after the command name: state, ppid, pgrp, …
    private static func statFields(_ pid: Int32) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// Whether `pid` has not ended (it is neither gone nor a zombie).
    private static func isRunning(_ pid: Int32) -> Bool {
        guard let state = statFields(pid)?.first else { return false }
        return state != "Z" && state != "X"
    }

    /// Waits up to `seconds` for `condition`.
    private static func waitFor(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    private static func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    @Test("kill -9 of `lector process` kills its hung plugin within a second", .timeLimit(.minutes(1)))
    func killNineOfProcess() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let config = try scratch.write(
            "config.yaml",
            text:
                "pipeline:\n  - exec: {name: probe, command: [python3, \(plugin)], options: {mode: hang}, timeout: 60s}\n"
        )
        let document = try scratch.write("doc.txt", text: "HANG here.\n")
        let log = scratch.appending("stderr.log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let lector = Process()
        lector.executableURL = URL(fileURLWithPath: LectorBinary.path)
        lector.arguments = ["process", "--config", config, document]
        lector.standardInput = FileHandle.nullDevice
        lector.standardOutput = FileHandle.nullDevice
        lector.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try lector.run()
        let parent = lector.processIdentifier
        #expect(
            Self.waitFor(seconds: 30) { Self.contents(log).contains("misbehave: hanging") },
            "\(Self.contents(log))"
        )
        let plugins = Self.children(of: parent)
        #expect(plugins.count == 1)

        kill(parent, SIGKILL)
        let gone = Self.waitFor(seconds: 1) { !plugins.contains(where: Self.isRunning) }
        // Foundation notices the exit only once every inheritor of its descriptors is gone,
        // so clean up before waiting.
        for pid in plugins { kill(-pid, SIGKILL) }
        lector.waitUntilExit()
        #expect(gone, "plugins \(plugins) outlived lector")
    }

    @Test("a daemon stopped by a second SIGTERM during a hung plugin leaves no plugin behind", .timeLimit(.minutes(1)))
    func secondSignalOfDaemon() throws {
        let harness = try DaemonHarness(
            pipeline: ["exec: {name: probe, command: [python3, \(plugin)], options: {mode: hang}, timeout: 60s}"],
            workers: 1
        )
        defer { harness.tearDown() }
        let daemon = try harness.start()
        let log = harness.root.appending("daemon-0.log")
        try harness.drop("doc.txt", text: "HANG here.")
        #expect(
            Self.waitFor(seconds: 30) { Self.contents(log).contains("misbehave: hanging") },
            "\(Self.contents(log))"
        )
        let plugins = Self.children(of: daemon.processIdentifier)
        #expect(plugins.count == 1)

        kill(daemon.processIdentifier, SIGTERM)
        usleep(200_000)
        kill(daemon.processIdentifier, SIGTERM)
        let exited = Self.waitFor(seconds: 10) { Self.statFields(daemon.processIdentifier)?.first ?? "Z" == "Z" }
        let gone = Self.waitFor(seconds: 1) { !plugins.contains(where: Self.isRunning) }
        for pid in plugins { kill(-pid, SIGKILL) }
        #expect(exited, "the daemon did not exit on a second SIGTERM")
        #expect(gone, "plugins \(plugins) outlived lector")
    }
}
