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
        return writer.finish()
    }

    /// The value as a JSON string. See ``encoded(style:)``.
    ///
    /// - Parameter style: Compact (the default) or pretty.
    /// - Returns: The JSON text.
    public func encodedString(style: EncodingStyle = .compact) -> String {
        String(decoding: encoded(style: style), as: UTF8.self)
    }
}

/// Writes JSON text into a buffer it owns and grows by doubling; outputs are copied out once.
///
/// Lector encodes every output (11 KB for a 2.3 KB news article), so this is on the path of
/// every document: a plain `[UInt8]` with one `append` per piece checked its capacity and
/// uniqueness each time and ran at 188 MB/s (`lector bench`'s output encoding figure).
private struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    let pretty: Bool

    init(pretty: Bool) {
        self.pretty = pretty
        capacity = 16_384
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The text written, as an array.
    consuming func finish() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): writeInteger(number)
        case .double(let number): writeDouble(number)
        case .string(let text): writeString(text)
        case .array(let elements): writeArray(elements, depth: depth)
        case .object(let object): writeObject(object, depth: depth)
        }
    }

    private mutating func writeArray(_ elements: [JSONValue], depth: Int) {
        if elements.isEmpty {
            append("[]")
            return
        }
        appendByte(UInt8(ascii: "["))
        elements.withUnsafeBufferPointer { elements in
            for index in elements.indices {
                if index > 0 { appendByte(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(elements[index], depth: depth + 1)
            }
        }
        newline(depth)
        appendByte(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONObject, depth: Int) {
        if object.isEmpty {
            append("{}")
            return
        }
        appendByte(UInt8(ascii: "{"))
        object.entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                if index > 0 { appendByte(UInt8(ascii: ",")) }
                newline(depth + 1)
                writeString(entries[index].key)
                appendByte(UInt8(ascii: ":"))
                if pretty { appendByte(UInt8(ascii: " ")) }
                write(entries[index].value, depth: depth + 1)
            }
        }
        newline(depth)
        appendByte(UInt8(ascii: "}"))
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    private mutating func appendByte(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        reserve(1 + depth * 2)
        base[count] = UInt8(ascii: "\n")
        (base + count + 1).initialize(repeating: UInt8(ascii: " "), count: depth * 2)
        count += 1 + depth * 2
    }

    private mutating func writeDouble(_ number: Double) {
        guard number.isFinite else {
            append("null")
            return
        }
        if number == number.rounded(), abs(number) < 1e15 {
            writeInteger(Int(number))
        } else if !writeThousandths(number) {
            var text = number.description
            text.withUTF8 { append($0) }
        }
    }

    /// Writes a number with at most three decimals (the scores and times Lector rounds to
    /// thousandths) as `description` would, without its general shortest-digits search.
    /// Below 10⁹ neighbouring doubles are far closer than 0.001, so the three-decimal
    /// form, trailing zeros dropped, is the shortest text that reads back as `number`.
    ///
    /// - Parameter number: A finite number that is not whole.
    /// - Returns: Whether it was written (false when it has more decimals or is too large).
    private mutating func writeThousandths(_ number: Double) -> Bool {
        guard abs(number) < 1e9 else { return false }
        let scaled = (number * 1000).rounded()
        guard scaled / 1000 == number else { return false }
        let thousandths = Int(scaled.magnitude)
        if number < 0 { appendByte(UInt8(ascii: "-")) }
        writeInteger(thousandths / 1000)
        var fraction = thousandths % 1000
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        appendByte(UInt8(ascii: "."))
        writeDigits(of: fraction.magnitude, count: digits)
        return true
    }

    /// Writes a string literal. Runs of bytes that need no escape (nearly all of them) are
    /// found eight bytes at a time and copied at once from the string's UTF-8 storage.
    mutating func writeString(_ text: String) {
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { writeString(utf8: $0) }
        if written == nil {
            var text = text
            text.withUTF8 { writeString(utf8: $0) }
        }
    }

    private mutating func writeString(utf8: UnsafeBufferPointer<UInt8>) {
        reserve(utf8.count + 2)
        appendByte(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < utf8.count {
            index = Self.firstEscape(in: utf8, from: index)
            guard index < utf8.count else { break }
            append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            writeEscaped(utf8[index])
            index += 1
            runStart = index
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        appendByte(UInt8(ascii: "\""))
    }

    /// The index of the first byte from `start` on that JSON escapes (a control character,
    /// `"`, `\` or DEL), or the count when there is none.
    private static func firstEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = utf8.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= utf8.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if wordNeedsEscape(word) { break }
                index += 8
            }
        }
        while index < utf8.count, !byteNeedsEscape(utf8[index]) { index += 1 }
        return index
    }

    @inline(__always)
    private static func byteNeedsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
    }

    /// Whether any of eight bytes needs an escape: the classic zero-byte test on the word
    /// XORed with each special byte, and the below-0x20 test. Exact for the word as a whole.
    @inline(__always)
    private static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
            || hasZero(word ^ (ones &* 0x7F))
    }

    private mutating func writeEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            append("\\u00")
            appendByte(Self.hexDigit(byte >> 4))
            appendByte(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Writes an integer's decimal digits without making a `String`.
    mutating func writeInteger(_ number: Int) {
        if number < 0 { appendByte(UInt8(ascii: "-")) }
        var digits = 1
        var rest = number.magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        writeDigits(of: number.magnitude, count: digits)
    }

    /// Writes the last `digits` decimal digits of `value`, with leading zeros if it has fewer.
    private mutating func writeDigits(of value: UInt, count digits: Int) {
        reserve(digits)
        var value = value
        for place in stride(from: digits - 1, through: 0, by: -1) {
            base[count + place] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        count += digits
    }
}
