/// Turns a sentence's tokens into hashed feature buckets, ``templateCount`` per token.
///
/// The templates: a bias; the lowercased word and its neighbours two either side; the exact
/// form; the word shape and its neighbours' shapes, alone and in pairs; prefixes and
/// suffixes of one to four scalars; word bigrams; the shape at the start of a sentence; the
/// word and collapsed shape in an all-capitals sentence (headlines); whether a capitalised
/// word is known as a lowercase word; and word–shape pairs across neighbours;
/// and whether the word begins or continues a known place name (``Gazetteer``). A model
/// with word clusters (``WordClusters``) adds ``clusterTemplateCount`` more: the current
/// word's cluster at 4, 6 and 10 decisions and whole (also with its capitalisation), and
/// its neighbours' at 6.
package struct FeatureExtractor {
    /// The number of features per token without clusters.
    package static let baseTemplateCount = 32
    /// The number of cluster features per token, when the model has clusters.
    package static let clusterTemplateCount = 7

    /// The number of features per token.
    package let templateCount: Int

    /// The number of buckets is `1 << bucketBits`.
    package let bucketBits: Int
    /// Lowercased-word hashes seen in lowercase in the training text.
    package let lowercaseWords: HashSet64
    /// Known place names.
    package let gazetteer: Gazetteer
    /// Word clusters (empty: no cluster features).
    package let clusters: WordClusters

    /// Creates an extractor.
    ///
    /// - Parameters:
    ///   - bucketBits: The number of buckets is `1 << bucketBits`.
    ///   - lowercaseWords: Lowercased-word hashes seen in lowercase in the training text.
    ///   - gazetteer: Known place names.
    ///   - clusters: Word clusters (none by default).
    package init(bucketBits: Int, lowercaseWords: HashSet64, gazetteer: Gazetteer, clusters: WordClusters = .empty) {
        self.bucketBits = bucketBits
        self.lowercaseWords = lowercaseWords
        self.gazetteer = gazetteer
        self.clusters = clusters
        templateCount = Self.baseTemplateCount + (clusters.isEmpty ? 0 : Self.clusterTemplateCount)
    }

    private static let before = TokenFeatures(padding: 0x2_0000)
    private static let before2 = TokenFeatures(padding: 0x2_0001)
    private static let after = TokenFeatures(padding: 0x2_0002)
    private static let after2 = TokenFeatures(padding: 0x2_0003)

    /// Fills `buckets` with `templateCount` bucket numbers per token.
    ///
    /// - Parameters:
    ///   - tokens: The sentence's token hashes.
    ///   - buckets: Cleared and filled, token by token.
    package func extract(_ tokens: [TokenFeatures], into buckets: inout [Int32]) {
        var places: [UInt8] = []
        extract(tokens, into: &buckets, places: &places)
    }

    /// Fills `buckets` with `templateCount` bucket numbers per token, reusing `places` for
    /// the gazetteer flags.
    ///
    /// - Parameters:
    ///   - tokens: The sentence's token hashes.
    ///   - buckets: Cleared and filled, token by token.
    ///   - places: Scratch space for the gazetteer flags.
    package func extract(_ tokens: [TokenFeatures], into buckets: inout [Int32], places: inout [UInt8]) {
        let count = tokens.count
        buckets.reset(to: 0, count: count * templateCount)
        guard count > 0 else { return }
        var capitalsOnly = 0
        var lettered = 0
        for token in tokens where token.hasLetter {
            lettered += 1
            if token.isAllCaps { capitalsOnly += 1 }
        }
        let isHeadline: UInt64 = lettered >= 2 && capitalsOnly * 2 > lettered ? 1 : 0
        let shift = UInt64(64 - bucketBits)
        gazetteer.flags(tokens, into: &places)
        buckets.withUnsafeMutableBufferPointer { out in
            for index in 0..<count {
                fill(tokens, index, isHeadline: isHeadline, place: UInt64(places[index]), shift: shift, into: out)
            }
        }
    }

    /// Writes the ``templateCount`` features of one token at `index * templateCount`.
    @inline(__always)
    private func fill(
        _ tokens: [TokenFeatures],
        _ index: Int,
        isHeadline: UInt64,
        place: UInt64,
        shift: UInt64,
        into out: UnsafeMutableBufferPointer<Int32>
    ) {
        let count = tokens.count
        var slot = index * templateCount
        func put(_ template: UInt64, _ first: UInt64, _ second: UInt64) {
            out[slot] = Int32(truncatingIfNeeded: Hashing.mix(template, first, second) >> shift)
            slot += 1
        }
        let current = tokens[index]
        let previous = index > 0 ? tokens[index - 1] : Self.before
        let previous2 = index > 1 ? tokens[index - 2] : (index == 1 ? Self.before : Self.before2)
        let next = index + 1 < count ? tokens[index + 1] : Self.after
        let next2 = index + 2 < count ? tokens[index + 2] : (index + 1 < count ? Self.after : Self.after2)
        let known: UInt64 = lowercaseWords.contains(current.lower) ? 1 : 0
        let flags = known << 2 | (current.isCapitalized ? 2 : 0) | (index == 0 ? 1 : 0)
        put(1, 0, 0)
        put(2, current.lower, 0)
        put(3, current.form, 0)
        put(4, previous.lower, 0)
        put(5, next.lower, 0)
        put(6, previous2.lower, 0)
        put(7, next2.lower, 0)
        put(8, current.shape, 0)
        put(9, previous.shape, 0)
        put(10, next.shape, 0)
        put(11, previous.shape, current.shape)
        put(12, current.shape, next.shape)
        put(13, current.prefixes.0, 0)
        put(14, current.prefixes.1, 0)
        put(15, current.prefixes.2, 0)
        put(16, current.prefixes.3, 0)
        put(17, current.suffixes.0, 0)
        put(18, current.suffixes.1, 0)
        put(19, current.suffixes.2, 0)
        put(20, current.suffixes.3, 0)
        put(21, previous.lower, current.lower)
        put(22, current.lower, next.lower)
        put(23, index == 0 ? 1 : 0, current.shape)
        put(24, isHeadline, current.lower)
        put(25, isHeadline, current.shortShape)
        put(26, flags, 0)
        put(27, previous.lower, current.shape)
        put(28, current.shape, next.lower)
        put(29, previous.shortShape, current.shortShape &+ next.shortShape &* 31)
        put(30, previous.lower, next.lower)
        put(31, place, current.isCapitalized ? 1 : 0)
        put(32, place, previous.lower)
        guard !clusters.isEmpty else { return }
        let path = clusters.path(current.form)
        put(33, WordClusters.prefix(path, 4), 0)
        put(34, WordClusters.prefix(path, 6), 0)
        put(35, WordClusters.prefix(path, 10), 0)
        put(36, WordClusters.prefix(path, 16), 0)
        let before = index > 0 ? clusters.path(previous.form) : 0
        let after = index + 1 < count ? clusters.path(next.form) : 0
        put(37, WordClusters.prefix(before, 6), 0)
        put(38, WordClusters.prefix(after, 6), 0)
        put(39, WordClusters.prefix(path, 16), current.isCapitalized ? 1 : 0)
    }
}
