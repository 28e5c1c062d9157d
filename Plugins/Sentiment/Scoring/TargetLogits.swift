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

    mutating func add(_ region: String, _ key: String, _ value: Float) {
        var hash = FeatureHash()
        hash.add(region.utf8)
        hash.separate(0x1F)
        hash.add(key.utf8)
        if let weight = layer.weights[hash.value] { logits += weight * value }
    }

    mutating func add(_ region: String, _ first: String, _ second: String, _ value: Float) {
        var hash = FeatureHash()
        hash.add(region.utf8)
        hash.separate(0x1F)
        hash.add(first.utf8)
        hash.separate(0x20)
        hash.add(second.utf8)
        if let weight = layer.weights[hash.value] { logits += weight * value }
    }
}

/// 64-bit FNV-1a over bytes: how ``TargetLayer`` finds a feature by `region`, 0x1F, `key`.
struct FeatureHash {
    /// The hash so far.
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Hashes bytes in.
    ///
    /// - Parameter bytes: The bytes.
    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { separate(byte) }
    }

    /// Hashes one byte in (a separator between parts).
    ///
    /// - Parameter byte: The byte.
    mutating func separate(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
}
