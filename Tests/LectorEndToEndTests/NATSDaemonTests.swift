import Foundation
import LectorTestSupport
import Testing

@Suite(
    "lector run on NATS JetStream (real nats-server on loopback)",
    .serialized,
    .enabled(if: NATSServers.isInstalled, "nats-server is not installed (make test installs it)")
)
struct NATSDaemonTests {
    @Test("published documents come out enriched once; bad ones reach the failed subject once", .timeLimit(.minutes(2)))
    func endToEnd() throws {
        let rig = try NATSRig()
        defer { rig.tearDown() }
        try rig.writeConfig(
            pipeline: ["metadata", "language", "entities"],
            extra: "outbox: outbox\nmetrics_file: metrics.prom"
        )
        try FileManager.default.createDirectory(atPath: rig.root.appending("outbox"), withIntermediateDirectories: true)
        let daemon = try rig.startDaemon()
        var records = (0..<200).map(NATSRig.record)
        records += [
            #"{"id": "empty", "text": "   "}"#, #"{"id": "no-text", "body": "x"}"#,
            #"{"id": "nul", "text": "a\u0000b"}"#,
        ]
        #expect(try rig.publish(records).contains("published 203 documents"))
        #expect(rig.wait(seconds: 60) { rig.counts()?.ids == 200 && rig.counts(failed: true)?.ids == 3 })
        // The same ids again are dropped by the input stream: nothing is processed twice.
        #expect(try rig.publish(records).contains("(203 already there)"))
        Thread.sleep(forTimeInterval: 1)
        #expect(rig.counts()! == (200, 200))
        #expect(rig.counts(failed: true)! == (3, 3))

        let outputs = try rig.messages()
        let first = try #require(outputs.first { $0["id"] as? String == "doc-7" })
        #expect((first["language"] as? [String: Any])?["code"] as? String == "en")
        #expect(first["entities"] != nil)
        #expect(FileManager.default.fileExists(atPath: rig.root.appending("outbox/doc-7.json")), "outbox too")
        let failures = try rig.messages(failed: true)
        let empty = try #require(failures.first { $0["id"] as? String == "empty" })
        #expect((empty["error"] as? [String: Any])?["code"] as? String == "empty")
        #expect(
            empty["input_text"] as? String == #"{"id": "empty", "text": "   "}"#,
            "the input travels with its error"
        )

