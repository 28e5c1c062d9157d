/// The model file format (`Models/entities/<language>.bin`), all numbers little-endian:
///
/// | bytes | content |
/// |---|---|
/// | 4 | magic `LENT` |
/// | 4 | format version, `2`, or `3` with word clusters |
/// | 8 | language code, ASCII, NUL-padded |
/// | 4 | `bucketBits` (the table has `1 << bucketBits` buckets) |
/// | 4 | tag count `T` (9: `O`, then `B-`/`I-` for PER, ORG, LOC, MISC) |
/// | 4 | `L`, the number of lowercase-word hashes |
/// | 4 × (T + 1) × T | transition weights, Float32, previous tag by tag, start row last |
/// | 8 × L | lowercase-word hashes, UInt64 |
/// | 4 | `G`, the number of gazetteer phrase hashes |
/// | 8 × G | gazetteer phrase hashes, UInt64 |
/// | 4 | version 3 only: `C`, the number of clustered words |
/// | 10 × C | version 3 only: exact-form hash (UInt64) and cluster path (UInt16) per word |
/// | 2 × buckets × T | feature weights, Float16, bucket by bucket |
///
/// A model without clusters is written as version 2, so models trained before clusters
/// existed read and write the same bytes.
extension TaggerModel {
    /// The magic number, `LENT`.
    static let magic: [UInt8] = Array("LENT".utf8)

    /// Reads a model file.
    ///
    /// - Parameter bytes: The file's contents.
    /// - Throws: ``TaggerModelError`` when the bytes are not a model of this format.
    package convenience init(bytes: [UInt8]) throws {
        var reader = ByteReader(bytes: bytes)
        guard Array(try reader.take(4)) == Self.magic else { throw TaggerModelError("not an entity model (bad magic)") }
        let version = try reader.uint32()
        guard version == 2 || version == 3 else { throw TaggerModelError("unsupported model version \(version)") }
        let language = String(decoding: try reader.take(8).filter { $0 != 0 }, as: UTF8.self)
        let bits = Int(try reader.uint32())
        guard (8...28).contains(bits) else { throw TaggerModelError("bad bucket count 2^\(bits)") }
        guard Int(try reader.uint32()) == NamedType.tagCount else { throw TaggerModelError("bad tag count") }
        let lexiconCount = Int(try reader.uint32())
        let tags = NamedType.tagCount
        var transitions = [Float](repeating: 0, count: (tags + 1) * tags)
        for index in transitions.indices { transitions[index] = Float(bitPattern: try reader.uint32()) }
        let lexicon = try reader.uint64s(lexiconCount)
        let phrases = try reader.uint64s(Int(try reader.uint32()))
        let weightCount = (1 << bits) * tags
        var clusters = WordClusters.empty
        if version == 3 {
            let clusterCount = Int(try reader.uint32())
            guard clusterCount * 10 + weightCount * 2 <= reader.remaining else {
                throw TaggerModelError("model file is truncated")
            }
            clusters = try WordClusters(capacity: clusterCount) { insert in
                for _ in 0..<clusterCount { insert(try reader.uint64(), try reader.uint16()) }
            }
        }
        let raw = try reader.take(weightCount * 2)
        let weights = [Float](unsafeUninitializedCapacity: weightCount) { buffer, initialized in
            raw.withUnsafeBytes { HalfFloats.widen($0, count: weightCount, into: buffer) }
            initialized = weightCount
        }
        self.init(
            language: language,
            bucketBits: bits,
            weights: weights,
            transitions: transitions,
            lowercaseWords: lexicon,
            gazetteer: Gazetteer(phrases: phrases),
            clusters: clusters
        )
    }

    /// The model as a file, in the format above.
    package var serialized: [UInt8] {
        var bytes = Self.magic
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        let clusters = extractor.clusters.entries.sorted { $0.form < $1.form }
        append(clusters.isEmpty ? 2 : 3)
        var code = Array(language.utf8.prefix(8))
        code += [UInt8](repeating: 0, count: 8 - code.count)
        bytes += code
        append(UInt32(bucketBits))
        append(UInt32(NamedType.tagCount))
        let lexicon = extractor.lowercaseWords.elements.sorted()
        append(UInt32(lexicon.count))
        for weight in transitions { append(weight.bitPattern) }
        for hash in lexicon { withUnsafeBytes(of: hash.littleEndian) { bytes.append(contentsOf: $0) } }
        let phrases = extractor.gazetteer.phrases.elements.sorted()
        append(UInt32(phrases.count))
        for hash in phrases { withUnsafeBytes(of: hash.littleEndian) { bytes.append(contentsOf: $0) } }
        if !clusters.isEmpty {
            append(UInt32(clusters.count))
            for (form, path) in clusters {
                withUnsafeBytes(of: form.littleEndian) { bytes.append(contentsOf: $0) }
                withUnsafeBytes(of: path.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        bytes.reserveCapacity(bytes.count + weights.count * 2)
        for weight in weights {
            let half = Float16(weight).bitPattern.littleEndian
            bytes.append(UInt8(truncatingIfNeeded: half))
            bytes.append(UInt8(truncatingIfNeeded: half >> 8))
        }
        return bytes
    }
}

/// A model file that cannot be read.
package struct TaggerModelError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    package var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A cursor over a model file's bytes.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    /// The bytes not read yet.
    var remaining: Int { bytes.count - offset }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw TaggerModelError("model file is truncated") }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func uint32() throws -> UInt32 {
        try number(UInt32.self)
    }

    mutating func uint16() throws -> UInt16 {
        try number(UInt16.self)
    }

    mutating func uint64() throws -> UInt64 {
        try number(UInt64.self)
    }

    /// `count` little-endian UInt64s, read as one block.
    mutating func uint64s(_ count: Int) throws -> [UInt64] {
        try take(count * 8).withUnsafeBytes { raw in
            (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
    }

    private mutating func number<Number: FixedWidthInteger>(_: Number.Type) throws -> Number {
        try take(MemoryLayout<Number>.size).withUnsafeBytes { Number(littleEndian: $0.loadUnaligned(as: Number.self)) }
    }
}
