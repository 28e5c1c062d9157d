import LectorCore

/// Finds YAML front matter (`---` … `---` or `...`) at the very start of an article and
/// reads it with ``YAMLSubsetReader``.
enum FrontMatterParser {
    /// What the start of an article holds.
    enum Outcome {
        /// The article does not start with a `---` line.
        case absent
        /// Front matter was read; the body starts at `bodyStart`.
        case parsed([(key: String, value: JSONValue)], bodyStart: String.Index)
        /// The article starts with `---` but what follows could not be read.
        case unreadable(String)
    }

    /// The most lines a front matter block may have before we give up looking for its end.
    static let maximumLines = 1000

    /// Looks for front matter at the start of `text`.
    ///
    /// - Parameter text: The article.
    /// - Returns: What was found.
    static func parse(_ text: String) -> Outcome {
        parse(text, from: text.startIndex)
    }

    /// Reads a front-matter block whose opening `---` is at `start` (after blank lines or
    /// indentation the caller skipped).
    static func parse(_ text: String, from start: String.Index) -> Outcome {
        guard text[start...].utf8.starts(with: "---".utf8) else { return .absent }
        let openingEnd = TextLines.lineEnd(in: text, from: start)
        guard TextLines.trimmingTrailingSpace(text[start..<openingEnd]) == "---", openingEnd < text.endIndex else {
            return .absent
        }
        var lines: [(number: Int, text: Substring)] = []
        var position = TextLines.nextLine(in: text, after: openingEnd)
        while position < text.endIndex {
            let end = TextLines.lineEnd(in: text, from: position)
            let line = TextLines.trimmingTrailingSpace(text[position..<end])
            if line == "---" || line == "..." {
                do {
                    var reader = try YAMLSubsetReader(lines: lines)
                    let entries = try reader.readDocument()
                    return .parsed(entries, bodyStart: TextLines.nextLine(in: text, after: end))
                } catch {
                    return .unreadable("\(error)")
                }
            }
            lines.append((lines.count + 2, line))
            guard lines.count < maximumLines else { break }
            position = TextLines.nextLine(in: text, after: end)
        }
        return .unreadable("no closing '---' line")
    }
}
