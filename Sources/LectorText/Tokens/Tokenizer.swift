/// Splits text into words, numbers, punctuation and symbols, with Unicode-scalar offsets.
///
/// White space separates tokens and belongs to none; every other scalar belongs to exactly
/// one token (invisible format characters such as zero-width space and bidirectional marks
/// are skipped like white space). The rules:
///
/// - **Words** are letters, combining marks and digits, with inner apostrophes (`don't`,
///   `O'Neill`, `l'homme`), hyphens (`state-of-the-art`, `COVID-19`), underscores and
///   middle dots, and zero-width joiners and soft hyphens. A number directly followed by
///   letters is one word (`4th`, `1990s`).
/// - **Abbreviations** keep their period when known (`Mr.`, `Dr.`, `Jan.`, `etc.`, `z.B.`,
///   `Mme.`; the lists are in `Abbreviations.swift`), as do dotted forms of short letter groups (`U.S.`,
///   `e.g.`, `Ph.D.`, `a.m.`, `U.S.A`) and single capital initials (`J.` in `J. K. Rowling`).
/// - **Numbers** are digits with inner `.` or `,` (or Arabic `٫` `٬`) each followed by a
///   digit: `1,234.56`, `3.5`, `1,50,000` are one token each; `12.5%` is a number and a
///   symbol.
/// - **URLs** (`http://`, `https://`, `ftp://`, `mailto:`, `www.`) and **e-mail addresses**
///   are one ``Token/Kind/symbol`` token each. Trailing sentence punctuation and an
///   unbalanced closing bracket are left out of a URL.
/// - **Han, Hiragana and Katakana** give one token per character. **Thai, Lao, Khmer and
///   Myanmar** give one token per run of letters: there is no dictionary to find word
///   boundaries inside a run, so a run is a phrase or a whole clause, not a word.
/// - **Hangul** and other scripts written with spaces are ordinary words.
/// - **Emoji** are one symbol token each, with skin-tone modifiers, variation selectors,
///   tags, zero-width-joined sequences and flag pairs.
public enum Tokenizer {
    /// Tokenizes all of the text.
    ///
    /// - Parameter text: The text.
    /// - Returns: The tokens, in order, with scalar offsets into `text`.
    public static func tokenize(_ text: ScalarText) -> [Token] {
        tokenize(text, in: 0..<text.count)
    }

    /// Tokenizes part of the text.
    ///
    /// Tokens do not reach outside `range`, and their offsets count from the start of the
    /// whole text, not of the range. A range reaching outside the text is clamped to it.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - range: The half-open range of scalar offsets to tokenize.
    /// - Returns: The tokens, in order, with scalar offsets into `text`.
    public static func tokenize(_ text: ScalarText, in range: Range<Int>) -> [Token] {
        let bounds = range.clamped(to: 0..<text.count)
        let scanner = TokenScanner(scalars: text.scalars, end: bounds.upperBound)
        var tokens: [Token] = []
        tokens.reserveCapacity(bounds.count / 5 + 1)
        var position = bounds.lowerBound
        while position < bounds.upperBound {
            if let token = scanner.token(at: position) {
                tokens.append(token)
                position = token.end
            } else {
                position += 1
            }
        }
        return tokens
    }
}
