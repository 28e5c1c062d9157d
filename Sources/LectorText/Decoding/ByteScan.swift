/// One pass over candidate UTF-8 bytes: validity, NUL bytes, control characters and CRs.
///
/// Plain printable ASCII is skipped eight bytes at a time, so the usual article costs little
/// more than reading it.
struct ByteScan {
    /// The offset of the first NUL byte, if any.
    private(set) var firstNUL: Int?
    /// How many C0 control bytes other than tab, LF, FF and CR there are.
    private(set) var controlCount = 0
    /// Whether a carriage return (0x0D) occurs.
    private(set) var hasCarriageReturn = false
    /// Whether the bytes are well-formed UTF-8 (Unicode Table 3-7).
    private(set) var isValidUTF8 = true

    /// Scans the bytes.
    ///
    /// - Parameter bytes: The bytes, without any byte-order mark.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[index..<(index + 8)])
                    .loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                // No byte has its high bit set, and no byte is below 0x20.
                if word & high == 0, (word &- 0x2020_2020_2020_2020) & ~word & high == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 { noteControl(byte, at: index) }
                index += 1
                continue
            }
            let length = Self.sequenceLength(bytes, at: index)
            if length == 0 {
                isValidUTF8 = false
                index += 1
            } else {
                index += length
            }
        }
    }

    private mutating func noteControl(_ byte: UInt8, at index: Int) {
        switch byte {
        case 0x09, 0x0A, 0x0C: break
        case 0x0D: hasCarriageReturn = true
        case 0x00:
            if firstNUL == nil { firstNUL = index }
            controlCount += 1
        default: controlCount += 1
        }
    }

    /// The length of the well-formed multi-byte sequence at `index`, or 0 if it is not one.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return 0 }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            return 0
        }
        return length
    }
}
