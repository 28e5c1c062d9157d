/// Finds the subheadings inside an article's body: a line that stands alone as a paragraph
/// (blank lines around it), is short (at most ``maximumWords`` words and
/// ``maximumCharacters`` characters), starts with a capital or a digit, and has no final
/// punctuation — `Putin & Scholz frankly exchanged opinions`. The body's first paragraph is
/// never one (that is a lead or a title the header did not take).
///
/// Offsets count Unicode scalars into the body, half-open, like every offset in a document.
enum SubheadingDetector {
    /// The most words a subheading has.
    static let maximumWords = 12
    /// The most characters a subheading has.
    static let maximumCharacters = 90

    /// A subheading: where it is and what it says.
    struct Subheading: Equatable {
        /// The first scalar's offset.
        var start: Int
        /// Just past the last scalar.
        var end: Int
        /// The line, without surrounding space.
        var text: String
    }

    /// The subheadings of `body`, in order.
    ///
    /// One pass over the UTF-8 bytes finds the lines and their scalar offsets; only short
    /// lines that stand alone are looked at as text.
    ///
    /// - Parameter body: The article's body (after the header).
    /// - Returns: The subheadings.
    static func subheadings(in body: String) -> [Subheading] {
        let bytes = Array(body.utf8)
        var lines: [(start: Int, end: Int, scalarStart: Int)] = []
        var scalars = 0
        var lineStart = 0
        var lineScalarStart = 0
        for (index, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == UInt8(ascii: "\n") {
                lines.append((lineStart, index, lineScalarStart))
                lineStart = index + 1
                lineScalarStart = scalars
            }
        }
        lines.append((lineStart, bytes.count, lineScalarStart))
        func isBlank(_ line: Int) -> Bool {
            bytes[lines[line].start..<lines[line].end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        }
        var result: [Subheading] = []
        var seenParagraph = false
        for index in lines.indices where !isBlank(index) {
            defer { seenParagraph = true }
            let line = lines[index]
            guard seenParagraph, line.end - line.start <= maximumCharacters * 4,
                index == 0 || isBlank(index - 1), index + 1 == lines.count || isBlank(index + 1)
            else { continue }
            let text = String(decoding: bytes[line.start..<line.end], as: UTF8.self)
            let trimmed = TextLines.trimmed(Substring(text))
            guard isSubheading(trimmed) else { continue }
            let start = line.scalarStart + text[..<trimmed.startIndex].unicodeScalars.count
            result.append(Subheading(start: start, end: start + trimmed.unicodeScalars.count, text: String(trimmed)))
        }
        return result
    }

    private static func isSubheading(_ line: Substring) -> Bool {
        guard line.count <= maximumCharacters, let first = line.first, first.isUppercase || first.isNumber,
            let last = line.last, !".!?:;,…\"”’'»)]".contains(last)
        else { return false }
        let words = line.split(separator: " ")
        return words.count >= 2 && words.count <= maximumWords
    }
}
