import LectorCore

/// Reads the subset of YAML that article front matter uses.
///
/// Supported: `key: value` mappings (nested by indentation), plain, single- and
/// double-quoted scalars (with escapes), inline lists `[a, b]`, block lists of `- item`
/// (also of mappings), literal `|` and folded `>` block scalars, and `#` comments. Plain
/// scalars follow the YAML core schema: `true`/`false`, `null`/`~`, integers and decimals
/// become JSON values; everything else, dates included, stays a string.
///
/// Not supported (reported as a ``Failure``): anchors, aliases, tags, inline mappings
/// `{…}`, multi-line quoted scalars and tab indentation.
struct YAMLSubsetReader {
    /// Why the front matter could not be read, with its line (counting the opening `---`
    /// as line 1).
    struct Failure: Error, CustomStringConvertible {
        var line: Int
        var message: String

        var description: String { "line \(line): \(message)" }
    }

    /// One line: its number, its indentation in spaces, and its text after the indentation.
    struct Line {
        var number: Int
        var indent: Int
        var content: Substring

        /// Blank and comment lines carry no structure.
        var isIgnorable: Bool { content.isEmpty || content.first == "#" }

        /// Whether the line is a block-list item (`- item` or a lone `-`).
        var isListItem: Bool { content == "-" || content.hasPrefix("- ") }
    }

    private var lines: [Line]
    private var index = 0

    /// Prepares to read `lines` (without the fences).
    ///
    /// - Parameter lines: Each line's number and text, trailing white space removed.
    /// - Throws: ``Failure`` when a line is indented with a tab.
    init(lines: [(number: Int, text: Substring)]) throws {
        self.lines = []
        self.lines.reserveCapacity(lines.count)
        for (number, text) in lines {
            var content = text
            var indent = 0
            while let first = content.first, first == " " || first == "\t" {
                if first == "\t" && !TextLines.isBlank(content) {
                    throw Failure(line: number, message: "tabs cannot indent YAML")
                }
                indent += 1
                content.removeFirst()
            }
            self.lines.append(Line(number: number, indent: indent, content: content))
        }
    }

    /// Reads the whole block as one mapping.
    ///
    /// - Returns: The mapping's keys and values, in order.
    /// - Throws: ``Failure`` on anything outside the supported subset.
    mutating func readDocument() throws -> [(key: String, value: JSONValue)] {
        skipIgnorable()
        guard index < lines.count else { return [] }
        let entries = try readMapping(indent: lines[index].indent)
        skipIgnorable()
        if index < lines.count {
            throw Failure(line: lines[index].number, message: "unexpected indentation")
        }
        return entries
    }

    private mutating func skipIgnorable() {
        while index < lines.count, lines[index].isIgnorable { index += 1 }
    }

    private mutating func readMapping(indent: Int) throws -> [(key: String, value: JSONValue)] {
        var entries: [(key: String, value: JSONValue)] = []
        while true {
            skipIgnorable()
            guard index < lines.count, lines[index].indent == indent else { break }
            let line = lines[index]
            if line.isListItem {
                throw Failure(line: line.number, message: "a list item where 'key: value' was expected")
            }
            let (key, rest) = try Self.splitKey(line)
            index += 1
            entries.append((key, try readValue(rest, line: line, parentIndent: indent)))
        }
        return entries
    }

    private mutating func readSequence(indent: Int) throws -> JSONValue {
        var items: [JSONValue] = []
        while true {
            skipIgnorable()
            guard index < lines.count, lines[index].indent == indent, lines[index].isListItem else { break }
            let line = lines[index]
            var item = line.content.dropFirst()
            var offset = 1
            while item.first == " " {
                item.removeFirst()
                offset += 1
            }
            let nested = Line(number: line.number, indent: indent + offset, content: item)
            if !item.isEmpty, !"\"'[{".contains(item.first ?? " "), (try? Self.splitKey(nested)) != nil {
                lines[index] = nested
                items.append(.object(JSONObject(try readMapping(indent: nested.indent).map { ($0.key, $0.value) })))
            } else {
                index += 1
                items.append(try readValue(item, line: line, parentIndent: indent))
            }
        }
        return .array(items)
    }

    /// Reads the value that follows `key:` on `line` (`rest`), and any lines belonging to it.
    private mutating func readValue(_ rest: Substring, line: Line, parentIndent: Int) throws -> JSONValue {
        let text = Self.strippingComment(rest)
        guard let first = text.first else {
            skipIgnorable()
            guard index < lines.count else { return .null }
            let next = lines[index]
            if next.indent > parentIndent {
                if next.isListItem { return try readSequence(indent: next.indent) }
                let entries = try readMapping(indent: next.indent)
                return .object(JSONObject(entries.map { ($0.key, $0.value) }))
            }
            if next.indent == parentIndent && next.isListItem { return try readSequence(indent: parentIndent) }
            return .null
        }
        switch first {
        case "\"", "'":
            let (value, remainder) = try Self.readQuoted(rest, line: line.number)
            guard Self.strippingComment(remainder).isEmpty else {
                throw Failure(line: line.number, message: "unexpected text after a quoted value")
            }
            return .string(value)
        case "[": return try Self.readInlineList(rest, line: line.number)
        case "{": throw Failure(line: line.number, message: "inline mappings ('{…}') are not supported")
        case "&", "*", "!": throw Failure(line: line.number, message: "anchors, aliases and tags are not supported")
        case "|", ">": return .string(readBlockScalar(header: text, parentIndent: parentIndent))
        default:
            var plain = String(text)
            while index < lines.count, !lines[index].content.isEmpty, lines[index].indent > parentIndent,
                lines[index].content.first != "#", (try? Self.splitKey(lines[index])) == nil
            {
                plain += " " + Self.strippingComment(lines[index].content)
                index += 1
            }
            return Self.plainScalar(plain)
        }
    }

    /// Reads the lines of a `|` (literal) or `>` (folded) block scalar.
    private mutating func readBlockScalar(header: Substring, parentIndent: Int) -> String {
        var body: [Line] = []
        while index < lines.count, lines[index].content.isEmpty || lines[index].indent > parentIndent {
            body.append(lines[index])
            index += 1
        }
        while body.last?.content.isEmpty == true { body.removeLast() }
        let base = body.first { !$0.content.isEmpty }?.indent ?? 0
        let texts = body.map { line in
            line.content.isEmpty ? "" : String(repeating: " ", count: max(0, line.indent - base)) + line.content
        }
        var value: String
        if header.first == ">" {
            value = ""
            for text in texts {
                if text.isEmpty {
                    value += "\n"
                } else {
                    if !value.isEmpty && value.last != "\n" { value += " " }
                    value += text
                }
            }
        } else {
            value = texts.joined(separator: "\n")
        }
        return header.dropFirst().hasPrefix("-") || value.isEmpty ? value : value + "\n"
    }
}
