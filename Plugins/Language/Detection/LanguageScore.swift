/// A candidate language and how confident the detector is in it.
struct LanguageScore: Sendable, Equatable {
    /// The ISO 639-1 code.
    package var code: String
    /// The share of belief, 0…1; the confidences of all candidates add up to 1.
    package var confidence: Double

    /// Creates a score.
    ///
    /// - Parameters:
    ///   - code: The ISO 639-1 code.
    ///   - confidence: The confidence, 0…1.
    package init(code: String, confidence: Double) {
        self.code = code
        self.confidence = confidence
    }
}
