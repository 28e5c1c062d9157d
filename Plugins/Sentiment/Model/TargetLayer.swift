import Glibc

/// The target layer: a three-class logistic regression over ``TargetFeatures``.
///
/// Loaded from `Models/sentiment/targets.tsv` (see `Models/sentiment/README.md`), trained by
/// `Tools/sentiment/train_targets.py` on NewsMTSC (MIT). Lines: `bias<TAB>-<TAB>N<TAB>U<TAB>P`
/// and `x<TAB>FEATURE<TAB>N<TAB>U<TAB>P`, one weight per class (negative, neutral, positive).
/// Features are kept by hash (``FeatureHash``), so scoring builds no strings.
package struct TargetLayer: Sendable {
    let bias: SIMD4<Float>
    let weights: TargetWeights
    /// The regions whose keys are pairs of tokens, `FIRST SECOND`.
    private static let pairRegions = [Array("LB".utf8), Array("RB".utf8)]

    /// Parses `targets.tsv`.
    ///
    /// - Parameter bytes: The file's UTF-8 bytes.
    /// - Throws: ``SentimentModelError`` naming the first malformed line.
    package init(parsing bytes: [UInt8]) throws(SentimentModelError) {
        var bias = SIMD4<Float>()
        var weights: [UInt64: SIMD4<Float>] = [:]
        weights.reserveCapacity(65_536)
        var sawBias = false
        let lines = try TabSeparatedRecords.forEach(in: bytes) { number, fields throws(SentimentModelError) in
            guard fields.count == 5 else {
                throw SentimentModelError(
                    file: "targets.tsv",
                    line: number,
                    message: "expected KIND, NAME and 3 weights"
                )
            }
            var vector = SIMD4<Float>()
            for column in 0..<3 {
                guard let value = Float(String(decoding: fields[2 + column], as: UTF8.self)) else {
                    throw SentimentModelError(file: "targets.tsv", line: number, message: "malformed weight")
                }
                vector[column] = value
            }
            switch String(decoding: fields[0], as: UTF8.self) {
            case "bias":
                bias = vector
                sawBias = true
            case "x":
                guard let colon = fields[1].firstIndex(of: UInt8(ascii: ":")) else {
                    throw SentimentModelError(file: "targets.tsv", line: number, message: "expected REGION:KEY")
                }
                let region = fields[1][..<colon]
                let key = fields[1][(colon + 1)...]
                let regionHash = FeatureHash.of(region)
                if Self.pairRegions.contains(where: { $0.elementsEqual(region) }),
                    let space = key.firstIndex(of: UInt8(ascii: " "))
                {
                    let first = FeatureHash.of(key[..<space])
                    let second = FeatureHash.of(key[(space + 1)...])
                    weights[FeatureHash.pair(regionHash, first, second)] = vector
                } else {
                    weights[FeatureHash.feature(regionHash, FeatureHash.of(key))] = vector
                }
            default:
                throw SentimentModelError(file: "targets.tsv", line: number, message: "unknown kind")
            }
        }
        guard sawBias else { throw SentimentModelError(file: "targets.tsv", line: lines, message: "no bias line") }
        self.bias = bias
        self.weights = TargetWeights(weights)
    }

    /// The tone from summed class scores.
    ///
    /// - Parameter logits: The bias plus the weighted features, per class.
    /// - Returns: The probabilities (softmax).
    func tone(_ logits: SIMD4<Float>) -> TargetTone {
        let top = max(logits[0], logits[1], logits[2])
        let negative = Glibc.expf(logits[0] - top)
        let neutral = Glibc.expf(logits[1] - top)
        let positive = Glibc.expf(logits[2] - top)
        let sum = negative + neutral + positive
        return TargetTone(negative: negative / sum, neutral: neutral / sum, positive: positive / sum)
    }
}

/// The target layer's weights by feature hash: open addressing over the hashes themselves,
/// so a look-up costs a multiply and a probe or two, not a `Hasher` run (the `Dictionary`
/// it replaced took about a tenth of the sentiment step).
struct TargetWeights: Sendable {
    private let keys: [UInt64]
    private let values: [SIMD4<Float>]
    private let shift: UInt64

    /// Builds the table.
    ///
    /// - Parameter weights: The weights by hash (a hash of 0 is stored as 1).
    init(_ weights: [UInt64: SIMD4<Float>]) {
        var bits = 4
        while (1 << bits) < weights.count * 2 { bits += 1 }
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var values = [SIMD4<Float>](repeating: .zero, count: 1 << bits)
        let shift = UInt64(64 - bits)
        for (hash, weight) in weights {
            let key = hash == 0 ? 1 : hash
            var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[index] != 0 { index = (index + 1) & (keys.count - 1) }
            keys[index] = key
            values[index] = weight
        }
        self.keys = keys
        self.values = values
        self.shift = shift
    }

    /// The weights of a feature hash, if the layer has them.
    ///
    /// - Parameter hash: The feature's hash.
    /// - Returns: Its weights per class, or `nil`.
    @inline(__always)
    subscript(hash: UInt64) -> SIMD4<Float>? {
        let key = hash == 0 ? 1 : hash
        return keys.withUnsafeBufferPointer { table -> SIMD4<Float>? in
            var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let slot = table[index]
                if slot == key { return values[index] }
                if slot == 0 { return nil }
                index = (index + 1) & (table.count - 1)
            }
        }
    }
}
