/// A word being stemmed by ``PorterStemmer``: its letters and the algorithm's tests and
/// steps.
struct PorterWord {
    /// The letters so far, lowercase ASCII.
    var letters: [UInt8]

    init(_ letters: [UInt8]) {
        self.letters = letters
    }

    private static func isVowel(_ letter: UInt8) -> Bool {
        letter == 0x61 || letter == 0x65 || letter == 0x69 || letter == 0x6F || letter == 0x75
    }

    private static let y = UInt8(ascii: "y")

    /// Whether the letter at `index` of `word` is a consonant (a `y` is one after a vowel
    /// or at the start, counting runs of `y` as alternating).
    static func isConsonant(_ word: ArraySlice<UInt8>, _ index: Int) -> Bool {
        var position = index
        guard !isVowel(word[position]) else { return false }
        guard word[position] == y else { return true }
        var negate = false
        while position > word.startIndex, word[position] == y {
            negate.toggle()
            position -= 1
        }
        return (!isVowel(word[position])) != negate
    }

    /// Consonant flags: `y` is a consonant at the start and otherwise the opposite of the
    /// letter before it.
    static func consonantFlags(_ stem: ArraySlice<UInt8>) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(stem.count)
        for (offset, letter) in stem.enumerated() {
            if isVowel(letter) {
                flags.append(false)
            } else if letter == y {
                flags.append(offset == 0 ? true : !flags[offset - 1])
            } else {
                flags.append(true)
            }
        }
        return flags
    }

    /// The number of vowel-consonant sequences, Porter's `m`.
    static func measure(_ stem: ArraySlice<UInt8>) -> Int {
        let flags = consonantFlags(stem)
        var count = 0
        for index in flags.indices.dropFirst() where !flags[index - 1] && flags[index] { count += 1 }
        return count
    }

    static func containsVowel(_ stem: ArraySlice<UInt8>) -> Bool {
        consonantFlags(stem).contains(false)
    }

    static func endsDoubleConsonant(_ word: ArraySlice<UInt8>) -> Bool {
        word.count >= 2 && word[word.endIndex - 1] == word[word.endIndex - 2]
            && isConsonant(word, word.endIndex - 1)
    }

    static func endsCVC(_ word: ArraySlice<UInt8>) -> Bool {
        let end = word.endIndex
        if word.count >= 3, isConsonant(word, end - 3), !isConsonant(word, end - 2), isConsonant(word, end - 1),
            !"wxy".utf8.contains(word[end - 1])
        {
            return true
        }
        return word.count == 2 && !isConsonant(word, word.startIndex) && isConsonant(word, word.startIndex + 1)
    }

    func endsWith(_ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return letters.count >= tail.count && letters[(letters.count - tail.count)...].elementsEqual(tail)
    }

    /// The letters without the last `count`.
    func stem(dropping count: Int) -> ArraySlice<UInt8> {
        letters[..<(letters.count - count)]
    }

    /// Applies the first rule whose suffix matches: replaces it when `condition` holds of
    /// the stem, and stops either way. Returns whether a suffix matched.
    @discardableResult
    mutating func apply(_ rules: [(String, String)], when condition: (ArraySlice<UInt8>) -> Bool) -> Bool {
        for (suffix, replacement) in rules where endsWith(suffix) {
            let stem = self.stem(dropping: suffix.utf8.count)
            if condition(stem) { letters = Array(stem) + Array(replacement.utf8) }
            return true
        }
        return false
    }
}
