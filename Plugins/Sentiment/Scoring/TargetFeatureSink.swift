/// Receives the features of the tone toward a target, one at a time: a region (where the
/// token stands) and a key (what it is), with a value to add.
protocol TargetFeatureSink {
    /// Adds `value` to the feature `region:key`.
    ///
    /// - Parameters:
    ///   - region: Where the token stands (`Rn`, `S`, `x`…).
    ///   - key: What it is (its lowercase form).
    ///   - value: What to add.
    mutating func add(_ region: FeatureRegion, _ key: FeatureKey, _ value: Float)

    /// Adds `value` to the feature `region:first second` (two neighbouring tokens).
    ///
    /// - Parameters:
    ///   - region: `LB` or `RB`.
    ///   - first: The token nearer the target.
    ///   - second: The one after it, outward.
    ///   - value: What to add.
    mutating func add(_ region: FeatureRegion, _ first: FeatureKey, _ second: FeatureKey, _ value: Float)
}

/// The feature names and values, for training (`--dump-target-features`).
struct TargetFeatureNames: TargetFeatureSink {
    /// The value of each feature by name (`Rn:accused`, `RB:of lying`).
    var values: [String: Float] = [:]

    mutating func add(_ region: FeatureRegion, _ key: FeatureKey, _ value: Float) {
        values[region.text + ":" + key.text, default: 0] += value
    }

    mutating func add(_ region: FeatureRegion, _ first: FeatureKey, _ second: FeatureKey, _ value: Float) {
        values[region.text + ":" + first.text + " " + second.text, default: 0] += value
    }
}
