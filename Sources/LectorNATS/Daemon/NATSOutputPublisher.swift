import Foundation
public import LectorConfig
public import LectorDaemon

/// Publishes enriched documents to `output.nats.subject`, with the document id as
/// `Nats-Msg-Id`, and returns once the stream has stored them (or had them already).
public struct NATSOutputPublisher: OutputPublisher {
    let connection: NATSConnection
    let output: NATSOutputConfiguration

    /// Connects to the output's servers (waiting for one) and binds its stream, creating it
    /// when absent.
    ///
    /// - Parameters:
    ///   - output: `output.nats`.
    ///   - name: The client's name.
    /// - Throws: ``NATSError`` when the stream cannot be created or bound.
    public init(_ output: NATSOutputConfiguration, name: String) throws(NATSError) {
        let connection = try NATSConnection(output.server, name: name, waitForServer: true)
        try Self.bindStream(output, on: connection)
        self.init(connection: connection, output: output)
    }

    init(connection: NATSConnection, output: NATSOutputConfiguration) {
        self.connection = connection
        self.output = output
    }

    static func bindStream(_ output: NATSOutputConfiguration, on connection: NATSConnection) throws(NATSError) {
        try connection.ensureStream(
            output.stream,
            subjects: [output.streamSubject],
            retention: .limits,
            replicas: output.replicas,
            duplicateWindow: output.duplicateWindow
        )
    }

    /// Publishes one document, waiting until the stream has stored it.
    public func publish(_ json: [UInt8], id: String, generation: Int) throws {
        _ = try published(json, id: id, generation: generation)
    }

    /// Publishes, and says whether the stream had the document already.
    func published(_ json: [UInt8], id: String, generation: Int) throws(NATSError) -> Bool {
        try connection.retrying { () throws(NATSError) in
            try connection.publish(
                json,
                to: NATSDocuments.subject(output.subject, id: id),
                messageID: NATSDocuments.messageID(id),
                headers: [("Lector-Generation", "\(generation)")]
            ).duplicate
        }
    }
}

extension NATSConnection {
    /// Runs a request, trying again on timeouts and lost connections for about six seconds
    /// (a server restarting, a cluster electing a leader) unless `giveUp` says otherwise.
    /// Publishes stay safe to repeat because each carries its message id.
    func retrying<Value>(
        giveUp: () -> Bool = { false },
        _ body: () throws(NATSError) -> Value
    ) throws(NATSError) -> Value {
        var delay = 0.1
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try body()
            } catch {
                if attempt >= 6 || (attempt >= 2 && giveUp()) { throw error }
                Thread.sleep(forTimeInterval: delay)
                delay *= 2
            }
        }
    }
}
