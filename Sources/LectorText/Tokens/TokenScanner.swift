/// The tokenizer's state for one call: the scalars and where to stop.
///
/// Each `token(at:)` call reads one token starting at a position; ``Tokenizer`` strings
/// them together.
struct TokenScanner {
    /// The text's scalars.
    let scalars: [Unicode.Scalar]
    /// The offset to stop at (exclusive).
    let end: Int

    /// The class of the scalar at `index`, or `nil` past the end.
    @inline(__always)
    func classAt(_ index: Int) -> ScalarClass? {
        index < end ? ScalarClass.of(scalars[index]) : nil
    }

    /// The scalar value at `index`, or `nil` past the end.
    @inline(__always)
    func valueAt(_ index: Int) -> UInt32? {
        index < end ? scalars[index].value : nil
    }

    /// The token that starts at `position`, or `nil` if a skipped scalar is there.
    ///
    /// - Parameter position: An offset below ``end``.
    /// - Returns: The token, or `nil` for white space and ignorable scalars.
    func token(at position: Int) -> Token? {
        switch ScalarClass.of(scalars[position]) {
        case .space, .ignorable, .joiner:
            return nil
        case .letter, .mark:
            return word(at: position)
        case .digit:
            return number(at: position)
        case .otherNumber:
            return Token(start: position, end: skipMarks(from: position + 1), kind: .number)
        case .ideograph:
            return Token(start: position, end: skipMarks(from: position + 1), kind: .word)
        case .southeastAsian:
            var index = position + 1
            while let next = classAt(index), next == .southeastAsian || next == .mark { index += 1 }
            return Token(start: position, end: index, kind: .word)
        case .punctuation:
            return punctuation(at: position)
        case .symbol:
            return symbol(at: position)
        }
    }

    /// The offset after any combining marks starting at `index`.
    func skipMarks(from index: Int) -> Int {
        var index = index
        while classAt(index) == .mark { index += 1 }
        return index
    }

    /// A number, or a word if plain digits run straight into letters (`4th`).
    private func number(at start: Int) -> Token {
        var index = start + 1
        var plain = true
        while true {
            while classAt(index) == .digit { index += 1 }
            guard let value = valueAt(index), Self.isNumberSeparator(value), classAt(index + 1) == .digit else {
                break
            }
            plain = false
            index += 1
        }
        if plain, let next = classAt(index), next == .letter || next == .mark {
            return word(at: start)
        }
        return Token(start: start, end: skipMarks(from: index), kind: .number)
    }

    /// `.` `,` and the Arabic decimal and thousands separators.
    private static func isNumberSeparator(_ value: UInt32) -> Bool {
        value == 0x2E || value == 0x2C || value == 0x066B || value == 0x066C
    }

    /// A run of sentence enders, a run of hyphens, or one punctuation character.
    private func punctuation(at start: Int) -> Token {
        let value = scalars[start].value
        var index = start + 1
        if SentenceEnders.isEnder(value) {
            while let next = valueAt(index), SentenceEnders.isEnder(next) { index += 1 }
        } else if value == 0x2D {
            while valueAt(index) == 0x2D { index += 1 }
        }
        return Token(start: start, end: skipMarks(from: index), kind: .punctuation)
    }

    /// A symbol, or an emoji with everything that belongs to it.
    private func symbol(at start: Int) -> Token {
        let value = scalars[start].value
        var index = start + 1
        if (0x1F1E6...0x1F1FF).contains(value) {
            // A flag is a pair of regional indicators.
            if let next = valueAt(index), (0x1F1E6...0x1F1FF).contains(next) { index += 1 }
            return Token(start: start, end: index, kind: .symbol)
        }
        while let next = valueAt(index) {
            if classAt(index) == .mark || (0x1F3FB...0x1F3FF).contains(next) || (0xE0020...0xE007F).contains(next) {
                index += 1  // variation selectors, keycaps, skin tones, tags
            } else if next == 0x200D, classAt(index + 1) == .symbol {
                index += 2  // zero-width-joined emoji sequence
            } else {
                break
            }
        }
        return Token(start: start, end: index, kind: .symbol)
    }
}
