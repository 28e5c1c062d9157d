/// The sentence splitter's walk over the tokens of one text.
///
/// At each token that may end a sentence it looks at what follows; at each line break it
/// checks for a paragraph break or a heading.
struct SentenceScanner {
    /// The text's scalars.
    let scalars: [Unicode.Scalar]
    /// The text's tokens.
    let tokens: [Token]
    /// The paragraph width already measured: the paragraph's first token and its longest
    /// line, in scalars.
    var paragraphWidthCache: (firstToken: Int, width: Int)?

    /// Creates a scanner.
    ///
    /// - Parameters:
    ///   - scalars: The text's scalars.
    ///   - tokens: The text's tokens; at least one.
    init(scalars: [Unicode.Scalar], tokens: [Token]) {
        self.scalars = scalars
        self.tokens = tokens
    }

    /// Walks the tokens and returns the sentences.
    mutating func sentences() -> [Sentence] {
        var sentences: [Sentence] = []
        var sentenceStart = tokens[0].start
        var lineFirstToken = 0
        var paragraphFirstToken = 0
        var index = 0
        while index < tokens.count {
            var last = index
            var ends = false
            if isEnderCandidate(index) {
                var closersEnd = tokens[index].end
                var next = index + 1
                while next < tokens.count, isCloserToken(next), isAttachedCloser(next, after: closersEnd) {
                    closersEnd = tokens[next].end
                    next += 1
                }
                if endsSentence(ender: index, closersEnd: closersEnd, next: next, lineFirstToken: lineFirstToken) {
                    ends = true
                    last = next - 1
                }
            }
            guard last + 1 < tokens.count else { break }
            let breaks = lineBreaks(from: tokens[last].end, to: tokens[last + 1].start)
            if !ends, breaks >= 2 {
                ends = true
            } else if !ends, breaks == 1 {
                ends = isHeadingEnd(
                    lastOnLine: index,
                    lineFirstToken: lineFirstToken,
                    paragraphFirstToken: paragraphFirstToken
                )
            }
            if ends {
                sentences.append(Sentence(start: sentenceStart, end: tokens[last].end))
                sentenceStart = tokens[last + 1].start
            }
            if breaks >= 1 { lineFirstToken = last + 1 }
            if breaks >= 2 { paragraphFirstToken = last + 1 }
            index = last + 1
        }
        if let final = tokens.last, sentenceStart < final.end {
            sentences.append(Sentence(start: sentenceStart, end: final.end))
        }
        return sentences
    }

    /// How many line breaks are in the white space between two offsets: 0, 1, or 2 for a
    /// blank line or more (a paragraph break). A CRLF counts once; a paragraph separator
    /// (U+2029) or form feed counts as a paragraph break.
    func lineBreaks(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            switch scalars[index].value {
            case 0x0A, 0x0B, 0x85, 0x2028: count += 1
            case 0x0D: if index + 1 >= end || scalars[index + 1].value != 0x0A { count += 1 }
            case 0x0C, 0x2029: count += 2
            default: break
            }
            if count >= 2 { return 2 }
            index += 1
        }
        return count
    }

    /// Whether the token may end a sentence: a run of enders, a word ending in a period (an
    /// abbreviation or initial), or `;` right after a Greek word (the Greek question mark,
    /// which Unicode normalisation turns into a semicolon).
    func isEnderCandidate(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .punctuation:
            let value = scalars[token.start].value
            if value == 0x3B, index > 0, tokens[index - 1].end == token.start {
                return Self.isGreek(scalars[token.start - 1].value)
            }
            return SentenceEnders.isEnder(value)
        case .word: return token.end - token.start >= 2 && scalars[token.end - 1] == "."
        case .number, .symbol: return false
        }
    }

    /// Whether the closer at `index` belongs to the sentence ending at `offset`: it follows
    /// directly, or (`»` and `›`, as French spaces them) after one space on the same line.
    private func isAttachedCloser(_ index: Int, after offset: Int) -> Bool {
        let start = tokens[index].start
        if start == offset { return true }
        guard start == offset + 1, scalars[start] == "\u{BB}" || scalars[start] == "\u{203A}" else { return false }
        switch scalars[offset] {
        case " ", "\u{A0}", "\u{202F}": return true
        default: return false
        }
    }

    private static func isGreek(_ value: UInt32) -> Bool {
        (0x0370...0x03FF).contains(value) || (0x1F00...0x1FFF).contains(value)
    }

    /// Whether the token is a single closing quote or bracket.
    private func isCloserToken(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .punctuation && token.end - token.start == 1
            && SentenceEnders.isCloser(scalars[token.start])
    }

    /// The first token after `index` that is not an adjacent opening quote or bracket.
    func skippingOpeners(from index: Int) -> Int {
        var index = index
        while index + 1 < tokens.count {
            let token = tokens[index]
            guard token.kind == .punctuation, token.end - token.start == 1,
                SentenceEnders.isOpener(scalars[token.start]),
                tokens[index + 1].start == token.end
            else { break }
            index += 1
        }
        return index
    }
}
