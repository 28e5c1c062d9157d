/// A word of up to twelve scalars packed into four integers, so that word lists can be
/// searched without building a `String` for every candidate.
struct WordKey: Hashable {
    /// The longest word a key can hold, in scalars.
    static let capacity = 12

    private var first: UInt64 = 0
    private var second: UInt64 = 0
    private var third: UInt64 = 0
    private var fourth: UInt64 = 0

    /// Packs the scalars, three 21-bit values to an integer; fails when the word has more
    /// than ``capacity`` scalars or none.
    ///
    /// - Parameters:
    ///   - scalars: The word's scalars.
    ///   - lowercasingASCII: Whether to turn ASCII `A`–`Z` into `a`–`z` first.
    ///   - lowercasingFirst: Whether to lowercase the first scalar (any script, when it
    ///     lowercases to one scalar).
    init?(_ scalars: ArraySlice<Unicode.Scalar>, lowercasingASCII: Bool = false, lowercasingFirst: Bool = false) {
        guard !scalars.isEmpty, scalars.count <= Self.capacity else { return nil }
        var position = 0
        for scalar in scalars {
            var value = UInt64(scalar.value)
            if lowercasingASCII, (0x41...0x5A).contains(value) { value += 0x20 }
            if lowercasingFirst, position == 0 {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1, let only = lower.first { value = UInt64(only.value) }
            }
            let shifted = value << UInt64(21 * (position % 3))
            switch position / 3 {
            case 0: first |= shifted
            case 1: second |= shifted
            case 2: third |= shifted
            default: fourth |= shifted
            }
            position += 1
        }
    }

    /// Packs a word given as a string; fails when the word is empty or too long.
    ///
    /// - Parameter word: The word.
    init?(_ word: String) {
        self.init(ArraySlice(Array(word.unicodeScalars)))
    }
}
