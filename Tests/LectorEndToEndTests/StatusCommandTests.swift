import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector status", .serialized)
struct StatusCommandTests {
    @Test("lector status shows a running daemon's figures, as text, JSON and Prometheus", .timeLimit(.minutes(1)))
    func status() throws {
        let harness = try DaemonHarness(extra: "metrics_file: metrics/lector.prom")
        defer { harness.tearDown() }
        try FileManager.default.createDirectory(
            atPath: harness.root.appending("metrics"),
            withIntermediateDirectories: true
        )
        let none = try LectorBinary.run(["status", "--config", harness.configPath])
        #expect(none.status == 3)
        #expect(none.standardError.contains("no daemon is running"))

        let daemon = try harness.start()
        try harness.drop("one.txt", text: "One.")
        try harness.drop("bad.txt", bytes: [0, 1, 2, 3])
        #expect(harness.waitFor { harness.outputs().count == 1 && harness.failures().count == 1 })
        #expect(harness.waitFor(seconds: 5) { (harness.status(of: daemon)?["processed"] as? Int) == 1 })

        let text = try LectorBinary.run(["status", "--config", harness.configPath])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.output.contains("running"))
        #expect(text.output.contains("processed 1, failed 1"))
        #expect(text.output.contains("config generation 1"))
        #expect(text.output.contains("latency (drop to output): p50 "))
        #expect(text.output.contains("last error: bad.txt: not a text file"))

        let json = try LectorBinary.run(["status", "--json", "--config", harness.configPath])
        let figures = try JSONValue.parse(json.standardOutput)
        #expect(figures["processed"] == 1)
        #expect(figures["failed"] == 1)
        #expect(figures["pid"] == .int(Int(daemon.processIdentifier)))

        let prometheus = try LectorBinary.run(["status", "--prometheus", "--config", harness.configPath])
        #expect(prometheus.output.contains("# TYPE lector_documents_processed_total counter"))
        #expect(prometheus.output.contains("lector_documents_failed_total{daemon="))
        #expect(
            harness.waitFor(seconds: 5) {
                let file =
                    (try? String(contentsOfFile: harness.root.appending("metrics/lector.prom"), encoding: .utf8)) ?? ""
                return file.contains("lector_documents_processed_total") && file.contains("} 1.0\n")
            }
        )
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
        let after = try LectorBinary.run(["status", "--config", harness.configPath])
        #expect(after.status == 3, "a stopped daemon is not listed")
    }

    @Test("two daemons from one config.yaml share metrics_file, each under its own label", .timeLimit(.minutes(1)))
    func sharedMetricsFile() throws {
        let harness = try DaemonHarness(extra: "metrics_file: metrics/lector.prom")
        defer { harness.tearDown() }
        try FileManager.default.createDirectory(
            atPath: harness.root.appending("metrics"),
            withIntermediateDirectories: true
        )
        let first = try harness.start()
        let second = try harness.start()
        let ids = [first, second].compactMap { harness.status(of: $0)?["daemon"] as? String }
        #expect(ids.count == 2)
        let path = harness.root.appending("metrics/lector.prom")
        #expect(
            harness.waitFor(seconds: 5) {
                let file = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                return ids.allSatisfy { file.contains("lector_latency_milliseconds_count{daemon=\"\($0)\"}") }
            },
            "\((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")"
        )
        harness.send(SIGTERM, to: first)
        #expect(harness.waitForExit(first) == 0)
        #expect(
            harness.waitFor(seconds: 5) {
                let file = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                return !file.contains(ids[0]) && file.contains(ids[1])
            },
            "a stopped daemon's figures leave the file"
        )
        harness.send(SIGTERM, to: second)
        #expect(harness.waitForExit(second) == 0)
    }
}
