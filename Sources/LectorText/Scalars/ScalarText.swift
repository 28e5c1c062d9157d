/// Text as an array of Unicode scalars, so that offsets and slices cost O(1).
///
/// Every offset in Lector counts Unicode scalars (code points) and ranges are half-open:
/// `text[start:end]` in Python gives the same span back. Build one `ScalarText` per
/// document and share it between the tokenizer, the sentence splitter and the processors.
public struct ScalarText: Sendable {
    /// The text's scalars, in order.
    public let scalars: [Unicode.Scalar]

    /// Splits the text into scalars.
    ///
    /// - Parameter text: The text.
    public init(_ text: String) {
        let decoded = text.utf8.withContiguousStorageIfAvailable(Self.decode)
        scalars = decoded ?? Array(text.unicodeScalars)
    }

    /// Decodes a string's UTF-8 (which a `String` guarantees to be valid) in one pass.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, initializedCount in
            var index = 0
            var count = 0
            while index < bytes.count {
                let lead = UInt32(bytes[index])
                var value: UInt32
                switch lead {
                case 0..<0x80:
                    value = lead
                    index += 1
                case 0xC0..<0xE0:
                    value = (lead & 0x1F) << 6 | continuation(bytes, index + 1)
                    index += 2
                case 0xE0..<0xF0:
                    value = (lead & 0x0F) << 12 | continuation(bytes, index + 1) << 6 | continuation(bytes, index + 2)
                    index += 3
                default:
                    value =
                        (lead & 0x07) << 18 | continuation(bytes, index + 1) << 12
                        | continuation(bytes, index + 2) << 6 | continuation(bytes, index + 3)
                    index += 4
                }
                buffer.initializeElement(at: count, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                count += 1
            }
            initializedCount = count
        }
    }

    @inline(__always)
    private static func continuation(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        index < bytes.count ? UInt32(bytes[index] & 0x3F) : 0
    }

    /// The number of scalars.
    public var count: Int { scalars.count }

    /// The text of a range of scalar offsets.
    ///
    /// A range reaching outside `0..<count` is clamped to it, so a bad offset from a plugin
    /// gives a shorter string rather than a crash.
    ///
    /// - Parameter range: Half-open scalar offsets.
    /// - Returns: The text in that range.
    public func slice(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<scalars.count)
        guard !clamped.isEmpty else { return "" }
        // Encodes the scalars to UTF-8 in one pass (appending them to a
        // `String.UnicodeScalarView` one by one costs several times more).
        var bytes = 0
        for index in clamped { bytes += UTF8.width(scalars[index]) }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var offset = 0
            for index in clamped {
                let value = scalars[index].value
                switch value {
                case 0..<0x80:
                    buffer[offset] = UInt8(truncatingIfNeeded: value)
                    offset += 1
                case 0x80..<0x800:
                    buffer[offset] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
                    buffer[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    offset += 2
                case 0x800..<0x1_0000:
                    buffer[offset] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
                    buffer[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
                    buffer[offset + 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    offset += 3
                default:
                    buffer[offset] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
                    buffer[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
                    buffer[offset + 2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
                    buffer[offset + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    offset += 4
                }
            }
            return offset
        }
    }
}
