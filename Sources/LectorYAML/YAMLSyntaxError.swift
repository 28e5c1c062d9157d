import CYAML
import LectorCore

/// A mistake that stops reading YAML: a libyaml error, or an event sequence libyaml
/// should never produce.
struct YAMLSyntaxError: Error {
    var location: SourceLocation
    var message: String
    /// Where the mistake starts, when libyaml noticed it only later (``YAMLError/origin``).
    var origin: SourceLocation?

    init(location: SourceLocation, message: String, origin: SourceLocation? = nil) {
        self.location = location
        self.message = message
        self.origin = origin
    }

    /// Describes the error a libyaml parser stopped with.
    ///
    /// Reader errors (bad encoding, control characters) carry a byte offset rather than a
    /// mark, so their location is computed from `bytes`.
    ///
    /// - Parameters:
    ///   - parser: The parser, after `yaml_parser_parse` returned 0.
    ///   - bytes: The input, to locate reader errors and spot tabs.
    init(parser: yaml_parser_t, bytes: [UInt8]) {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            self.init(location: SourceLocation(line: 1, column: 1), message: "out of memory while reading YAML")
        case YAML_READER_ERROR:
            let isUTF8 = problem.contains("UTF-8")
            var message = isUTF8 ? "the file is not valid UTF-8: \(problem)" : problem
            if parser.problem_value >= 0 {
                let hex = String(parser.problem_value, radix: 16, uppercase: true)
                if isUTF8 {
                    message += " 0x\(hex)"
                } else {
                    message += " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))"
                }
            }
            self.init(location: Self.location(ofByte: parser.problem_offset, in: bytes), message: message)
        default:
            let mark = parser.problem_mark
            var message = problem
            var origin: SourceLocation?
            if let context = parser.context.map({ String(cString: $0) }) {
                let contextMark = parser.context_mark
                message += " (\(context) at \(contextMark.line + 1):\(contextMark.column + 1))"
                // libyaml notices a key without its ':' only at the next token, and a quote or
                // bracket left open only at the end of the input: the mistake is at the context.
                if problem == "could not find expected ':'" || mark.index >= bytes.count {
                    origin = SourceLocation(line: contextMark.line + 1, column: contextMark.column + 1)
                }
            }
            if mark.index < bytes.count, bytes[mark.index] == UInt8(ascii: "\t") {
                message += "; indent with spaces, not tabs"
            }
            self.init(
                location: SourceLocation(line: mark.line + 1, column: mark.column + 1),
                message: message,
                origin: origin
            )
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    ///
    /// - Parameters:
    ///   - offset: The byte offset.
    ///   - bytes: The input.
    /// - Returns: The location; line breaks are LF, CR LF or a lone CR, as in YAML.
    static func location(ofByte offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte != 0x0D, byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }
}
