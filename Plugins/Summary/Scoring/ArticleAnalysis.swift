import LectorText

/// An article cut into sentences, each with its content terms, ready to be scored.
///
/// Built once per document from ``TextAnalysis`` (``ScalarText``, ``Tokenizer`` and
/// ``SentenceSplitter``, shared with the other steps that read the same text).
/// Words are lowercased; stop words (of the document's language, or of the language
/// whose list the text matches best, or — when no list fits — short words found in over
/// half of the sentences) are not terms. A term is a word's first ``termPrefix`` scalars,
/// a cheap stemmer that works in every alphabet (`election`, `elections` and `elected`
/// meet).
struct ArticleAnalysis {
    /// One sentence of the article.
    struct Item {
        /// Where the sentence starts (after any share bar) and ends, in scalars.
        var range: Range<Int>
        /// The index among all of the splitter's sentences.
        var index: Int
        /// Content term identifiers, with repeats, in order.
        var terms: [Int]
        /// Distinct content terms, sorted.
        var distinct: [Int]
        /// Word and number tokens.
        var words: Int
        /// Whether the sentence opens a paragraph.
        var opensParagraph: Bool
        /// Whether the sentence opens with a quotation mark.
        var opensWithQuote: Bool
        /// Whether the sentence is page furniture (never picked).
        var isFurniture: Bool
    }

    /// Words are cut to this many scalars to form terms.
    static let termPrefix = 6
    /// Word tokens looked at to guess the stop-word language.
    static let languageSample = 400

    /// The article's scalars.
    let text: ScalarText
    /// Every sentence the splitter found, in order.
    var items: [Item] = []
    /// How many distinct terms there are.
    var termCount = 0
    /// The title's distinct terms, sorted.
    var titleTerms: [Int] = []

    /// Analyses `document text`.
    ///
    /// - Parameters:
    ///   - analysis: The article body's tokens and sentences.
    ///   - title: The title, if known.
    ///   - language: The ISO 639-1 code a language step found, if any.
    ///   - stopWords: The stop-word lists.
    init(analysis: TextAnalysis, title: String?, language: String?, stopWords: StopWordLists) {
        self.text = analysis.text
        let scalars = self.text.scalars
        let tokens = analysis.tokens
        let sentences = Self.joiningBrokenLines(analysis.sentences, scalars)
        guard !sentences.isEmpty else { return }
        var isWord = [Bool](repeating: false, count: tokens.count)
        var masks = [UInt64](repeating: 0, count: tokens.count)
        var keys = [TermKey?](repeating: nil, count: tokens.count)
        for (index, token) in tokens.enumerated() where token.kind == .word || token.kind == .number {
            isWord[index] = true
            if token.kind == .word, let key = TermKey(scalars[token.range]) {
                masks[index] = stopWords.languages(of: key)
                keys[index] = key
            }
        }
        let stopMask = Self.stopMask(language: language, masks: masks, isWord: isWord, stopWords: stopWords)
        var ids: [TermKey: Int] = [:]
        ids.reserveCapacity(tokens.count)
        func termID(_ index: Int) -> Int? {
            guard
                let key = keys[index]?.prefix(Self.termPrefix)
                    ?? TermKey(scalars[tokens[index].range], limit: Self.termPrefix)
            else { return nil }
            if let id = ids[key] { return id }
            ids[key] = ids.count
            return ids.count - 1
        }
        // Most of the text in sentences that end in punctuation: then the others are headings,
        // captions and labels. (Thai, or a list of phrases, has little punctuation at all.)
        var punctuated = 0
        var total = 0
        for sentence in sentences {
            total += sentence.range.count
            if FurnitureDetector.endsLikeSentence(scalars, sentence.range) { punctuated += sentence.range.count }
        }
        let requiresPunctuation = punctuated * 2 >= total
        let lowerTitle = title.map {
            FurnitureDetector.lowercased(Array($0.unicodeScalars), 0..<$0.unicodeScalars.count)
        }
        var cursor = 0
        var previousEnd = 0
        items.reserveCapacity(sentences.count)
        for (index, sentence) in sentences.enumerated() {
            while cursor < tokens.count, tokens[cursor].end <= sentence.start { cursor += 1 }
            var terms: [Int] = []
            var wordCount = 0
            var scan = cursor
            while scan < tokens.count, tokens[scan].start < sentence.end {
                if isWord[scan] {
                    wordCount += 1
                    let token = tokens[scan]
                    if masks[scan] & stopMask == 0, Self.isContent(scalars[token.range], kind: token.kind),
                        let id = termID(scan)
                    {
                        terms.append(id)
                    }
                }
                scan += 1
            }
            cursor = scan
            let start = FurnitureDetector.start(
                of: scalars,
                range: sentence.range,
                words: wordCount,
                requiresPunctuation: requiresPunctuation,
                title: lowerTitle
            )
            let opens = index == 0 || Self.hasBlankLine(scalars, previousEnd..<sentence.start)
            previousEnd = sentence.end
            let first = scalars[start ?? sentence.start]
            items.append(
                Item(
                    range: (start ?? sentence.start)..<sentence.end,
                    index: index,
                    terms: terms,
                    distinct: Self.sortedDistinct(terms),
                    words: wordCount,
                    opensParagraph: opens,
                    opensWithQuote: "\"'“‘«„「『".unicodeScalars.contains(first),
                    isFurniture: start == nil
                )
            )
        }
        if stopMask == 0 { removeFrequentShortTerms(ids: ids) }
        termCount = ids.count
        if let title {
            let titleText = ScalarText(title)
            var found: Set<Int> = []
            let titleScalars = titleText.scalars
            for token in Tokenizer.tokenize(titleText) where token.kind == .word || token.kind == .number {
                let stop = TermKey(titleScalars[token.range]).map { stopWords.languages(of: $0) } ?? 0
                if stop & stopMask == 0, let key = TermKey(titleScalars[token.range], limit: Self.termPrefix),
                    let id = ids[key]
                {
                    found.insert(id)
                }
            }
            titleTerms = found.sorted()
        }
    }

