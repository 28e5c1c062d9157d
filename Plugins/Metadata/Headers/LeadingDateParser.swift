import LectorText

/// Reads a date written at the very start of an article, before the body or on a line of
/// its own: `date 2022-02-16 After talks…`, `Date: 2022-02-16 After talks…`,
/// `2022-02-16 — After talks…`, `16 February 2022: After talks…`, or a first line that is
/// only a (labelled) date.
///
/// To keep ordinary first sentences (`16 February 2022 was the day…`) intact, a date with
/// no label must be followed by a separator (`—`, `–`, `-`, `:`, `|`) or the line's end;
/// only an all-numeric ISO date (`2022-02-16 After…`) may be followed by a plain space.
enum LeadingDateParser {
    /// Words that may introduce the date, optionally followed by `:`.
    static let labels: Set<String> = ["date", "dated", "published", "posted"]

    /// Reads a leading date in the line starting at `start`.
    ///
    /// - Parameters:
    ///   - text: The article.
    ///   - start: The start of a line.
    ///   - normalizer: How dates are read.
    /// - Returns: The date (ISO 8601), the text it was read from, and where the body starts:
    ///   after the separator on the same line, or on the next line when the date filled
    ///   its line; `nil` when the line does not start with a date.
    static func parse(
        _ text: String,
        from start: String.Index,
        normalizer: DateNormalizer
    ) -> (date: String, raw: Substring, bodyStart: String.Index)? {
        let lineEnd = TextLines.lineEnd(in: text, from: start)
        let line = text[start..<lineEnd]
        var rest = line
        var labelled = false
        if let labelEnd = line.unicodeScalars.firstIndex(where: { !$0.isLetterLike }),
            line.distance(from: line.startIndex, to: labelEnd) <= 9,
            labels.contains(line[..<labelEnd].lowercased())
        {
            rest = line[labelEnd...]
            if rest.first == ":" { rest = rest.dropFirst() }
            let afterLabel = rest.drop { $0 == " " || $0 == "\t" }
            guard afterLabel.startIndex > labelEnd else { return nil }
            rest = afterLabel
            labelled = true
        }
        guard let match = normalizer.match(atStartOf: rest) else { return nil }
        let raw = rest[match.range]
        var body = rest[match.range.upperBound...]
        let afterSpaces = body.drop { $0 == " " || $0 == "\t" }
        if let separator = afterSpaces.first, "—–-:|".contains(separator) {
            body = afterSpaces.dropFirst().drop { $0 == " " || $0 == "\t" }
        } else if afterSpaces.isEmpty {
            body = afterSpaces
        } else {
            let isNumericISO = raw.first?.isNumber == true && raw.dropFirst(4).first == "-"
            guard labelled || isNumericISO, afterSpaces.startIndex > body.startIndex else { return nil }
            body = afterSpaces
        }
        if TextLines.isBlank(body) {
            return (match.value, raw, TextLines.nextLine(in: text, after: lineEnd))
        }
        return (match.value, raw, body.startIndex)
    }
}
