import LectorCore

extension ConfigValue {
    /// The node as a metadata value. Quoted and block scalars are strings; plain scalars
    /// are typed by the YAML 1.2 core schema: `null`/`~`/empty, `true`/`false`, integers
    /// (`812`, `-3`, `0x1F`, `0o17`) and floats (`4.5`, `1e3`) become JSON values, and
    /// everything else, dates and `.inf` included, stays a string.
    var frontMatterValue: JSONValue {
        switch kind {
        case .scalar(let text, let quoted):
            return quoted ? .string(text) : Self.coreSchemaValue(text)
        case .sequence(let elements):
            return .array(elements.map(\.frontMatterValue))
        case .mapping(let entries):
            return .object(JSONObject(entries.map { ($0.key, $0.value.frontMatterValue) }))
        }
    }

    /// A plain scalar as the YAML 1.2 core schema types it (non-finite floats stay text,
    /// as JSON cannot hold them).
    static func coreSchemaValue(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        let utf8 = Array(text.utf8)
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            let digits = String(decoding: utf8[2...], as: UTF8.self)
            if utf8[1] == UInt8(ascii: "x"), let number = Int(digits, radix: 16) { return .int(number) }
            if utf8[1] == UInt8(ascii: "o"), let number = Int(digits, radix: 8) { return .int(number) }
        }
        guard isNumber(utf8) else { return .string(text) }
        if let number = Int(text) { return .int(number) }
        if let number = Double(text), number.isFinite { return .double(number) }
        return .string(text)
    }

    /// Whether `utf8` matches the core schema's number forms:
    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func isNumber(_ utf8: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < utf8.count, (0x30...0x39).contains(utf8[index]) { index += 1 }
            return index - start
        }
        if index < utf8.count, utf8[index] == 0x2B || utf8[index] == 0x2D { index += 1 }
        var mantissa = digits()
        if index < utf8.count, utf8[index] == 0x2E {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index < utf8.count, utf8[index] == 0x65 || utf8[index] == 0x45 {
            index += 1
            if index < utf8.count, utf8[index] == 0x2B || utf8[index] == 0x2D { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == utf8.count
    }
}
