/// Somewhere outputs go besides the outbox (a NATS subject). The daemon calls it on a
/// worker thread after the chain and before the output is committed to the outbox; when it
/// throws, the input stays claimed and is tried again later, and claiming pauses as for an
/// unwritable outbox. It must make a second publish of the same id harmless.
public protocol OutputPublisher: Sendable {
    /// Publishes one enriched document.
    ///
    /// - Parameters:
    ///   - json: The document's JSON, exactly as the outbox file holds it.
    ///   - id: The document id.
    ///   - generation: The configuration generation that made it.
    /// - Throws: When the document is not stored.
    func publish(_ json: [UInt8], id: String, generation: Int) throws
}
