/// Buffers the tagger fills for each sentence, kept between the sentences of a document so
/// that tagging one allocates nothing once they have grown.
///
/// Owned by one caller at a time (a local variable in ``NamedEntityRecognizer``), never
/// shared.
struct TaggerScratch {
    /// The extractor's ``FeatureExtractor/templateCount`` feature buckets per token.
    var buckets: [Int32] = []
    /// The gazetteer flag of each token.
    var places: [UInt8] = []
    /// `tagCount` scores per token.
    var emissions: [Float] = []
    /// Best path scores up to each token and tag.
    var forward: [Float] = []
    /// The previous tag on the best path to each token and tag.
    var from: [Int] = []
    /// Best path scores from each token and tag to the end.
    var backward: [Float] = []
    /// The best tag of each token: the result.
    var tags: [Int] = []
    /// Each token's margin, when asked for: the result.
    var margins: [Float] = []

    /// Creates empty buffers.
    init() {}
}
