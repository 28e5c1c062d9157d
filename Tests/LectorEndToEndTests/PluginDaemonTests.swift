import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("plugins in a running daemon", .serialized)
struct PluginDaemonTests {
    private let fixtures = Repository.path("Tests/LectorEndToEndTests/Fixtures/plugins")

    private func exec(_ mode: String, name: String = "probe", extra: String = "", onError: String = "fail") -> String {
        "exec: {name: \(name), command: [python3, \(fixtures)/misbehave.py], options: {mode: \(mode)}, on_error: \(onError)\(extra)}"
    }

    private func record(_ harness: DaemonHarness, _ name: String) throws -> JSONValue {
        try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: harness.failed + "/\(name).error.json")))
        )
    }

    private func residentKilobytes(_ process: Process) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    @Test("a plugin that crashes on every 3rd document: those fail, the others go through", .timeLimit(.minutes(2)))
    func crashEveryThird() throws {
        let harness = try DaemonHarness(pipeline: ["metadata", exec("crash3")], workers: 1)
        defer { harness.tearDown() }
        let daemon = try harness.start()
        for index in 0..<30 { try harness.drop("doc-\(index).txt", text: "Document \(index).") }
        #expect(harness.waitFor { harness.outputs().count + harness.failures().count == 30 })
        #expect(harness.failures().count == 10)
        #expect(harness.outputs().count == 20)
        let failure = try record(harness, try #require(harness.failures().first))
        #expect(failure["error"]?["code"] == "plugin_failed")
        #expect(failure["error"]?["step"] == "probe")
        #expect(failure["error"]?["message"]?.stringValue?.contains("exited (exit status 3)") == true)
        #expect(daemon.isRunning)
    }

    @Test(
        "a plugin that hangs is killed at its timeout; that document fails, the rest go through",
        .timeLimit(.minutes(2))
    )
    func hang() throws {
        let harness = try DaemonHarness(pipeline: ["metadata", exec("hang", extra: ", timeout: 300ms")], workers: 2)
        defer { harness.tearDown() }
        _ = try harness.start()
        for index in 0..<10 {
            try harness.drop("doc-\(index).txt", text: index % 5 == 2 ? "HANG here." : "Fine \(index).")
        }
        #expect(harness.waitFor { harness.outputs().count + harness.failures().count == 10 })
        #expect(Set(harness.failures()) == ["doc-2.txt", "doc-7.txt"])
        #expect(try record(harness, "doc-2.txt")["error"]?["code"] == "timed_out")
    }

    @Test(
        "garbage from a plugin with on_error: skip: every document goes through, the step says why",
        .timeLimit(.minutes(2))
    )
    func garbageSkipped() throws {
        let harness = try DaemonHarness(pipeline: ["metadata", exec("garbage", onError: "skip")], workers: 2)
        defer { harness.tearDown() }
        _ = try harness.start()
        for index in 0..<10 { try harness.drop("doc-\(index).txt", text: index == 4 ? "GARBAGE" : "Fine \(index).") }
        #expect(harness.waitFor { harness.outputs().count == 10 })
        #expect(harness.failures().isEmpty)
        let skipped = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: harness.outbox + "/doc-4.json")))
        )
        let step = skipped["processing"]?["steps"]?.arrayValue?.last
        #expect(step?["status"] == "failed")
        #expect(step?["on_error"] == "skip")
        #expect(step?["error"]?["message"]?.stringValue?.contains("invalid JSON") == true)
        #expect(skipped["probe"] == nil)
        let fine = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: harness.outbox + "/doc-5.json")))
        )
        #expect(fine["probe"]?["chars"] == 7)
    }

    @Test("a plugin over its memory limit dies; that document fails, the rest go through", .timeLimit(.minutes(2)))
    func memoryLimit() throws {
        let harness = try DaemonHarness(
            pipeline: ["metadata", exec("hog", extra: ", memory_limit: 300MiB")],
            workers: 1
        )
        defer { harness.tearDown() }
        _ = try harness.start()
        for index in 0..<6 { try harness.drop("doc-\(index).txt", text: index == 3 ? "HOG" : "Fine \(index).") }
        #expect(harness.waitFor { harness.outputs().count + harness.failures().count == 6 })
        #expect(harness.failures() == ["doc-3.txt"])
    }

    @Test("a missing plugin or a library of the wrong ABI is a configuration error: exit 78", .timeLimit(.minutes(1)))
    func configErrors() throws {
        let harness = try DaemonHarness(pipeline: ["metadata", "exec: {name: gone, command: [./no-such-plugin]}"])
        defer { harness.tearDown() }
        let missing = try LectorBinary.run(["check", "--config", harness.configPath])
        #expect(missing.status == 78)
        #expect(
            missing.standardError.contains("config.yaml:8:5: exec: plugin 'gone': cannot start"),
            "\(missing.standardError)"
        )

        let library = harness.root.appending("libfuture.so")
        let compiled = try Repository.runTool(["cc", "-shared", "-fPIC", "-o", library, fixtures + "/wrong_abi.c"])
        #expect(compiled.status == 0, "\(compiled.output)")
        try harness.writeConfig(pipeline: ["metadata", "library: {path: libfuture.so}"])
        let abi = try LectorBinary.run(["run", "--config", harness.configPath])
        #expect(abi.status == 78)
        #expect(abi.standardError.contains("built for plugin ABI version 99; this Lector supports version 1"))
    }

    @Test("1,000 documents through exec and library plugins: resident memory stays flat", .timeLimit(.minutes(3)))
    func memoryFlat() throws {
        let textstats = (LectorBinary.path as NSString).deletingLastPathComponent + "/libLectorExampleTextStats.so"
        let harness = try DaemonHarness(
            pipeline: ["metadata", exec("none", extra: ", instances: 2"), "library: {path: \(textstats)}"],
            workers: 2
        )
        defer { harness.tearDown() }
        let daemon = try harness.start()
        let body = String(repeating: "The council met on Tuesday. It voted to build new ferries. ", count: 30)
        for index in 0..<200 { try harness.drop("warm-\(index).txt", text: "Warm-up \(index). " + body) }
        #expect(harness.waitFor { harness.outputs().count == 200 })
        let afterWarmUp = residentKilobytes(daemon)
        for index in 0..<1000 { try harness.drop("doc-\(index).txt", text: "Document \(index). " + body) }
        #expect(harness.waitFor(seconds: 120) { harness.outputs().count == 1200 })
        let afterThousand = residentKilobytes(daemon)
        #expect(afterWarmUp > 0)
        #expect(
            Double(afterThousand) <= Double(afterWarmUp) * 1.10 + 2048,
            "resident memory grew from \(afterWarmUp) kB to \(afterThousand) kB"
        )
        let sample = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: harness.outbox + "/doc-7.json")))
        )
        #expect(sample["textstats"]?["sentences"] == 61)
        #expect(sample["probe"]?["chars"] != nil)
    }
}
