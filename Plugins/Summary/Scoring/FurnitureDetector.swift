import LectorText

/// Spots page furniture among an article's sentences: what a web page or a wire puts
/// around the news and a summary must never pick.
///
/// A sentence is furniture when it:
/// - has fewer than ``minimumWords`` words and ``minimumShortScalars`` scalars (labels such
///   as `Skilful:`);
/// - starts in lowercase or with `:`, `;`, `,`, `.`, `)`, `]` or `|` (a fragment of a
///   sentence cut by a caption or a line break);
/// - does not end like a sentence (`.`, `!`, `?`, `…`, `。`, `।`, `؟`, … before any closing
///   quotes or brackets), so headlines, captions, section labels and lines ending in `:`,
///   unless the article has (almost) no sentence punctuation at all (Thai, raw lists);
/// - starts like a byline (`By Jane Doe`, at most ``maximumBylineWords`` words), a photo or
///   video credit or caption (`Photo:`, `Image copyright`, `Media playback`), a page
///   prompt (`Share this with`, `Scroll down for video`, `Click here`, `Read more`,
///   `Follow us`, `Sign up`, `Subscribe`), or a wire stamp (`PUBLISHED:`, `UPDATED:`,
///   `Last updated`, `Copyright`, `©`);
/// - is short and carries a photo-agency credit (`Getty Images`, `AP Photo`, `/AFP`,
///   `/Reuters`), a URL, an e-mail address or a handle;
/// - is written mostly in capitals (a shouted headline, a bare dateline);
/// - repeats the title.
///
/// A sentence that opens with an agency dateline (`LONDON (Reuters) - `, see
/// ``DatelineDetector``) keeps its text and loses the dateline. A sentence that *starts*
/// with a share bar glued to the text (`Share this withEmail…Copy
/// this link` — BBC pages) is not dropped: its start moves past the bar.
enum FurnitureDetector {
    /// Fewer words than this make a label, not a sentence.
    static let minimumWords = 4
    /// A sentence of fewer words than ``minimumWords`` still counts when it has this many
    /// scalars (Thai, Lao, Khmer and Burmese runs are one token per phrase).
    static let minimumShortScalars = 30
    /// The longest byline, in words.
    static let maximumBylineWords = 12
    /// Sentences with a credit, URL or handle and fewer words than this are furniture.
    static let maximumCreditWords = 16

    private static let openings = [
        "share this", "scroll down", "click here", "read more", "read the full", "follow us", "follow @",
        "sign up", "subscribe", "advertisement", "photo:", "photos:", "photograph:", "picture:", "pictures:",
        "image:", "image copyright", "image caption", "media playback", "video:", "watch:", "related:",
        "see also", "published:", "updated:", "last updated", "copyright", "all rights reserved", "(photo",
        "credit:", "pictured:", "caption:", "getty images", "for confidential support",
    ].map { Array($0.utf8) }
    private static let credits = [
        "getty images", "ap photo", "/afp", "/reuters", "/ap", "shutterstock", "http://",
        "https://", "www.", "@", "pa wire", "/epa",
    ].map { Array($0.utf8) }
    private static let shareBar = Array("share this with".utf8)
    private static let shareBarEnd = Array("copy this link".utf8)
    /// What stands for a scalar outside ASCII in the folded text.
    private static let other: UInt8 = 0xFF
    /// What stands for `©`.
    private static let copyright: UInt8 = 0xFE

    /// Where a sentence's text really starts, or `nil` when the sentence is furniture.
    ///
    /// - Parameters:
    ///   - scalars: The article's scalars.
    ///   - range: The sentence's range.
    ///   - words: The number of word and number tokens in it.
    ///   - requiresPunctuation: Whether a sentence must end in sentence punctuation.
    ///   - title: The article's title, lowercased, if known.
    /// - Returns: The start to use (after a share bar), or `nil`.
    static func start(
        of scalars: [Unicode.Scalar],
        range: Range<Int>,
        words: Int,
        requiresPunctuation: Bool,
        title: String?
    ) -> Int? {
        let folded = fold(scalars, range)
        if hasPrefix(folded, shareBar), let bar = find(shareBarEnd, in: folded) {
            var start = range.lowerBound + bar + shareBarEnd.count
            while start < range.upperBound, scalars[start].properties.isWhitespace { start += 1 }
            return start < range.upperBound ? start : nil
        }
        guard words >= minimumWords || range.count >= minimumShortScalars else { return nil }
        // A fragment: starts in lowercase or with punctuation other than a quote or bracket.
        if let first = scalars[range].first, first.isSmall || isStrayPunctuation(first) { return nil }
        if requiresPunctuation, !endsLikeSentence(scalars, range) { return nil }
        if hasPrefix(folded, Array("by ".utf8)), words <= maximumBylineWords { return nil }
        if folded.first == copyright || openings.contains(where: { hasPrefix(folded, $0) }) { return nil }
        if words < maximumCreditWords, credits.contains(where: { find($0, in: folded) != nil }) { return nil }
        if isShouted(scalars, range) { return nil }
        if let title, title.unicodeScalars.count == range.count, lowercased(scalars, range) == title { return nil }
        if words <= maximumPlaceDateWords, isPlaceAndDate(scalars, range) { return nil }
        let dateline = DatelineDetector.length(in: scalars, range, normalizer: dates)
        return range.lowerBound + (dateline > 0 && range.count - dateline >= 20 ? dateline : 0)
    }

