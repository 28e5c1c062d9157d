import Foundation
import Glibc
import LectorCore
import LectorTestSupport
import Testing

/// What a hostile test of the daemon found (issue 20): each case lost, stalled or killed
/// something before; each now ends with every input in exactly one place, promptly.
@Suite("lector run: hostile inputs and surroundings", .serialized)
struct DaemonHostileTests {
    private func outputText(_ harness: DaemonHarness, _ name: String) throws -> String? {
        let bytes = try #require(FileManager.default.contents(atPath: harness.outbox + "/" + name))
        return try JSONValue.parse(Array(bytes))["text"]?.stringValue
    }

    @Test("a file its writer still holds open is not claimed by the start-up scan", .timeLimit(.minutes(1)))
    func openWriterAtStartUp() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        try harness.drop("slow.txt", text: "One part.", arrival: .inPlace)
        let writer = try #require(FileHandle(forWritingAtPath: harness.inbox + "/slow.txt"))
        try writer.seekToEnd()
        let daemon = try harness.start()
        usleep(1_200_000)
        #expect(harness.outputs().isEmpty, "claimed while its writer had it open")
        #expect(harness.names(in: harness.inbox) == ["slow.txt"])
        try writer.write(contentsOf: Data(" Two part.".utf8))
        try writer.close()
        #expect(harness.waitFor(seconds: 10) { harness.outputs() == ["slow.json"] })
        #expect(try outputText(harness, "slow.json") == "One part. Two part.")
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    @Test("hard links, FIFOs and symlinks dropped while running are handled at once, as at start-up")
    func createdOnly() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let daemon = try harness.start()
        let original = try harness.root.write("original.txt", text: "A linked article.")
        #expect(link(original, harness.inbox + "/linked.txt") == 0)
        #expect(mkfifo(harness.inbox + "/pipe.txt", 0o644) == 0)
        #expect(symlink(original, harness.inbox + "/symlink.txt") == 0)
        #expect(
            harness.waitFor(seconds: 5) {
                harness.outputs() == ["linked.json"] && Set(harness.failures()) == ["pipe.txt", "symlink.txt"]
            },
            "\(harness.outputs()) \(harness.failures())"
        )
        #expect(FileManager.default.fileExists(atPath: original), "the other link stays")
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    @Test("the inbox moved away: the daemon exits 75, so that systemd restarts it on the new folder")
    func inboxMoved() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let daemon = try harness.start()
        #expect(rename(harness.inbox, harness.inbox + ".old") == 0)
        // The daemon's status write may have made the path again in between (mkdir -p of
        // inbox/.lector): either way a different folder now stands at the inbox's path.
        try FileManager.default.createDirectory(atPath: harness.inbox, withIntermediateDirectories: true)
        #expect(harness.waitForExit(daemon, seconds: 10) == 75)
    }

    @Test("a sibling killed with work in flight: a live daemon takes it over without a restart")
    func adoptLive() throws {
        let harness = try DaemonHarness(
            pipeline: ["metadata", TestProcessors.delay(ms: 1500)],
            extra: "rescan_interval: 300ms"
        )
        defer { harness.tearDown() }
        let first = try harness.start()
        for index in 0..<2 { try harness.drop("doc-\(index).txt", text: "Document \(index).") }
        #expect(harness.waitFor(seconds: 5) { harness.workLeftovers().count == 2 })
        let second = try harness.start()
        harness.send(SIGKILL, to: first)
        _ = harness.waitForExit(first)
        #expect(
            harness.waitFor(seconds: 10) { harness.outputs() == ["doc-0.json", "doc-1.json"] },
            "\(harness.outputs()) \(harness.workLeftovers())"
        )
        #expect(harness.waitFor(seconds: 3) { harness.workLeftovers().isEmpty })
        #expect(harness.names(in: harness.inbox + "/.lector/work").count == 1, "the dead daemon's folder is gone")
        harness.send(SIGTERM, to: second)
        #expect(harness.waitForExit(second) == 0)
    }

    @Test("an unwritable outbox pauses claiming; nothing goes to failed/; output resumes when it is back")
    func unwritableOutbox() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let daemon = try harness.start()
        try FileManager.default.removeItem(atPath: harness.outbox)
        try harness.root.write("outbox", text: "a file where the outbox should be")
        try harness.drop("a.txt", text: "Waits for the outbox.")
        try harness.drop("b.txt", text: "Also waits.")
        #expect(harness.waitFor(seconds: 5) { harness.status(of: daemon)?["state"] as? String == "paused" })
        #expect(harness.failures().isEmpty)
        try FileManager.default.removeItem(atPath: harness.outbox)
        try FileManager.default.createDirectory(atPath: harness.outbox, withIntermediateDirectories: false)
        #expect(harness.waitFor(seconds: 20) { harness.outputs() == ["a.json", "b.json"] })
        #expect(harness.failures().isEmpty)
        #expect(harness.waitFor(seconds: 3) { harness.status(of: daemon)?["state"] as? String == "running" })
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    @Test("two daemons with different configurations on one inbox: a warning in the log and the status")
    func siblingConfiguration() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let first = try harness.start()
        try harness.writeConfig(pipeline: ["metadata", "language"])
        let second = try harness.start()
        #expect(harness.log(of: second).contains("sibling daemon runs another configuration"))
        #expect(harness.waitFor(seconds: 3) { (harness.status(of: second)?["warning"] as? String) != nil })
        harness.send(SIGTERM, to: first)
        harness.send(SIGTERM, to: second)
        #expect(harness.waitForExit(first) == 0)
        #expect(harness.waitForExit(second) == 0)
    }

    @Test("SIGHUP and SIGTERM while models load: a reload once ready, a drain; never death by signal")
    func signalsDuringStartUp() throws {
        let harness = try DaemonHarness(pipeline: ["metadata", TestProcessors.delay(ms: 1, loadMilliseconds: 1000)])
        defer { harness.tearDown() }
        let daemon = try harness.launch()
        usleep(300_000)
        harness.send(SIGHUP, to: daemon)
        try harness.waitUntilReady(daemon)
        #expect(harness.waitFor(seconds: 10) { harness.log(of: daemon).contains("configuration reloaded") })
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)

        let second = try harness.launch()
        usleep(300_000)
        harness.send(SIGTERM, to: second)
        #expect(harness.waitForExit(second, seconds: 10) == 0)
    }

    @Test("documents waiting (min_age, a retry) count as queued; a dead daemon's old status file is removed")
    func statusBookkeeping() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"], extra: "min_age: 3s\nrescan_interval: 200ms")
        defer { harness.tearDown() }
        try FileManager.default.createDirectory(atPath: harness.inbox + "/.lector", withIntermediateDirectories: true)
        let stale = try harness.root.write("inbox/.lector/status-00000000deadbeef.json", text: "{}")
        let old = Date().addingTimeInterval(-3_600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: stale)
        let daemon = try harness.start()
        try harness.drop("young.txt", text: "Too young to claim.")
        #expect(harness.waitFor(seconds: 2) { harness.status(of: daemon)?["queued"] as? Int == 1 })
        #expect(!FileManager.default.fileExists(atPath: stale), "a dead daemon's status file is cleaned up")
        #expect(harness.waitFor(seconds: 10) { harness.outputs() == ["young.json"] })
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    @Test(
        "a configuration file that does not exist is exit 66 (systemd retries), a wrong one 78",
        .timeLimit(.minutes(1))
    )
    func missingConfiguration() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        for (path, expected) in [(harness.root.appending("absent.yaml"), Int32(66)), (harness.configPath, 78)] {
            if expected == 78 { try harness.writeRawConfig("pipeline: [metadta]\n") }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LectorBinary.path)
            process.arguments = ["run", "--config", path]
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == expected, "\(path)")
        }
    }

    @Test("an open-file limit below what the workers need is refused at start, with exit 71", .timeLimit(.minutes(1)))
    func descriptorLimit() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "ulimit -n 40 && exec \"$0\" run --config \"$1\"", LectorBinary.path, harness.configPath,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 71)
        #expect(text.contains("ulimit -n"), "\(text)")
    }

    @Test("SIGHUP puts a new min_age in force; unchanged folders raise no warning", .timeLimit(.minutes(1)))
    func reloadAppliesMinimumAge() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let daemon = try harness.start()
        try harness.drop("before.txt", text: "Claimed at once.")
        #expect(harness.waitFor(seconds: 20) { harness.outputs().count == 1 })
        try harness.writeConfig(pipeline: ["metadata"], extra: "min_age: 60s")
        harness.send(SIGHUP, to: daemon)
        #expect(harness.waitFor(seconds: 10) { harness.log(of: daemon).contains("configuration reloaded") })
        try harness.drop("young.txt", text: "Too young now.")
        #expect(harness.waitFor(seconds: 10) { harness.status(of: daemon)?["queued"] as? Int == 1 })
        #expect(harness.outputs().count == 1, "held back by the reloaded min_age")
        #expect(!harness.log(of: daemon).contains("spool folders changed"), "\(harness.log(of: daemon))")
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon, seconds: 10) == 0)
        #expect(harness.names(in: harness.inbox).contains("young.txt"), "left for the next start, not lost")
    }

    @Test("a systemd notification socket that is never read does not stall the daemon", .timeLimit(.minutes(1)))
    func notifyReaderNeverReads() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let path = harness.root.appending("notify.sock")
        let reader = try DatagramSocket(path: path)
        // Fill the reader's queue, so that every further datagram would block its sender.
        #expect(reader.fill() < 1_000_000, "the queue filled")
        let daemon = try harness.start(environment: ["NOTIFY_SOCKET": path])
        for index in 0..<50 { try harness.drop("doc-\(index).txt", text: "Document \(index).") }
        #expect(harness.waitFor(seconds: 20) { harness.outputs().count == 50 })
        harness.send(SIGHUP, to: daemon)
        #expect(harness.waitFor(seconds: 10) { harness.log(of: daemon).contains("configuration reloaded") })
        try harness.drop("late.txt", text: "After the reload.")
        #expect(harness.waitFor(seconds: 10) { harness.outputs().count == 51 })
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon, seconds: 10) == 0)
    }

    @Test("inbox/.lector removed while idle: the daemon is seen alive again within seconds", .timeLimit(.minutes(1)))
    func controlFolderRemovedWhileIdle() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let daemon = try harness.start()
        let id = try #require(harness.status(of: daemon)?["daemon"] as? String)
        try FileManager.default.removeItem(atPath: harness.inbox + "/.lector")
        let lock = harness.inbox + "/.lector/work/\(id)/.lock"
        // No file is dropped: the folder and its held lock come back on their own.
        #expect(
            harness.waitFor(seconds: 5) {
                let descriptor = open(lock, O_RDWR | O_CLOEXEC)
                guard descriptor >= 0 else { return false }
                defer { close(descriptor) }
                return flock(descriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
            },
            "the work folder's lock is held again"
        )
        #expect(harness.waitFor(seconds: 5) { harness.status(of: daemon) != nil }, "the status file is back")
        #expect(harness.log(of: daemon).contains("the work folder was removed under the daemon; made again"))
        try harness.drop("after.txt", text: "An article after the removal.")
        #expect(harness.waitFor(seconds: 10) { harness.outputs() == ["after.json"] })
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    @Test("the inbox removed: the daemon exits 75 and makes neither the inbox nor its work folder again")
    func inboxRemovedStaysRemoved() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let daemon = try harness.start()
        try FileManager.default.removeItem(atPath: harness.inbox)
        #expect(harness.waitForExit(daemon, seconds: 10) == 75)
        #expect(!FileManager.default.fileExists(atPath: harness.inbox), "the inbox path stays as it was left")
    }
}
