import Foundation
import LectorTestSupport
import Testing

@Suite("lector check and lector processors", .serialized)
struct CheckCommandTests {
    @Test("the repository's config.yaml is valid", .timeLimit(.minutes(1)))
    func repositoryConfig() throws {
        let result = try LectorBinary.run(["check", "--config", Repository.path("config.yaml")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("OK"))
        #expect(result.output.contains("  input: inbox "))
        #expect(result.output.contains("  output: outbox "))
    }

    @Test("lector check says where a NATS configuration takes documents from and sends them", .timeLimit(.minutes(1)))
    func natsRoutes() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let path = try scratch.write(
            "nats.yaml",
            text: """
                input:
                  nats: {url: nats://10.0.0.5:4222, stream: NEWS, subject: news.in.>}
                output:
                  nats: {subject: "news.out.{id}", stream: NEWS_OUT}
                pipeline: [metadata]

                """
        )
        let result = try LectorBinary.run(["check", "--config", path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("input: NATS stream NEWS (news.in.>), consumer lector, at nats://10.0.0.5:4222"))
        #expect(result.output.contains("failures: NATS subject articles.failed (stream ARTICLES_FAILED)"))
        #expect(result.output.contains("output: NATS subject news.out.{id} (stream NEWS_OUT)"))
        #expect(!result.output.contains("outbox"))
    }

    @Test("a spool key naming a file or a link is a config error (78), in check and run", .timeLimit(.minutes(1)))
    func spoolPathNotAFolder() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("inbox", text: "a file, not a folder")
        try FileManager.default.createDirectory(atPath: scratch.appending("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.appending("outbox"),
            withDestinationPath: scratch.appending("real")
        )
        let yaml = "inbox: inbox\noutbox: outbox\nfailed: failed\npipeline: [metadata]\n"
        let path = try scratch.write("config.yaml", text: yaml)
        let result = try LectorBinary.run(["check", "--config", path])
        #expect(result.status == 78)
        #expect(result.standardError.contains("config.yaml:1:8: inbox must be a folder; "), "\(result.standardError)")
        #expect(result.standardError.contains("config.yaml:2:9: outbox must be a folder; "), "\(result.standardError)")
        #expect(result.standardError.contains("is a symbolic link"))
        let run = try LectorBinary.run(["run", "--config", path])
        #expect(run.status == 78, "lector run stops on the same error: systemd does not restart on 78")
    }

    @Test("folders one on disk through a link, and metrics_file there, are config errors", .timeLimit(.minutes(1)))
    func spoolFoldersOneOnDisk() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let files = FileManager.default
        for folder in ["real/box", "in"] {
            try files.createDirectory(atPath: scratch.appending(folder), withIntermediateDirectories: true)
        }
        try files.createSymbolicLink(atPath: scratch.appending("self"), withDestinationPath: scratch.appending("real"))
        try files.createSymbolicLink(atPath: scratch.appending("inlink"), withDestinationPath: scratch.appending("in"))
        let yaml = "inbox: in\noutbox: self/box\nfailed: real/box\nmetrics_file: inlink/x.prom\npipeline: [metadata]\n"
        let path = try scratch.write("config.yaml", text: yaml)
        let result = try LectorBinary.run(["check", "--config", path])
        let errors = result.standardError
        #expect(result.status == 78)
        #expect(errors.contains("config.yaml:3:9: failed is the same folder on disk as outbox"), "\(errors)")
        #expect(errors.contains("config.yaml:4:15: metrics_file must not be in the inbox folder"), "\(errors)")
    }

    @Test("a bad config exits 78 with every error as FILE:LINE:COLUMN", .timeLimit(.minutes(1)))
    func badConfig() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let path = try scratch.write(
            "config.yaml",
            text: "inbox: in\noutbox: out\nfailed: bad\nworkrs: 2\npipeline:\n  - metadata: {titel: true}\n  - sumary\n"
        )
        let result = try LectorBinary.run(["check", "--config", path])
        #expect(result.status == 78)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.standardError)")
        #expect(lines.first?.hasPrefix("\(path):4:1: unknown key 'workrs' (did you mean 'workers'?)") == true)
        #expect(
            lines.contains { $0.hasPrefix("\(path):6:16: metadata: unknown option 'titel' (did you mean 'title'?)") }
        )
        #expect(lines.contains { $0.hasPrefix("\(path):7:5: unknown processor 'sumary'") })
    }

    @Test("the daemon's keys are required by check, not by --pipeline-only", .timeLimit(.minutes(1)))
    func requiredKeys() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("config.yaml", text: "pipeline:\n  - metadata\n")
        let daemon = try LectorBinary.run(["check", "--config", path])
        #expect(daemon.status == 78)
        #expect(daemon.standardError.contains("missing required key 'inbox'"))
        let pipelineOnly = try LectorBinary.run(["check", "--pipeline-only", "--config", path])
        #expect(pipelineOnly.status == 0, "\(pipelineOnly.standardError)")
    }

    @Test("a missing config file exits 66 (EX_NOINPUT) with a clear message", .timeLimit(.minutes(1)))
    func missingFile() throws {
        let result = try LectorBinary.run(["check", "--config", "/nonexistent/config.yaml"])
        #expect(result.status == 66)
        #expect(result.standardError.hasPrefix("/nonexistent/config.yaml: cannot read the file: No such file"))
    }

    @Test("a config file that exists but cannot be read still exits 78", .timeLimit(.minutes(1)))
    func unreadableFile() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try LectorBinary.run(["check", "--config", scratch.path])
        #expect(result.status == 78)
        #expect(result.standardError.contains("cannot read the file: it is a directory"))
    }

    @Test("100,000 nested brackets exit 78 at once, with FILE:LINE:COLUMN", .timeLimit(.minutes(1)))
    func deeplyNested() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("config.yaml", text: "pipeline: " + String(repeating: "[", count: 100_000) + "\n")
        let clock = ContinuousClock()
        var result: LectorBinary.Result?
        let duration = try clock.measure { result = try LectorBinary.run(["check", "--config", path]) }
        let finished = try #require(result)
        #expect(finished.status == 78)
        #expect(finished.standardError == "\(path):1:74: nesting deeper than 64 levels\n")
        #expect(duration < .seconds(1), "took \(duration)")
    }

    @Test("lector processors lists each processor, what it adds and its options", .timeLimit(.minutes(1)))
    func processors() throws {
        let result = try LectorBinary.run(["processors"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("metadata\n"))
        #expect(result.output.contains("options:"))
        #expect(
            result.output.contains("languages: English (lexicons; a learned layer trained partly on research-only")
        )
        #expect(result.output.contains("dates, money, percentages, quantities: en, de, fr, es, it, pt, nl, ru"))
        #expect(result.output.contains("Default chain without config.yaml: metadata"))
    }
}
