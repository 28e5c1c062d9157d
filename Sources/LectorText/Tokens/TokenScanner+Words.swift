extension TokenScanner {
    /// A word starting at `start`: a URL or e-mail address if it is the start of one, else
    /// letters, marks and digits with their inner connectors and any abbreviation period.
    ///
    /// - Parameter start: The offset of a letter, mark or digit.
    /// - Returns: The token.
    func word(at start: Int) -> Token {
        var index = start
        while let current = classAt(index) {
            if current == .letter || current == .mark || current == .digit {
                index += 1
                continue
            }
            guard index > start, let value = valueAt(index), let next = classAt(index + 1) else { break }
            let joinsLetters = next == .letter || next == .mark
            let joinsDigits = next == .digit
            if current == .joiner, joinsLetters || joinsDigits {
                index += 1
            } else if Self.isApostrophe(value), joinsLetters {
                index += 1
            } else if Self.isInnerConnector(value), joinsLetters || joinsDigits {
                index += 1
            } else {
                break
            }
        }
        if let link = link(from: start, wordEnd: index) {
            return Token(start: start, end: link, kind: .symbol)
        }
        if valueAt(index) == 0x2E {
            if let dotted = dottedAbbreviation(from: start) {
                return Token(start: start, end: dotted, kind: .word)
            }
            if valueAt(index + 1) != 0x2E, isInitialOrAbbreviation(start..<index) {
                return Token(start: start, end: index + 1, kind: .word)
            }
        }
        return Token(start: start, end: index, kind: .word)
    }

    /// `'`, `’` and `ʼ`.
    static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019 || value == 0x02BC
    }

    /// Hyphens, underscore and middle dot, which join letters or digits inside a word.
    private static func isInnerConnector(_ value: UInt32) -> Bool {
        value == 0x2D || value == 0x2010 || value == 0x2011 || value == 0x5F || value == 0x00B7
    }

    /// The end of a dotted abbreviation such as `U.S.`, `e.g.`, `Ph.D.` or `U.S.A` starting
    /// at `start`, or `nil`.
    ///
    /// Two or more groups of one to three letters, each followed by a period; the last
    /// period may be missing only when every group is a single letter (`U.S.A`, `e.g`), so
    /// that `end.The` and `bbc.co.uk` are not taken for abbreviations.
    private func dottedAbbreviation(from start: Int) -> Int? {
        var index = start
        var periods = 0
        var allSingle = true
        var end: Int?
        while true {
            let groupStart = index
            while let current = classAt(index), current == .letter || (current == .mark && index > groupStart) {
                index += 1
            }
            let length = index - groupStart
            guard (1...3).contains(length) else { break }
            if length > 1 { allSingle = false }
            guard valueAt(index) == 0x2E else {
                // A final group without its period counts only in `U.S.A` and `e.g`.
                if periods >= 1, allSingle, classAt(index) != .digit { return index }
                break
            }
            periods += 1
            index += 1
            end = index
        }
        guard let end, periods >= 2, classAt(end) != .digit else { return nil }
        return end
    }

    /// Whether the letters in `range`, followed by a period, are a single capital initial or
    /// a known abbreviation.
    private func isInitialOrAbbreviation(_ range: Range<Int>) -> Bool {
        if range.count == 1, scalars[range.lowerBound].isCapital { return true }
        return Abbreviations.isKnown(scalars[range])
    }
}
