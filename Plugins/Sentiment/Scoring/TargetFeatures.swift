import LectorText

/// The features of the tone toward a span of a sentence (a target, such as a person's
/// name): which tokens stand where around it, and the lexicon's valences and tones by side
/// and distance.
///
/// Each token of the sentence outside the target counts once under its side and distance
/// band (`Ln`, `Lm`, `Lf` before the target, `Rn`, `Rm`, `Rf` after it: the 4 nearest
/// tokens, the next 6, the rest) and once under `S` (anywhere in the sentence). Each pair
/// of neighbouring tokens on one side, read outward from the target, counts under `LB` or
/// `RB`: `accused of` after a name, `by criticised` before one. A word's valence (VADER's
/// scale) and its tone (×4) add up by side and band (`Lval`, `Rtone`…), under `all…`,
/// and apart for positive and negative magnitudes (`Lval+n`, `Rtone-f`…). `x:start`
/// marks a target that opens its sentence, `x:pronoun` one that is a pronoun. A word's key
/// is its lowercase form, a number's `0`, a punctuation mark's or symbol's its text.
///
/// `Tools/sentiment/train_targets.py` learns the weights of these features (the
/// ``TargetLayer``) from the features `lector eval sentiment --dump-target-features`
/// writes, so training sees exactly what the processor computes.
enum TargetFeatures {
    /// Personal pronouns a caller may name as a target.
    static let pronouns: Set<String> = [
        "he", "she", "him", "her", "his", "hers", "they", "them", "their", "i", "me", "we", "us",
    ]

    /// Sends the features of the tone toward `target` in `sentence` to `sink`.
    ///
    /// - Parameters:
    ///   - target: The target's scalar offsets (inside the sentence).
    ///   - sentence: The analysed sentence holding it.
    ///   - tokens: The text's tokens (``SentenceAnalysis/tokens`` indexes them).
    ///   - text: The text.
    ///   - sink: Where the features go.
    static func extract(
        target: Range<Int>,
        sentence: SentenceAnalysis,
        tokens: [Token],
        text: ScalarText,
        into sink: inout some TargetFeatureSink
    ) {
        var before: [FeatureKey] = []
        var beforeEntries: [SentimentLexicon.Entry] = []
        var after: [FeatureKey] = []
        var afterEntries: [SentimentLexicon.Entry] = []
        var wordIndex = 0
        var opens = true
        for index in sentence.tokens {
            let token = tokens[index]
            var entry = SentimentLexicon.Entry()
            let key: String
            switch token.kind {
            case .word:
                while wordIndex < sentence.words.count, sentence.words[wordIndex].start < token.start { wordIndex += 1 }
                if wordIndex < sentence.words.count, sentence.words[wordIndex].start == token.start {
                    key = sentence.words[wordIndex].key
                    entry = sentence.words[wordIndex].entry
                } else {
                    key = text.slice(token.range).lowercased()
                }
            case .number: key = "0"
            case .punctuation, .symbol: key = text.slice(token.range)
            }
            if token.end <= target.lowerBound {
                before.append(FeatureKey(key))
                beforeEntries.append(entry)
                opens = false
            } else if token.start >= target.upperBound {
                after.append(FeatureKey(key))
                afterEntries.append(entry)
            }
        }
        before.reverse()
        beforeEntries.reverse()
        side(.before, before, beforeEntries, into: &sink)
        side(.after, after, afterEntries, into: &sink)
        if opens { sink.add(FeatureRegion.extra, FeatureKey.start, 1) }
        if pronouns.contains(text.slice(target).lowercased()) { sink.add(FeatureRegion.extra, FeatureKey.pronoun, 1) }
    }

    /// The band of distance from the target (0: the 4 nearest tokens, 1: the next 6, 2: the rest).
    private static func band(_ distance: Int) -> Int {
        distance < 4 ? 0 : distance < 10 ? 1 : 2
    }

    private static func side(
        _ regions: SideRegions,
        _ keys: [FeatureKey],
        _ entries: [SentimentLexicon.Entry],
        into sink: inout some TargetFeatureSink
    ) {
        for (distance, key) in keys.enumerated() {
            let band = band(distance)
            sink.add(regions.bands[band], key, 1)
            sink.add(FeatureRegion.anywhere, key, 1)
            lexical(regions.valence, entries[distance].valence, band: band, into: &sink)
            lexical(regions.tone, entries[distance].tone * 4, band: band, into: &sink)
        }
        for distance in keys.indices.dropLast() {
            sink.add(regions.pairs, keys[distance], keys[distance + 1], 1)
        }
    }

    private static func lexical(
        _ regions: SideRegions.Lexical,
        _ value: Float,
        band: Int,
        into sink: inout some TargetFeatureSink
    ) {
        guard value != 0 else { return }
        sink.add(regions.sum, SideRegions.bandKeys[band], value)
        sink.add(FeatureRegion.all, regions.key, value)
        sink.add(value > 0 ? regions.positive : regions.negative, SideRegions.bandKeys[band], abs(value))
    }
}
