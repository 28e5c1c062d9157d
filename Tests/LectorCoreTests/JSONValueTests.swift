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