    /// Whether a lowercase word can be a term: a number, an ideograph, or two letters or more.
    private static func isContent(_ scalars: ArraySlice<Unicode.Scalar>, kind: Token.Kind) -> Bool {
        if kind == .number { return true }
        guard let first = scalars.first else { return false }
        return scalars.count >= 2 || first.value >= 0x2E80
    }

    /// The stop-word languages to use: the document's language when there is a list for it,
    /// else the list matching the most of the first words (at least one word in ten), else
    /// none (zero).
    private static func stopMask(
        language: String?,
        masks: [UInt64],
        isWord: [Bool],
        stopWords: StopWordLists
    )
        -> UInt64
    {
        if let language { return stopWords.mask(for: language) ?? 0 }
        var hits = [Int](repeating: 0, count: 64)
        var sampled = 0
        for (mask, word) in zip(masks, isWord) where word {
            sampled += 1
            if sampled > languageSample { break }
            var bits = mask
            while bits != 0 {
                hits[bits.trailingZeroBitCount] += 1
                bits &= bits - 1
            }
        }
        guard let best = hits.indices.max(by: { hits[$0] < hits[$1] }), hits[best] * 10 >= sampled, hits[best] > 0
        else { return 0 }
        return UInt64(1) << UInt64(best)
    }

    /// With no stop-word list: drops terms of at most three scalars found in more than half
    /// of the sentences (articles, particles), when there are four sentences or more.
    private mutating func removeFrequentShortTerms(ids: [TermKey: Int]) {
        guard items.count >= 4 else { return }
        var frequency = [Int](repeating: 0, count: ids.count)
        for item in items { for term in item.distinct { frequency[term] += 1 } }
        var dropped = [Bool](repeating: false, count: ids.count)
        for (key, id) in ids where key.count <= 3 && frequency[id] * 2 > items.count {
            dropped[id] = true
        }
        guard dropped.contains(true) else { return }
        for index in items.indices {
            items[index].terms.removeAll { dropped[$0] }
            items[index].distinct.removeAll { dropped[$0] }
        }
    }

    /// The sentences with those broken across a line break put back together: a sentence
    /// that ends in a letter, digit, `,` or `;` and is followed by one that starts in
    /// lowercase continues into it (feeds that wrap text at odd places, or cut a sentence
    /// around a photo).
    static func joiningBrokenLines(_ sentences: [Sentence], _ scalars: [Unicode.Scalar]) -> [Sentence] {
        var joined: [Sentence] = []
        joined.reserveCapacity(sentences.count)
        for sentence in sentences {
            if let last = joined.last, scalars[sentence.start].isSmall {
                let end = scalars[last.end - 1]
                if end == "," || end == ";" || end.properties.isAlphabetic || end.properties.numericType != nil {
                    joined[joined.count - 1].end = sentence.end
                    continue
                }
            }
            joined.append(sentence)
        }
        return joined
    }

    /// Whether the gap between two sentences holds a blank line.
    private static func hasBlankLine(_ scalars: [Unicode.Scalar], _ gap: Range<Int>) -> Bool {
        var breaks = 0
        for scalar in scalars[gap] where scalar == "\n" || scalar == "\u{2029}" {
            breaks += scalar == "\n" ? 1 : 2
            if breaks >= 2 { return true }
        }
        return false
    }

    /// The distinct values, sorted (what `Array(Set(values)).sorted()` gives, without
    /// hashing).
    static func sortedDistinct(_ values: [Int]) -> [Int] {
        var sorted = values.sorted()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[kept - 1] != sorted[index] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}
