/// A read-only map from ``TermKey`` to a 64-bit value, with open addressing, for the
/// per-token stop-word lookup (cheaper than a `Dictionary`: no per-lookup hasher).
struct TermTable: Sendable {
    private let keys: [TermKey]
    private let values: [UInt64]
    private let occupied: [Bool]
    private let shift: UInt64

    /// Builds the table.
    ///
    /// - Parameter entries: The keys and their values.
    init(_ entries: [TermKey: UInt64]) {
        var bits = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let size = 1 << bits
        let shift = UInt64(64 - bits)
        var keys = [TermKey?](repeating: nil, count: size)
        var values = [UInt64](repeating: 0, count: size)
        for (key, value) in entries {
            var index = Self.slot(key, shift: shift)
            while keys[index] != nil { index = (index + 1) & (size - 1) }
            keys[index] = key
            values[index] = value
        }
        self.keys = keys.map { $0 ?? TermKey.empty }
        self.occupied = keys.map { $0 != nil }
        self.values = values
        self.shift = shift
    }

    @inline(__always)
    private static func slot(_ key: TermKey, shift: UInt64) -> Int {
        var value = key.fingerprint
        value = (value ^ (value >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: (value ^ (value >> 29)) >> shift)
    }

    /// The value of a key, or `nil` when it is absent.
    ///
    /// - Parameter key: The key.
    @inline(__always)
    subscript(key: TermKey) -> UInt64? {
        var index = Self.slot(key, shift: shift)
        let mask = keys.count - 1
        while occupied[index] {
            if keys[index] == key { return values[index] }
            index = (index + 1) & mask
        }
        return nil
    }
}
