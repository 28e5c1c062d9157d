extension LanguageDetector {
    /// Texts with more words of their main script than this are left to the n-gram
    /// log-probabilities: on longer text the word layer and the absence penalty no longer
    /// help, and skipping them keeps the cost of long documents what it was.
    static let wordLayerMaximumWords = 12

    /// The weight of the mean word score against the n-gram score (tuned on the
    /// even-numbered DEV lines; see `Tools/language/README.md`).
    static let wordWeight = 1.3

    /// What a candidate loses, on short text, for each n-gram of two letters or more that
    /// another candidate has and it lacks (tuned like ``wordWeight``; see
    /// `score(_:script:candidates:penalty:)`).
    static let absencePenalty = 5.0

    /// The share of a word's best score among the candidates that a language with no word
    /// list gains for it (so that a word known to some list does not count against the
    /// languages that cannot know it; tuned like ``wordWeight``).
    static let unlistedShare = 0.5

    /// Adds the word layer to n-gram scores: each candidate gains `wordWeight` times the
    /// mean, over the words of `script`, of the word's score in its word list
    /// (ln(frequency / cutoff); 0 for a word it lacks). A language with no list scores a
    /// word `unlistedShare` times the best score any candidate has for it.
    ///
    /// - Parameters:
    ///   - scores: Scores by model index (`-infinity` for non-candidates), updated.
    ///   - words: The text's words.
    ///   - script: The main script.
    ///   - model: The word table.
    func addWordScores(_ scores: inout [Double], words: WordLetters, script: Script, model: WordModel) {
        let count = words.count(of: script)
        guard count > 0, count <= Self.wordLayerMaximumWords else { return }
        let weight = Self.wordWeight * model.step / Double(count)
        var bestTotal = 0
        var start = 0
        for (end, wordScript) in zip(words.ends, words.scripts) {
            defer { start = end }
            guard wordScript == script else { continue }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for index in start..<end {
                hash ^= UInt64(words.letters[index])
                hash &*= 0x100_0000_01B3
            }
            var best: UInt16 = 0
            for entry in model.table.entries(hash) {
                let language = model.modelIndex[Int(entry >> 8)]
                guard language >= 0, scores[language] > -.infinity else { continue }
                scores[language] += weight * Double(entry & 0xFF)
                best = max(best, entry & 0xFF)
            }
            bestTotal += Int(best)
        }
        guard bestTotal > 0 else { return }
        let unlisted = weight * Self.unlistedShare * Double(bestTotal)
        for language in scores.indices where !model.listed[language] && scores[language] > -.infinity {
            scores[language] += unlisted
        }
    }
}
