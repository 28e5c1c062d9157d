import CNATS
import Foundation
public import LectorConfig
public import LectorDaemon
import Synchronization

/// Publishes enriched documents to `output.nats.subject`, with the document id as
/// `Nats-Msg-Id`, and returns once the stream has stored them (or had them already).
public final class NATSOutputPublisher: OutputPublisher {
    let connection: NATSConnection
    let output: NATSOutputConfiguration
    /// Whether the output stream is known to exist (bound once, or again after a publish
    /// found no stream).
    private let streamBound = Mutex(false)

    /// Connects to the output's servers; the stream is bound (created when absent) at the
    /// first publish, so a daemon starts, and pauses claiming, while the server is away.
    ///
    /// - Parameters:
    ///   - output: `output.nats`.
    ///   - name: The client's name.
    /// - Throws: ``NATSError`` when the options are wrong (a credentials file that cannot
    ///   be read).
    public convenience init(_ output: NATSOutputConfiguration, name: String) throws(NATSError) {
        self.init(connection: try NATSConnection(output.server, name: name, connectInBackground: true), output: output)
    }

    init(connection: NATSConnection, output: NATSOutputConfiguration) {
        self.connection = connection
        self.output = output
    }

    /// Binds the output stream, creating it when absent.
    ///
    /// - Returns: How long the stream remembers message ids, in seconds.
    /// - Throws: ``NATSError``.
    @discardableResult
    func bindStream() throws(NATSError) -> Double {
        let bound = try connection.ensureStream(
            output.stream,
            subjects: [output.streamSubject],
            retention: .limits,
            replicas: output.replicas,
            duplicateWindow: output.duplicateWindow
        )
        streamBound.withLock { $0 = true }
        return bound.state.duplicateWindow
    }

    /// Publishes one document, waiting until the stream has stored it.
    public func publish(_ json: [UInt8], id: String, generation: Int) throws {
        _ = try published(json, id: id, generation: generation)
    }

    /// Publishes, and says whether the stream had the document already.
    ///
    /// - Parameters:
    ///   - json: The document.
    ///   - id: Its id.
    ///   - generation: The configuration generation.
    ///   - inputStoredAt: When the input stream stored the input (ns since the epoch), sent
    ///     as `Lector-Input-Time` so that `lector read --latency` can measure
    ///     input-to-output time on the server's one clock; 0 for none.
    /// - Returns: Whether the stream had a message with this id already.
    /// - Throws: ``NATSError`` when the stream did not store it after several tries.
    func published(_ json: [UInt8], id: String, generation: Int, inputStoredAt: Int64 = 0) throws(NATSError) -> Bool {
        var headers = [("Lector-Generation", "\(generation)")]
        if inputStoredAt > 0 { headers.append((Self.inputTimeHeader, "\(inputStoredAt)")) }
        return try connection.retrying { () throws(NATSError) in
            if !streamBound.withLock({ $0 }) { try bindStream() }
            do throws(NATSError) {
                return try publishOnce(json, id: id, headers: headers)
            } catch {
                guard error.status == NATS_NO_RESPONDERS.rawValue else { throw error }
                // No stream takes the subject (deleted by hand): make it again.
                streamBound.withLock { $0 = false }
                throw error
            }
        }
    }

    private func publishOnce(_ json: [UInt8], id: String, headers: [(String, String)]) throws(NATSError) -> Bool {
        try connection.publish(
            json,
            to: NATSDocuments.subject(output.subject, id: id),
            messageID: NATSDocuments.messageID(id),
            headers: headers
        ).duplicate
    }

    /// The header that carries when the input was stored.
    public static let inputTimeHeader = "Lector-Input-Time"
}

extension NATSConnection {
    /// Runs a request, trying again on timeouts and lost connections for about six seconds
    /// (a server restarting, a cluster electing a leader) unless `giveUp` says otherwise.
    /// Publishes stay safe to repeat because each carries its message id.
    ///
    /// - Parameters:
    ///   - giveUp: Asked after each failure from the second on; `true` stops the tries.
    ///   - body: The request.
    /// - Returns: What the request returned.
    /// - Throws: The last ``NATSError``.
    public func retrying<Value>(
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
