import ArgumentParser
import Foundation
import LectorConfig
import LectorCore
import LectorDaemon
import LectorNATS

/// `lector status`: the figures of the daemons running on a configuration's inbox.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the running daemons have done.",
        discussion: """
            With an inbox: each daemon writes INBOX/.lector/status-ID.json every second; this \
            command reads them and shows the live ones; exit status 3 when no daemon is \
            running. With input.nats: the consumer's counts (pending, unacknowledged, \
            redelivered, delivered) and the streams' sizes, from the server; exit status 3 \
            when the server cannot be reached or has no such consumer. --prometheus prints the \
            Prometheus text format \
            (the daemon also writes it to `metrics_file:` when set, for node_exporter's \
            textfile collector).
            """
    )

    @Option(name: .long, help: "The configuration file.")
    var config = "config.yaml"

    @Flag(name: .long, help: "Print the figures as JSON, one object per daemon.")
    var json = false

    @Flag(name: .long, help: "Print the figures in Prometheus text format.")
    var prometheus = false

    func run() throws {
        let configuration = try ChainLoader.loadConfiguration(path: config, purpose: .daemon)
        if let input = configuration.natsInput {
            try natsStatus(input, output: configuration.natsOutput)
            return
        }
        guard let spool = configuration.spool else { throw ExitStatus.config }
        let statuses = StatusReader.liveStatuses(layout: SpoolLayout(spool))
        if statuses.isEmpty {
            StandardError.write("lector: no daemon is running on \(spool.inbox)\n")
            throw ExitCode(3)
        }
        let inboxCount = StatusReader.inboxCount(layout: SpoolLayout(spool))
        if prometheus {
            print(statuses.map(\.prometheus).joined(), terminator: "")
            return
        }
        if json {
            for status in statuses { print(status.json.encodedString()) }
            return
        }
        for status in statuses {
            let uptime = Int(Date().timeIntervalSince1970 - status.started)
            let latency = ["p50", "p90", "p99"].map { key in
                status.latency[key].map { "\(key) \($0) ms" } ?? "\(key) -"
            }.joined(separator: ", ")
            print(
                """
                daemon \(status.daemon) (pid \(status.pid)): \(status.state), up \(uptime / 3600)h \(uptime / 60 % 60)m \(uptime % 60)s
                  processed \(status.processed), failed \(status.failed), retries \(status.retries), in flight \(status.inFlight), queued \(status.queued)
                  config generation \(status.generation) (\(status.config.prefix(19))…), workers \(status.workers)
                  latency (drop to output): \(latency)
                  last error: \(status.lastError ?? "none")
                """
            )
            if let warning = status.warning { print("  warning: \(warning)") }
        }
        print("inbox: \(inboxCount) documents waiting in \(spool.inbox)")
    }

    /// With NATS input: what the server says of the shared consumer and the streams.
    private func natsStatus(_ input: NATSInputConfiguration, output: NATSOutputConfiguration?) throws {
        let consumer: NATSConsumerState
        var streams: [(String, NATSStreamState)] = []
        do {
            let connection = try NATSConnection(input.server, name: "lector-status")
            consumer = try connection.retrying { () throws(NATSError) in
                try connection.consumerState(input.consumer, stream: input.stream)
            }
            for stream in [input.stream, input.failedStream] + (output.map { [$0.stream] } ?? []) {
                if let state = try? connection.streamState(stream) { streams.append((stream, state)) }
            }
            connection.close()
        } catch {
            StandardError.write("lector: \(error)\n")
            throw ExitCode(3)
        }
        if json || prometheus {
            let counts: [(String, Int)] = [
                ("pending", Int(clamping: consumer.pending)), ("ack_pending", Int(consumer.ackPending)),
                ("redelivered", Int(consumer.redelivered)), ("waiting", Int(consumer.waiting)),
                ("delivered", Int(clamping: consumer.delivered)),
            ]
            var object = JSONObject(counts.map { ($0.0, JSONValue.int($0.1)) })
            object["consumer"] = .string(input.consumer)
            object["stream"] = .string(input.stream)
            object["streams"] = .object(
                JSONObject(streams.map { ($0.0, JSONValue.int(Int(clamping: $0.1.messages))) })
            )
            if prometheus {
                print(consumer.prometheus(consumer: input.consumer, stream: input.stream), terminator: "")
            } else {
                print(JSONValue.object(object).encodedString())
            }
            return
        }
        print(
            """
            consumer \(input.consumer) on stream \(input.stream): \(consumer.pending) pending, \(consumer.ackPending) delivered and not yet acknowledged, \(consumer.redelivered) redelivered, \(consumer.waiting) fetches waiting
            """
        )
        for (name, state) in streams {
            print("stream \(name): \(state.messages) messages (\(state.subjects.joined(separator: ", ")))")
        }
    }
}
