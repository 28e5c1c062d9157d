extension TokenScanner {
    /// The end of a URL or e-mail address that starts with the word at `start`, or `nil`.
    ///
    /// - Parameters:
    ///   - start: Where the word starts.
    ///   - wordEnd: Where the plain word would end.
    /// - Returns: The end of the link, or `nil` if there is none.
    func link(from start: Int, wordEnd: Int) -> Int? {
        guard let next = valueAt(wordEnd), Self.mayContinueLink(next) else { return nil }
        if next == 0x3A, valueAt(wordEnd + 1) == 0x2F, valueAt(wordEnd + 2) == 0x2F,
            Self.urlSchemes.contains(where: { isASCIIWord($0, in: start..<wordEnd) })
        {
            return urlEnd(from: wordEnd + 3)
        }
        if next == 0x3A, isASCIIWord(Array("mailto".utf8), in: start..<wordEnd) {
            return emailEnd(from: wordEnd + 1)
        }
        if next == 0x2E, isASCIIWord(Array("www".utf8), in: start..<wordEnd) {
            return urlEnd(from: wordEnd + 1)
        }
        return emailEnd(from: start)
    }

    /// The URL schemes recognised before `://`.
    private static let urlSchemes: [[UInt8]] = ["http", "https", "ftp", "ftps", "sftp"].map { Array($0.utf8) }

    /// Whether the scalars in `range` spell `word` (lowercase ASCII), ignoring ASCII case.
    private func isASCIIWord(_ word: [UInt8], in range: Range<Int>) -> Bool {
        guard range.count == word.count else { return false }
        for (offset, byte) in word.enumerated() {
            let value = scalars[range.lowerBound + offset].value
            guard value < 0x80, UInt8(value).lowercasedASCII == byte else { return false }
        }
        return true
    }

    /// Characters after which a word may turn out to be part of a link.
    private static func mayContinueLink(_ value: UInt32) -> Bool {
        switch value {
        case 0x3A, 0x2E, 0x40, 0x5F, 0x2B, 0x25, 0x2D: true
        default: false
        }
    }

    /// The end of a URL whose body (after `scheme://` or `www.`) starts at `bodyStart`.
    private func urlEnd(from bodyStart: Int) -> Int? {
        var index = bodyStart
        while let value = valueAt(index), isURLCharacter(value, at: index) { index += 1 }
        var end = index
        trimming: while end > bodyStart {
            let value = scalars[end - 1].value
            switch value {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22, 0x2A:
                end -= 1
            case 0x29, 0x5D, 0x7D:
                let opener: UInt32 = value == 0x29 ? 0x28 : (value == 0x5D ? 0x5B : 0x7B)
                let opened = scalars[bodyStart..<end].count { $0.value == opener }
                let closed = scalars[bodyStart..<end].count { $0.value == value }
                guard closed > opened else { break trimming }
                end -= 1
            default:
                break trimming
            }
        }
        let hasContent = scalars[bodyStart..<end].contains {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }
        return hasContent ? end : nil
    }

    /// Whether a scalar can be part of a URL: visible ASCII other than `<>"`{}|\^`, or a
    /// non-ASCII letter, mark or digit (not ideographs, so a URL stops where Chinese or
    /// Japanese text resumes).
    private func isURLCharacter(_ value: UInt32, at index: Int) -> Bool {
        if value < 0x80 {
            switch value {
            case 0...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D, 0x7F: return false
            default: return true
            }
        }
        switch classAt(index) {
        case .letter, .mark, .digit: return true
        default: return false
        }
    }

    /// The end of an e-mail address starting at `start`, or `nil`.
    ///
    /// ASCII only: a local part of letters, digits and `._%+-` (not ending in `.`), `@`, and
    /// a domain of two or more labels whose last is at least two letters.
    private func emailEnd(from start: Int) -> Int? {
        var index = start
        while let value = valueAt(index), Self.isLocalPartCharacter(value) { index += 1 }
        guard index > start, valueAt(index) == 0x40, scalars[index - 1].value != 0x2E else { return nil }
        return domainEnd(from: index + 1)
    }

    private func domainEnd(from start: Int) -> Int? {
        var index = start
        var labels = 0
        var lastLabel = start..<start
        while true {
            let labelStart = index
            while let value = valueAt(index), Self.isAlphanumericASCII(value) || value == 0x2D { index += 1 }
            guard index > labelStart else { break }
            labels += 1
            lastLabel = labelStart..<index
            guard valueAt(index) == 0x2E, let after = valueAt(index + 1), Self.isAlphanumericASCII(after) else {
                break
            }
            index += 1
        }
        let topLevelIsWord =
            lastLabel.count >= 2 && scalars[lastLabel].allSatisfy { ScalarClass.of($0) == .letter }
        return labels >= 2 && topLevelIsWord ? lastLabel.upperBound : nil
    }

    private static func isLocalPartCharacter(_ value: UInt32) -> Bool {
        isAlphanumericASCII(value) || value == 0x2E || value == 0x5F || value == 0x25 || value == 0x2B
            || value == 0x2D
    }

    private static func isAlphanumericASCII(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}

extension UInt8 {
    /// The byte with ASCII `A`–`Z` turned into `a`–`z`.
    var lowercasedASCII: UInt8 {
        (0x41...0x5A).contains(self) ? self + 0x20 : self
    }
}
