import LectorCore
import LectorYAML

/// Finds YAML front matter (`---` … `---` or `...`) at the very start of an article and
/// reads it with the same libyaml reader as `config.yaml` (``YAMLReader``): any YAML a
/// mapping can hold, inline mappings and multi-line scalars included, with the reader's
/// limits (no aliases, so no "billion laughs"; no tags; bounded nesting; a key given twice
/// is a mistake). Front matter that breaks them is left in the text with a warning.
///
/// Hand-written front matter often has plain values YAML refuses: a title with a colon
/// (`title: Breaking: news`) or a value starting with `@` or a backtick (`author: @jane`).
/// When libyaml refuses a block, it is read once more with those values single-quoted
/// (``quotingPlainValues(_:)``); the warning names the first reading's mistake when that
/// fails too.
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
                // A newline for each line before the block (the opening fence and any blank
                // lines above it), so that libyaml's lines, in messages too, are the article's.
                let linesBefore = text.utf8[..<blockStart].lazy.filter { $0 == UInt8(ascii: "\n") }.count
                let padding = [UInt8](repeating: UInt8(ascii: "\n"), count: linesBefore)
                return read(
                    Array(text[blockStart..<position].utf8),
                    padding: padding,
                    bodyStart: TextLines.nextLine(in: text, after: end)
                )
            }
            lineCount += 1
            guard lineCount < maximumLines else { break }
            position = TextLines.nextLine(in: text, after: end)
        }
        return .unreadable("no closing '---' line")
    }

    /// Reads the YAML between the fences; an empty or comment-only block is no fields.
    ///
    /// - Parameters:
    ///   - block: The lines between the fences.
    ///   - padding: A newline for each article line before `block`.
    ///   - bodyStart: Where the body starts, after the closing fence.
    /// - Returns: The fields, or why the block cannot be read.
    private static func read(_ block: [UInt8], padding: [UInt8], bodyStart: String.Index) -> Outcome {
        var (root, errors) = YAMLReader.read(padding + block, source: "front matter")
        if root == nil, let error = errors.first, !error.isEmptyInput, let quoted = quotingPlainValues(block) {
            // libyaml refused the block: read it again with colons and reserved characters in
            // plain values quoted, and keep the first reading's mistake if that fails too.
            let retry = YAMLReader.read(padding + quoted, source: "front matter")
            if retry.root != nil { (root, errors) = retry }
        }
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

    /// `line N: message`, N being the article's line where the mistake starts.
    private static func describe(_ error: YAMLError) -> String {
        guard let location = error.origin ?? error.location else { return error.message }
        return "line \(location.line): \(error.message)"
    }

    /// The block with the plain value of each top-level `key: value` line single-quoted
    /// (a `'` doubled) when YAML would refuse it unquoted: a value holding `: ` or ending
    /// with `:` (`title: Breaking: news`), or starting with `@` or a backtick. Values
    /// already quoted, flow collections and block scalars (starting with `"`, `'`, `[`,
    /// `{`, `|` or `>`) are left alone, and so is a trailing ` # comment`. Lines keep their
    /// numbers, so messages keep their lines.
    ///
    /// - Parameter block: The lines between the fences.
    /// - Returns: The rewritten block, or `nil` when no line needed quoting.
    private static func quotingPlainValues(_ block: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(block.count + 16)
        var changed = false
        let lines = block.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "\n")) }
            if let quoted = quotingPlainValue(line) {
                output += quoted
                changed = true
            } else {
                output += line
            }
        }
        return changed ? output : nil
    }

    /// One line of ``quotingPlainValues(_:)``, or `nil` when it stays as it is.
    private static func quotingPlainValue(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        let space = UInt8(ascii: " ")
        let colon = UInt8(ascii: ":")
        // A top-level key: not indented, and not a comment, list item or other indicator.
        guard let first = line.first, !Self.keyIndicators.contains(first) else { return nil }
        guard
            let separator = line.indices.first(where: {
                line[$0] == colon && $0 + 1 < line.endIndex && line[$0 + 1] == space
            })
        else { return nil }
        var valueStart = separator + 2
        while valueStart < line.endIndex, line[valueStart] == space { valueStart += 1 }
        // The value ends before a ` #` comment and trailing spaces (a CR included).
        var valueEnd = line.endIndex
        if let comment = line[valueStart...].indices.first(where: {
            line[$0] == UInt8(ascii: "#") && (line[$0 - 1] == space || line[$0 - 1] == UInt8(ascii: "\t"))
        }) {
            valueEnd = comment
        }
        while valueEnd > valueStart, [space, UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(line[valueEnd - 1]) {
            valueEnd -= 1
        }
        let value = line[valueStart..<valueEnd]
        guard let head = value.first, !Self.valueIndicators.contains(head) else { return nil }
        // A colon ending the value, or followed by a space, is a mapping indicator to YAML.
        let holdsColon = value.indices.contains {
            value[$0] == colon && ($0 + 1 == value.endIndex || value[$0 + 1] == space)
        }
        guard holdsColon || head == UInt8(ascii: "@") || head == UInt8(ascii: "`") else { return nil }
        var quoted = Array(line[..<valueStart])
        quoted.append(UInt8(ascii: "'"))
        for byte in value {
            quoted.append(byte)
            if byte == UInt8(ascii: "'") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "'"))
        quoted += line[valueEnd...]
        return quoted
    }

    /// First characters of a line that is not a plain `key: value` line at the top level.
    private static let keyIndicators: Set<UInt8> = Set(" \t\r#-?:,[]{}&*!|>'\"%@`".utf8)

    /// First characters of a value that is already quoted, a flow collection or a block scalar.
    private static let valueIndicators: Set<UInt8> = Set("\"'[{|>".utf8)
}
