/// A lowercase word of up to ``capacity`` scalars packed into four integers, so that stop
/// words and terms are looked up without building a `String` per token.
struct TermKey: Hashable {
    /// The longest word a key holds, in scalars.
    static let capacity = 12

    /// The key of no scalars, which no word packs to (a filler for empty table slots).
    static let empty = TermKey()

    private var parts: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// The number of scalars packed.
    private(set) var count = 0

    static func == (lhs: TermKey, rhs: TermKey) -> Bool {
        lhs.parts == rhs.parts && lhs.count == rhs.count
    }

    /// Feeds the hasher one word that folds the four parts (one SipHash block instead of
    /// four: most keys are looked up once per token).
    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }

    /// The four parts folded into one word with multiplies (not well spread by itself:
    /// mix it before using its high bits).
    var fingerprint: UInt64 {
        var folded = parts.0 &* 0x9E37_79B9_7F4A_7C15
        folded = (folded ^ parts.1) &* 0xBF58_476D_1CE4_E5B9
        folded = (folded ^ parts.2) &* 0x94D0_49BB_1331_11EB
        return folded ^ parts.3
    }

    private init() {}

    /// Packs the lowercase forms of `scalars`, keeping at most `limit` of them; fails when
    /// the word is empty or longer than ``capacity`` and `limit` does not cut it.
    ///
    /// - Parameters:
    ///   - scalars: The word as written.
    ///   - limit: How many scalars to keep (the rest is ignored).
    init?(_ scalars: ArraySlice<Unicode.Scalar>, limit: Int = capacity) {
        let kept = min(limit, Self.capacity)
        guard !scalars.isEmpty, scalars.count <= Self.capacity || limit <= Self.capacity else { return nil }
        for scalar in scalars.prefix(kept) { append(Self.lowercase(scalar)) }
    }

    /// Packs a word given as text (lowercased as it is packed).
    ///
    /// - Parameter word: The word.
    init?(_ word: Substring) {
        self.init(ArraySlice(Array(word.unicodeScalars)))
    }

    /// The key of the first `limit` scalars of this one (itself when it is no longer), as
    /// `init(_:limit:)` makes it from the word's scalars.
    ///
    /// - Parameter limit: How many scalars to keep.
    /// - Returns: The shorter key.
    func prefix(_ limit: Int) -> TermKey {
        guard limit < count else { return self }
        var key = TermKey()
        key.count = limit
        let perPart = 3
        func kept(_ part: UInt64, _ index: Int) -> UInt64 {
            let keep = limit - index * perPart
            if keep >= perPart { return part }
            if keep <= 0 { return 0 }
            return part & ((UInt64(1) << UInt64(21 * keep)) - 1)
        }
        key.parts = (kept(parts.0, 0), kept(parts.1, 1), kept(parts.2, 2), kept(parts.3, 3))
        return key
    }

    private mutating func append(_ value: UInt32) {
        let shifted = UInt64(value) << UInt64(21 * (count % 3))
        switch count / 3 {
        case 0: parts.0 |= shifted
        case 1: parts.1 |= shifted
        case 2: parts.2 |= shifted
        default: parts.3 |= shifted
        }
        count += 1
    }

    /// The scalar lowercased (to one scalar when its lowercase form is one).
    @inline(__always)
    static func lowercase(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) ? value + 0x20 : value }
        guard scalar.properties.isUppercase else { return value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first?.value ?? value : value
    }
}
