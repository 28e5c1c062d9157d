/// Finds a news-agency dateline at the start of a sentence, so the summary can leave it
/// out: `LONDON (Reuters) - `, `LONDON, Feb 16 (Reuters) - `, `Boston (CNN)`, `(CNN) -- `,
/// `MOSCOW — `.
///
/// A dateline is a place of at most ``maximumPlaceWords`` words, each capitalised (or a
/// number, for the day), then either a known agency in parentheses (``agencies``) with an
/// optional dash, or — when the place is written in capitals — a dash between spaces.
/// Anything else (`President Obama (D) said`) is not a dateline.
enum DatelineDetector {
    /// The most words a place (with its date) may have.
    static let maximumPlaceWords = 6
    /// The longest dateline, in scalars.
    static let maximumLength = 70
    /// Agencies recognised in parentheses.
    static let agencies: Set<String> = [
        "CNN", "Reuters", "AP", "AFP", "EFE", "DPA", "dpa", "ANSA", "Xinhua", "PA", "UPI", "Bloomberg", "BBC", "AAP",
        "IANS", "PTI", "TASS", "Interfax", "Kyodo", "Yonhap", "CNN Business", "CNN Money", "Sky News", "NBC", "ABC",
        "CBS", "Fox News", "Mashable", "EW.com", "WIRED", "Variety",
    ]

    /// The length of the dateline that opens `range`, or 0 when there is none.
    ///
    /// - Parameters:
    ///   - scalars: The article's scalars.
    ///   - range: A sentence's range.
    /// - Returns: How many scalars to skip (the dateline and the spaces after it).
    static func length(in scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        let end = min(range.upperBound, range.lowerBound + maximumLength)
        var position = range.lowerBound
        var words = 0
        var allCapitals = true
        // The place: capitalised words or numbers, separated by spaces and commas.
        while position < end, words <= maximumPlaceWords, isWordStart(scalars[position]) {
            let wordStart = position
            while position < end, isWordPart(scalars[position]) { position += 1 }
            words += 1
            for scalar in scalars[wordStart..<position] where ArticleAnalysis.isSmall(scalar) { allCapitals = false }
            if position < end, scalars[position] == "," { position += 1 }
            guard position < end, scalars[position] == " " else { break }
            position += 1
        }
        guard words <= maximumPlaceWords, position < end else { return 0 }
        var hasAgency = false
        if scalars[position] == "(" {
            guard let close = scalars[position..<end].firstIndex(of: ")") else { return 0 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[(position + 1)..<close])
            guard agencies.contains(String(view)) else { return 0 }
            hasAgency = true
            position = close + 1
        } else if words == 0 || !allCapitals {
            return 0
        }
        var afterSpaces = position
        while afterSpaces < end, scalars[afterSpaces] == " " { afterSpaces += 1 }
        var afterDash = afterSpaces
        while afterDash < end, "-–—".unicodeScalars.contains(scalars[afterDash]) { afterDash += 1 }
        if afterDash > afterSpaces {
            guard afterDash < end, scalars[afterDash] == " " || hasAgency else { return 0 }
            position = afterDash
        } else if !hasAgency {
            return 0
        }
        while position < range.upperBound, scalars[position] == " " { position += 1 }
        guard position < range.upperBound, !ArticleAnalysis.isSmall(scalars[position]) else { return 0 }
        return position - range.lowerBound
    }

    private static func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) }
        return scalar.properties.isUppercase
    }

    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
                || value == 0x2E || value == 0x27
        }
        return scalar.properties.isAlphabetic
    }
}
