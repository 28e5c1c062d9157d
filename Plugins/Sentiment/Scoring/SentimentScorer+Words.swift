import LectorText

extension SentimentScorer {
    /// The sentence's words and emoticons, looked up in the lexicon.
    ///
    /// A run of punctuation and symbols with no space inside (`:-)`, `<3`) is looked up as
    /// one emoticon; `,` `;` `:` otherwise end the scope of a negation.
    func scoredWords(_ tokens: ArraySlice<Token>, text: ScalarText) -> [ScoredWord] {
        var words: [ScoredWord] = []
        words.reserveCapacity(tokens.count)
        let scalars = text.scalars
        var pendingBreak = false
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = tokens[index]
            if token.kind == .word {
                let (key, capitals) = Self.lowercased(scalars[token.range])
                words.append(
                    ScoredWord(
                        start: token.start,
                        end: token.end,
                        key: key,
                        entry: lexicon[key] ?? unlisted(key, scalars[token.range]),
                        isCapitals: capitals,
                        isLetters: true,
                        followsBreak: pendingBreak
                    )
                )
                pendingBreak = false
                index += 1
                continue
            }
            var last = index
            while last + 1 < tokens.endIndex, tokens[last + 1].kind != .word, tokens[last + 1].kind != .number,
                tokens[last + 1].start == tokens[last].end
            {
                last += 1
            }
            var span = token.start..<tokens[last].end
            // `:D`, `:P`, `xD`: punctuation glued to one or two letters is an emoticon when
            // the lexicon says so.
            if last + 1 < tokens.endIndex, tokens[last + 1].kind == .word, tokens[last + 1].start == span.upperBound,
                tokens[last + 1].range.count <= 2,
                let entry = lexicon[Self.lowercased(scalars[span.lowerBound..<tokens[last + 1].end]).0],
                entry.valence != 0
            {
                span = span.lowerBound..<tokens[last + 1].end
                last += 1
            }
            if span.count > 1 || token.kind == .symbol {
                let key = Self.lowercased(scalars[span]).0
                if let entry = lexicon[key], entry.valence != 0 {
                    words.append(
                        ScoredWord(
                            start: span.lowerBound,
                            end: span.upperBound,
                            key: key,
                            entry: entry,
                            isCapitals: false,
                            isLetters: false,
                            followsBreak: pendingBreak
                        )
                    )
                }
            }
            // The punctuation of the run breaks (`100;` too), unless it sits between two
            // numbers (`3:1`). A number run is looked up above as an emoticon (`8)`, `3:)`).
            let betweenNumbers =
                token.kind == .number && last + 1 < tokens.endIndex && tokens[last + 1].kind == .number
                && tokens[last + 1].start == span.upperBound
            if token.kind == .punctuation || (token.kind == .number && !betweenNumbers) {
                for offset in span where Self.isBreak(scalars[offset]) { pendingBreak = true }
                if span.contains(where: { scalars[$0] == ";" }) { words.append(Self.clauseBreak(at: span)) }
            }
            index = last + 1
        }
        return words
    }

    /// The entry of a word the lexicon lacks: a hyphenated word's strongest part
    /// (`good-natured`), or the word after an elided article or preposition (`l'inflation`,
    /// `dell'economia`, `d'emplois`: up to five letters before the apostrophe); an empty
    /// entry otherwise.
    private func unlisted(_ key: String, _ scalars: ArraySlice<Unicode.Scalar>) -> SentimentLexicon.Entry {
        if scalars.contains("-") { return compound(key) }
        guard scalars.contains(where: { $0 == "'" || $0 == "\u{2019}" }), let apostrophe = key.lastIndex(of: "'"),
            key.distance(from: key.startIndex, to: apostrophe) <= Self.longestElision
        else { return .init() }
        // `n'aime pas`: the negator comes after the word, out of the negation's reach; the
        // word stays unread, as before elisions were read.
        if key[..<apostrophe] == "n" { return .init() }
        return lexicon[String(key[key.index(after: apostrophe)...])] ?? .init()
    }

    /// The longest elided word before an apostrophe (`quell'`, `dell'`).
    private static let longestElision = 5

    /// For a hyphenated word the lexicon lacks (`good-natured`), the valence of its
    /// strongest part; an empty entry otherwise. Called only for words with a hyphen.
    private func compound(_ key: String) -> SentimentLexicon.Entry {
        guard key.utf8.count > 2 else { return .init() }
        var best = SentimentLexicon.Entry()
        for part in key.split(separator: "-") {
            guard let entry = lexicon[String(part)], abs(entry.valence) > abs(best.valence) else { continue }
            best.valence = entry.valence
        }
        return best
    }

    /// Whether punctuation ends a negation's scope: `,` `;` `:` and dashes.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", ":", "\u{2014}", "\u{2013}": true
        default: false
        }
    }

    /// The lowercase form of a word (`’` read as `'`) and whether it is in capitals.
    static func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> (String, Bool) {
        if let ascii = asciiLowercased(scalars) { return ascii }
        return unicodeLowercased(scalars)
    }

    /// The fast path for ASCII words: one small string built from bytes.
    private static func asciiLowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> (String, Bool)? {
        var upper = 0
        var lower = 0
        for scalar in scalars {
            switch scalar.value {
            case 0x41...0x5A: upper += 1
            case 0x61...0x7A: lower += 1
            case 0..<0x80: break
            default: return nil
            }
        }
        let key = String(unsafeUninitializedCapacity: scalars.count) { buffer in
            var count = 0
            for scalar in scalars {
                let value = UInt8(truncatingIfNeeded: scalar.value)
                buffer[count] = (0x41...0x5A).contains(value) ? value + 0x20 : value
                count += 1
            }
            return count
        }
        return (key, upper >= 2 && lower == 0)
    }

    private static func unicodeLowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> (String, Bool) {
        var view = String.UnicodeScalarView()
        var upper = 0
        var lower = 0
        var ascii = true
        for scalar in scalars {
            switch scalar.value {
            case 0x41...0x5A:
                upper += 1
                view.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            case 0x61...0x7A:
                lower += 1
                view.append(scalar)
            case 0x2019:
                view.append("'")
            default:
                if scalar.value >= 0x80 { ascii = false }
                view.append(scalar)
            }
        }
        let key = ascii ? String(view) : String(view).lowercased()
        return (key, upper >= 2 && lower == 0)
    }

    /// A marker for `;`, which starts a new clause (and carries no sentiment).
    private static func clauseBreak(at span: Range<Int>) -> ScoredWord {
        var entry = SentimentLexicon.Entry()
        entry.contrastWeight = 1
        return ScoredWord(
            start: span.lowerBound,
            end: span.upperBound,
            key: ";",
            entry: entry,
            isCapitals: false,
            isLetters: false,
            followsBreak: true
        )
    }
}
