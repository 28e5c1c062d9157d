// Lector exec plugin in Swift: words and estimated reading time of the article.
//
// Protocol 1 (see Plugins/README.md): read the hello line, answer with a handshake, then
// answer one line per request. Options: `words_per_minute` (default 230).
import LectorCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads one line from standard input, or `nil` at the end.
func readLineBytes() -> [UInt8]? {
    guard let line = readLine(strippingNewline: true) else { return nil }
    return Array(line.utf8)
}

/// Writes one line to standard output and flushes it: Lector waits for each reply.
func writeLine(_ value: JSONValue) {
    print(value.encodedString())
    fflush(nil)
}

let hello = readLineBytes().flatMap { try? JSONValue.parse($0) } ?? [:]
let name = hello["name"]?.stringValue ?? "reading_time"
let wordsPerMinute = max(1, hello["options"]?["words_per_minute"]?.doubleValue ?? 230)
writeLine(["lector_plugin": 1, "name": .string(name), "version": "1.0.0", "adds": [.string(name)]])

while let line = readLineBytes() {
    guard let request = try? JSONValue.parse(line), let id = request["id"]?.stringValue else {
        writeLine(["error": ["code": "invalid_input", "message": "unreadable request"]])
        continue
    }
    let text = request["document"]?["text"]?.stringValue ?? ""
    var words = 0
    var inWord = false
    for scalar in text.unicodeScalars {
        let isSpace = scalar.properties.isWhitespace
        if !isSpace, !inWord { words += 1 }
        inWord = !isSpace
    }
    let minutes = (Double(words) / wordsPerMinute * 10).rounded() / 10
    writeLine(["id": .string(id), "fields": [name: ["words": .int(words), "minutes": .double(minutes)]]])
}
