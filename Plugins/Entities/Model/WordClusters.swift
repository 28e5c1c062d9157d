import LectorText

/// Brown clusters of words learned offline from a large text (`Tools/entities/clusters-*.txt`),
/// kept as a table from a word's exact-form hash to its path in the merge tree. Words the
/// training data never saw still get their cluster's features (`Scholz` shares a cluster with
/// `Müller` and `Putin`), which is what a small training set lacks most.
///
/// A path is an integer whose lowest bit is the decision nearest the root, so its prefix of
/// `k` decisions is `path & (2^k − 1)` (see ``prefix(_:_:)``). A table may instead hold a
/// dictionary's word classes as bit sets (`Tools/entities/classes-ru.txt`: given name,
/// surname, place…), whose prefixes are then the first classes. Open addressing
/// (``HashSlots``, as in ``HashSet64``) keeps the lookups in the tagging loop cheap.
package struct WordClusters: Sendable {
    private let keys: [UInt64]
    private let values: [UInt16]
    private let shift: UInt64

    /// The number of words.
    package let count: Int

    /// No clusters: the tagger reads no cluster features.
    package static let empty = WordClusters(entries: [])

    /// Builds the table.
    ///
    /// - Parameter entries: Form hashes (0 is stored as 1) and their paths (0 means none and
    ///   is left out); the first path of a repeated hash wins.
    package init(entries: [(form: UInt64, path: UInt16)]) {
        self.init(capacity: entries.count) { insert in
            for (form, path) in entries { insert(form, path) }
        }
    }

    /// Builds the table in place from at most `capacity` words that `fill` hands to its
    /// `insert` function, with no copy of them on the side (a model's table is loaded while
    /// the other models load: a copy would add to the peak memory).
    ///
    /// - Parameters:
    ///   - capacity: The most words `fill` inserts.
    ///   - fill: Calls `insert(form, path)` per word; the first path of a repeated hash wins.
    /// - Throws: What `fill` throws.
    init(capacity: Int, _ fill: (_ insert: (UInt64, UInt16) -> Void) throws -> Void) rethrows {
        let bits = HashSlots.bits(for: capacity)
        var keys = [UInt64](repeating: 0, count: capacity == 0 ? 0 : 1 << bits)
        var values = [UInt16](repeating: 0, count: keys.count)
        let shift = UInt64(64 - bits)
        var count = 0
        try fill { form, path in
            guard path != 0, count < capacity else { return }
            let key = HashSlots.key(form)
            var index = HashSlots.home(key, shift: shift)
            while keys[index] != 0 {
                if keys[index] == key { return }
                index = (index + 1) & (keys.count - 1)
            }
            keys[index] = key
            values[index] = path
            count += 1
        }
        self.keys = keys
        self.values = values
        self.shift = shift
        self.count = count
    }

    /// The words' form hashes and paths, in no particular order (rebuilt from the table:
    /// only a model being written needs them).
    package var entries: [(form: UInt64, path: UInt16)] {
        zip(keys, values).filter { $0.0 != 0 }.map { (form: $0.0, path: $0.1) }
    }

    /// Reads a cluster file: `WORD<TAB>PATH` per line, `#` comments; a word is hashed as
    /// the tagger hashes a token's exact form. Paths have at most 16 decisions (Brown
    /// clustering into a few thousand clusters gives about as many).
    ///
    /// - Parameter text: The file's contents.
    /// - Throws: ``TaggerModelError`` naming the first line that is not `WORD<TAB>PATH`.
    package init(lines text: String) throws {
        var entries: [(form: UInt64, path: UInt16)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, let path = UInt16(fields[1]) else {
                throw TaggerModelError("cluster line \(number + 1): expected WORD<TAB>PATH (PATH below 65536)")
            }
            entries.append((TokenFeatures(ArraySlice(Array(fields[0].unicodeScalars))).form, path))
        }
        self.init(entries: entries)
    }

    /// Whether there are no clusters.
    package var isEmpty: Bool { count == 0 }

    /// The path of a word, 0 when it has none.
    ///
    /// - Parameter form: The token's exact-form hash.
    /// - Returns: Its cluster path, or 0.
    @inline(__always)
    package func path(_ form: UInt64) -> UInt16 {
        guard !keys.isEmpty else { return 0 }
        let key = HashSlots.key(form)
        return keys.withUnsafeBufferPointer { table in
            var index = HashSlots.home(key, shift: shift)
            while true {
                let slot = table[index]
                if slot == key { return values[index] }
                if slot == 0 { return 0 }
                index = (index + 1) & (table.count - 1)
            }
        }
    }

    /// A path's first `decisions` decisions, marked with their length so that prefixes of
    /// different lengths never coincide.
    ///
    /// - Parameters:
    ///   - path: A cluster path (0: none).
    ///   - decisions: How many decisions from the root.
    /// - Returns: The prefix, as a feature value (one value for every word without a path).
    @inline(__always)
    static func prefix(_ path: UInt16, _ decisions: UInt64) -> UInt64 {
        guard path != 0 else { return 1 << 40 }
        return UInt64(path) & ((1 << decisions) &- 1) | decisions << 32
    }

}
