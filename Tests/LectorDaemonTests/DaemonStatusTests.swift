import Foundation
import LectorCore
import LectorDaemon
import LectorTestSupport
import Testing

@Suite("DaemonStatus and SystemdNotifier")
struct DaemonStatusTests {
    private let status = DaemonStatus(
        daemon: "0123456789abcdef",
        pid: 42,
        state: "running",
        started: 1000,
        updated: 1060,
        generation: 2,
        config: "sha256:ab",
        processed: 10,
        failed: 1,
        retries: 0,
        inFlight: 2,
        queued: 3,
        workers: 2,
        lastError: "x.txt: not a text file",
        latency: ["p50": 1.5, "p90": 2, "p99": 7.25]
    )

    @Test("the snapshot round-trips through its JSON")
    func roundTrip() throws {
        let parsed = DaemonStatus.parse(try JSONValue.parse(status.json.encodedString()))
        #expect(parsed == status)
    }

    @Test("Prometheus text has HELP and TYPE once per metric and the daemon label")
    func prometheus() {
        let text = status.prometheus
        #expect(text.contains("# TYPE lector_documents_processed_total counter\n"))
        #expect(text.contains("lector_documents_processed_total{daemon=\"0123456789abcdef\"} 10.0\n"))
        #expect(text.contains("lector_latency_milliseconds{daemon=\"0123456789abcdef\",quantile=\"0.99\"} 7.25\n"))
        #expect(text.components(separatedBy: "# TYPE lector_latency_milliseconds").count == 2)
    }

    @Test("two daemons in one metrics file: each under its own label, HELP and TYPE once, _sum and _count")
    func prometheusOfSeveral() throws {
        var other = status
        other.daemon = "fedcba9876543210"
        other.processed = 4
        var first = status
        first.latencySum = 123.5
        first.latencyCount = 10
        let text = DaemonStatus.prometheus([first, other])
        #expect(text.contains("lector_documents_processed_total{daemon=\"0123456789abcdef\"} 10.0\n"))
        #expect(text.contains("lector_documents_processed_total{daemon=\"fedcba9876543210\"} 4.0\n"))
        #expect(text.components(separatedBy: "# TYPE lector_documents_processed_total").count == 2)
        #expect(text.contains("lector_latency_milliseconds_sum{daemon=\"0123456789abcdef\"} 123.5\n"))
        #expect(text.contains("lector_latency_milliseconds_count{daemon=\"0123456789abcdef\"} 10.0\n"))
        let parsed = try #require(DaemonStatus.parse(try JSONValue.parse(first.json.encodedString())))
        #expect(parsed.latencySum == 123.5 && parsed.latencyCount == 10)
    }

    @Test("sd_notify sends one datagram per message to $NOTIFY_SOCKET")
    func notify() throws {
        let path = NSTemporaryDirectory() + "/lector-notify-\(getpid()).sock"
        let socket = try DatagramSocket(path: path)
        let receiver = socket.descriptor
        let notifier = SystemdNotifier(socketPath: path)
        #expect(notifier.isEnabled)
        notifier.send("READY=1\nSTATUS=ok")
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = recv(receiver, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        #expect(count > 0)
        #expect(String(decoding: buffer[0..<max(count, 0)], as: UTF8.self) == "READY=1\nSTATUS=ok")
        #expect(!SystemdNotifier(socketPath: "").isEnabled)
    }
}
