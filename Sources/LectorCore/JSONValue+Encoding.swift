extension JSONValue {
    /// How ``JSONValue/encoded(style:)`` lays out its output.
    public enum EncodingStyle: Sendable {
        /// One line, no spaces: for JSON Lines and the outbox.
        case compact
        /// Indented by two spaces, one member per line: for people.
        case pretty
    }

    /// The value as UTF-8 JSON text.
    ///
    /// Object members keep their order; strings escape `"`, `\` and control characters and
    /// leave other characters as UTF-8; non-finite doubles encode as `null`.
    ///
    /// - Parameter style: Compact (the default) or pretty.
    /// - Returns: The JSON bytes, without a trailing newline.
    public func encoded(style: EncodingStyle = .compact) -> [UInt8] {
        var writer = JSONWriter(pretty: style == .pretty)
        writer.write(self, depth: 0)
        return writer.bytes
    }

    /// The value as a JSON string. See ``encoded(style:)``.
    ///
    /// - Parameter style: Compact (the default) or pretty.
    /// - Returns: The JSON text.
    public func encodedString(style: EncodingStyle = .compact) -> String {
        String(decoding: encoded(style: style), as: UTF8.self)
    }
}

private struct JSONWriter {
    var bytes: [UInt8] = []
    let pretty: Bool

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): append(String(number))
        case .double(let number): writeDouble(number)
        case .string(let text): writeString(text)
        case .array(let elements):
            if elements.isEmpty {
                append("[]")
                return
            }
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                append("{}")
                return
            }
            bytes.append(UInt8(ascii: "{"))
            for (index, entry) in object.entries.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                writeString(entry.key)
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(UInt8(ascii: " ")) }
                write(entry.value, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    mutating func newline(_ depth: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func writeDouble(_ number: Double) {
        guard number.isFinite else {
            append("null")
            return
        }
        if number == number.rounded(), abs(number) < 1e15 {
            append(String(Int(number)))
        } else {
            append(number.description)
        }
    }

    mutating func writeString(_ text: String) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x00..<0x20, 0x7F:
                append("\\u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
