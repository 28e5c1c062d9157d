/// A read-only set of 64-bit hashes with open addressing (``HashSlots``), for lookups in the
/// tagging loop that are cheaper than `Set<UInt64>` (no per-lookup hasher).
package struct HashSet64: Sendable, Equatable {
    private let slots: [UInt64]
    private let shift: UInt64

    /// The hashes, in ascending order.
    package let elements: [UInt64]

    /// Builds the set.
    ///
    /// Duplicates are dropped by sorting rather than through a `Set`: the model files list
    /// their hashes in order already, which the standard library's sort takes in one pass,
    /// with no hashing.
    ///
    /// - Parameter elements: The hashes (0 is stored as 1).
    package init(_ elements: some Sequence<UInt64>) {
        var unique = elements.map(HashSlots.key)
        unique.sort()
        unique.removeAdjacentDuplicates()
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

extension Array where Element: Equatable {
    /// Removes every element equal to the one before it (all duplicates, once sorted).
    fileprivate mutating func removeAdjacentDuplicates() {
        guard var last = first else { return }
        var kept = 1
        for index in indices.dropFirst() where self[index] != last {
            last = self[index]
            self[kept] = last
            kept += 1
        }
        removeLast(count - kept)
    }
}
