import Foundation
import LectorTestSupport

/// NATS servers, a config.yaml with `input.nats`, daemons and the `lector publish`,
/// `lector read` and `lector status` commands, for the NATS tests.
final class NATSRig: @unchecked Sendable {
    let root: TemporaryDirectory
    let servers: NATSServers
    var daemons: [(process: Process, log: String)] = []
    var configPath: String { root.appending("config.yaml") }

    init(nodes: Int = 1) throws {
        root = try TemporaryDirectory(prefix: "lector-nats")
        servers = try NATSServers(count: nodes, root: root.path)
        try servers.startAll()
    }

    /// Writes config.yaml: NATS input and output on every node, and the given pipeline.
    func writeConfig(
        pipeline: [String],
        workers: Int = 2,
        ackWait: String = "2s",
        maxDeliver: Int = 5,
        replicas: Int = 1,
        extra: String = ""
    ) throws {
        let urls = servers.urls.map { "\"\($0)\"" }.joined(separator: ", ")
        let steps = pipeline.map { "  - \($0)" }.joined(separator: "\n")
        _ = try root.write(
            "config.yaml",
            text: """
                input:
                  nats:
                    url: [\(urls)]
                    ack_wait: \(ackWait)
                    max_deliver: \(maxDeliver)
                    replicas: \(replicas)
                output:
                  nats:
                    subject: articles.out.{id}
                    replicas: \(replicas)
                workers: \(workers)
                shutdown_timeout: 20s
                \(extra)
                pipeline:
                \(steps)

                """
        )
    }

    /// Starts `lector run` and waits for its `ready` line.
    @discardableResult
    func startDaemon(waitUntilReady: Bool = true, environment extra: [String: String] = [:]) throws -> Process {
        let log = root.appending("daemon-\(daemons.count).log")
        let process = try LectorBinary.launch(["run", "--config", configPath], log: log, environment: extra)
        daemons.append((process, log))
        if waitUntilReady {
            guard wait(seconds: 60, { self.log(of: process).contains(" ready ") || !process.isRunning }),
                process.isRunning
            else { throw HarnessError("the daemon did not become ready: \(self.log(of: process))") }
        }
        return process
    }

    func log(of process: Process) -> String {
        let path = daemons.first { $0.process === process }?.log ?? ""
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Writes JSON Lines records and publishes them with `lector publish --jsonl`.
    func publish(_ records: [String]) throws -> String {
        let file = try root.write("batch-\(UUID().uuidString).jsonl", text: records.joined(separator: "\n") + "\n")
        let result = try LectorBinary.run(["publish", "--config", configPath, "--jsonl", file])
        guard result.status == 0 else { throw HarnessError("publish failed: \(result.standardError)") }
        return result.output
    }

    /// `lector read --count` on the output (or failed) stream: messages and distinct ids.
    func counts(failed: Bool = false) -> (messages: Int, ids: Int)? {
        let arguments = ["read", "--config", configPath, "--count"] + (failed ? ["--failed"] : [])
        guard let result = try? LectorBinary.run(arguments), result.status == 0 else { return nil }
        let numbers = result.output.split { !$0.isNumber }.compactMap { Int($0) }
        guard numbers.count == 2 else { return nil }
        return (numbers[0], numbers[1])
    }

    /// Every message of the output (or failed) stream, parsed.
    func messages(failed: Bool = false) throws -> [[String: Any]] {
        let result = try LectorBinary.run(["read", "--config", configPath] + (failed ? ["--failed"] : []))
        return result.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// How many messages the output stream holds now (`lector status --json`), 0 when unknown.
    func storedOutputs() -> Int {
        (consumer()?["streams"] as? [String: Any])?["ARTICLES_OUT"] as? Int ?? 0
    }

    /// `lector status --json`: the consumer's counts.
    func consumer() -> [String: Any]? {
        guard let result = try? LectorBinary.run(["status", "--config", configPath, "--json"]), result.status == 0
        else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any]
    }

    /// Waits for `condition`, checking every 50 ms (most checks start a `lector` process).
    func wait(seconds: Double, _ condition: () -> Bool) -> Bool {
        Polling.waitFor(seconds: seconds, interval: 0.05, condition)
    }

    func exitStatus(_ process: Process, seconds: Double = 30) -> Int32? {
        Polling.exitStatus(process, seconds: seconds)
    }

    func tearDown() {
        for daemon in daemons where daemon.process.isRunning {
            kill(daemon.process.processIdentifier, SIGKILL)
            daemon.process.waitUntilExit()
        }
        servers.stopAll()
        root.remove()
    }

    /// A news-like record.
    static func record(_ index: Int) -> String {
        let cities = ["Berlin", "Madrid", "Lisbon", "Oslo", "Vienna"]
        let text =
            "\(cities[index % 5]) (Reuters) - Story \(index): Angela Schmidt, the minister, said on Tuesday that the council approved 12 new ferries. Officials welcomed the plan."
        return "{\"id\": \"doc-\(index)\", \"text\": \"\(text)\"}"
    }
}
