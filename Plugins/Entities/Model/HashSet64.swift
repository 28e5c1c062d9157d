/// A read-only set of 64-bit hashes with open addressing (``HashSlots``), for lookups in the
/// tagging loop that are cheaper than `Set<UInt64>` (no per-lookup hasher).
package struct HashSet64: Sendable, Equatable {
    private let slots: [UInt64]
    private let shift: UInt64

    /// The hashes, in no particular order.
    package let elements: [UInt64]

    /// Builds the set.
    ///
    /// - Parameter elements: The hashes (0 is stored as 1).
    package init(_ elements: some Sequence<UInt64>) {
        let unique = Array(Set(elements.map(HashSlots.key)))
        let bits = HashSlots.bits(for: unique.count)
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        let shift = UInt64(64 - bits)
        for element in unique {
            var index = HashSlots.home(element, shift: shift)
            while slots[index] != 0 { index = (index + 1) & (slots.count - 1) }
            slots[index] = element
        }
        self.slots = slots
        self.shift = shift
        self.elements = unique
    }

    /// The number of hashes.
    package var count: Int { elements.count }

    /// Whether the set holds a hash.
    @inline(__always)
    package func contains(_ element: UInt64) -> Bool {
        let key = HashSlots.key(element)
        return slots.withUnsafeBufferPointer { table in
            var index = HashSlots.home(key, shift: shift)
            while true {
                let slot = table[index]
                if slot == key { return true }
                if slot == 0 { return false }
                index = (index + 1) & (table.count - 1)
            }
        }
    }
}
