import Glibc

/// The target layer: a three-class logistic regression over ``TargetFeatures``.
///
/// Loaded from `Models/sentiment/targets.tsv` (see `Models/sentiment/README.md`), trained by
/// `Tools/sentiment/train_targets.py` on NewsMTSC (MIT). Lines: `bias<TAB>-<TAB>N<TAB>U<TAB>P`
/// and `x<TAB>FEATURE<TAB>N<TAB>U<TAB>P`, one weight per class (negative, neutral, positive).
/// Features are kept by a 64-bit FNV-1a hash of `region`, 0x1F and `key`, so scoring builds
/// no strings.
package struct TargetLayer: Sendable {
    let bias: SIMD4<Float>
    let weights: [UInt64: SIMD4<Float>]

    /// Parses `targets.tsv`.
    ///
    /// - Parameter bytes: The file's UTF-8 bytes.
    /// - Throws: ``SentimentModelError`` naming the first malformed line.
    package init(parsing bytes: [UInt8]) throws(SentimentModelError) {
        var bias = SIMD4<Float>()
        var weights: [UInt64: SIMD4<Float>] = [:]
        weights.reserveCapacity(65_536)
        var number = 0
        var sawBias = false
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard !line.isEmpty, line.first != UInt8(ascii: "#") else { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
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
                var hash = FeatureHash()
                hash.add(fields[1][..<colon])
                hash.separate(0x1F)
                hash.add(fields[1][(colon + 1)...])
                weights[hash.value] = vector
            default:
                throw SentimentModelError(file: "targets.tsv", line: number, message: "unknown kind")
            }
        }
        guard sawBias else { throw SentimentModelError(file: "targets.tsv", line: number, message: "no bias line") }
        self.bias = bias
        self.weights = weights
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
