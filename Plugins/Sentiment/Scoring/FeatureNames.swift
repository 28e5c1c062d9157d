/// A feature region (`Rn`, `LB`, `Lval+`…) or key (a token's lowercase form, `n`,
/// `start`…) with the FNV-1a hash of its text, computed once however many features use it.
struct HashedName: Sendable {
    /// The text as the model file writes it (a region before `:`, a key after it).
    let text: String
    /// FNV-1a of the text.
    let hash: UInt64

    /// Creates a name.
    ///
    /// - Parameter text: The region or key.
    init(_ text: String) {
        self.text = text
        self.hash = FeatureHash.of(text.utf8)
    }
}

/// A feature's region.
typealias FeatureRegion = HashedName
/// A feature's key.
typealias FeatureKey = HashedName

extension HashedName {
    /// The region of any token of the sentence outside the target (`S`).
    static let anywhere = HashedName("S")
    /// The region of sums over both sides (`all:val`, `all:tone`).
    static let all = HashedName("all")
    /// The region of marks of the target itself (`x:start`, `x:pronoun`, `x:sentence`, `x:clause`).
    static let extra = HashedName("x")
    /// `x:start`: the target opens its sentence.
    static let start = HashedName("start")
    /// `x:pronoun`: the target is a pronoun.
    static let pronoun = HashedName("pronoun")
    /// `x:sentence`: the learned layer's score of the sentence.
    static let sentence = HashedName("sentence")
    /// `x:clause`: its score of the clauses attributed to the target.
    static let clause = HashedName("clause")
}

/// The regions of one side of the target.
struct SideRegions: Sendable {
    /// The regions of a lexicon's sums on one side: `Lval`, `Lval+`, `Lval-`.
    struct Lexical: Sendable {
        /// The lexicon's key under `all` (`val`, `tone`).
        let key: FeatureKey
        /// The signed sum by band.
        let sum: FeatureRegion
        /// The positive magnitudes by band.
        let positive: FeatureRegion
        /// The negative magnitudes by band.
        let negative: FeatureRegion

        init(side: String, name: String) {
            self.key = FeatureKey(name)
            sum = FeatureRegion(side + name)
            positive = FeatureRegion(side + name + "+")
            negative = FeatureRegion(side + name + "-")
        }
    }

    /// The keys of the bands under the lexical regions.
    static let bandKeys = ["n", "m", "f"].map(FeatureKey.init)

    /// The token regions by band (`Ln`, `Lm`, `Lf`).
    let bands: [FeatureRegion]
    /// Neighbouring pairs (`LB`).
    let pairs: FeatureRegion
    /// Valences.
    let valence: Lexical
    /// Tones.
    let tone: Lexical

    init(_ side: String) {
        bands = ["n", "m", "f"].map { FeatureRegion(side + $0) }
        pairs = FeatureRegion(side + "B")
        valence = Lexical(side: side, name: "val")
        tone = Lexical(side: side, name: "tone")
    }

    /// Before the target.
    static let before = SideRegions("L")
    /// After it.
    static let after = SideRegions("R")
}
