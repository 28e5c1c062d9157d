/// What role a scalar plays for the tokenizer and the sentence splitter.
///
/// ASCII is classified by a switch; other scalars by their block (for scripts written
/// without spaces) and then their Unicode general category.
enum ScalarClass: UInt8 {
    /// White space (Unicode White_Space), including line breaks.
    case space
    /// Invisible characters that separate nothing and belong to no token: zero-width space,
    /// word joiner, BOM, and bidirectional marks and embeddings.
    case ignorable
    /// Characters that glue a word together but never start one: ZWJ, ZWNJ, soft hyphen.
    case joiner
    /// A letter in a script written with spaces (Latin, Cyrillic, Greek, Arabic, Devanagari,
    /// Hangul, …).
    case letter
    /// A combining mark (general category M).
    case mark
    /// A decimal digit (general category Nd), in any script.
    case digit
    /// Another number character (Nl, No): `½`, `Ⅻ`, `²`.
    case otherNumber
    /// A Han ideograph, Hiragana or Katakana: one token per character.
    case ideograph
    /// A letter of Thai, Lao, Khmer or Myanmar: one token per run.
    case southeastAsian
    /// Punctuation (general category P), except the few listed as symbols.
    case punctuation
    /// Symbols (S), controls, private use, and `%`, `#`, `&`, `@`, `*`, `/`, `\`, `§`, `¶`,
    /// `†`, `‡`, `•`, `‰`, `′`, `″`.
    case symbol

    /// Classifies a scalar.
    ///
    /// - Parameter scalar: The scalar.
    /// - Returns: Its class.
    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 { return ascii(value) }
        return nonASCII(scalar)
    }

    @inline(__always)
    private static func ascii(_ value: UInt32) -> ScalarClass {
        switch value {
        case 0x61...0x7A, 0x41...0x5A: .letter
        case 0x30...0x39: .digit
        case 0x20, 0x09...0x0D: .space
        case 0x21, 0x22, 0x27...0x29, 0x2C...0x2E, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x5F, 0x7B, 0x7D: .punctuation
        default: .symbol
        }
    }

    private static func nonASCII(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        switch value {
        case 0x200B, 0x2060, 0xFEFF, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .ignorable
        case 0x200C, 0x200D, 0x00AD: return .joiner
        case 0x00A7, 0x00B6, 0x2020, 0x2021, 0x2022, 0x2030, 0x2031, 0x2032...0x2034, 0x066A: return .symbol
        default: break
        }
        let properties = scalar.properties
        if let script = spacelessScript(value) {
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                return script
            case .nonspacingMark, .spacingMark, .enclosingMark:
                return script == .southeastAsian ? .southeastAsian : .mark
            default: break
            }
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .digit
        case .letterNumber, .otherNumber: return .otherNumber
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .space
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .control: return properties.isWhitespace ? .space : .symbol
        case .format: return .ignorable
        default: return .symbol
        }
    }

    /// The class for blocks of scripts written without spaces between words, if `value` is
    /// in one.
    private static func spacelessScript(_ value: UInt32) -> ScalarClass? {
        switch value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F,  // Hiragana, Katakana
            0x3005...0x3007, 0x3021...0x3029,  // 々 〆 〇, Hangzhou numerals
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // Han
            0x20000...0x3134F:  // Han extensions B onwards
            return .ideograph
        case 0x0E00...0x0EFF,  // Thai, Lao
            0x1000...0x109F, 0xA9E0...0xA9FF, 0xAA60...0xAA7F,  // Myanmar
            0x1780...0x17FF, 0x19E0...0x19FF:  // Khmer
            return .southeastAsian
        default:
            return nil
        }
    }
}

extension Unicode.Scalar {
    /// Whether this is an uppercase or titlecase letter (ASCII answered without a lookup).
    var isCapital: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) }
        let category = properties.generalCategory
        return category == .uppercaseLetter || category == .titlecaseLetter
    }

    /// Whether this is a lowercase letter (ASCII answered without a lookup): the one test
    /// the sentence splitter and the summary's sentence rules share.
    @inlinable public var isSmall: Bool {
        if value < 0x80 { return (0x61...0x7A).contains(value) }
        return properties.generalCategory == .lowercaseLetter
    }

    /// Whether this ends a line: LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    var isLineBreak: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
