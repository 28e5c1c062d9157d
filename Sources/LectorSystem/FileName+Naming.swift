extension FileName {
    /// The longest name most Linux file systems accept, in bytes (`NAME_MAX`).
    public static let maximumLength = 255

    /// The name without its last extension (`a.b.txt` → `a.b`); a leading dot and a name
    /// without a dot are kept whole. Bytes, so invalid UTF-8 survives.
    public var stem: FileName {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return self }
        return FileName(bytes: Array(bytes[..<dot]))
    }

    /// The last extension with its dot (`.txt`), or an empty name.
    public var pathExtension: FileName {
        FileName(bytes: Array(bytes[stem.bytes.count...]))
    }

    /// Whether the name's bytes are valid UTF-8.
    public var isValidUTF8: Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// The name as text with every byte that is not part of valid UTF-8 written `%XX`, so
    /// that two names which differ only in invalid bytes stay different as text (ids,
    /// `source.file`). A valid name is its own text.
    public var escapedText: String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            let length = Self.sequenceLength(bytes, at: index)
            if length > 0 {
                result += String(decoding: bytes[index..<index + length], as: UTF8.self)
                index += length
            } else {
                result += "%" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return result
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 when it is not one.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
    }
}

extension String {
    /// The text padded on the left with zeros to `length` characters.
    package func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
