/// A node of `config.yaml`, with where it was written.
///
/// Processors receive their `options` as a `ConfigValue` (never a libyaml node) and read it
/// with the typed accessors, which throw ``ProcessorError`` with code
/// ``ProcessorError/Code/invalidOptions`` and the node's ``location`` on a mismatch. The
/// configuration loader turns those into `config.yaml:LINE:COLUMN: …` messages.
public struct ConfigValue: Sendable, Equatable {
    /// What the node holds.
    public enum Kind: Sendable, Equatable {
        /// A scalar as written; `quoted` is true for `'…'` and `"…"` and for block scalars.
        case scalar(String, quoted: Bool)
        /// A sequence.
        case sequence([ConfigValue])
        /// A mapping, keys in order.
        case mapping([ConfigEntry])
    }

    /// The contents.
    public var kind: Kind
    /// Where the node starts in the file.
    public var location: SourceLocation

    /// Creates a node.
    ///
    /// - Parameters:
    ///   - kind: The contents.
    ///   - location: Where it starts.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Whether this is an unquoted `null`, `~` or empty scalar.
    public var isNull: Bool {
        if case .scalar(let text, let quoted) = kind, !quoted {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// A short name for the node's kind, for error messages.
    public var kindName: String {
        switch kind {
        case .scalar: isNull ? "null" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The mapping's entries.
    ///
    /// - Returns: The entries in order.
    /// - Throws: ``ProcessorError`` when the node is not a mapping.
    public func mapping() throws -> [ConfigEntry] {
        if case .mapping(let entries) = kind { return entries }
        throw mismatch("a mapping")
    }

    /// The sequence's elements.
    ///
    /// - Returns: The elements in order.
    /// - Throws: ``ProcessorError`` when the node is not a list.
    public func sequence() throws -> [ConfigValue] {
        if case .sequence(let elements) = kind { return elements }
        throw mismatch("a list")
    }

    /// The scalar's text.
    ///
    /// - Returns: The text as written (without quotes).
    /// - Throws: ``ProcessorError`` when the node is not a non-null scalar.
    public func string() throws -> String {
        if case .scalar(let text, _) = kind, !isNull { return text }
        throw mismatch("a string")
    }

    /// The scalar as a whole number (`_` separators allowed).
    ///
    /// - Returns: The number.
    /// - Throws: ``ProcessorError`` when the node is not an integer.
    public func int() throws -> Int {
        if case .scalar(let text, false) = kind, let value = Int(text.replacingOccurrences("_", with: "")) {
            return value
        }
        throw mismatch("a whole number")
    }

    /// The scalar as a number.
    ///
    /// - Returns: The number.
    /// - Throws: ``ProcessorError`` when the node is not a finite number.
    public func double() throws -> Double {
        if case .scalar(let text, false) = kind, let value = Double(text.replacingOccurrences("_", with: "")),
            value.isFinite
        {
            return value
        }
        throw mismatch("a number")
    }

    /// The scalar as a Boolean (`true`/`false`, any capitalisation, or `yes`/`no`, `on`/`off`).
    ///
    /// - Returns: The Boolean.
    /// - Throws: ``ProcessorError`` when the node is not a Boolean.
    public func bool() throws -> Bool {
        if case .scalar(let text, false) = kind {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        throw mismatch("true or false")
    }

    /// The scalar as a duration in seconds: `250ms`, `5s`, `2m`, `1h`, or a plain number of
    /// seconds.
    ///
    /// - Returns: Seconds, zero or more.
    /// - Throws: ``ProcessorError`` when the node is not a duration.
    public func seconds() throws -> Double {
        if case .scalar(let raw, false) = kind {
            let text = raw.trimmingSpaces()
            let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
            for (suffix, factor) in units where text.hasSuffix(suffix) {
                if let value = Double(text.dropLast(suffix.count).trimmingSpaces()), value >= 0, value.isFinite {
                    return value * factor
                }
            }
            if let value = Double(text), value >= 0, value.isFinite { return value }
        }
        throw mismatch("a duration such as 500ms, 5s, 2m or 1h")
    }

    /// The scalar as a size in bytes: `10MiB`, `512 KB`, `1GiB`, or a plain number of bytes.
    ///
    /// KB/MB/GB are powers of 1000; KiB/MiB/GiB (and K/M/G) powers of 1024.
    ///
    /// - Returns: Bytes, zero or more.
    /// - Throws: ``ProcessorError`` when the node is not a size.
    public func bytes() throws -> Int {
        if case .scalar(let raw, false) = kind {
            let text = raw.trimmingSpaces()
            let units: [(String, Double)] = [
                ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824),
                ("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000),
                ("K", 1024), ("M", 1_048_576), ("G", 1_073_741_824), ("B", 1),
            ]
            for (suffix, factor) in units where text.hasSuffix(suffix) {
                if let value = Double(text.dropLast(suffix.count).trimmingSpaces()), value >= 0, value < 1e15 {
                    return Int(value * factor)
                }
            }
            if let value = Int(text), value >= 0 { return value }
        }
        throw mismatch("a size such as 10MiB or 512KB")
    }

    /// A single string or a list of strings, as a list.
    ///
    /// - Returns: The strings.
    /// - Throws: ``ProcessorError`` when the node is neither.
    public func stringList() throws -> [String] {
        switch kind {
        case .scalar: return [try string()]
        case .sequence(let elements): return try elements.map { try $0.string() }
        case .mapping: throw mismatch("a string or a list of strings")
        }
    }

    /// An ``ProcessorError/Code/invalidOptions`` error located at this node.
    ///
    /// - Parameter message: What is wrong.
    /// - Returns: The error, to throw.
    public func error(_ message: String) -> ProcessorError {
        ProcessorError(.invalidOptions, message, location: location)
    }

    private func mismatch(_ expected: String) -> ProcessorError {
        error("expected \(expected), found \(describedValue)")
    }

    private var describedValue: String {
        if case .scalar(let text, _) = kind, !isNull {
            return "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        }
        return kindName
    }
}

/// A key and its value in a ``ConfigValue`` mapping.
public struct ConfigEntry: Sendable, Equatable {
    /// The key's text.
    public var key: String
    /// Where the key is written.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: ConfigValue

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - keyLocation: Where the key is.
    ///   - value: The value.
    public init(key: String, keyLocation: SourceLocation, value: ConfigValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }

    fileprivate func replacingOccurrences(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

extension ConfigValue {
    /// The node as JSON, for handing options to plugins: unquoted scalars that read as
    /// whole numbers, numbers, Booleans or null become those; everything else a string.
    public var jsonValue: JSONValue {
        switch kind {
        case .scalar(let text, let quoted):
            if quoted { return .string(text) }
            if isNull { return .null }
            if let number = Int(text) { return .int(number) }
            if let number = Double(text), number.isFinite { return .double(number) }
            if let flag = try? bool() { return .bool(flag) }
            return .string(text)
        case .sequence(let elements):
            return .array(elements.map(\.jsonValue))
        case .mapping(let entries):
            return .object(JSONObject(entries.map { ($0.key, $0.value.jsonValue) }))
        }
    }
}
