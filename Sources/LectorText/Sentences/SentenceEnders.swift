/// The characters that end sentences, and the closing and opening quotes and brackets
/// around them.
enum SentenceEnders {
    /// Whether the scalar ends sentences: `.` `!` `?` `…` `‼` `⁇` `⁈` `⁉` or a strong ender.
    ///
    /// Runs of these form one punctuation token.
    ///
    /// - Parameter value: A scalar value.
    /// - Returns: Whether it is an ender.
    @inline(__always)
    static func isEnder(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E, 0x21, 0x3F: true
        case 0x80...: value == 0x2026 || isLatinEnder(value) || isStrong(value)
        default: false
        }
    }

    private static func isLatinEnder(_ value: UInt32) -> Bool {
        value == 0x203C || value == 0x2047 || value == 0x2048 || value == 0x2049
    }

    /// Whether the scalar ends a sentence with no doubt and no space needed after it.
    ///
    /// Ideographic and fullwidth full stops and marks (`。` `！` `？` `｡` `．`), Devanagari
    /// danda and double danda (`।` `॥`), Arabic question mark (`؟`), Urdu full stop (`۔`),
    /// Armenian (`։`), Ethiopic (`።` `፧` `፨`), Myanmar (`။`), Khmer (`។` `៕`), Tibetan
    /// (`།`), Sinhala (`෴`), Greek question mark (`;`) and the small and vertical forms.
    ///
    /// - Parameter value: A scalar value.
    /// - Returns: Whether it is a strong ender.
    static func isStrong(_ value: UInt32) -> Bool {
        switch value {
        case 0x3002, 0xFF61, 0xFF01, 0xFF1F, 0xFF0E, 0xFE12, 0xFE15, 0xFE16, 0xFE52, 0xFE56, 0xFE57,
            0x0964, 0x0965, 0x061F, 0x06D4, 0x0589, 0x1362, 0x1367, 0x1368, 0x104A, 0x104B, 0x17D4, 0x17D5,
            0x0F0D, 0x0DF4, 0x037E:
            true
        default: false
        }
    }

    /// Whether the scalar can close a quotation or bracket right after an ender: closing
    /// brackets (Pe), final quotes (Pf), `"` and `'`, and `»` `›` (which close in French).
    ///
    /// - Parameter scalar: A scalar.
    /// - Returns: Whether it closes.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: return true
        case 0..<0x80: return false
        default:
            let category = scalar.properties.generalCategory
            return category == .closePunctuation || category == .finalPunctuation || scalar.value == 0x201C
                || scalar.value == 0x2018
        }
    }

    /// Whether the scalar opens a quotation or bracket: `(` `[` `{` `"` `'`, opening brackets
    /// (Ps) and initial quotes (Pi), and `«`, `»`, `„`.
    ///
    /// - Parameter scalar: A scalar.
    /// - Returns: Whether it opens.
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B: return true
        case 0..<0x80: return false
        default:
            let category = scalar.properties.generalCategory
            return category == .openPunctuation || category == .initialPunctuation || scalar.value == 0x00BB
                || scalar.value == 0x201E
        }
    }
}
