import LectorCore
import LectorText

/// Reads a block of RFC 822-style header lines (`Title: …`, `Date: …`) at the start of an
/// article, ended by a blank line.
///
/// The block is taken only when it looks like a header: every line is `Key: value` with a
/// short key (up to three words of letters and digits joined by `-`, `_` or a space, at most
/// 40 characters) or a continuation line starting with white space (folded into the value
/// before it), at least one key is a well-known one (``MetadataKey/known``), and no value
/// is a date followed by running text (that is the one-line `Date: 2022-02-16 After talks…`
/// form, which ``LeadingDateParser`` handles). A single-line block must also be short, so
/// that a first paragraph such as `Source: officials said …` stays in the text.
enum HeaderBlockParser {
    /// The most lines a header block may have.
    static let maximumLines = 40

    /// The longest value a single-line block may have.
    static let maximumSingleLineValue = 150

    /// Reads a header block starting at `start`.
    ///
    /// - Parameters:
    ///   - text: The article.
    ///   - start: The start of the block's first line.
    ///   - normalizer: Used to spot a date followed by running text.
    /// - Returns: The fields and the start of the line after the block, or `nil` when the
    ///   lines there are not a header.
    static func parse(
        _ text: String,
        from start: String.Index,
        normalizer: DateNormalizer
    ) -> (fields: HeaderFields, end: String.Index)? {
        guard start < text.endIndex, key(in: text[start...]) != nil else { return nil }
        var pairs: [(key: Substring, value: String)] = []
        var position = start
        var sawKnownKey = false
        // A block may be indented as a whole; a line indented deeper continues the value above.
        let lineStart = text[..<start].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let blockIndent = text.distance(from: lineStart, to: start)
        var first = true
        while position < text.endIndex {
            let end = TextLines.lineEnd(in: text, from: position)
            var line = text[position..<end]
            position = TextLines.nextLine(in: text, after: end)
            if TextLines.isBlank(line) { break }
            if !first {
                let indent = line.prefix { $0 == " " || $0 == "\t" }.count
                if indent > blockIndent {
                    guard !pairs.isEmpty else { return nil }
                    pairs[pairs.count - 1].value += " " + TextLines.trimmed(line)
                    continue
                }
                line = line.dropFirst(indent)
            }
            first = false
            guard pairs.count < maximumLines, let key = key(in: line) else { return nil }
            let value = TextLines.trimmed(line[line.index(after: key.endIndex)...])
            if MetadataKey.known.contains(MetadataKey.normalize(key)) { sawKnownKey = true }
            pairs.append((key, String(value)))
        }
        guard sawKnownKey else { return nil }
        if pairs.count == 1, pairs[0].value.count > maximumSingleLineValue { return nil }
        var fields = HeaderFields()
        for (rawKey, value) in pairs {
            let key = MetadataKey.normalize(rawKey)
            if key == "date" || MetadataKey.dateAliases.contains(key), normalizer.normalize(value) == nil,
                let match = normalizer.match(atStartOf: Substring(value)), match.range.upperBound < value.endIndex
            {
                return nil
            }
            fields.add(rawKey: rawKey, value: headerValue(value, key: key))
        }
        return (fields, position)
    }

    /// The key of a `Key: value` line (the colon followed by white space or the line's
    /// end), or `nil` when the line does not start with a short key.
    static func key(in line: Substring) -> Substring? {
        var words = 0
        var inWord = false
        var length = 0
        let scalars = line.unicodeScalars
        for index in scalars.indices {
            let scalar = scalars[index]
            length += 1
            if length > 41 { return nil }
            if scalar.isWordLike {
                if !inWord { words += 1 }
                inWord = true
                continue
            }
            guard inWord else { return nil }
            inWord = false
            switch scalar {
            case ":":
                let after = scalars.index(after: index)
                guard after == scalars.endIndex || scalars[after] == " " || scalars[after] == "\t", words <= 3 else {
                    return nil
                }
                return line[..<index]
            case "-", "_", " ": continue
            default: return nil
            }
        }
        return nil
    }

    /// A header-line value as JSON: lists for `Tags:`-like keys, strings otherwise.
    private static func headerValue(_ value: String, key: String) -> JSONValue {
        guard MetadataKey.listKeys.contains(MetadataKey.aliases[key] ?? key) else { return .string(value) }
        let separator: Character = value.contains(";") ? ";" : ","
        return .array(
            value.split(separator: separator).map { TextLines.trimmed($0) }.filter { !$0.isEmpty }
                .map { .string(String($0)) }
        )
    }
}
