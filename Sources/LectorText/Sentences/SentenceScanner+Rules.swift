extension SentenceScanner {
    /// Whether a sentence ends after the ender token at `ender` and any closers.
    ///
    /// - Parameters:
    ///   - ender: The index of a token for which ``isEnderCandidate(_:)`` holds.
    ///   - closersEnd: The offset after the closing quotes and brackets that follow it.
    ///   - next: The index of the first token after them.
    ///   - lineFirstToken: The index of the first token on the ender's line.
    /// - Returns: Whether the sentence ends at `closersEnd`.
    func endsSentence(ender: Int, closersEnd: Int, next: Int, lineFirstToken: Int) -> Bool {
        guard next < tokens.count else { return true }
        let token = tokens[ender]
        let hasSpace = tokens[next].start > closersEnd
        let following = tokens[skippingOpeners(from: next)]
        let first = scalars[following.start]

        if token.kind == .word {
            guard hasSpace else { return false }
            switch Abbreviations.behaviour(ofWordWithPeriod: scalars[token.start..<token.end]) {
            case .neverEnds: return false
            case .endsBeforeStarter, nil:
                return following.kind == .word && SentenceStarters.isStarter(scalars[following.start..<following.end])
            }
        }

        let run = scalars[token.start..<token.end]
        if run.contains(where: { SentenceEnders.isStrong($0.value) }) {
            // 「はい。」と言った: a quoted sentence inside another.
            let quoted = closersEnd > token.end && !hasSpace && Self.isHiragana(scalars[tokens[next].start])
            return !quoted
        }
        guard hasSpace else { return false }
        let isQuestionOrExclamation = run.contains { $0 != "." && $0 != "\u{2026}" }
        if !isQuestionOrExclamation, run.count >= 2 || run.contains("\u{2026}") {
            return first.isCapital  // an ellipsis
        }
        if first.isSmall || first == "," || first == ";" || first == ":" { return false }
        if isQuestionOrExclamation { return true }

        // `z. B.`, `z. T.`: a lowercase letter and a period, then a one-letter initial.
        if ender > 0, tokens[ender - 1].end == token.start, isSingleLetterWord(ender - 1, lowercase: true),
            following.kind == .word, following.end - following.start == 2, scalars[following.end - 1] == "."
        {
            return false
        }

        // A single period after a number: a list item or a German ordinal day.
        if ender > 0, tokens[ender - 1].kind == .number, tokens[ender - 1].end == token.start {
            let number = tokens[ender - 1]
            if ender - 1 == lineFirstToken, number.end - number.start <= 3 { return false }
            if following.kind == .word, SentenceStarters.isMonth(scalars[following.start..<following.end]) {
                return false
            }
        }
        return true
    }

    /// Whether the line that ends with token `lastOnLine` is a heading (or list item) that
    /// ends a sentence at its line break.
    ///
    /// - Parameters:
    ///   - lastOnLine: The index of the line's last token; a token follows it.
    ///   - lineFirstToken: The index of the line's first token.
    ///   - paragraphFirstToken: The index of the paragraph's first token.
    /// - Returns: Whether the sentence ends at the end of the line.
    mutating func isHeadingEnd(lastOnLine: Int, lineFirstToken: Int, paragraphFirstToken: Int) -> Bool {
        let last = tokens[lastOnLine]
        if isEnderCandidate(lastOnLine) { return false }
        if last.kind == .punctuation {
            let scalar = scalars[last.end - 1]
            if SentenceEnders.isOpener(scalar) && !SentenceEnders.isCloser(scalar) { return false }
            switch scalar {
            case ",", ";", "-", "\u{2013}", "\u{2014}", "/", "\u{060C}", "\u{3001}", "\u{FF0C}": return false
            default: break
            }
        }
        if last.kind == .symbol, scalars[last.start] == "&" { return false }
        let nextToken = tokens[lastOnLine + 1]
        if scalars[nextToken.start].isSmall { return false }
        if isListItem(lastOnLine + 1) { return true }
        let length = last.end - tokens[lineFirstToken].start
        if length < 40 { return true }
        return length * 4 < paragraphWidth(firstToken: paragraphFirstToken) * 3
    }

    /// Whether the token starts a list item: a bullet followed by a space, or a short
    /// number or single letter followed by `.` or `)` and a space.
    private func isListItem(_ index: Int) -> Bool {
        let token = tokens[index]
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        switch token.kind {
        case .punctuation, .symbol:
            guard token.end - token.start == 1, next.start > token.end else { return false }
            switch scalars[token.start] {
            case "-", "*", "+", "\u{2022}", "\u{2013}", "\u{2014}", "\u{00B7}", "\u{2023}", "\u{25E6}", "\u{25AA}":
                return true
            default: return false
            }
        case .number, .word:
            guard token.end - token.start <= 3, next.start == token.end, next.end - next.start == 1,
                index + 2 < tokens.count, tokens[index + 2].start > next.end
            else { return false }
            if token.kind == .word, token.end - token.start != 1 { return false }
            return scalars[next.start] == "." || scalars[next.start] == ")"
        }
    }

    /// The longest line of the paragraph starting at `firstToken`, in scalars, measured once
    /// per paragraph.
    private mutating func paragraphWidth(firstToken: Int) -> Int {
        if let cache = paragraphWidthCache, cache.firstToken == firstToken { return cache.width }
        var width = 0
        var lineStart = tokens[firstToken].start
        var index = firstToken
        while index < tokens.count {
            let breaks = index + 1 < tokens.count ? lineBreaks(from: tokens[index].end, to: tokens[index + 1].start) : 2
            if breaks >= 1 {
                width = max(width, tokens[index].end - lineStart)
                if breaks >= 2 { break }
                lineStart = tokens[index + 1].start
            }
            index += 1
        }
        paragraphWidthCache = (firstToken, width)
        return width
    }

    private func isSingleLetterWord(_ index: Int, lowercase: Bool) -> Bool {
        let token = tokens[index]
        return token.kind == .word && token.end - token.start == 1 && scalars[token.start].isSmall == lowercase
    }

    private static func isHiragana(_ scalar: Unicode.Scalar) -> Bool {
        (0x3040...0x309F).contains(scalar.value)
    }
}
