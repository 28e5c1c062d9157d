import LectorCore

extension YAMLSubsetReader {
    /// Splits `key: rest` (the key may be quoted); the colon must be followed by white
    /// space or end the line, so `http://…` is not a key.
    static func splitKey(_ line: Line) throws -> (String, Substring) {
        let content = line.content
        if let first = content.first, first == "\"" || first == "'" {
            let (key, remainder) = try readQuoted(content, line: line.number)
            guard remainder.first == ":" else {
                throw Failure(line: line.number, message: "expected ':' after the quoted key")
            }
            return (key, remainder.dropFirst().drop { $0 == " " })
        }
        var position = content.startIndex
        while let colon = content[position...].firstIndex(of: ":") {
            let after = content.index(after: colon)
            if after == content.endIndex || content[after] == " " {
                let key = TextLines.trimmingTrailingSpace(content[..<colon])
                guard !key.isEmpty else { break }
                return (String(key), content[after...].drop { $0 == " " })
            }
            position = after
        }
        throw Failure(line: line.number, message: "expected 'key: value', found '\(content.prefix(40))'")
    }

    /// `text` without a trailing `# comment` (a `#` after white space) and trailing space.
    static func strippingComment(_ text: Substring) -> Substring {
        if text.first == "#" { return text[text.startIndex..<text.startIndex] }
        var previous: Character = "x"
        for index in text.indices {
            if text[index] == "#" && (previous == " " || previous == "\t") {
                return TextLines.trimmingTrailingSpace(text[..<index])
            }
            previous = text[index]
        }
        return TextLines.trimmingTrailingSpace(text)
    }

    /// Reads a single- or double-quoted scalar at the start of `text`.
    ///
    /// - Returns: The value and the text after the closing quote.
    static func readQuoted(_ text: Substring, line: Int) throws -> (String, Substring) {
        guard let quote = text.first else { throw Failure(line: line, message: "expected a quoted value") }
        var value = ""
        var position = text.index(after: text.startIndex)
        while position < text.endIndex {
            let character = text[position]
            position = text.index(after: position)
            if quote == "'" {
                guard character == "'" else {
                    value.append(character)
                    continue
                }
                if position < text.endIndex && text[position] == "'" {
                    value.append("'")
                    position = text.index(after: position)
                    continue
                }
                return (value, text[position...])
            }
            if character == "\"" { return (value, text[position...]) }
            guard character == "\\" else {
                value.append(character)
                continue
            }
            guard position < text.endIndex else { break }
            let escape = text[position]
            position = text.index(after: position)
            switch escape {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "0": value.append("\0")
            case "\"", "\\", "/", " ": value.append(escape)
            case "x", "u", "U":
                let width = escape == "x" ? 2 : escape == "u" ? 4 : 8
                let hex = text[position...].prefix(width)
                guard hex.count == width, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw Failure(line: line, message: "invalid \\\(escape) escape")
                }
                value.unicodeScalars.append(scalar)
                position = hex.endIndex
            default:
                throw Failure(line: line, message: "unknown escape '\\\(escape)'")
            }
        }
        throw Failure(line: line, message: "unterminated quoted value")
    }

    /// Reads an inline list `[a, "b", 3]` that makes up the rest of the line.
    static func readInlineList(_ text: Substring, line: Int) throws -> JSONValue {
        var items: [JSONValue] = []
        var rest = text.dropFirst()
        while true {
            rest = rest.drop { $0 == " " }
            guard let first = rest.first else {
                throw Failure(line: line, message: "unterminated inline list")
            }
            if first == "]" {
                rest = rest.dropFirst()
                break
            }
            if first == "\"" || first == "'" {
                let (value, remainder) = try readQuoted(rest, line: line)
                items.append(.string(value))
                rest = remainder.drop { $0 == " " }
            } else if first == "[" || first == "{" {
                throw Failure(line: line, message: "nested inline collections are not supported")
            } else {
                let end = rest.firstIndex { $0 == "," || $0 == "]" } ?? rest.endIndex
                items.append(plainScalar(String(TextLines.trimmingTrailingSpace(rest[..<end]))))
                rest = rest[end...]
            }
            guard let separator = rest.first else {
                throw Failure(line: line, message: "unterminated inline list")
            }
            rest = rest.dropFirst()
            if separator == "]" { break }
            guard separator == "," else {
                throw Failure(line: line, message: "expected ',' or ']' in an inline list")
            }
        }
        guard strippingComment(rest).isEmpty else {
            throw Failure(line: line, message: "unexpected text after an inline list")
        }
        return .array(items)
    }

    /// A plain scalar as the YAML core schema types it.
    static func plainScalar(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        let numeric = text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2B || $0 == 0x2E }
        if numeric, let number = Int(text) { return .int(number) }
        if numeric, text.utf8.contains(0x2E), let number = Double(text), number.isFinite { return .double(number) }
        return .string(text)
    }
}
