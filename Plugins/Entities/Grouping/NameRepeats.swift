import LectorText

/// The further mentions of names the tagger found: a person's surname elsewhere in the
/// article (`Scholz kündigte …` after `Olaf Scholz`), a one-word name repeated (`NATO`,
/// `Moskau`), and their case forms in German and Russian (``NameForms``: `Macrons`,
/// `Путина`). The tagger reads one sentence at a time; a reader takes the whole article.
///
/// A repeat is a capitalised word token outside every mention found so far, after the
/// name's first tagged mention, whose caseless form is a surname of a PERSON of two words or
/// more, or a one-word name of one type only (a word that names a person in one place and a
/// place in another is left alone). A word the text also writes in lowercase (`May`, `may`)
/// is never a repeat. A word whose written form is the caseless form of an organisation's or
/// a place's name also repeats it: `Газпром` after `Газпрома` (its own caseless form,
/// `газпр`, took `-ом` for an ending). A repeat gets the name's type and ``confidence``.
enum NameRepeats {
    /// The confidence of a repeat: below a tagged mention's usual 0.95 and above the
    /// default `min_confidence` 0.6.
    static let confidence = 0.9

    /// The repeats of `named` in the text.
    ///
    /// - Parameters:
    ///   - named: The named mentions the tagger found.
    ///   - others: The rule-based mentions (a repeat never overlaps one).
    ///   - tokens: The text's tokens.
    ///   - text: The text.
    ///   - language: The text's language.
    /// - Returns: The new mentions, in text order.
    static func mentions(
        of named: [EntityMention],
        besides others: [EntityMention],
        tokens: [Token],
        text: ScalarText,
        language: String?
    ) -> [EntityMention] {
        var types: [String: EntityType?] = [:]
        var firstSeen: [String: Int] = [:]
        // The first scalar of each name word as written (`S` of `Scholz`): a word that does
        // not start with one of them is no repeat, and costs no lowercasing.
        var capitals: Set<Unicode.Scalar> = []
        func note(_ word: String, _ type: EntityType, at offset: Int) {
            let key = NameForms.stem(word, language: language)
            guard key.count >= 3 else { return }
            if let known = types[key], known != type { types[key] = .some(nil) } else { types[key] = type }
            firstSeen[key] = min(firstSeen[key] ?? offset, offset)
        }
        let words = tokens.filter { $0.kind == .word }
        for mention in named where mention.type.isNamed {
            // The mention's words: a binary search for its first, then those inside it.
            var low = words.firstIndex(startingAtOrAfter: mention.start)
            var inside: [Token] = []
            while low < words.count, words[low].end <= mention.end {
                inside.append(words[low])
                low += 1
            }
            guard let last = inside.last else { continue }
            if inside.count == 1 || mention.type == .person {
                note(text.slice(last.range).lowercased(), mention.type, at: mention.start)
                capitals.insert(text.scalars[last.start])
            }
        }
        guard !types.isEmpty else { return [] }
        // Only words that could be a key are lowercased and looked up.
        let initials = Set(types.keys.compactMap(\.unicodeScalars.first))
        for token in words where token.range.count >= 3 && initials.contains(text.scalars[token.start]) {
            let written = text.slice(token.range)
            types[NameForms.stem(written, language: language)] = nil
            types[written] = nil  // a lowercase `газпром` blocks the written-form match too
        }
        let taken = (named + others).map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        var cursor = 0
        var found: [EntityMention] = []
        for token in words {
            while cursor < taken.count, taken[cursor].upperBound <= token.start { cursor += 1 }
            if cursor < taken.count, taken[cursor].lowerBound < token.end { continue }
            guard capitals.contains(text.scalars[token.start]), token.range.count >= 3 else { continue }
            let written = text.slice(token.range).lowercased()
            var key = NameForms.stem(written, language: language)
            if types[key] == nil, key != written, let type = types[written] ?? nil, type != .person { key = written }
            guard let type = types[key] ?? nil, let first = firstSeen[key], first < token.start else { continue }
            found.append(EntityMention(start: token.start, end: token.end, type: type, confidence: confidence))
        }
        return found
    }
}
