/// The slot layout of the tagger's open-addressing tables (``HashSet64``, ``WordClusters``):
/// at least twice as many slots as keys, a power of two; a key's home slot from a
/// multiplicative hash; linear probing; 0 marks an empty slot, so a key 0 is kept as 1.
enum HashSlots {
    /// log2 of the slot count for `count` keys (at least 16 slots).
    ///
    /// - Parameter count: The number of keys.
    /// - Returns: The number of bits.
    static func bits(for count: Int) -> Int {
        var bits = 4
        while (1 << bits) < count * 2 { bits += 1 }
        return bits
    }

    /// A hash as stored: 0 (the empty slot's mark) becomes 1.
    ///
    /// - Parameter hash: A 64-bit hash.
    /// - Returns: The key.
    @inline(__always)
    static func key(_ hash: UInt64) -> UInt64 {
        hash == 0 ? 1 : hash
    }

    /// A key's home slot.
    ///
    /// - Parameters:
    ///   - key: A stored key.
    ///   - shift: `64 - bits`.
    /// - Returns: The slot where probing starts.
    @inline(__always)
    static func home(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
