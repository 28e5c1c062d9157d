extension TextDecoder {
    /// The characters Windows-1252 puts at `0x80`–`0x9F`, as Unicode scalar values.
    ///
    /// The five positions Windows leaves undefined (`0x81`, `0x8D`, `0x8F`, `0x90`, `0x9D`)
    /// hold the C1 control with the same number, as in the WHATWG Encoding Standard.
    /// `0xA0`–`0xFF` are the same as Latin-1 and need no table.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
    ]

    /// Decodes Windows-1252 bytes, in two passes: the exact UTF-8 length, then the bytes
    /// written straight into the new string's storage.
    ///
    /// - Parameter bytes: Windows-1252 bytes.
    /// - Returns: The text.
    static func windows1252String(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { source in
            windows1252High.withUnsafeBufferPointer { table in
                var length = 0
                for byte in source {
                    if byte < 0x80 {
                        length += 1
                    } else {
                        length += byte >= 0xA0 || table[Int(byte) - 0x80] < 0x800 ? 2 : 3
                    }
                }
                return String(unsafeUninitializedCapacity: length) { buffer in
                    var out = 0
                    for byte in source {
                        if byte < 0x80 {
                            buffer[out] = byte
                            out += 1
                            continue
                        }
                        let value = byte >= 0xA0 ? UInt32(byte) : table[Int(byte) - 0x80]
                        if value < 0x800 {
                            buffer[out] = UInt8(0xC0 | value >> 6)
                            buffer[out + 1] = UInt8(0x80 | value & 0x3F)
                            out += 2
                        } else {
                            buffer[out] = UInt8(0xE0 | value >> 12)
                            buffer[out + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                            buffer[out + 2] = UInt8(0x80 | value & 0x3F)
                            out += 3
                        }
                    }
                    return out
                }
            }
        }
    }
}
