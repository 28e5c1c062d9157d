/// A read-only map from a lowercase word to its ``SentimentLexicon/Entry``, with open
/// addressing and an FNV-1a hash of the word's UTF-8 bytes: every word of every article
/// is looked up, and a `Dictionary` spends most of that time seeding and finalizing its
/// hasher.
struct LexiconTable: Sendable {
    private let keys: [String]
    private let slots: [Int32]
    private let entries: [SentimentLexicon.Entry]
    private let mask: Int

    /// Builds the table.
    ///
    /// - Parameter dictionary: The entries by lowercase word.
    init(_ dictionary: [String: SentimentLexicon.Entry]) {
        var size = 16
        while size < dictionary.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var keys: [String] = []
        var entries: [SentimentLexicon.Entry] = []
        keys.reserveCapacity(dictionary.count)
        entries.reserveCapacity(dictionary.count)
        for (word, entry) in dictionary {
            var index = Self.hash(word) & (size - 1)
            while slots[index] >= 0 { index = (index + 1) & (size - 1) }
            slots[index] = Int32(keys.count)
            keys.append(word)
            entries.append(entry)
        }
        self.keys = keys
        self.slots = slots
        self.entries = entries
        self.mask = size - 1
    }

    /// FNV-1a over the UTF-8 bytes, folded.
    @inline(__always)
    private static func hash(_ word: String) -> Int {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }

    /// The entry of a lowercase word, or `nil` when the lexicon lacks it.
    ///
    /// - Parameter word: The word.
    @inline(__always)
    subscript(word: String) -> SentimentLexicon.Entry? {
        var index = Self.hash(word) & mask
        while true {
            let slot = Int(slots[index])
            if slot < 0 { return nil }
            if keys[slot] == word { return entries[slot] }
            index = (index + 1) & mask
        }
    }
}
