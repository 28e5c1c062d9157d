/// Sums a ``TargetLayer``'s weights over the features it receives.
struct TargetLogits: TargetFeatureSink {
    /// The layer whose weights are summed.
    let layer: TargetLayer
    /// The bias plus every feature's weight times its value, per class.
    var logits: SIMD4<Float>

    /// Starts at the layer's bias.
    ///
    /// - Parameter layer: The layer.
    init(layer: TargetLayer) {
        self.layer = layer
        self.logits = layer.bias
    }

    mutating func add(_ region: FeatureRegion, _ key: FeatureKey, _ value: Float) {
        if let weight = layer.weights[FeatureHash.feature(region.hash, key.hash)] { logits += weight * value }
    }

    mutating func add(_ region: FeatureRegion, _ first: FeatureKey, _ second: FeatureKey, _ value: Float) {
        if let weight = layer.weights[FeatureHash.pair(region.hash, first.hash, second.hash)] {
            logits += weight * value
        }
    }
}

/// How ``TargetLayer`` finds a feature: 64-bit FNV-1a of its region's name and of its key
/// (or of each of a pair's two keys), combined by multiply, xor and the SplitMix64
/// finaliser; the loader computes the same from `REGION:KEY` (`REGION:FIRST SECOND` for the
/// pair regions `LB`, `RB`), scoring hashes each token's key once.
struct FeatureHash {
    /// The hash so far.
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Hashes bytes in.
    ///
    /// - Parameter bytes: The bytes.
    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { separate(byte) }
    }

    /// Hashes one byte in.
    ///
    /// - Parameter byte: The byte.
    mutating func separate(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// FNV-1a of bytes.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: Their hash.
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = FeatureHash()
        hash.add(bytes)
        return hash.value
    }

    /// The hash of a feature `region:key`.
    ///
    /// - Parameters:
    ///   - region: The region's FNV-1a.
    ///   - key: The key's FNV-1a.
    /// - Returns: The feature's hash.
    @inline(__always)
    static func feature(_ region: UInt64, _ key: UInt64) -> UInt64 {
        finalized(region ^ (key &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The hash of a pair feature `region:first second`.
    ///
    /// - Parameters:
    ///   - region: The region's FNV-1a.
    ///   - first: The first key's FNV-1a.
    ///   - second: The second key's FNV-1a.
    /// - Returns: The feature's hash.
    @inline(__always)
    static func pair(_ region: UInt64, _ first: UInt64, _ second: UInt64) -> UInt64 {
        finalized(region ^ (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &* 0xC2B2_AE3D_27D4_EB4F))
    }

    @inline(__always)
    private static func finalized(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