    /// Reads the date of a place-and-date line.
    private static let dates = DateNormalizer()

    /// The most words a line that only gives a place and a date has.
    static let maximumPlaceDateWords = 10

    /// Whether the sentence only says where and when (`Madrid, 3 de mayo de 2024.`,
    /// `Berlin, 16. Februar 2022`, `16 February 2022`): a dateline on a line of its own.
    static func isPlaceAndDate(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        // Every written date has a digit (its day or year); most short sentences have none.
        guard scalars[range].contains(where: { ("0"..."9").contains($0) }) else { return false }
        var text = String(String.UnicodeScalarView(scalars[range]))
        while let last = text.unicodeScalars.last, last == "." || last.properties.isWhitespace {
            text.unicodeScalars.removeLast()
        }
        let normalizer = Self.dates
        if normalizer.normalize(text) != nil { return true }
        guard let comma = text.firstIndex(of: ","), text.distance(from: text.startIndex, to: comma) <= 40 else {
            return false
        }
        let place = text[..<comma].split(separator: " ")
        guard (1...4).contains(place.count),
            place.allSatisfy({ $0.unicodeScalars.first?.properties.isUppercase == true })
        else { return false }
        return normalizer.normalize(text[text.index(after: comma)...]) != nil
    }

    /// The sentence as bytes, one per scalar: ASCII lowercased, `©` as ``copyright``, any
    /// other scalar as ``other``.
    private static func fold(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [UInt8] {
        var folded = [UInt8](repeating: other, count: range.count)
        for (offset, scalar) in scalars[range].enumerated() {
            let value = scalar.value
            if value < 0x80 {
                folded[offset] = UInt8(value) | ((0x41...0x5A).contains(value) ? 0x20 : 0)
            } else if value == 0xA9 {
                folded[offset] = copyright
            }
        }
        return folded
    }

    private static func hasPrefix(_ folded: [UInt8], _ prefix: [UInt8]) -> Bool {
        folded.count >= prefix.count && folded[..<prefix.count].elementsEqual(prefix)
    }

    /// The offset of the first occurrence of `needle` in `folded`.
    private static func find(_ needle: [UInt8], in folded: [UInt8]) -> Int? {
        guard let first = needle.first, folded.count >= needle.count else { return nil }
        var index = 0
        let last = folded.count - needle.count
        while index <= last {
            if folded[index] == first {
                var matched = 1
                while matched < needle.count, folded[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether the sentence ends in sentence punctuation, before closing quotes and brackets.
    static func endsLikeSentence(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var index = range.upperBound - 1
        while index >= range.lowerBound, isCloser(scalars[index]) { index -= 1 }
        guard index >= range.lowerBound else { return false }
        return isEnder(scalars[index])
    }

    /// Sentence-ending punctuation in the scripts the splitter knows.
    static func isEnder(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0x0964, 0x0965, 0x061F, 0x06D4, 0x1362,
            0x104B, 0x17D4, 0x0589, 0x037E, 0x203C, 0x2047...0x2049:
            true
        default: false
        }
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0x00BB, 0x203A, 0x300D, 0x300F, 0xFF09, 0x3011: true
        default: false
        }
    }

    /// Punctuation that never starts a sentence: `:`, `;`, `,`, `.`, `)`, `]`, `|`.
    private static func isStrayPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        ":;,.)]|".unicodeScalars.contains(scalar)
    }

    /// Whether most of the sentence's letters (and more than ten of them) are capitals.
    private static func isShouted(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var letters = 0
        var capitals = 0
        for scalar in scalars[range] {
            let value = scalar.value
            if value < 0x80 {
                if (0x41...0x5A).contains(value) {
                    letters += 1
                    capitals += 1
                } else if (0x61...0x7A).contains(value) {
                    letters += 1
                }
            } else if scalar.properties.isAlphabetic {
                letters += 1
                if scalar.properties.isUppercase { capitals += 1 }
            }
        }
        return letters > 10 && capitals * 10 > letters * 6
    }

    /// The scalars in `range`, lowercased.
    static func lowercased(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars[range] {
            if scalar.value < 0x80 {
                view.append((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar)
            } else {
                view.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(view)
    }
}
