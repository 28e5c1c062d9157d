import Glibc
package import LectorText

/// Tells which language a stretch of text is written in.
///
/// The text's words (letters only, lowercased) are read once: each letter counts toward
/// its script, and the script most letters share picks the candidates (see ``Script``). A
/// script used by one language settles it; otherwise every n-gram of one to five letters
/// inside each word of that script is looked up in the ``NGramModel``, and each candidate
/// adds its log-probability of the n-gram, or its floor when it lacks it. On short text a
/// word layer adds how frequent each whole word is in each language's word list (see
/// ``addWordScores(_:words:script:model:)``). Confidences are a softmax of the scores.
package struct LanguageDetector: Sendable {
    /// The fewest letters of a script shared by several languages worth guessing from.
    static let minimumLetters = 3

    package let model: NGramModel
    /// The word layer's table, or `nil` for n-grams alone.
    let wordModel: WordModel?
    /// Whether each model language (by index) may be reported.
    let allowed: [Bool]
    /// A constant added to each language's score (by model index), tuned on DEV data so
    /// that confusable languages (ms/id, bs/hr, nb/nn) are balanced; zeros when untuned.
    let priors: [Double]
    private let scriptCandidates: [[Int]]

    /// Creates a detector over a model.
    ///
    /// - Parameters:
    ///   - model: The shared model.
    ///   - words: The word layer's table, or `nil` for n-grams alone.
    ///   - languages: The codes that may be reported, or `nil` for all.
    ///   - priors: Score offsets by code (missing codes: 0).
    package init(
        model: NGramModel,
        words: WordModel? = nil,
        languages: Set<String>? = nil,
        priors: [String: Double] = [:]
    ) {
        self.model = model
        wordModel = words
        self.priors = model.codes.map { priors[$0] ?? 0 }
        let allowed = model.codes.map { languages?.contains($0) ?? true }
        self.allowed = allowed
        scriptCandidates = Script.allCases.map { script in
            model.codes.indices.filter { index in
                let code = model.codes[index]
                guard allowed[index] else { return false }
                if let members = script.languages { return members.contains(code) }
                return !Script.nonLatinLanguages.contains(code)
            }
        }
    }

    /// Detects the language of the given ranges of a text, taken together.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - ranges: Half-open scalar ranges to read.
    /// - Returns: The ranked candidates and the main script.
    func detect(_ text: ScalarText, in ranges: [Range<Int>]) -> Detection {
        let raw = rawScores(text, in: ranges)
        guard let script = raw.script else { return Detection(ranking: [], script: nil, letters: 0) }
        if raw.candidates.count == 1, let only = raw.candidates.first {
            let ranking = [LanguageScore(code: model.codes[only], confidence: 1)]
            return Detection(ranking: ranking, script: script, letters: raw.letters)
        }
        guard !raw.scores.isEmpty else { return Detection(ranking: [], script: script, letters: raw.letters) }
        var scores = raw.scores
        for index in raw.candidates { scores[index] += priors[index] }
        return Detection(ranking: rank(scores, candidates: raw.candidates), script: script, letters: raw.letters)
    }

    /// The figures a detection is made from.
    package struct RawScores {
        /// The main script, if there are letters.
        package var script: Script?
        /// Letters of the main script.
        package var letters: Int
        /// The model indices of the candidate languages.
        package var candidates: [Int]
        /// Scores by model index, without priors (`-infinity` for non-candidates); empty
        /// when no n-gram scoring was needed or possible.
        package var scores: [Double]
    }

    /// Reads the words of the ranges, picks the candidates by script and scores them when
    /// more than one is left.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - ranges: Half-open scalar ranges to read.
    /// - Returns: The raw figures.
    package func rawScores(_ text: ScalarText, in ranges: [Range<Int>]) -> RawScores {
        var words = WordLetters()
        for range in ranges {
            for token in Tokenizer.tokenize(text, in: range) where token.kind == .word {
                words.add(text.scalars[token.start..<token.end])
            }
        }
        guard let script = words.mainScript else {
            return RawScores(script: nil, letters: 0, candidates: [], scores: [])
        }
        let letters = words.scriptCounts[script.rawValue]
        let candidates = scriptCandidates[script.rawValue]
        guard candidates.count > 1, letters >= Self.minimumLetters else {
            return RawScores(script: script, letters: letters, candidates: candidates, scores: [])
        }
        // Short text gets the absence penalty and the word layer; longer text is left to
        // the n-gram log-probabilities, on which they change little, at no extra cost.
        let short = words.count(of: script) <= Self.wordLayerMaximumWords
        var scores = score(words, script: script, candidates: candidates, penalty: short ? Self.absencePenalty : 0)
        if short, let wordModel { addWordScores(&scores, words: words, script: script, model: wordModel) }
        return RawScores(script: script, letters: letters, candidates: candidates, scores: scores)
    }

    /// Sums each candidate's n-gram log-probabilities over the words of `script`, less
    /// `penalty` for each n-gram of two letters or more that another candidate has and it
    /// lacks (the tables keep only each language's most frequent n-grams, so a lacking one
    /// is rare there, and the back-off alone scores it too kindly).
    ///
    /// At each letter, the n-grams of one to five letters starting there are looked up in
    /// turn; a language that lacks one scores it as the longest shorter one it has (its
    /// prefix), or its unigram floor when it has none.
    ///
    /// Only languages that have one of the n-grams at a letter cost anything there: every
    /// candidate starts at its floor for all the n-grams (added once, at the end), and a
    /// language found at length k raises its score for that length and every longer one
    /// that backs off to it.
    private func score(_ words: WordLetters, script: Script, candidates: [Int], penalty: Double) -> [Double] {
        let order = NGramModel.maximumOrder
        let languageCount = model.languageCount
        var sums = [Double](repeating: 0, count: languageCount)
        let base = (0..<languageCount).map { model.floors[$0 * order] }
        var current = base
        var candidate = [Bool](repeating: false, count: languageCount)
        for index in candidates { candidate[index] = true }
        // A language is listed at most once per length at each letter.
        var touched = [Int](repeating: 0, count: languageCount * order)
        // For the absence penalty: how many n-grams of two letters or more each candidate
        // has (of those some candidate has).
        var hits = [Int](repeating: 0, count: languageCount)
        var counts = (ngrams: 0, shared: 0)
        model.withTables { tables in
            model.floors.withUnsafeBufferPointer { floors in
                base.withUnsafeBufferPointer { base in
                    candidate.withUnsafeBufferPointer { candidate in
                        sums.withUnsafeMutableBufferPointer { sums in
                            current.withUnsafeMutableBufferPointer { current in
                                touched.withUnsafeMutableBufferPointer { touched in
                                    hits.withUnsafeMutableBufferPointer { hits in
                                        let state = ScoringState(
                                            tables: tables,
                                            step: model.step,
                                            floors: floors,
                                            base: base,
                                            candidate: candidate,
                                            sums: sums,
                                            current: current,
                                            touched: touched,
                                            hits: penalty > 0 ? hits : nil
                                        )
                                        counts = state.add(words, script: script)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var scores = [Double](repeating: -.infinity, count: languageCount)
        for index in candidates {
            let absent = penalty * Double(counts.shared - hits[index])
            scores[index] = (sums[index] + Double(counts.ngrams) * model.floors[index * order] - absent) / Double(order)
        }
        return scores
    }

    /// The buffers of one ``score(_:script:candidates:penalty:)`` call, seen through
    /// pointers.
    private struct ScoringState {
        let tables: NGramModel.Tables
        let step: Double
        let floors: UnsafeBufferPointer<Double>
        /// Each language's unigram floor: its score before any n-gram at a letter.
        let base: UnsafeBufferPointer<Double>
        let candidate: UnsafeBufferPointer<Bool>
        let sums: UnsafeMutableBufferPointer<Double>
        let current: UnsafeMutableBufferPointer<Double>
        let touched: UnsafeMutableBufferPointer<Int>
        /// Per language, the n-grams of two letters or more it has; `nil` when no absence
        /// penalty is wanted.
        let hits: UnsafeMutableBufferPointer<Int>?

        /// Adds every n-gram of the words of `script` to ``sums``.
        ///
        /// - Returns: The number of n-grams looked up, and of those of two letters or more
        ///   that some candidate has (counted only with ``hits``).
        func add(_ words: WordLetters, script: Script) -> (ngrams: Int, shared: Int) {
            let order = NGramModel.maximumOrder
            var ngrams = 0
            var shared = 0
            var probes = (
                NGramModel.Probe(), NGramModel.Probe(), NGramModel.Probe(), NGramModel.Probe(), NGramModel.Probe()
            )
            words.letters.withUnsafeBufferPointer { letters in
                var start = 0
                for (end, wordScript) in zip(words.ends, words.scripts) {
                    defer { start = end }
                    guard wordScript == script else { continue }
                    for first in start..<end {
                        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                        let longest = min(order, end - first)
                        ngrams += longest
                        // Read the first slot of every length's lookup before using any.
                        withUnsafeMutableBytes(of: &probes) { raw in
                            let probe = raw.bindMemory(to: NGramModel.Probe.self)
                            for length in 0..<longest {
                                hash ^= UInt64(letters[first + length])
                                hash &*= 0x100_0000_01B3
                                probe[length] = tables.probe(hash)
                            }
                            var touchedCount = 0
                            for length in 0..<longest {
                                let found = tables.range(probe[length])
                                // No language has it, so none has a longer one: the longer
                                // n-grams back off to the scores reached so far.
                                if found.isEmpty, length >= 2 { break }
                                let reach = Double(longest - length)
                                let counting = length >= 1 ? hits : nil
                                var sharedHere = false
                                for index in found {
                                    let entry = tables.entries[index]
                                    let language = Int(entry >> 8)
                                    guard candidate[language] else { continue }
                                    if let counting {
                                        sharedHere = true
                                        counting[language] += 1
                                    }
                                    let value = floors[language * order + length] + Double(entry & 0xFF) * step
                                    if current[language] == base[language] {
                                        touched[touchedCount] = language
                                        touchedCount += 1
                                    }
                                    sums[language] += (value - current[language]) * reach
                                    current[language] = value
                                }
                                if sharedHere { shared += 1 }
                            }
                            for index in 0..<touchedCount { current[touched[index]] = base[touched[index]] }
                        }
                    }
                }
            }
            return (ngrams, shared)
        }
    }

    /// Turns scores into confidences that add up to 1, best first (ties by code).
    private func rank(_ scores: [Double], candidates: [Int]) -> [LanguageScore] {
        let top = candidates.map { scores[$0] }.max() ?? 0
        var weights = candidates.map { (index: $0, weight: exp(scores[$0] - top)) }
        let total = weights.reduce(0) { $0 + $1.weight }
        weights.sort { $0.weight != $1.weight ? $0.weight > $1.weight : model.codes[$0.index] < model.codes[$1.index] }
        return weights.map { LanguageScore(code: model.codes[$0.index], confidence: $0.weight / total) }
    }
}
