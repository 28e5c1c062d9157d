import LectorCore
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test("compact encoding keeps member order and escapes what JSON requires")
    func compactEncoding() {
        let value: JSONValue = [
            "z": 1, "a": "line\nbreak \"quoted\" back\\slash \u{01}", "n": nil, "f": 0.25, "t": true,
            "list": [1, "x", [:]],
        ]
        #expect(
            value.encodedString()
                == #"{"z":1,"a":"line\nbreak \"quoted\" back\\slash \u0001","n":null,"f":0.25,"t":true,"list":[1,"x",{}]}"#
        )
    }

    @Test("pretty encoding indents by two spaces")
    func prettyEncoding() {
        let value: JSONValue = ["a": [1, 2], "b": [:]]
        #expect(value.encodedString(style: .pretty) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}")
    }

    @Test("non-finite doubles encode as null, whole doubles without a fraction")
    func doubles() {
        #expect(JSONValue.double(.nan).encodedString() == "null")
        #expect(JSONValue.double(.infinity).encodedString() == "null")
        #expect(JSONValue.double(3).encodedString() == "3")
        #expect(JSONValue.double(-0.5).encodedString() == "-0.5")
    }

    @Test("numbers of up to three decimals are written as description writes them, others too")
    func thousandths() {
        var numbers: [Double] = [0.001, -0.001, 0.5, 0.125, -0.125, 0.1, 0.3, 2.675, 123_456.789, -999_999_999.999]
        numbers += [0.1234, 1.0 / 3, 1e-7, 2.5e-4, 1e20 + 0.5, 999_999_999.5, 1_000_000_000.5, 0.1 + 0.2]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let thousandths = Double(Int.random(in: -5_000_000...5_000_000, using: &generator))
            numbers.append(thousandths / 1000)
            numbers.append(Double.random(in: -1000...1000, using: &generator))
        }
        for number in numbers where number != number.rounded() {
            #expect(JSONValue.double(number).encodedString() == number.description, "\(number)")
        }
    }

    @Test("a byte that needs an escape is found at every place of an eight-byte word")
    func escapeInEveryPlace() {
        let specials: [UInt8] = [0x00, 0x1F, 0x22, 0x5C, 0x7F]
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7E, 0x41]
        for special in specials + plain {
            for place in 0..<24 {
                var bytes = Array(repeating: UInt8(ascii: "a"), count: 24)
                bytes[place] = special
                let text = String(decoding: bytes, as: UTF8.self)
                let expected = Self.escapedByteByByte(text)
                #expect(JSONValue.string(text).encodedString() == expected, "\(special) at \(place)")
            }
        }
    }

    @Test("an output larger than the first buffer grows and keeps every byte")
    func largeOutput() {
        let line = "Zürich \"quoted\" \u{01} tab\t — " + String(repeating: "x", count: 50)
        let text = String(repeating: line, count: 2_000)
        let value: JSONValue = ["text": .string(text), "list": .array((0..<5_000).map { .double(Double($0) / 8) })]
        let numbers = (0..<5_000).map { JSONValue.double(Double($0) / 8).encodedString() }
        let list = #","list":["# + numbers.joined(separator: ",") + "]}"
        let expected = #"{"text":"# + Self.escapedByteByByte(text) + list
        #expect(value.encodedString() == expected)
    }

    /// A string literal escaped one byte at a time: what the writer's word-at-a-time search
    /// must agree with.
    private static func escapedByteByByte(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u00" + String(scalar.value >> 4, radix: 16) + String(scalar.value & 0xF, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test("integers are written digit by digit, the extremes included")
    func integers() {
        for number in [0, 7, -7, 10, 1_000_000, Int.max, Int.min] {
            #expect(JSONValue.int(number).encodedString() == String(number))
        }
        #expect(JSONValue.double(-1e14).encodedString() == "-100000000000000")
    }

    @Test("escapes between and around plain runs, control characters as \\u00XX")
    func escapeRuns() {
        #expect(JSONValue.string("\"a\\b\n").encodedString() == #""\"a\\b\n""#)
        #expect(JSONValue.string("\u{01}x\u{7F}\u{1F}").encodedString() == #""\u0001x\u007f\u001f""#)
        #expect(JSONValue.string("").encodedString() == #""""#)
        #expect(JSONValue.string("\t\r\u{08}\u{0C}").encodedString() == #""\t\r\b\f""#)
    }

    @Test("non-ASCII text is written as UTF-8, not escaped")
    func unicode() {
        #expect(JSONValue.string("Zürich 東京 🙂").encodedString() == "\"Zürich 東京 🙂\"")
    }

    @Test(
        "parsing round-trips",
        arguments: [
            #"{"id":"a","n":-12,"x":1.5e3,"ok":false,"nothing":null,"list":[{"k":[]}]}"#,
            #"[]"#, #""é""#, "0", "-0.125",
        ]
    )
    func roundTrip(text: String) throws {
        let value = try JSONValue.parse(text)
        let again = try JSONValue.parse(value.encodedString())
        #expect(value == again)
    }

    @Test("escapes and surrogate pairs decode; lone surrogates become U+FFFD")
    func escapes() throws {
        #expect(try JSONValue.parse(#""a\u00e9\n\t\/\ud83d\ude42""#) == .string("aé\n\t/🙂"))
        #expect(try JSONValue.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
    }

    @Test("integers stay integers; big ones become doubles")
    func numbers() throws {
        #expect(try JSONValue.parse("42") == .int(42))
        #expect(try JSONValue.parse("1e2") == .double(100))
        #expect(try JSONValue.parse("123456789012345678901234567890").doubleValue == 1.2345678901234568e29)
    }

    @Test(
        "malformed JSON is rejected with an offset",
        arguments: [
            ("{", 1), ("[1,]", 3), (#"{"a" 1}"#, 5), ("tru", 0), ("01", 1), (#""\x""#, 3), ("1 2", 2),
            ("\"a\u{01}\"", 2), ("-", 1), ("1.", 2),
        ]
    )
    func malformed(text: String, offset: Int) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        do {
            _ = try JSONValue.parse(text)
        } catch {
            #expect(error.offset == offset)
        }
    }

    @Test("a number too large for a Double is refused (found by fuzzing: it re-encoded as null)")
    func overflow() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"":-2e11111111111111111111}"#) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("1e400") }
    }

    @Test("deep nesting is refused instead of exhausting the stack")
    func depth() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test("invalid UTF-8 inside a string is rejected")
    func invalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0x22]) }
    }

    @Test("JSONObject keeps insertion order, replaces in place and removes with nil")
    func objectOrder() {
        var object = JSONObject()
        object["b"] = 1
        object["a"] = 2
        object["b"] = 3
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == 3)
        object["b"] = nil
        #expect(object.keys == ["a"])
        #expect(JSONObject([("x", 1), ("y", 2)]) == JSONObject([("y", 2), ("x", 1)]))
    }
}
