import LectorCore

/// The character n-gram model: for each n-gram of one to five letters, the languages that
/// use it and how often, as built by `Tools/language/build_model.py` into
/// `Models/language/ngrams.bin` (the file format is described in that tool).
///
/// The table is an open-addressing hash table read straight from the file, so loading is a
/// copy, not a parse. It is immutable and shared by every processor (see
/// ``LanguageModelFiles``).
package struct NGramModel: Sendable {
    /// The longest n-gram the model holds, in letters.
    static let maximumOrder = 5

    /// The ISO 639-1 codes of the languages, in the model's order.
    package let codes: [String]
    /// The score of an n-gram a language lacks, per language and order: `floors[language * 5 + order - 1]`.
    let floors: [Double]
    /// Nats per quantum of an entry's score above the floor.
    let step: Double
    /// The hash table: each slot is its key (low 32 bits; 0 when empty) and its packed
    /// posting (high 32 bits: first entry << 8 | entry count), as in the file.
    private let slots: [UInt64]
    private let entries: [UInt16]

    /// Reads a model file.
    ///
    /// - Parameter bytes: The file's contents.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the file is
    ///   not a model of this version or is truncated.
    init(bytes: [UInt8]) throws {
        var reader = ByteReader(bytes: bytes)
        guard bytes.count >= 24, Array(bytes[0..<4]) == Array("LLID".utf8) else {
            throw ProcessorError(.unavailable, "language model: not an LLID file")
        }
        reader.offset = 4
        let version = try reader.uint32()
        guard version == 1 else { throw ProcessorError(.unavailable, "language model: unknown version \(version)") }
        let languageCount = Int(try reader.uint32())
        let slotCount = Int(try reader.uint32())
        let entryCount = Int(try reader.uint32())
        step = Double(Float(bitPattern: try reader.uint32()))
        var codes: [String] = []
        var floors: [Double] = []
        for _ in 0..<languageCount {
            let name = try reader.take(8).prefix { $0 != 0 }
            codes.append(String(decoding: name, as: UTF8.self))
            for _ in 0..<Self.maximumOrder { floors.append(Double(Float(bitPattern: try reader.uint32()))) }
        }
        self.codes = codes
        self.floors = floors
        let slotsStart = reader.offset
        let entriesStart = slotsStart + slotCount * 8
        guard slotCount > 0, entriesStart + entryCount * 2 == bytes.count else {
            throw ProcessorError(.unavailable, "language model: unexpected size")
        }
        (slots, entries) = bytes.withUnsafeBytes { raw in
            let slots = [UInt64](unsafeUninitializedCapacity: slotCount) { buffer, count in
                for slot in 0..<slotCount {
                    buffer[slot] = UInt64(
                        littleEndian: raw.loadUnaligned(fromByteOffset: slotsStart + slot * 8, as: UInt64.self)
                    )
                }
                count = slotCount
            }
            let entries = [UInt16](unsafeUninitializedCapacity: entryCount) { buffer, count in
                for index in 0..<entryCount {
                    buffer[index] = UInt16(
                        littleEndian: raw.loadUnaligned(fromByteOffset: entriesStart + index * 2, as: UInt16.self)
                    )
                }
                count = entryCount
            }
            return (slots, entries)
        }
    }

    /// The number of languages.
    package var languageCount: Int { codes.count }

    /// Whether each language (by index) has at least one entry.
    ///
    /// - Returns: One flag per language.
    func languagesWithEntries() -> [Bool] {
        var present = [Bool](repeating: false, count: languageCount)
        for entry in entries { present[Int(entry >> 8)] = true }
        return present
    }

    /// The splitmix64 finalizer the model's hashes pass through after FNV-1a.
    ///
    /// - Parameter hash: An FNV-1a hash.
    /// - Returns: The mixed hash.
    @inline(__always)
    static func mix(_ hash: UInt64) -> UInt64 {
        var value = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// The entries of the n-gram whose FNV-1a hash is `hash`: each is a language index
    /// (high byte) and its quantized score above the floor (low byte). Empty when no
    /// language has the n-gram.
    ///
    /// - Parameter fnv: The n-gram's FNV-1a hash (before ``mix(_:)``).
    /// - Returns: The n-gram's entries.
    @inline(__always)
    func entries(_ fnv: UInt64) -> ArraySlice<UInt16> {
        entries[withTables { $0.range($0.probe(fnv)) }]
    }

    /// Calls `body` with direct views of the hash table, for the scoring loop (no bounds
    /// checks or slices per n-gram).
    ///
    /// - Parameter body: Reads the tables; they are valid only during the call.
    /// - Returns: What `body` returns.
    func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in body(Tables(slots: slots, entries: entries)) }
        }
    }

    /// The hash table seen through pointers; see ``withTables(_:)``.
    struct Tables {
        let slots: UnsafeBufferPointer<UInt64>
        let entries: UnsafeBufferPointer<UInt16>

        /// Reads the first slot of an n-gram's lookup.
        ///
        /// - Parameter fnv: The n-gram's FNV-1a hash (before ``NGramModel/mix(_:)``).
        /// - Returns: The probe, to resolve with ``range(_:)``.
        @inline(__always)
        func probe(_ fnv: UInt64) -> Probe {
            let hash = NGramModel.mix(fnv)
            let slot = Int(((hash & 0xFFFF_FFFF) &* UInt64(slots.count)) >> 32)
            return Probe(hash: hash, slot: slot, found: slots[slot])
        }

        /// Where a probed n-gram's entries are in ``entries`` (empty when no language has
        /// it).
        ///
        /// - Parameter probe: What ``probe(_:)`` read.
        /// - Returns: The range of the n-gram's entries.
        @inline(__always)
        func range(_ probe: Probe) -> Range<Int> {
            let key = UInt32(truncatingIfNeeded: probe.hash >> 32) | 1
            let count = slots.count
            var slot = probe.slot
            var found = probe.found
            while true {
                let foundKey = UInt32(truncatingIfNeeded: found)
                if foundKey == 0 { return 0..<0 }
                if foundKey == key {
                    let posting = Int(found >> 32)
                    let first = posting >> 8
                    return first..<first + (posting & 0xFF)
                }
                slot = slot + 1 == count ? 0 : slot + 1
                found = slots[slot]
            }
        }
    }

    /// Where an n-gram's lookup starts: its mixed hash, its first slot and that slot's
    /// contents.
    ///
    /// Reading the first slot is the lookup's cache miss; probing the n-grams of one to
    /// five letters first and resolving them after lets the processor wait for all the
    /// misses at once rather than one after the other.
    struct Probe {
        /// The mixed hash.
        var hash: UInt64 = 0
        /// The first slot looked at.
        var slot = 0
        /// That slot's contents.
        var found: UInt64 = 0
    }
}

/// Reads the header's little-endian integers from a byte array, checking bounds.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard offset + count <= bytes.count else { throw ProcessorError(.unavailable, "language model: truncated") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func uint32() throws -> UInt32 {
        let slice = try take(4)
        var value: UInt32 = 0
        for (shift, byte) in slice.enumerated() { value |= UInt32(byte) << (8 * shift) }
        return value
    }

}
