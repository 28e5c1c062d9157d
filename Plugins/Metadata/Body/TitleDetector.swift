import LectorText

/// Finds a title line and a byline at the start of an article.
///
/// A title is a first line of at most ``maximumLength`` characters and ``maximumWords``
/// words, with at least one letter, that does not end like a sentence (`.`, `:`, `;`, `…`, or `!`/`?` after more than
/// ``maximumQuestionWords`` words; also before closing quotes or brackets), and is followed by a blank line or
/// by a byline, and the text after it does not start with a lowercase letter (which would
/// continue the first line's sentence). A leading Markdown `#` is dropped. A byline is a short line `By Name…`
/// whose first name starts with a capital letter; it may follow the title (with or
/// without a blank line between) or open the article on its own.
enum TitleDetector {
    /// The longest title, in characters.
    static let maximumLength = 150
    /// The most words a title may have.
    static let maximumWords = 20
    /// The most words a title ending in `?` or `!` may have.
    static let maximumQuestionWords = 10
    /// The longest byline, in characters.
    static let maximumBylineLength = 100

    /// What the start of the article gave.
    struct Result {
        /// The title, if there was one.
        var title: String?
        /// The byline's names, if there was one.
        var author: String?
        /// Where the text after them starts.
        var bodyStart: String.Index
    }

    /// Looks for a title and a byline at `start`.
    ///
    /// - Parameters:
    ///   - text: The article.
    ///   - start: The start of its first non-blank line (after any header).
    /// - Returns: What was found, or `nil` when there is neither a title nor a byline, or
    ///   nothing would be left after them.
    static func detect(_ text: String, from start: String.Index) -> Result? {
        let firstEnd = TextLines.lineEnd(in: text, from: start)
        let first = text[start..<firstEnd]
        let afterFirst = TextLines.nextLine(in: text, after: firstEnd)
        if let author = byline(first) {
            guard TextLines.skipBlankLines(in: text, from: afterFirst) < text.endIndex else { return nil }
            return Result(title: nil, author: author, bodyStart: afterFirst)
        }
        guard let title = title(first), afterFirst < text.endIndex else { return nil }
        let secondEnd = TextLines.lineEnd(in: text, from: afterFirst)
        let second = text[afterFirst..<secondEnd]
        var result = Result(title: title, author: nil, bodyStart: afterFirst)
        if TextLines.isBlank(second) {
            let next = TextLines.skipBlankLines(in: text, from: afterFirst)
            // A paragraph that starts in lowercase continues the first line's sentence.
            guard next < text.endIndex, !text[next].isLowercase else { return nil }
            let nextEnd = TextLines.lineEnd(in: text, from: next)
            if let author = byline(text[next..<nextEnd]) {
                let afterByline = TextLines.nextLine(in: text, after: nextEnd)
                if TextLines.skipBlankLines(in: text, from: afterByline) < text.endIndex {
                    result.author = author
                    result.bodyStart = afterByline
                }
            }
            return result
        }
        guard let author = byline(second) else { return nil }
        let afterByline = TextLines.nextLine(in: text, after: secondEnd)
        let thirdEnd = TextLines.lineEnd(in: text, from: afterByline)
        guard afterByline < text.endIndex, TextLines.isBlank(text[afterByline..<thirdEnd]),
            TextLines.skipBlankLines(in: text, from: afterByline) < text.endIndex
        else { return nil }
        result.author = author
        result.bodyStart = afterByline
        return result
    }

    /// The title `line` gives, or `nil` when it does not look like one.
    static func title(_ line: Substring) -> String? {
        guard line.utf8.count <= maximumLength * 4 else { return nil }
        var candidate = TextLines.trimmed(line)
        if candidate.hasPrefix("#") {
            candidate = TextLines.trimmed(candidate.drop { $0 == "#" })
        }
        let closing: Set<Character> = ["\"", "'", "”", "’", "»", "«", ")", "]", "“"]
        let last = candidate.last { !closing.contains($0) }
        if let last, ".:;…".contains(last) { return nil }
        // Headlines may ask or exclaim ("Could Yukos be a blessing in disguise?"); a short
        // line does, a longer one is a sentence.
        if let last, "!?".contains(last), candidate.split(separator: " ").count > maximumQuestionWords { return nil }
        guard !candidate.isEmpty, candidate.count <= maximumLength,
            candidate.unicodeScalars.contains(where: \.isLetterLike),
            !"-*•".contains(candidate.first ?? " ") || candidate.dropFirst().first != " "
        else { return nil }
        var words = 0
        var inWord = false
        for scalar in candidate.unicodeScalars {
            if scalar.isSpaceLike {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > maximumWords { return nil }
            }
        }
        return String(candidate)
    }

    /// The names a byline `line` gives (`By Jane Doe and John Roe, Reuters` gives
    /// `Jane Doe and John Roe, Reuters`), or `nil` when it is not a byline.
    static func byline(_ line: Substring) -> String? {
        guard line.utf8.count <= maximumBylineLength * 4 else { return nil }
        let candidate = TextLines.trimmed(line)
        guard candidate.count <= maximumBylineLength, candidate.count > 3,
            candidate.prefix(3).lowercased() == "by ", candidate.first == "B"
        else { return nil }
        let names = TextLines.trimmed(candidate.dropFirst(3))
        guard let initial = names.first, initial.isUppercase, let last = names.last, !"!?:;".contains(last)
        else { return nil }
        // A final period is fine after an initial or `Jr.`, not after a sentence.
        if last == ".", (names.split(separator: " ").last?.count ?? 0) > 3 { return nil }
        return String(names)
    }
}