        let latency = try LectorBinary.run(["read", "--config", rig.configPath, "--latency"])
        let figures = try #require(
            try JSONSerialization.jsonObject(with: Data(latency.standardOutput)) as? [String: Any]
        )
        #expect(figures["documents"] as? Int == 200, "every output says when its input was stored")
        #expect((figures["p50_ms"] as? Double ?? -1) > 0)

        let consumer = try #require(rig.consumer())
        #expect(consumer["pending"] as? Int == 0)
        #expect(consumer["ack_pending"] as? Int == 0)
        let gauges = try LectorBinary.run(["status", "--prometheus", "--config", rig.configPath]).output
        #expect(
            gauges.contains("lector_nats_consumer_pending{consumer=\"lector\",stream=\"ARTICLES\"} 0\n"),
            "\(gauges)"
        )
        #expect(gauges.contains("# TYPE lector_nats_consumer_delivered gauge\n"), "\(gauges)")
        let metrics = rig.root.appending("metrics.prom")
        #expect(
            rig.wait(seconds: 10) {
                let text = (try? String(contentsOfFile: metrics, encoding: .utf8)) ?? ""
                return text.contains("lector_documents_processed_total{daemon=") && text.contains("} 200.0\n")
                    && text.contains("lector_nats_consumer_pending{consumer=\"lector\",stream=\"ARTICLES\"} 0")
            }
        )
        kill(daemon.processIdentifier, SIGTERM)
        #expect(rig.exitStatus(daemon) == 0)
    }

    @Test("a document slower than ack_wait keeps its deadline with in-progress acks", .timeLimit(.minutes(1)))
    func slowDocument() throws {
        let rig = try NATSRig()
        defer { rig.tearDown() }
        try rig.writeConfig(pipeline: ["metadata", TestProcessors.delay(ms: 3500)], workers: 1, ackWait: "1s")
        let first = try rig.startDaemon()
        let second = try rig.startDaemon()
        _ = try rig.publish([NATSRig.record(1)])
        #expect(rig.wait(seconds: 20) { rig.counts()?.messages == 1 })
        let consumer = try #require(rig.consumer())
        #expect(consumer["delivered"] as? Int == 1, "never handed to the other daemon")
        #expect(consumer["ack_pending"] as? Int == 0)
        let output = try #require(try rig.messages().first)
        #expect(output["id"] as? String == "doc-1")
        for daemon in [first, second] { kill(daemon.processIdentifier, SIGTERM) }
        #expect(rig.exitStatus(first) == 0)
        #expect(rig.exitStatus(second) == 0)
    }

    @Test(
        "SIGHUP changes the chain with the connection up; SIGTERM finishes and acks what it fetched",
        .timeLimit(.minutes(2))
    )
    func reloadAndDrain() throws {
        let rig = try NATSRig()
        defer { rig.tearDown() }
        try rig.writeConfig(pipeline: ["metadata", TestProcessors.delay(ms: 20)])
        let daemon = try rig.startDaemon()
        _ = try rig.publish((0..<400).map(NATSRig.record))
        #expect(rig.wait(seconds: 30) { (rig.counts()?.messages ?? 0) >= 40 })
        try rig.writeConfig(pipeline: ["metadata", "language", TestProcessors.delay(ms: 20)])
        kill(daemon.processIdentifier, SIGHUP)
        #expect(rig.wait(seconds: 20) { rig.log(of: daemon).contains("configuration reloaded") })
        #expect(rig.wait(seconds: 30) { (rig.counts()?.messages ?? 0) >= 150 })
        kill(daemon.processIdentifier, SIGTERM)
        #expect(rig.exitStatus(daemon) == 0)
        #expect(!rig.log(of: daemon).contains("NATS connection back"), "one connection the whole time")

        let done = try #require(rig.counts()).messages
        let consumer = try #require(rig.consumer())
        #expect(consumer["ack_pending"] as? Int == 0, "nothing fetched was left unacknowledged")
        #expect(done + (consumer["pending"] as? Int ?? -1) == 400, "every document is either done or waiting")
        #expect(done < 400, "the drain stopped fetching")
        let outputs = try rig.messages()
        #expect(outputs.contains { $0["language"] != nil }, "outputs after the reload ran the new chain")
        #expect(outputs.contains { $0["language"] == nil }, "outputs before it did not")

        // A new daemon takes the rest.
        let next = try rig.startDaemon()
        #expect(rig.wait(seconds: 60) { rig.counts()?.ids == 400 })
        kill(next.processIdentifier, SIGTERM)
        #expect(rig.exitStatus(next) == 0)
    }

    @Test("publish --rate paces the messages; publishing with no server exits 69", .timeLimit(.minutes(1)))
    func publishRate() throws {
        let rig = try NATSRig()
        defer { rig.tearDown() }
        try rig.writeConfig(pipeline: ["metadata"])
        let file = try rig.root.write("ten.jsonl", text: (0..<10).map(NATSRig.record).joined(separator: "\n"))
        let start = Date()
        let result = try LectorBinary.run(["publish", "--config", rig.configPath, "--jsonl", file, "--rate", "20"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 0 && result.output.contains("published 10 documents"))
        #expect(elapsed >= 0.45 && elapsed < 10, "10 messages at 20/s take about half a second, not \(elapsed) s")
        rig.servers.stopAll()
        let refused = try LectorBinary.run(["publish", "--config", rig.configPath, "--jsonl", file])
        #expect(refused.status == 69)
        #expect(refused.standardError.contains("cannot connect"))
    }

    @Test(
        "the server away for two seconds: fetching pauses, then every document comes out once",
        .timeLimit(.minutes(2))
    )
    func serverAway() throws {
        let rig = try NATSRig()
        defer { rig.tearDown() }
        try rig.writeConfig(pipeline: ["metadata", TestProcessors.delay(ms: 5)])
        let daemon = try rig.startDaemon()
        _ = try rig.publish((0..<300).map(NATSRig.record))
        #expect(rig.wait(seconds: 30) { (rig.counts()?.messages ?? 0) >= 50 })
        rig.servers.kill(0)
        Thread.sleep(forTimeInterval: 2)
        try rig.servers.start(0)
        #expect(rig.wait(seconds: 60) { rig.counts()?.ids == 300 })
        #expect(rig.counts()! == (300, 300), "nothing published twice")
        #expect(rig.wait(seconds: 10) { rig.consumer()?["ack_pending"] as? Int == 0 })
        #expect(rig.log(of: daemon).contains("NATS connection back"))
        kill(daemon.processIdentifier, SIGTERM)
        #expect(rig.exitStatus(daemon) == 0)
    }

    @Test("a file inbox with NATS output waits for a server that is not there yet", .timeLimit(.minutes(1)))
    func fileInboxServerLate() throws {
        let root = try TemporaryDirectory(prefix: "lector-nats")
        defer { root.remove() }
        let servers = try NATSServers(count: 1, root: root.path)
        defer { servers.stopAll() }
        let harness = try Self.folderDaemon(publishingTo: servers)
        defer { harness.tearDown() }
        let daemon = try harness.start()
        for index in 0..<5 { try harness.drop("late-\(index).txt", text: "Story \(index). Oslo, Tuesday.") }
        Thread.sleep(forTimeInterval: 1)
        #expect(harness.outputs().isEmpty, "nothing is written before it is published")
        #expect(harness.names(in: harness.failed).isEmpty, "nothing fails for it")
        try servers.startAll()
        #expect(harness.waitFor(seconds: 40) { harness.outputs().count == 5 })
        let result = try LectorBinary.run(["read", "--config", harness.configPath, "--count"])
        #expect(result.output.contains("messages: 5, distinct ids: 5"))
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    @Test(
        "READY=1 only once the server answers and the consumer is bound; a SIGHUP sent meanwhile reloads then",
        .timeLimit(.minutes(1))
    )
    func readyWhenBound() throws {
        let rig = try NATSRig()
        defer { rig.tearDown() }
        rig.servers.stopAll()
        try rig.writeConfig(pipeline: ["metadata"])
        let socket = try DatagramSocket(path: rig.root.appending("notify.sock"))
        let daemon = try rig.startDaemon(waitUntilReady: false, environment: ["NOTIFY_SOCKET": socket.path])
        Thread.sleep(forTimeInterval: 1.5)
        #expect(daemon.isRunning, "it waits for the server")
        #expect(!socket.receive().contains { $0.contains("READY=1") })
        kill(daemon.processIdentifier, SIGHUP)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(daemon.isRunning, "a SIGHUP while waiting neither kills nor stops it")
        try rig.servers.startAll()
        var notices: [String] = []
        #expect(
            rig.wait(seconds: 30) {
                notices += socket.receive()
                return notices.contains { $0.contains("READY=1") }
            }
        )
        #expect(
            rig.wait(seconds: 10) {
                notices += socket.receive()
                return notices.contains { $0.contains("RELOADING=1") }
            },
            "the SIGHUP sent while waiting reloads once ready"
        )
        _ = try rig.publish([NATSRig.record(3)])
        #expect(rig.wait(seconds: 20) { rig.counts()?.ids == 1 })
        kill(daemon.processIdentifier, SIGTERM)
        #expect(rig.exitStatus(daemon) == 0)
        #expect(
            rig.wait(seconds: 5) {
                notices += socket.receive()
                return notices.contains { $0.contains("STOPPING=1") }
            }
        )
    }

    @Test("a document that never finishes goes to the failed subject after max_deliver", .timeLimit(.minutes(2)))
    func poisonMessage() throws {
        let rig = try NATSRig()
        defer { rig.tearDown() }
        try rig.writeConfig(
            pipeline: ["metadata", TestProcessors.delay(ms: 60000)],
            workers: 1,
            ackWait: "1s",
            maxDeliver: 2
        )
        _ = try rig.publish([NATSRig.record(5)])
        // Each daemon dies (kill -9) while the document is in its hands.
        for round in 1...2 {
            let daemon = try rig.startDaemon()
            #expect(rig.wait(seconds: 20) { (rig.consumer()?["delivered"] as? Int) == round })
            kill(daemon.processIdentifier, SIGKILL)
            _ = rig.exitStatus(daemon)
        }
        let last = try rig.startDaemon()
        #expect(rig.wait(seconds: 30) { rig.counts(failed: true)?.ids == 1 })
        let failure = try #require(try rig.messages(failed: true).first)
        #expect(failure["id"] as? String == "doc-5")
        #expect((failure["error"] as? [String: Any])?["code"] as? String == "max_deliver")
        #expect(failure["attempts"] as? Int == 3)
        #expect(rig.counts()?.messages == 0, "never published as an output")
        #expect(rig.wait(seconds: 10) { rig.consumer()?["ack_pending"] as? Int == 0 })
        kill(last.processIdentifier, SIGTERM)
        #expect(rig.exitStatus(last) == 0)
    }

    @Test(
        "TLS: a server that the configured CA signed is trusted; without the CA nothing connects",
        .timeLimit(.minutes(1))
    )
    func tls() throws {
        let root = try TemporaryDirectory(prefix: "lector-nats-tls")
        defer { root.remove() }
        // A CA and a server certificate for 127.0.0.1 that it signed.
        let script = """
            set -e
            cd '\(root.path)'
            openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=lector-test-ca
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1
            printf 'subjectAltName=IP:127.0.0.1\\n' > san.ext
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.ext
            """
        let made = try Repository.runTool(["sh", "-c", script])
        try #require(made.status == 0, "\(made.output)")
        let servers = try NATSServers(
            count: 1,
            root: root.path,
            extraArguments: [
                "--tls", "--tlscert", root.appending("server.pem"), "--tlskey", root.appending("server.key"),
            ]
        )
        try servers.startAll()
        defer { servers.stopAll() }
        let url = "tls://127.0.0.1:\(servers.nodes[0].clientPort)"
        let trusted = try root.write(
            "trusted.yaml",
            text: "input:\n  nats:\n    url: \(url)\n    tls: {ca: ca.pem}\noutput:\n  nats: {}\npipeline: [metadata]\n"
        )
        let records = try root.write("one.jsonl", text: NATSRig.record(1) + "\n")
        let published = try LectorBinary.run(["publish", "--config", trusted, "--jsonl", records])
        #expect(published.status == 0, "\(published.standardError)")
        let untrusted = try root.write(
            "untrusted.yaml",
            text: "input:\n  nats:\n    url: \(url)\noutput:\n  nats: {}\npipeline: [metadata]\n"
        )
        let refused = try LectorBinary.run(["publish", "--config", untrusted, "--jsonl", records])
        #expect(refused.status == 69, "a server no configured CA signed is not trusted")
    }

    @Test("a file inbox with NATS output publishes each output once", .timeLimit(.minutes(1)))
    func fileInboxToNATS() throws {
        let root = try TemporaryDirectory(prefix: "lector-nats")
        defer { root.remove() }
        let servers = try NATSServers(count: 1, root: root.path)
        try servers.startAll()
        defer { servers.stopAll() }
        let harness = try Self.folderDaemon(publishingTo: servers)
        defer { harness.tearDown() }
        let daemon = try harness.start()
        for index in 0..<20 { try harness.drop("story-\(index).txt", text: "Story \(index). Oslo, Tuesday.") }
        #expect(harness.waitFor(seconds: 30) { harness.outputs().count == 20 })
        let result = try LectorBinary.run(["read", "--config", harness.configPath, "--count"])
        #expect(result.output.contains("messages: 20, distinct ids: 20"))
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    /// A folder daemon (inbox, outbox, failed/) that also publishes its outputs to NATS.
    private static func folderDaemon(publishingTo servers: NATSServers) throws -> DaemonHarness {
        try DaemonHarness(
            pipeline: ["metadata"],
            extra: "output:\n  nats:\n    url: \(servers.urls[0])\n    subject: files.out.{id}\n    stream: FILES"
        )
    }
}
