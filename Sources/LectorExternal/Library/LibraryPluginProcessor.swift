import LectorCore
import Synchronization

/// The `library` step: one instance of a shared-library plugin.
final class LibraryPluginProcessor: Processor {
    let plugin: LibraryPlugin
    let handshake: PluginProtocol.Handshake
    /// The instance pointer, held as a bit pattern so the type stays Sendable; the plugin
    /// owns what it points to until `destroy`.
    private let instance: UInt
    /// Serialises calls when the plugin does not declare itself thread-safe.
    private let lock = Mutex(())

    init(plugin: LibraryPlugin, options: JSONValue) throws {
        self.plugin = plugin
        handshake = PluginProtocol.Handshake(name: plugin.name, version: "library", adds: [plugin.name], languages: nil)
        var error: UnsafeMutablePointer<CChar>?
        let created = options.encodedString().withCString { plugin.create($0, &error) }
        guard let created else {
            let message = plugin.take(error).map { String(decoding: $0, as: UTF8.self) } ?? "create failed"
            throw ProcessorError(.invalidOptions, "library plugin '\(plugin.name)': \(message)")
        }
        instance = UInt(bitPattern: created)
    }

    deinit {
        plugin.destroy(UnsafeMutableRawPointer(bitPattern: instance))
    }

    var stepName: String? { plugin.name }

    func process(_ document: Document, context: ProcessingContext) throws -> Document {
        let request = PluginProtocol.request(document).encoded()
        let line: [UInt8] = try plugin.threadSafe ? call(request) : lock.withLock { _ in try call(request) }
        return try PluginProtocol.reply(line, id: nil, handshake: handshake).applied(to: document)
    }

    private func call(_ request: [UInt8]) throws -> [UInt8] {
        var error: UnsafeMutablePointer<CChar>?
        var length = 0
        let pointer = UnsafeMutableRawPointer(bitPattern: instance)
        let reply = request.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                plugin.processDocument(pointer, chars.baseAddress, chars.count, &length, &error)
            }
        }
        guard let bytes = plugin.take(reply, length: length) else {
            let message = plugin.take(error).map { String(decoding: $0, as: UTF8.self) } ?? "no reply"
            throw ProcessorError(.pluginFailed, "library plugin '\(plugin.name)': \(message)")
        }
        return bytes
    }
}
