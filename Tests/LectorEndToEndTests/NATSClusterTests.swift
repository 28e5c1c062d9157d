import Foundation
import LectorTestSupport
import Testing

@Suite(
    "three Lector daemons on a three-node JetStream cluster",
    .serialized,
    .enabled(if: NATSServers.isInstalled, "nats-server is not installed (make test installs it)")
)
struct NATSClusterTests {
    @Test(
        "5,000 documents, a daemon and a server killed -9 mid-run: every id once, failures once, nothing unacked",
        .timeLimit(.minutes(6))
    )
    func killDaemonAndServer() throws {
        let rig = try NATSRig(nodes: 3)
        defer { rig.tearDown() }
        // 4 ms a document: the run lasts long enough for both kills to land mid-run.
        try rig.writeConfig(
            pipeline: ["metadata", "language", "entities", TestProcessors.delay(ms: 4)],
            workers: 1,
            ackWait: "3s",
            replicas: 3
        )
        let daemons = try (0..<3).map { _ in try rig.startDaemon() }
        let total = 5_000
        var records: [String] = []
        var bad = 0
        for index in 0..<total {
            if index % 100 == 99 {
                records.append("{\"id\": \"doc-\(index)\", \"text\": \"\"}")
                bad += 1
            } else {
                records.append(NATSRig.record(index))
            }
        }
        #expect(try rig.publish(records).contains("published \(total) documents"))

        let good = total - bad
        // Progress from the stream's size (one request), exactness from `lector read` at the end.
        #expect(rig.wait(seconds: 120) { rig.storedOutputs() >= 1_000 })
        #expect(rig.storedOutputs() < good, "the daemon is killed mid-run")
        kill(daemons[0].processIdentifier, SIGKILL)
        _ = rig.exitStatus(daemons[0])
        try rig.startDaemon()

        // The server daemon 1 is connected to: its connection is cut mid-run.
        let log = rig.log(of: daemons[1])
        let node = rig.servers.nodes.firstIndex { log.contains("nats.url=\($0.url) ") } ?? 1
        #expect(rig.wait(seconds: 120) { rig.storedOutputs() >= 2_500 })
        #expect(rig.storedOutputs() < good, "the server is killed mid-run")
        rig.servers.kill(node)
        Thread.sleep(forTimeInterval: 2)
        try rig.servers.start(node)

        #expect(rig.wait(seconds: 240) { rig.storedOutputs() >= good })
        #expect(rig.wait(seconds: 60) { rig.counts()?.ids == good && rig.counts(failed: true)?.ids == bad })
        let outputs = try #require(rig.counts())
        let failures = try #require(rig.counts(failed: true))
        #expect(outputs.messages == good, "each id once in the output stream, not \(outputs.messages) messages")
        #expect(outputs.ids == good)
        #expect(failures.messages == bad)
        #expect(failures.ids == bad)
        #expect(rig.wait(seconds: 30) { (rig.consumer()?["ack_pending"] as? Int) == 0 }, "nothing left unacked")
        #expect(rig.consumer()?["pending"] as? Int == 0)
        #expect(rig.log(of: daemons[1]).contains("NATS connection back"), "daemon 1 lost its server and reconnected")
        for daemon in rig.daemons.map(\.process) where daemon.isRunning {
            kill(daemon.processIdentifier, SIGTERM)
            #expect(rig.exitStatus(daemon) == 0)
        }
    }
}
