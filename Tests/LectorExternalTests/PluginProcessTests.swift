import Foundation
import Glibc
import Synchronization
import Testing

@testable import LectorExternal

@Suite("PluginProcess lifetime", .serialized)
struct PluginProcessTests {
    /// Plugins die mid-write here; like the `lector` executable, the test process ignores
    /// SIGPIPE so that such a write fails with EPIPE rather than ending the process.
    init() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Whether `pid` is a process that has not ended (neither gone nor a zombie).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }

    /// The processes in process group `group`, from /proc.
    static func members(ofGroup group: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // After "pid (comm) ": state, ppid, pgrp.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, pid_t(fields[2]) == group, isRunning(pid) else { return nil }
            return pid
        }
    }

    @Test("a plugin started from a thread that then ends keeps running", .timeLimit(.minutes(1)))
    func outlivesTheStartingThread() throws {
        let started = Mutex<PluginProcess?>(nil)
        let thread = Thread {
            let process = try? PluginProcess(
                command: ["/bin/sleep", "30"],
                directory: nil,
                memoryLimit: nil,
                name: "s"
            )
            started.withLock { $0 = process }
        }
        thread.start()
        var process: PluginProcess?
        for _ in 0..<200 where process == nil {
            usleep(10_000)
            process = started.withLock { $0 }
        }
        let plugin = try #require(process)
        defer { plugin.terminate() }
        // The thread has returned; a death signal tied to it would have fired by now.
        while !thread.isFinished { usleep(10_000) }
        usleep(300_000)
        #expect(Self.isRunning(plugin.pid))
    }

    @Test("terminating a plugin kills its whole process group, children included", .timeLimit(.minutes(1)))
    func terminateKillsGroup() throws {
        let plugin = try PluginProcess(
            command: ["/bin/sh", "-c", "sleep 30 & wait"],
            directory: nil,
            memoryLimit: nil,
            name: "group"
        )
        var members: [pid_t] = []
        for _ in 0..<200 where members.count < 2 {
            usleep(10_000)
            members = Self.members(ofGroup: plugin.pid)
        }
        #expect(members.count == 2, "the shell and its sleep: \(members)")
        #expect(plugin.terminate() == "killed")
        for _ in 0..<100 where !Self.members(ofGroup: plugin.pid).isEmpty { usleep(10_000) }
        #expect(Self.members(ofGroup: plugin.pid).isEmpty)
    }
}
