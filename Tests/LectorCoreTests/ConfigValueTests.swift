import LectorCore
import Testing

@Suite("ConfigValue and ProcessorOptions")
struct ConfigValueTests {
    private func scalar(_ text: String, quoted: Bool = false, line: Int = 3, column: Int = 7) -> ConfigValue {
        ConfigValue(.scalar(text, quoted: quoted), at: SourceLocation(line: line, column: column))
    }

    private func mapping(_ pairs: [(String, ConfigValue)]) -> ConfigValue {
        let entries = pairs.enumerated().map { index, pair in
            ConfigEntry(key: pair.0, keyLocation: SourceLocation(line: 10 + index, column: 5), value: pair.1)
        }
        return ConfigValue(.mapping(entries), at: SourceLocation(line: 10, column: 5))
    }

    @Test("typed accessors read what they should")
    func accessors() throws {
        #expect(try scalar("42").int() == 42)
        #expect(try scalar("1_000").int() == 1000)
        #expect(try scalar("0.5").double() == 0.5)
        #expect(try scalar("True").bool())
        #expect(try !scalar("no").bool())
        #expect(try scalar("250ms").seconds() == 0.25)
        #expect(try scalar("2m").seconds() == 120)
        #expect(try scalar("5").seconds() == 5)
        #expect(try scalar("10MiB").bytes() == 10_485_760)
        #expect(try scalar("512 KB").bytes() == 512_000)
        #expect(try scalar("en").stringList() == ["en"])
        #expect(scalar("~").isNull)
        #expect(!scalar("null", quoted: true).isNull)
    }

    @Test("a quoted number is not a number")
    func quotedNumber() {
        #expect(throws: ProcessorError.self) { try scalar("3", quoted: true).int() }
    }

    @Test("mismatches carry the node's location and say what was expected")
    func mismatch() throws {
        let error = try #require(throws: ProcessorError.self) { try scalar("two").int() }
        #expect(error.code == .invalidOptions)
        #expect(error.location == SourceLocation(line: 3, column: 7))
        #expect(error.message == "expected a whole number, found 'two'")
        let seconds = try #require(throws: ProcessorError.self) { try scalar("soon").seconds() }
        #expect(seconds.message == "expected a duration such as 500ms, 5s, 2m or 1h, found 'soon'")
    }

    @Test("options: ranges, allowed values and unknown keys with did-you-mean")
    func options() throws {
        var options = try ProcessorOptions(
            mapping([("sentences", scalar("3")), ("mode", scalar("fast")), ("per_entiy", scalar("true"))])
        )
        #expect(try options.int("sentences", default: 1, in: 1...10) == 3)
        #expect(try options.string("mode", default: "slow", allowed: ["fast", "slow"]) == "fast")
        #expect(try options.bool("per_entity", default: false) == false)
        let error = try #require(throws: ProcessorError.self) { try options.finish() }
        #expect(error.message == "unknown option 'per_entiy' (did you mean 'per_entity'?)")
        #expect(error.location == SourceLocation(line: 12, column: 5))
    }

    @Test("out-of-range and disallowed values are errors at the value")
    func optionValues() throws {
        var options = try ProcessorOptions(mapping([("sentences", scalar("0")), ("mode", scalar("fsat"))]))
        let range = try #require(throws: ProcessorError.self) {
            try options.int("sentences", default: 1, in: 1...10)
        }
        #expect(range.message == "sentences must be between 1 and 10, found 0")
        let allowed = try #require(throws: ProcessorError.self) {
            try options.string("mode", default: "slow", allowed: ["fast", "slow"])
        }
        #expect(allowed.message == "mode must be one of fast, slow, found 'fsat' (did you mean 'fast'?)")
    }

    @Test("options that are not a mapping are refused")
    func notAMapping() {
        #expect(throws: ProcessorError.self) { try ProcessorOptions(scalar("3")) }
        #expect(throws: Never.self) { try ProcessorOptions(scalar("~")) }
    }

    @Test(
        "did-you-mean finds near misses only",
        arguments: [
            ("langauge", "language"), ("sumary", "summary"), ("entites", "entities"), ("xyz", nil),
            ("sentiment", "sentiment"),
        ] as [(String, String?)]
    )
    func spelling(word: String, expected: String?) {
        #expect(
            Spelling.suggestion(for: word, among: ["metadata", "language", "entities", "summary", "sentiment"])
                == expected
        )
    }
}
