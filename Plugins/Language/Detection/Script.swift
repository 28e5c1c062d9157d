/// The writing systems the detector tells apart, and the languages written in each.
///
/// Most of the 75 languages share the Latin or Cyrillic script; thirteen have a script of
/// their own here (Greek, Armenian, Georgian, Hebrew, Hangul, Thai, five Indic scripts,
/// Han for Chinese and kana for Japanese), so a letter of that script settles the question
/// without any n-gram (the "script shortcut").
package enum Script: Int, CaseIterable, Sendable {
    case latin, cyrillic, greek, armenian, georgian, hebrew, arabic, devanagari, bengali
    case gurmukhi, gujarati, tamil, telugu, thai, hangul, kana, han

    /// The ISO 15924 code (`Latn`, `Cyrl`, …; `Jpan` for kana, `Hani` for Han).
    var code: String {
        switch self {
        case .latin: "Latn"
        case .cyrillic: "Cyrl"
        case .greek: "Grek"
        case .armenian: "Armn"
        case .georgian: "Geor"
        case .hebrew: "Hebr"
        case .arabic: "Arab"
        case .devanagari: "Deva"
        case .bengali: "Beng"
        case .gurmukhi: "Guru"
        case .gujarati: "Gujr"
        case .tamil: "Taml"
        case .telugu: "Telu"
        case .thai: "Thai"
        case .hangul: "Hang"
        case .kana: "Jpan"
        case .han: "Hani"
        }
    }

    /// The languages written in this script, or `nil` for Latin (every language not
    /// written in another script).
    var languages: [String]? {
        switch self {
        case .latin: nil
        case .cyrillic: ["be", "bg", "kk", "mk", "mn", "ru", "sr", "uk"]
        case .greek: ["el"]
        case .armenian: ["hy"]
        case .georgian: ["ka"]
        case .hebrew: ["he"]
        case .arabic: ["ar", "fa", "ur"]
        case .devanagari: ["hi", "mr"]
        case .bengali: ["bn"]
        case .gurmukhi: ["pa"]
        case .gujarati: ["gu"]
        case .tamil: ["ta"]
        case .telugu: ["te"]
        case .thai: ["th"]
        case .hangul: ["ko"]
        case .kana: ["ja"]
        case .han: ["zh"]
        }
    }

    /// Whether a character of this script stands for a syllable or a word (Han, kana,
    /// Hangul) rather than a sound.
    var isSyllabic: Bool { self == .han || self == .kana || self == .hangul }

    /// The languages of scripts other than Latin.
    static let nonLatinLanguages: Set<String> = Set(allCases.flatMap { $0.languages ?? [] })

    /// The script of a letter, or `nil` for a scalar of none of these scripts.
    ///
    /// - Parameter value: A Unicode scalar value.
    /// - Returns: Its script.
    @inline(__always)
    static func of(_ value: UInt32) -> Script? {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0x250...0x2AF: .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: .cyrillic
        case 0x530...0x58F: .armenian
        case 0x590...0x5FF: .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: .arabic
        case 0x900...0x97F: .devanagari
        case 0x980...0x9FF: .bengali
        case 0xA00...0xA7F: .gurmukhi
        case 0xA80...0xAFF: .gujarati
        case 0xB80...0xBFF: .tamil
        case 0xC00...0xC7F: .telugu
        case 0xE00...0xE7F: .thai
        case 0x10A0...0x10FF, 0x1C90...0x1CBF: .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: .hangul
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: .han
        default: nil
        }
    }
}
