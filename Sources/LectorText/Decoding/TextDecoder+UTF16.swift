extension TextDecoder {
    /// Decodes `bytes[start...]` as UTF-16 in the given byte order.
    ///
    /// An odd trailing byte becomes U+FFFD and unpaired surrogates become U+FFFD, each with a
    /// warning. A NUL character or too many control characters mean not text.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - start: Where the text starts (after any byte-order mark).
    ///   - bigEndian: The byte order.
    ///   - warnings: Warnings so far (for example that the byte order was guessed).
    /// - Returns: The decoded text.
    /// - Throws: ``TextDecodingError`` when the input is empty or not text.
    static func decodeUTF16(
        _ bytes: [UInt8],
        from start: Int,
        bigEndian: Bool,
        warnings: [String]
    ) throws(TextDecodingError) -> DecodedText {
        var warnings = warnings
        let byteCount = bytes.count - start
        guard byteCount > 0 else {
            throw TextDecodingError(.empty, "empty file (only a byte-order mark)")
        }
        let unitCount = byteCount / 2
        var units: [UInt16] = []
        units.reserveCapacity(unitCount + 1)
        var controls = 0
        var hasCarriageReturn = false
        var unpaired = 0
        var expectingLow = false
        for index in 0..<unitCount {
            let first = UInt16(bytes[start + 2 * index])
            let second = UInt16(bytes[start + 2 * index + 1])
            let unit = bigEndian ? first << 8 | second : second << 8 | first
            if unit < 0x20 {
                switch unit {
                case 0x00:
                    throw TextDecodingError(
                        .notText,
                        "not a text file (NUL character at offset \(start + 2 * index))"
                    )
                case 0x09, 0x0A, 0x0C: break
                case 0x0D: hasCarriageReturn = true
                default: controls += 1
                }
            }
            switch unit {
            case 0xD800...0xDBFF:
                if expectingLow { unpaired += 1 }
                expectingLow = true
            case 0xDC00...0xDFFF:
                if !expectingLow { unpaired += 1 }
                expectingLow = false
            default:
                if expectingLow { unpaired += 1 }
                expectingLow = false
            }
            units.append(unit)
        }
        if expectingLow { unpaired += 1 }
        try checkControls(controls, of: unitCount, unit: "UTF-16 code units")
        if byteCount % 2 == 1 {
            units.append(0xFFFD)
            warnings.append("UTF-16 input has an odd number of bytes; the last byte was replaced with U+FFFD")
        }
        if unpaired > 0 {
            warnings.append("input has \(unpaired) unpaired UTF-16 surrogates; replaced with U+FFFD")
        }
        if hasCarriageReturn {
            units = normalizeLineEndings(units[...])
        }
        return DecodedText(
            text: String(decoding: units, as: UTF16.self),
            encoding: bigEndian ? "utf-16be" : "utf-16le",
            warnings: warnings
        )
    }
}
