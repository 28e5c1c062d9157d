import LectorCore

/// The `exec` step: sends each document to a long-lived external program and merges the
/// fields it returns.
final class ExecPluginProcessor: Processor {
    let pool: ExecPluginPool

    init(pool: ExecPluginPool) {
        self.pool = pool
    }

    var stepName: String? { pool.configuration.name }

    var supportedLanguages: Set<String>? { pool.handshake.languages }

    func process(_ document: Document, context: ProcessingContext) throws -> Document {
        let request = PluginProtocol.request(document).encoded()
        let line = try pool.call(request)
        return try PluginProtocol.reply(line, id: document.id, handshake: pool.handshake).applied(to: document)
    }
}
