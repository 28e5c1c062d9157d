import LectorCore
import LectorYAML

/// Finds YAML front matter (`---` … `---` or `...`) at the very start of an article and
/// reads it with the same libyaml reader as `config.yaml` (``YAMLReader``): any YAML a
/// mapping can hold, inline mappings and multi-line scalars included, with the reader's
/// limits (no aliases, so no "billion laughs"; no tags; bounded nesting; a key given twice
/// is a mistake). Front matter that breaks them is left in the text with a warning.
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
        let blockStart = TextLines.nextLine(in: text, after: openingEnd)
        var position = blockStart
        var lineCount = 0
        while position < text.endIndex {
            let end = TextLines.lineEnd(in: text, from: position)
            let line = TextLines.trimmingTrailingSpace(text[position..<end])
            if line == "---" || line == "..." {
                // A newline for the opening fence, so that libyaml's lines (in messages too)
                // are the article's.
                let block = [UInt8(ascii: "\n")] + Array(text[blockStart..<position].utf8)
                return read(block, bodyStart: TextLines.nextLine(in: text, after: end))
            }
            lineCount += 1
            guard lineCount < maximumLines else { break }
            position = TextLines.nextLine(in: text, after: end)
        }
        return .unreadable("no closing '---' line")
    }

    /// Reads the YAML between the fences; an empty or comment-only block is no fields.
    private static func read(_ block: [UInt8], bodyStart: String.Index) -> Outcome {
        let (root, errors) = YAMLReader.read(block, source: "front matter")
        if let error = errors.first {
            if errors.count == 1, error.isEmptyInput { return .parsed([], bodyStart: bodyStart) }
            return .unreadable(describe(error))
        }
        guard let root else { return .parsed([], bodyStart: bodyStart) }
        guard case .mapping(let entries) = root.kind else {
            return .unreadable("line \(root.location.line): expected 'key: value' lines, found \(root.kindName)")
        }
        return .parsed(entries.map { ($0.key, $0.value.frontMatterValue) }, bodyStart: bodyStart)
    }

    /// `line N: message`, counting the opening `---` as line 1.
    private static func describe(_ error: YAMLError) -> String {
        guard let location = error.location else { return error.message }
        return "line \(location.line): \(error.message)"
    }
}
