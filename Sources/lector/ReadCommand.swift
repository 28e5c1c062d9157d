import ArgumentParser
import LectorConfig
import LectorCore
import LectorDaemon
import LectorNATS

/// `lector read`: prints what the NATS output (or failed) stream holds.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Print the enriched documents kept in the NATS output stream, one JSON a line.",
        discussion: """
            Reads output.nats.stream (or, with --failed, input.nats.failed_stream) from its \
            first message to its last without consuming anything. --count prints only how \
            many messages it holds and how many distinct document ids; --latency prints, over \
            the outputs of a NATS input, the time from the input's store to the output's store \
            (p50, p99, max, on the server's clock) as one JSON line. Exit status 69 when no \
            server answers.
            """
    )

    @Option(name: .long, help: "The configuration file.")
    var config = "config.yaml"

    @Flag(name: .long, help: "Read the failed stream instead of the output stream.")
    var failed = false

    @Flag(name: .long, help: "Print only the number of messages and of distinct ids.")
    var count = false

    @Flag(name: .long, help: "Print input-to-output latency percentiles as JSON.")
    var latency = false

    @Option(name: .long, help: "Start at this stream sequence.")
    var from: UInt64 = 1

    func run() throws {
        let configuration = try ChainLoader.loadConfiguration(path: config, purpose: .daemon)
        let server: NATSServerConfiguration
        let stream: String
        if failed {
            guard let input = configuration.natsInput else {
                StandardError.write("lector: \(config) has no input.nats, so no failed stream\n")
                throw ExitStatus.config
            }
            (server, stream) = (input.server, input.failedStream)
        } else {
            guard let output = configuration.natsOutput else {
                StandardError.write("lector: \(config) has no output.nats\n")
                throw ExitStatus.config
            }
            (server, stream) = (output.server, output.stream)
        }
        do {
            let connection = try NATSConnection(server, name: "lector-read")
            // Each request is tried again for a few seconds: a cluster may be electing a leader.
            let state = try connection.retrying { () throws(NATSError) in try connection.streamState(stream) }
            var messages = 0
            var ids = Set<String>()
            var waits = LatencyWindow(capacity: max(1, Int(clamping: state.messages)))
            var sequence = max(from, state.firstSequence)
            while sequence <= state.lastSequence, state.messages > 0 {
                defer { sequence += 1 }
                let keys = ["Nats-Msg-Id", NATSOutputPublisher.inputTimeHeader]
                let read = { () throws(NATSError) in try connection.storedMessage(sequence, in: stream, headers: keys) }
                guard let message = try connection.retrying(read) else { continue }
                messages += 1
                if let id = message.headers["Nats-Msg-Id"] { ids.insert(id) }
                if let input = message.headers[NATSOutputPublisher.inputTimeHeader].flatMap(Int64.init) {
                    waits.record(Double(message.storedAt - input) / 1e6)
                }
                if !count, !latency { print(String(decoding: message.data, as: UTF8.self)) }
            }
            if count { print("messages: \(messages), distinct ids: \(ids.count)") }
            if latency { print(Self.percentiles(waits)) }
            connection.close()
        } catch {
            StandardError.write("lector: \(error)\n")
            throw ExitCode(69)
        }
    }

    /// `{"documents": N, "p50_ms": …, "p99_ms": …, "max_ms": …}` (nearest rank).
    static func percentiles(_ waits: LatencyWindow) -> String {
        func rank(_ q: Double) -> JSONValue {
            waits.quantile(q).map { .double(($0 * 100).rounded() / 100) } ?? .null
        }
        let object = JSONObject([
            ("documents", .int(waits.total)), ("p50_ms", rank(0.5)), ("p99_ms", rank(0.99)), ("max_ms", rank(1)),
        ])
        return JSONValue.object(object).encodedString()
    }
}
