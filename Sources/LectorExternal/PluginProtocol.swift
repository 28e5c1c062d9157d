public import LectorCore

/// The JSON messages Lector exchanges with plugins, version 1: the same shapes for exec
/// plugins (one message per line on stdin/stdout) and shared-library plugins (one call).
///
/// ```
/// lector → plugin  {"lector": "0.1.0", "protocol": 1, "name": "keywords", "options": {…}}
/// plugin → lector  {"lector_plugin": 1, "name": "keywords", "version": "1.2.0",
///                   "adds": ["keywords"], "languages": ["en"]}            (handshake)
/// lector → plugin  {"id": "doc-1", "document": {"id", "metadata", "text", <fields so far>}}
/// plugin → lector  {"id": "doc-1", "fields": {"keywords": […]}, "warnings": ["…"]}
///               or {"id": "doc-1", "error": {"code": "invalid_input", "message": "…"}}
/// ```
public enum PluginProtocol {
    /// The protocol version this Lector speaks.
    public static let version = 1

    /// The longest reply line accepted, in bytes.
    public static let maximumReplyBytes = 64 << 20

    /// What a plugin says about itself.
    public struct Handshake: Sendable, Equatable {
        /// The plugin's name.
        public var name: String
        /// The plugin's own version, as it reports it.
        public var version: String
        /// The top-level fields it may add or replace (its own name at least).
        public var adds: [String]
        /// The languages it supports, or `nil` for any.
        public var languages: Set<String>?

        /// Creates a handshake.
        ///
        /// - Parameters:
        ///   - name: The plugin's name.
        ///   - version: Its version.
        ///   - adds: The fields it may add.
        ///   - languages: The languages it supports, or `nil`.
        public init(name: String, version: String, adds: [String], languages: Set<String>?) {
            self.name = name
            self.version = version
            self.adds = adds
            self.languages = languages
        }
    }

    /// What a plugin answered for one document.
    public struct Reply: Sendable, Equatable {
        /// The fields to add or replace.
        public var fields: JSONObject
        /// Warnings for `processing.warnings`.
        public var warnings: [String]

        /// The document with the reply's fields set and its warnings appended.
        ///
        /// - Parameter document: The document the request was made from.
        /// - Returns: The enriched document.
        public func applied(to document: Document) -> Document {
            var result = document
            for (key, value) in fields { result.annotations[key] = value }
            result.warnings.append(contentsOf: warnings)
            return result
        }
    }

    /// The first message to an exec plugin.
    ///
    /// - Parameters:
    ///   - name: The plugin's configured name.
    ///   - lectorVersion: Lector's version.
    ///   - options: The step's `options:` for the plugin.
    /// - Returns: The message.
    public static func hello(name: String, lectorVersion: String, options: JSONValue) -> JSONValue {
        ["lector": .string(lectorVersion), "protocol": .int(version), "name": .string(name), "options": options]
    }

    /// Reads a plugin's handshake.
    ///
    /// - Parameters:
    ///   - bytes: The handshake line.
    ///   - expectedName: The name configured for the step; the plugin must report the same.
    /// - Returns: The handshake.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/pluginFailed``) saying what is wrong.
    public static func handshake(_ bytes: some Collection<UInt8>, expectedName: String?) throws -> Handshake {
        func fail(_ message: String) -> ProcessorError { ProcessorError(.pluginFailed, "bad handshake: \(message)") }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw fail("not JSON (\(error)); the first line must be {\"lector_plugin\": 1, \"name\": …}")
        }
        guard let protocolVersion = value["lector_plugin"]?.intValue else { throw fail("no \"lector_plugin\" version") }
        guard protocolVersion == version else {
            throw fail("protocol version \(protocolVersion), but this Lector speaks version \(version)")
        }
        guard let name = value["name"]?.stringValue, !name.isEmpty else { throw fail("no \"name\"") }
        if let expectedName, name != expectedName {
            throw fail("the plugin calls itself '\(name)' but the step names it '\(expectedName)'")
        }
        var adds = [name]
        if let declared = value["adds"] {
            guard let list = declared.arrayValue?.compactMap(\.stringValue), list.count == declared.arrayValue?.count
            else {
                throw fail("\"adds\" must be a list of field names")
            }
            for field in list where field != name {
                guard !reservedFields.contains(field) else {
                    throw fail("\"adds\" names '\(field)', which Lector owns")
                }
                adds.append(field)
            }
        }
        var languages: Set<String>?
        if let declared = value["languages"]?.arrayValue { languages = Set(declared.compactMap(\.stringValue)) }
        return Handshake(
            name: name,
            version: value["version"]?.stringValue ?? "unknown",
            adds: adds,
            languages: languages
        )
    }

    /// Fields a plugin may never replace.
    public static let reservedFields: Set<String> = ["id", "source", "metadata", "text", "processing"]

    /// The request for one document: its id, metadata, text and the fields added so far.
    ///
    /// - Parameter document: The document.
    /// - Returns: The message.
    public static func request(_ document: Document) -> JSONValue {
        var body = JSONObject()
        body["id"] = .string(document.id)
        body["metadata"] = .object(document.metadata)
        body["text"] = .string(document.text)
        for (key, value) in document.annotations { body[key] = value }
        return ["id": .string(document.id), "document": .object(body)]
    }

    /// Reads a reply and checks it against what the plugin declared.
    ///
    /// - Parameters:
    ///   - bytes: The reply line.
    ///   - id: The document id the reply must name (exec plugins), or `nil`.
    ///   - handshake: What the plugin declared.
    /// - Returns: The fields and warnings.
    /// - Throws: ``ProcessorError``: the plugin's own error (with its code when it is one of
    ///   Lector's), or ``ProcessorError/Code/pluginFailed`` for a reply that breaks the protocol.
    public static func reply(_ bytes: some Collection<UInt8>, id: String?, handshake: Handshake) throws -> Reply {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw ProcessorError(.pluginFailed, "\(handshake.name) replied with invalid JSON (\(error))")
        }
        guard let object = value.objectValue else {
            throw ProcessorError(.pluginFailed, "\(handshake.name) replied with \(kind(of: value)), not an object")
        }
        if let id, let replyID = object["id"]?.stringValue, replyID != id {
            throw ProcessorError(.pluginFailed, "\(handshake.name) answered for '\(replyID)' while '\(id)' was asked")
        }
        if let error = object["error"] {
            let message = error["message"]?.stringValue ?? error.encodedString()
            throw ProcessorError(code(error["code"]?.stringValue), "\(handshake.name): \(message)")
        }
        var fields = JSONObject()
        if let given = object["fields"] {
            guard let mapping = given.objectValue else {
                throw ProcessorError(.pluginFailed, "\(handshake.name): \"fields\" must be an object")
            }
            for (key, field) in mapping {
                guard handshake.adds.contains(key) else {
                    throw ProcessorError(
                        .pluginFailed,
                        "\(handshake.name) returned field '\(key)' it did not declare (declared: \(handshake.adds.joined(separator: ", ")))"
                    )
                }
                fields[key] = field
            }
        }
        let warnings = object["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return Reply(fields: fields, warnings: warnings.map { "\(handshake.name): \($0)" })
    }

    private static func code(_ name: String?) -> ProcessorError.Code {
        switch name {
        case "invalid_input": .invalidInput
        case "unsupported_language": .unsupportedLanguage
        case "timed_out": .timedOut
        case "unavailable": .unavailable
        default: .pluginFailed
        }
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .array: "a list"
        case .string: "a string"
        case .null: "null"
        default: "a scalar"
        }
    }
}
