import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector run: crashes, reloads, shutdown, sharing", .serialized)
struct DaemonRecoveryTests {
    /// Every input exactly once: an output in the outbox or a reject in failed/, found by
    /// the input's exact name bytes.
    private func expectExactlyOnce(_ harness: DaemonHarness, names: [[UInt8]]) {
        let placements = SpoolAudit.placements(outbox: harness.outbox, failed: harness.failed)
        var missing = 0
        var doubled = 0
        for name in names {
            switch placements[name] ?? 0 {
            case 0: missing += 1
            case 1: break
            default: doubled += 1
            }
        }
        #expect(missing == 0, "\(missing) of \(names.count) inputs are nowhere")
        #expect(doubled == 0, "\(doubled) inputs are in two places")
        #expect(placements.values.reduce(0, +) == names.count, "nothing else is in the outbox or failed/")
    }

    @Test(
        "kill -9 in the middle of a 2,000-document burst, then a restart: every input exactly once",
        .timeLimit(.minutes(3))
    )
    func killAndRestart() throws {
        // 5 ms a document: the burst outlasts the drops even on a loaded machine.
        let harness = try DaemonHarness(pipeline: ["metadata", TestProcessors.delay(ms: 5)])
        defer { harness.tearDown() }
        let first = try harness.start()
        // Colliding stems (a.txt, a.md), names that differ only in invalid UTF-8, 250-byte names.
        let names = SpoolAudit.hostileNames(2000)
        for (index, name) in names.enumerated() {
            try harness.drop(rawName: name, text: "Document \(index). Some text.")
        }
        #expect(harness.waitFor { harness.outputs().count >= 300 })
        harness.send(SIGKILL, to: first)
        _ = harness.waitForExit(first)
        let killedAt = harness.outputs().count
        #expect(killedAt < 2000, "the kill must land mid-burst")
        let second = try harness.start()
        #expect(harness.waitFor(seconds: 120) { harness.outputs().count + harness.failures().count >= 2000 })
        #expect(harness.waitFor(seconds: 5) { harness.workLeftovers().isEmpty })
        expectExactlyOnce(harness, names: names)
        #expect(harness.names(in: harness.inbox).isEmpty)
        #expect(harness.allNames(in: harness.outbox).allSatisfy { !$0.hasSuffix(".tmp") })
        #expect(
            harness.names(in: harness.inbox + "/.lector/work").count == 1,
            "the dead daemon's folder was taken over"
        )
        harness.send(SIGTERM, to: second)
        #expect(harness.waitForExit(second) == 0)
    }

    @Test(
        "a SIGHUP storm during a burst, then kill -9 during a reload and a restart: every input exactly once",
        .timeLimit(.minutes(2))
    )
    func reloadStormAndKill() throws {
        let harness = try DaemonHarness(pipeline: ["metadata", TestProcessors.delay(ms: 2)])
        defer { harness.tearDown() }
        let first = try harness.start()
        let names = (0..<1_000).map { Array("storm-\($0).txt".utf8) }
        for (index, name) in names.enumerated() {
            try harness.drop(rawName: name, text: index % 50 == 0 ? "" : "Document \(index). Some text.")
        }
        for _ in 0..<50 {
            harness.send(SIGHUP, to: first)
            usleep(5_000)
        }
        // The last SIGHUP's reload is under way when the daemon dies.
        harness.send(SIGHUP, to: first)
        usleep(1_000)
        harness.send(SIGKILL, to: first)
        _ = harness.waitForExit(first)
        let second = try harness.start()
        #expect(harness.waitFor(seconds: 60) { harness.outputs().count + harness.failures().count >= names.count })
        #expect(harness.waitFor(seconds: 5) { harness.workLeftovers().isEmpty })
        expectExactlyOnce(harness, names: names)
        #expect(harness.failures().count == 20, "the empty documents, and only they, are rejected")
        #expect(harness.allNames(in: harness.outbox).allSatisfy { !$0.hasSuffix(".tmp") })
        harness.send(SIGTERM, to: second)
        #expect(harness.waitForExit(second) == 0)
    }

    @Test("a broken reload keeps the old chain; a good one changes the next outputs", .timeLimit(.minutes(2)))
    func reload() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let daemon = try harness.start()
        try harness.drop("one.txt", text: "First.")
        #expect(harness.waitFor { harness.outputs() == ["one.json"] })

        try harness.writeRawConfig(
            "inbox: inbox\noutbox: outbox\nfailed: failed\npipeline:\n  - metadata\n  - sumary\n"
        )
        harness.send(SIGHUP, to: daemon)
        #expect(
            harness.waitFor {
                (harness.status(of: daemon)?["last_error"] as? String)?.contains("reload rejected") == true
            }
        )
        #expect(harness.log(of: daemon).contains("config.yaml:6:5: unknown processor 'sumary'"))
        try harness.drop("two.txt", text: "Second.")
        #expect(harness.waitFor { harness.outputs().contains("two.json") })
        let second = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: harness.outbox + "/two.json")))
        )
        #expect(second["processing"]?["generation"] == 1)
        #expect(second["test_delay"] == nil)

        // A slow reload (600 ms of "model loading"); SIGHUPs that arrive during it, after the
        // file changed again, lead to one more reload, which applies the last file. That
        // they coalesce into exactly one (no fourth) is DaemonSchedulerLifecycleTests'.
        try harness.writeConfig(pipeline: ["metadata", TestProcessors.delay(ms: 2, loadMilliseconds: 600)])
        harness.send(SIGHUP, to: daemon)
        usleep(200_000)
        try harness.writeConfig(pipeline: ["metadata", TestProcessors.delay(ms: 3)])
        for _ in 0..<3 { harness.send(SIGHUP, to: daemon) }
        #expect(harness.waitFor(seconds: 10) { (harness.status(of: daemon)?["generation"] as? Int) == 3 })
        try harness.drop("three.txt", text: "Third.")
        #expect(harness.waitFor { harness.outputs().contains("three.json") })
        let third = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: harness.outbox + "/three.json")))
        )
        #expect(third["test_delay"]?["ms"] == 3, "the last file written is the one in force")
        #expect(third["processing"]?["generation"] == 3)
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    @Test("SIGTERM with documents in flight finishes them, exits 0 and leaves no partial file", .timeLimit(.minutes(2)))
    func drainOnTerm() throws {
        let harness = try DaemonHarness(pipeline: ["metadata", TestProcessors.delay(ms: 400)], workers: 2)
        defer { harness.tearDown() }
        let daemon = try harness.start()
        for index in 0..<6 { try harness.drop("doc-\(index).txt", text: "Document \(index).") }
        #expect(harness.waitFor { (harness.status(of: daemon)?["in_flight"] as? Int ?? 0) > 0 })
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
        let outputs = harness.outputs()
        #expect(!outputs.isEmpty, "in-flight documents finish")
        #expect(outputs.count + harness.names(in: harness.inbox).count == 6, "the rest stays in the inbox")
        #expect(harness.allNames(in: harness.outbox).allSatisfy { !$0.hasSuffix(".tmp") })
        #expect(harness.workLeftovers().isEmpty)
        for name in outputs {
            let data = try #require(FileManager.default.contents(atPath: harness.outbox + "/" + name))
            #expect(throws: Never.self) { try JSONValue.parse(Array(data)) }
        }
    }

    @Test("two daemons on one inbox process 2,000 documents, each exactly once", .timeLimit(.minutes(3)))
    func twoDaemons() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"], workers: 1)
        defer { harness.tearDown() }
        let first = try harness.start()
        let second = try harness.start()
        let names = SpoolAudit.hostileNames(2000)
        for (index, name) in names.enumerated() { try harness.drop(rawName: name, text: "Document \(index).") }
        #expect(harness.waitFor(seconds: 120) { harness.outputs().count == 2000 })
        harness.send(SIGTERM, to: first)
        harness.send(SIGTERM, to: second)
        #expect(harness.waitForExit(first) == 0)
        #expect(harness.waitForExit(second) == 0)
        let processed = (harness.log(of: first) + harness.log(of: second)).split(separator: "\n")
            .filter { $0.contains("document processed") }
        #expect(processed.count == 2000, "each document is processed once, by one daemon")
        let byFirst = harness.log(of: first).components(separatedBy: "document processed").count - 1
        #expect(byFirst > 0 && byFirst < 2000, "both daemons took part (first: \(byFirst))")
        expectExactlyOnce(harness, names: names)
    }

    @Test(
        "20 rounds of drop 500, kill -9 after 0-300 ms, restart: every input exactly once, no leftovers",
        .timeLimit(.minutes(3))
    )
    func killLoop() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        defer { harness.tearDown() }
        let all = SpoolAudit.hostileNames(10_000)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let daemon = try harness.start()
            for (index, name) in all[(round * 500)..<((round + 1) * 500)].enumerated() {
                try harness.drop(rawName: name, text: "Round \(round), document \(index).")
            }
            usleep(UInt32.random(in: 0...300_000, using: &generator))
            harness.send(SIGKILL, to: daemon)
            _ = harness.waitForExit(daemon)
        }
        let last = try harness.start()
        #expect(
            harness.waitFor(seconds: 120) {
                harness.names(in: harness.inbox).isEmpty && harness.workLeftovers().isEmpty
                    && harness.status(of: last)?["in_flight"] as? Int == 0
            }
        )
        expectExactlyOnce(harness, names: all)
        #expect(harness.allNames(in: harness.outbox).allSatisfy { !$0.hasPrefix(".lector.") }, "no temp files")
        #expect(harness.allNames(in: harness.failed).allSatisfy { !$0.hasPrefix(".lector.") })
        harness.send(SIGTERM, to: last)
        #expect(harness.waitForExit(last) == 0)
        #expect(harness.allNames(in: harness.inbox + "/.lector/spare").isEmpty, "dead daemons' spares are removed")
    }
}
