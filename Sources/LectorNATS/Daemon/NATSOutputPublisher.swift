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
        try publish(json, id: id, generation: generation, inputStoredAt: 0)
    }

    /// Publishes one document (a second publish of the same id within the stream's
    /// duplicate window is stored once), trying again through short outages.
    ///
    /// - Parameters:
    ///   - json: The document.
    ///   - id: Its id.
    ///   - generation: The configuration generation.
    ///   - inputStoredAt: When the input stream stored the input (ns since the epoch), sent
    ///     as `Lector-Input-Time` so that `lector read --latency` can measure
    ///     input-to-output time on the server's one clock; 0 for none.
    ///   - giveUp: Whether to stop trying again (the daemon drains): the caller's own retry
    ///     loop hands the message back then.
    /// - Throws: ``NATSError`` when the stream did not store it after several tries.
    func publish(
        _ json: [UInt8],
        id: String,
        generation: Int,
        inputStoredAt: Int64,
        giveUp: () -> Bool = { false }
    ) throws(NATSError) {
        var headers = [("Lector-Generation", "\(generation)")]
        if inputStoredAt > 0 { headers.append((Self.inputTimeHeader, "\(inputStoredAt)")) }
        let subject = NATSDocuments.subject(output.subject, id: id)
        let messageID = NATSDocuments.messageID(id)
        try connection.retrying(giveUp: giveUp) { () throws(NATSError) in
            if !streamBound.withLock({ $0 }) { try bindStream() }
            do throws(NATSError) {
                try connection.publish(json, to: subject, messageID: messageID, headers: headers)
            } catch {
                // No stream takes the subject (deleted by hand): make it again next time.
                if error.status == NATS_NO_RESPONDERS.rawValue { streamBound.withLock { $0 = false } }
                throw error
            }
        }
    }

    /// The header that carries when the input was stored.
    public static let inputTimeHeader = "Lector-Input-Time"
}
