/// A cursor over the Unicode scalars at the start of a piece of text, for date parsing.
///
/// Every reading method either consumes what it read and succeeds, or leaves the cursor
/// where it was and fails, so the date forms can try alternatives by saving ``index``.
struct DateScanner {
    let scalars: Substring.UnicodeScalarView
    var index: Substring.UnicodeScalarView.Index

    init(_ text: Substring) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
    }

    var isAtEnd: Bool { index == scalars.endIndex }

    var peek: Unicode.Scalar? { isAtEnd ? nil : scalars[index] }

    /// Whether the cursor stands at the end or before something that is not a letter or digit.
    var isAtBoundary: Bool {
        guard let scalar = peek else { return true }
        return !scalar.isWordLike
    }

    /// Consumes `scalar` if it is next.
    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        index = scalars.index(after: index)
        return true
    }

    /// Consumes the next scalar if it is one of `choices`, returning it.
    mutating func take(oneOf choices: String) -> Unicode.Scalar? {
        guard let scalar = peek, choices.unicodeScalars.contains(scalar) else { return nil }
        index = scalars.index(after: index)
        return scalar
    }

    /// Skips spaces, tabs and no-break spaces; returns whether it skipped any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = index
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\u{A0}" {
            index = scalars.index(after: index)
        }
        return index != start
    }

    /// Reads a run of ASCII digits whose length is in `lengths`.
    mutating func number(digits lengths: ClosedRange<Int>) -> Int? {
        let start = index
        var value = 0
        var count = 0
        while let scalar = peek, scalar.value >= 0x30, scalar.value <= 0x39 {
            value = value &* 10 &+ Int(scalar.value - 0x30)
            count += 1
            index = scalars.index(after: index)
            if count > lengths.upperBound { break }
        }
        guard lengths.contains(count) else {
            index = start
            return nil
        }
        return value
    }

    /// Reads exactly `count` ASCII digits, whatever follows them (`+0530` holds `05` and `30`).
    mutating func digits(_ count: Int) -> Int? {
        let start = index
        var value = 0
        for _ in 0..<count {
            guard let scalar = peek, scalar.value >= 0x30, scalar.value <= 0x39 else {
                index = start
                return nil
            }
            value = value * 10 + Int(scalar.value - 0x30)
            index = scalars.index(after: index)
        }
        return value
    }

    /// Reads a run of ASCII digits of any length (at most 9) as text.
    mutating func digitText() -> String? {
        var text = ""
        while let scalar = peek, scalar.value >= 0x30, scalar.value <= 0x39, text.unicodeScalars.count < 9 {
            text.unicodeScalars.append(scalar)
            index = scalars.index(after: index)
        }
        return text.isEmpty ? nil : text
    }

    /// Reads a word of letters (at most 12), lowercased, ending at a non-letter.
    mutating func word() -> String? {
        let start = index
        var text = ""
        while let scalar = peek, scalar.isLetterLike {
            text.unicodeScalars.append(scalar)
            index = scalars.index(after: index)
            if text.unicodeScalars.count > 12 {
                index = start
                return nil
            }
        }
        return text.isEmpty ? nil : text.lowercased()
    }

    /// Consumes `expected` (lowercase letters) if the next word is exactly it.
    mutating func take(word expected: String) -> Bool {
        let start = index
        if word() == expected { return true }
        index = start
        return false
    }
}
