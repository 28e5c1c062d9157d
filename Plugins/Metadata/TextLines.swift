/// Line scanning over a string's UTF-8 view, so that looking at the first lines of an
/// article never walks (or copies) the rest of it.
enum TextLines {
    /// The index of the `\n` ending the line that starts at `start`, or `text.endIndex`.
    static func lineEnd(in text: String, from start: String.Index) -> String.Index {
        let utf8 = text.utf8
        let startOffset = utf8.distance(from: utf8.startIndex, to: start)
        // Native strings are contiguous UTF-8: searching the buffer is several times faster
        // than walking `String.Index`es.
        let found = utf8.withContiguousStorageIfAvailable { buffer in
            buffer[startOffset...].firstIndex(of: UInt8(ascii: "\n")) ?? buffer.count
        }
        if let found { return utf8.index(utf8.startIndex, offsetBy: found) }
        return utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
    }

    /// The start of the line after the one ending at `end` (a `\n` or the end of the text).
    static func nextLine(in text: String, after end: String.Index) -> String.Index {
        end < text.endIndex ? text.utf8.index(after: end) : text.endIndex
    }

    /// Whether `line` holds nothing but spaces, tabs and carriage returns.
    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// Where the first text at or after `start` begins: past blank lines, then past the
    /// indentation of the first line that is not blank (``skipIndentation(in:from:)``).
    static func skipToText(in text: String, from start: String.Index) -> String.Index {
        skipIndentation(in: text, from: skipBlankLines(in: text, from: start))
    }

    /// Where the text of the line at `start` begins: past spaces, tabs, no-break spaces and
    /// byte-order marks (files that begin ` date 2022-02-16…`, or with a BOM that survived
    /// decoding, still have a header).
    static func skipIndentation(in text: String, from start: String.Index) -> String.Index {
        var position = start
        while position < text.endIndex, [" ", "\t", "\u{A0}", "\u{FEFF}"].contains(text[position]) {
            position = text.index(after: position)
        }
        return position
    }

    /// The start of the first line at or after `start` that is not blank, or `text.endIndex`.
    static func skipBlankLines(in text: String, from start: String.Index) -> String.Index {
        let utf8 = text.utf8
        var lineStart = start
        var position = start
        while position < utf8.endIndex {
            switch utf8[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position = utf8.index(after: position)
            case UInt8(ascii: "\n"):
                position = utf8.index(after: position)
                lineStart = position
            default:
                return lineStart
            }
        }
        return text.endIndex
    }

    /// `line` without trailing spaces, tabs and carriage returns.
    static func trimmingTrailingSpace(_ line: Substring) -> Substring {
        var line = line
        while let last = line.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            line = line[..<line.unicodeScalars.index(before: line.endIndex)]
        }
        return line
    }

    /// `line` without leading and trailing white space.
    static func trimmed(_ line: Substring) -> Substring {
        var line = line
        while line.first?.isWhitespace == true { line.removeFirst() }
        while line.last?.isWhitespace == true { line.removeLast() }
        return line
    }
}
