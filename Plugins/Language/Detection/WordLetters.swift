/// The letters of a text's words, lowercased, with each word's script and a count of
/// letters per script.
///
/// A word token is split at anything that is not a letter (digits, apostrophes, hyphens,
/// and combining marks such as Indic vowel signs), as the n-gram tables were counted on
/// runs of letters only.
struct WordLetters {
    /// Every word's letters, one after the other, as scalar values.
    private(set) var letters: [UInt32] = []
    /// Where each word ends in ``letters``.
    private(set) var ends: [Int] = []
    /// Each word's script (that of its first letter).
    private(set) var scripts: [Script] = []
    /// Letters per script, by ``Script/rawValue``.
    private(set) var scriptCounts = [Int](repeating: 0, count: Script.allCases.count)
    /// How much text each script covers, by ``Script/rawValue``: its letters, its combining
    /// marks (Indic vowel signs, Thai tone marks), and three per Han, kana or Hangul
    /// character, which each stand for a syllable or a word.
    private var scriptWeights = [Int](repeating: 0, count: Script.allCases.count)

    /// The script that covers the most text (the earlier in ``Script`` on a tie), or `nil`:
    /// a Korean or Hindi sentence with a few English names stays Korean or Hindi.
    var mainScript: Script? {
        var best: Script?
        var bestCount = 0
        for script in Script.allCases where scriptWeights[script.rawValue] > bestCount {
            best = script
            bestCount = scriptWeights[script.rawValue]
        }
        // Japanese mixes kana with Han: any kana in a mostly-Han text makes it Japanese.
        if best == .han, scriptCounts[Script.kana.rawValue] > 0 { return .kana }
        return best
    }

    /// The number of words of a script.
    ///
    /// - Parameter script: The script.
    /// - Returns: How many words start with a letter of it.
    func count(of script: Script) -> Int {
        var count = 0
        for wordScript in scripts where wordScript == script { count += 1 }
        return count
    }

    /// Adds the letters of one word token.
    ///
    /// - Parameter scalars: The token's scalars.
    mutating func add(_ scalars: ArraySlice<Unicode.Scalar>) {
        var wordScript: Script?
        for scalar in scalars {
            let value = scalar.value
            let letter: UInt32
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: letter = value + 0x20
                case 0x61...0x7A: letter = value
                default:
                    endWord(&wordScript)
                    continue
                }
            } else if Self.isLetter(scalar) {
                letter = Self.lowercased(scalar)
            } else {
                if let script = Script.of(value) { scriptWeights[script.rawValue] += 1 }
                endWord(&wordScript)
                continue
            }
            let script = Script.of(letter)
            if wordScript == nil {
                // A word takes the script of its first letter.
                guard let script else { continue }
                wordScript = script
            }
            if let script {
                scriptCounts[script.rawValue] += 1
                scriptWeights[script.rawValue] += script.isSyllabic ? 3 : 1
            }
            letters.append(letter)
        }
        endWord(&wordScript)
    }

    private mutating func endWord(_ wordScript: inout Script?) {
        guard let script = wordScript else { return }
        if letters.count > (ends.last ?? 0) {
            ends.append(letters.count)
            scripts.append(script)
        }
        wordScript = nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            true
        default: false
        }
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> UInt32 {
        guard scalar.properties.changesWhenLowercased,
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
        else { return scalar.value }
        return lower.value
    }
}
