import CYAML
import LectorCore

/// Turns libyaml's events into a ``ConfigValue`` tree, collecting every mistake it can.
struct YAMLTreeBuilder {
    /// The mistakes found so far.
    private(set) var errors: [YAMLError] = []

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let bytes: [UInt8]
    private let source: String

    /// Creates a builder over a parser whose input is set.
    ///
    /// - Parameters:
    ///   - parser: An initialised parser; the caller deletes it.
    ///   - bytes: The input, for locating reader errors.
    ///   - source: What the input is, plural, for messages (`config files`).
    init(parser: UnsafeMutablePointer<yaml_parser_t>, bytes: [UInt8], source: String) {
        self.parser = parser
        self.bytes = bytes
        self.source = source
    }

    /// Reads the stream.
    ///
    /// - Returns: The first document's root, or `nil` when the file is empty or has a syntax
    ///   error (recorded in ``errors``).
    mutating func build() -> ConfigValue? {
        do {
            return try stream()
        } catch {
            errors.append(
                YAMLError(location: error.location, keyPath: "", message: error.message, origin: error.origin)
            )
            return nil
        }
    }

    private mutating func stream() throws(YAMLSyntaxError) -> ConfigValue? {
        try expect(try next(), "the start of the stream") { if case .streamStart = $0 { true } else { false } }
        let first = try next()
        switch first {
        case .streamEnd:
            report(SourceLocation(line: 1, column: 1), "", YAMLError.emptyMessage)
            return nil
        case .documentStart:
            break
        default:
            throw unexpected(first, "a document")
        }
        let root = try node(try next(), keyPath: "", depth: 0)
        try expect(try next(), "the end of the document") { if case .documentEnd = $0 { true } else { false } }
        let after = try next()
        switch after {
        case .streamEnd:
            break
        case .documentStart(let location):
            report(location, "", "the file must hold one YAML document, found a second one (remove the '---')")
        default:
            throw unexpected(after, "the end of the stream")
        }
        return root
    }

    private mutating func node(_ event: YAMLEvent, keyPath: String, depth: Int) throws(YAMLSyntaxError) -> ConfigValue {
        switch event {
        case .scalar(let text, let quoted, let tag, let location):
            rejectTag(tag, at: location, keyPath: keyPath)
            return ConfigValue(.scalar(text, quoted: quoted), at: location)
        case .alias(let anchor, let location):
            report(location, keyPath, "aliases ('*\(anchor)') are not supported in \(source); write the value out")
            return ConfigValue(.scalar("", quoted: false), at: location)
        case .sequenceStart(let tag, let location):
            rejectTag(tag, at: location, keyPath: keyPath)
            guard depth < YAMLReader.maximumDepth else { throw tooDeep(at: location) }
            var elements: [ConfigValue] = []
            while true {
                let next = try next()
                if case .sequenceEnd = next { break }
                elements.append(try node(next, keyPath: "\(keyPath)[\(elements.count)]", depth: depth + 1))
            }
            return ConfigValue(.sequence(elements), at: location)
        case .mappingStart(let tag, let location):
            rejectTag(tag, at: location, keyPath: keyPath)
            guard depth < YAMLReader.maximumDepth else { throw tooDeep(at: location) }
            return ConfigValue(.mapping(try entries(keyPath: keyPath, depth: depth)), at: location)
        default:
            throw unexpected(event, "a value")
        }
    }

    /// Reads a mapping's entries up to and including its end event.
    private mutating func entries(keyPath: String, depth: Int) throws(YAMLSyntaxError) -> [ConfigEntry] {
        var entries: [ConfigEntry] = []
        // Where each key was first seen: a linear search per key would make a mapping of
        // many keys quadratic.
        var firstLocations: [String: SourceLocation] = [:]
        while true {
            let keyEvent = try next()
            if case .mappingEnd = keyEvent { break }
            let errorCount = errors.count
            let key = try node(keyEvent, keyPath: keyPath, depth: depth + 1)
            let valueEvent = try next()
            guard case .scalar(let text, _) = key.kind, case .scalar = keyEvent else {
                if errors.count == errorCount {
                    report(key.location, keyPath, "a key must be a plain string, found \(key.kindName)")
                }
                _ = try node(valueEvent, keyPath: keyPath, depth: depth + 1)
                continue
            }
            let childPath = keyPath.isEmpty ? text : "\(keyPath).\(text)"
            let value = try node(valueEvent, keyPath: childPath, depth: depth + 1)
            if text.isEmpty {
                report(key.location, keyPath, "a key must not be empty")
            } else if let first = firstLocations[text] {
                report(key.location, childPath, "duplicate key '\(text)' (first at \(first))")
            } else {
                firstLocations[text] = key.location
                entries.append(ConfigEntry(key: text, keyLocation: key.location, value: value))
            }
        }
        return entries
    }

    /// The error for a node nested too deeply, which stops the reading there.
    ///
    /// Reading on would cost time quadratic in the nesting depth: libyaml's scanner walks
    /// its whole stack of open collections for every token. Stopping at the first node past
    /// ``YAMLReader/maximumDepth`` keeps a file of 100,000 `[` as cheap as a small one.
    private func tooDeep(at location: SourceLocation) -> YAMLSyntaxError {
        YAMLSyntaxError(location: location, message: "nesting deeper than \(YAMLReader.maximumDepth) levels")
    }

    private mutating func rejectTag(_ tag: String?, at location: SourceLocation, keyPath: String) {
        guard let tag else { return }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        report(
            location,
            keyPath,
            "tags ('\(shown)') are not supported in \(source); quote a value to keep it a string"
        )
    }

    private mutating func report(_ location: SourceLocation, _ keyPath: String, _ message: String) {
        errors.append(YAMLError(location: location, keyPath: keyPath, message: message))
    }

    /// The next event; libyaml's return code is checked and the C event always deleted.
    private mutating func next() throws(YAMLSyntaxError) -> YAMLEvent {
        var event = yaml_event_t()
        defer { yaml_event_delete(&event) }
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw YAMLSyntaxError(parser: parser.pointee, bytes: bytes)
        }
        return YAMLEvent(event)
    }

    private func expect(
        _ event: YAMLEvent,
        _ what: String,
        _ matches: (YAMLEvent) -> Bool
    ) throws(YAMLSyntaxError) {
        guard matches(event) else { throw unexpected(event, what) }
    }

    private func unexpected(_ event: YAMLEvent, _ what: String) -> YAMLSyntaxError {
        YAMLSyntaxError(
            location: event.location ?? SourceLocation(line: 1, column: 1),
            message: "unexpected YAML structure: expected \(what)"
        )
    }
}
